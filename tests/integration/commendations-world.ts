import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SIGNING_CRLS_KEY } from '@thidua/functions/features/documents/http';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import { trustRoot } from '@thidua/functions/local/server-signer';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Api, apiAs, type Platform } from '../support/platform';
import { type ApiWorld, expectStatus, startApiWorld, testCampaign, useApiWorld } from './api-world';

/**
 * The commendation suites' world: the API world plus a campaign whose nomination form is in force today,
 * for the year only. A unit proposes as many nominees as it likes for that one period: a nomination is
 * a form filed several times per period (its submission slot is its own).
 */
export const COMMEND_CAMPAIGN = 'commend-test';
export const NOMINATION_PERIOD = '2026-Y';

/** The commendation suites' campaign, created by the administrator. */
export const addCommendationCampaign = async (admin: Api): Promise<void> => {
  const r = await admin.post(
    '/admin/campaigns',
    testCampaign(COMMEND_CAMPAIGN, {
      title: 'Phong trào thi đua thử nghiệm khen thưởng năm 2026',
      periods: [NOMINATION_PERIOD],
      forms: [
        {
          formKey: 'nomination',
          templateId: 'nomination_2023',
          templateVersion: 1,
          periods: [NOMINATION_PERIOD],
          deadlines: [],
        },
      ],
      awardTypeIds: ['bang_khen_chu_tich_ubnd_tinh', 'giay_khen_bcd_tinh', 'tap_the_lao_dong_xuat_sac'],
    }),
  );
  expect(r.status, r.text).toBe(201);
};

export const startCommendationWorld = async (): Promise<ApiWorld> => {
  const w = await startApiWorld();
  try {
    await addCommendationCampaign(w.as.admin);
    // These suites exercise the paper-original path, chosen explicitly as a province without digital
    // signature would (ADR 0032); the digital path has its own suite (commendations-signing.test.ts).
    await signOnPaper(w.as.admin);
    return w;
  } catch (err) {
    await w.stop();
    throw err;
  }
};

/** A unit the administrator adds under `parentId`, opened on 1 January 2026. */
export const addUnit = async (
  w: ApiWorld,
  unit: { id: string; kind: string; name: string; parentId: string },
): Promise<void> => {
  expectStatus(await w.as.admin.post('/admin/units', { ...unit, openedOn: '2026-01-01' }), 201);
};

/**
 * The deployment's trust for digital signatures, as its operator configures it: PEM bundles of roots
 * (and CRLs) in the documents bucket (docs/deploy.md).
 */
export const configureSigningTrust = async (platform: Platform, o: { roots: string; crls?: string }) => {
  const s3 = new S3Client({ region: platform.region, endpoint: platform.s3Endpoint, forcePathStyle: true });
  try {
    // Added to what the deployment trusts already (the local server signer's root among them).
    await trustRoot(s3, platform.bucketName, o.roots);
    if (o.crls)
      await s3.send(
        new PutObjectCommand({ Bucket: platform.bucketName, Key: SIGNING_CRLS_KEY, Body: o.crls }),
      );
  } finally {
    s3.destroy();
  }
};

/** A stored object's bytes through its presigned link (a decision's PDF, its signed file). */
export const fetchBytes = async (url: string): Promise<Uint8Array> => {
  const r = await fetch(url);
  expect(r.status).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
};

/**
 * The signer's side of a digital signature in a test (ADR 0032): the decision's generated PDF as the signer
 * downloads it, a test CA the deployment is told to trust, and that CA's certificate for the signer signing
 * the file — the signer's own tool (USB token, remote signing), played here.
 */
export const signingKit = async (platform: Platform, signer: Api, decisionId: string, caName: string) => {
  const link = expectStatus(await signer.get(`/commendations/decisions/${decisionId}/pdf`), 200);
  const generated = await fetchBytes(String(link.url));
  const ca = await testCa(caName);
  await configureSigningTrust(platform, { roots: toPem(ca.root.der) });
  const signedAs = async (name: string, pdf: Uint8Array = generated) => {
    const cert = await ca.issue(name);
    return signPdf(pdf, keySigner(cert.privateKey, [cert.der]), { at: new Date() });
  };
  return { generated, ca, signedAs };
};

/** The province's explicit, audited choice to issue decisions on paper originals (no digital signature yet). */
export const signOnPaper = async (admin: Api) => {
  const r = await admin.put('/tenant/signing', {
    mode: 'paper',
    reason: 'Lãnh đạo tỉnh chưa được cấp chứng thư số của Ban Cơ yếu Chính phủ',
  });
  expect(r.status, r.text).toBe(200);
};

/** The commendation world of a test file: started before its tests, stopped after them. */
export const useCommendationWorld = (): (() => ApiWorld) => useApiWorld(startCommendationWorld);

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Uploads a small PDF to a submission through the presigned POST and confirms it. */
export const uploadPdf = async (as: Api, submissionId: string, fileName: string) => {
  const created = expectStatus(
    await as.post(`/submissions/${submissionId}/attachments`, {
      fileName,
      contentType: 'application/pdf',
      size: PDF.byteLength,
    }),
    201,
  );
  const upload = created.upload as { url: string; fields: Record<string, string> };
  const attachment = created.attachment as { id: string };
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), fileName);
  const res = await fetch(upload.url, { method: 'POST', body: form });
  expect(res.status, await res.text()).toBeLessThan(300);
  expectStatus(await as.post(`/submissions/${submissionId}/attachments/${attachment.id}/confirm`), 200);
  return {
    attachmentId: attachment.id,
    name: fileName,
    size: PDF.byteLength,
    contentType: 'application/pdf',
  };
};

export interface NomineeInput {
  kind: 'collective' | 'individual';
  name: string;
  position?: string;
  awardTypeId: string;
  /** An individual's gender and date of birth (printed "Ông"/"Bà" in the decision). */
  gender?: 'male' | 'female';
  birthDate?: string;
}

/** The nomination form's data (sections of the nomination template). */
export const nominationData = (n: NomineeInput, files: Record<string, unknown[]> = {}) => ({
  nominee: {
    kind: n.kind,
    ...(n.kind === 'collective'
      ? { collectiveName: n.name }
      : {
          fullName: n.name,
          position: n.position ?? 'Cán bộ',
          ...(n.gender ? { gender: n.gender } : {}),
          ...(n.birthDate ? { birthDate: n.birthDate } : {}),
        }),
    unitName: n.kind === 'collective' ? n.name : 'Công an phường Tân Phú',
    awardTypeId: n.awardTypeId,
  },
  achievement: {
    summary:
      'Trong năm, đơn vị đã phát hiện, xử lý nhiều vụ việc, tổ chức tuyên truyền pháp luật và xây dựng mô hình điển hình về phòng, chống tội phạm.',
  },
  dossier: files,
  meeting: { date: '2026-01-10', members: 9, present: 9, votesFor: 9, votesAgainst: 0 },
});

/** A unit opens a nomination draft for the campaign's year (one more beside any it already has). */
export const draftNomination = async (as: Api, n: NomineeInput) =>
  expectStatus(
    await as.post('/submissions', {
      campaignId: COMMEND_CAMPAIGN,
      formKey: 'nomination',
      period: NOMINATION_PERIOD,
      data: nominationData(n),
    }),
    201,
  );

/** A unit files a nomination with its dossier and submits it; returns the submission id. */
export const fileNomination = async (as: Api, n: NomineeInput): Promise<string> =>
  completeNomination(as, n, await draftNomination(as, n));

/** Attaches the dossier to an open nomination draft and submits it; returns the submission id. */
export const completeNomination = async (
  as: Api,
  n: NomineeInput,
  draft: Record<string, unknown>,
): Promise<string> => {
  const id = String(draft.id);
  const files = {
    toTrinh: [await uploadPdf(as, id, 'to-trinh.pdf')],
    achievementReport: [await uploadPdf(as, id, 'bao-cao-thanh-tich.pdf')],
    minutes: [await uploadPdf(as, id, 'bien-ban.pdf')],
  };
  const saved = expectStatus(
    await as.put(`/submissions/${id}`, { data: nominationData(n, files), expectedVersion: draft.version }),
    200,
  );
  const submitted = expectStatus(
    await as.post(`/submissions/${id}/actions`, { type: 'submit', expectedVersion: saved.version }),
    200,
  );
  expect(submitted.state).toBe('under_review');
  return id;
};

/** The district drafts one tờ trình of `ids` (with its reference number, if given): the answer, with its findings. */
export const draftBatch = async (w: ApiWorld, ids: string[], reference?: string) =>
  expectStatus(
    await w.as.districtReviewer.post('/commendations/batches', {
      campaignId: COMMEND_CAMPAIGN,
      nominationIds: ids,
      ...(reference ? { reference } : {}),
    }),
    201,
  );

/** The district puts nominations into one tờ trình (with its reference number, if given) and sends it. */
export const consolidateAndSend = async (w: ApiWorld, ids: string[], reference?: string) => {
  const created = await draftBatch(w, ids, reference);
  const batch = created.batch as { id: string; version: number };
  const sent = expectStatus(
    await w.as.districtReviewer.post(`/commendations/batches/${batch.id}/submit`, {
      expectedVersion: batch.version,
    }),
    200,
  );
  return { batch, sent };
};

/** The district puts nominations into one tờ trình and sends it; the province approves it. */
export const consolidateAndApprove = async (w: ApiWorld, ids: string[]) => {
  const { batch, sent } = await consolidateAndSend(w, ids, '12/TTr-UBND');
  const approved = expectStatus(
    await w.as.provinceReviewer.post(`/commendations/batches/${batch.id}/decision`, {
      type: 'approve',
      expectedVersion: sent.version,
    }),
    200,
  );
  expect(approved.state).toBe('approved');
  return batch.id;
};

/**
 * A counted council session, ready to sign: one individual proposed for the Ban Chỉ đạo's Giấy khen (no
 * public disclosure), consolidated, approved, voted for by every member, closed.
 */
export const countedSession = async (w: ApiWorld, members: Api[], name: string) => {
  const nominationId = await fileNomination(w.as.communeSubmitter, {
    kind: 'individual',
    name,
    position: 'Cán bộ Công an phường',
    gender: 'male',
    birthDate: '1980-05-06',
    awardTypeId: 'giay_khen_bcd_tinh',
  });
  await consolidateAndApprove(w, [nominationId]);
  const s = expectStatus(
    await w.as.secretariat.post('/commendations/sessions', {
      campaignId: COMMEND_CAMPAIGN,
      issuingBodyId: 'bcd-tinh',
      title: `Phiên xét khen thưởng ${name}`,
      nominationIds: [nominationId],
      memberIds: await councilMemberIds(w),
    }),
    201,
  );
  const sessionId = String(s.id);
  for (const m of members)
    expectStatus(
      await m.post(`/commendations/sessions/${sessionId}/ballots`, { choices: { [nominationId]: 'agree' } }),
      201,
    );
  expectStatus(await w.as.secretariat.post(`/commendations/sessions/${sessionId}/close`), 200);
  return { sessionId, nominationId };
};

/** Council member ids (the seeded members of the province). */
export const councilMemberIds = async (w: ApiWorld): Promise<string[]> => {
  const r = expectStatus(await w.as.secretariat.get('/commendations/council/members'), 200);
  return (r.items as { userId: string }[]).map((m) => m.userId);
};

/** The commendation world with the three seeded council members signed in, as the council tests use it. */
export interface CouncilWorld {
  world: ApiWorld;
  /** hoidong1..3, each signed in. */
  members: Api[];
  memberIds: string[];
}

/**
 * Starts the council world before the file's tests and stops it after them; `take` receives it once it is
 * up (the tests keep it in their own variables).
 */
/** The council world as one object filled once it is up (read its fields inside the tests). */
export const councilWorld = (): CouncilWorld => {
  const c = {} as CouncilWorld;
  useCouncilWorld((x) => Object.assign(c, x));
  return c;
};

export const useCouncilWorld = (take: (c: CouncilWorld) => void): void => {
  let world: ApiWorld | undefined;
  beforeAll(async () => {
    world = await startCommendationWorld();
    const w = world;
    const members = await Promise.all(
      ['hoidong1@demo.thidua.vn', 'hoidong2@demo.thidua.vn', 'hoidong3@demo.thidua.vn'].map((e) =>
        apiAs(w.platform, e),
      ),
    );
    take({ world: w, members, memberIds: await councilMemberIds(w) });
  });
  afterAll(async () => {
    await world?.stop();
  });
};
