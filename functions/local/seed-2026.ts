import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '@thidua/shared/campaign';
import {
  commendationConfig2023,
  type Decision,
  type DecisionEntry,
  findIssuingBody,
  formatNumber,
  issuingBodyOn,
  type NominationRecord,
  nomineeKey,
  ruleSetOn,
  sequenceId,
} from '@thidua/shared/commendation';
import { templates2023 } from '@thidua/shared/forms';
import type { Identity, Role, Unit } from '@thidua/shared/org';
import {
  createDraft,
  rulesFor,
  saveDraft,
  type TransitionResult,
  transition,
  type WorkflowAction,
} from '@thidua/shared/workflow';
import { createCampaignRepository, createTemplateRepository } from '../src/features/campaigns/repository';
import { DOCX_TYPE, documentKey, modelKeyOf } from '../src/features/commendations/documents-store';
import { createCommendationRepository } from '../src/features/commendations/repository';
import { createMergerRepository } from '../src/features/mergers/repository';
import { consentToMerger, mergeTenant } from '../src/features/mergers/use-cases';
import { createUnitRepository, createUserRepository } from '../src/features/org/repository';
import { decisionSearchItems } from '../src/features/search/entries';
import { createSubmissionRepository, type StoredSubmission } from '../src/features/submissions/repository';
import { transactWrite } from '../src/kernel/data/transact';
import { newId } from '../src/kernel/ids';
import type { DocModel } from '../src/kernel/pdf/model';
import { emulatorClients } from './clients';
import {
  ensureContact,
  ensureTenantSecurity,
  ensureUnits,
  ensureUsers,
  ignoreExisting,
  type SeedTarget,
  seedAuditLog,
} from './seed';
import { DEMO_TENANT, demoCampaign, demoUsers } from './seed-data';
import {
  CAMPAIGN_2026_ID,
  campaign2026,
  DONG_NAI_TENANT,
  demoMerger,
  dongNaiContact,
  dongNaiUnits,
  dongNaiUsers,
} from './seed-data-2026';

/**
 * The demo world of December 2026 on top of the 2023 one (seed.ts): Bình Phước's 2023 history — reports
 * approved up their three tiers through the product's own workflow code, and a decision with its awards —
 * then the merged province of Đồng Nai (units, users, the 2026 campaign), then the merger itself, through
 * the same use cases as the admin routes (consent, merge with the unit map). Skips what exists.
 */
export interface MergedSeedSummary {
  units: number;
  users: number;
  submissions: number;
  awards: number;
  merged: boolean;
}

/** The awarded nominee of the 2023 decision whom the merged province's rule checks must still see. */
export const AWARDED_2023 = {
  name: 'Trần Văn Hùng',
  birthDate: '1985-03-12',
  title: 'Phó Trưởng Công an phường Tân Phú',
} as const;

type Subs = ReadonlyMap<string, string>;

const identityOf = (subs: Subs, email: string, tenantId: string): Identity => {
  const demo = [...demoUsers, ...dongNaiUsers].find((u) => u.email === email);
  const userId = subs.get(email);
  if (!demo || !userId) throw new Error(`seed: no demo user ${email}`);
  return { userId, email, name: demo.name, tenantId, unitId: demo.unitId, roles: demo.roles as Role[] };
};

const must = (r: TransitionResult, what: string): Extract<TransitionResult, { ok: true }> => {
  if (!r.ok) throw new Error(`seed: ${what} refused: ${r.error.code} ${r.error.message}`);
  return r;
};

/** One report of 2023 through its chain: drafted, saved, submitted, signed off, approved at each level. */
async function fileReport(
  repo: ReturnType<typeof createSubmissionRepository>,
  d: {
    campaign: Campaign;
    units: Map<string, Unit>;
    author: Identity;
    head: Identity;
    reviewers: readonly Identity[];
    data: Record<string, unknown>;
    startsAt: string;
  },
): Promise<StoredSubmission> {
  const template = templates2023.find((t) => t.id === 'periodic_report_2023');
  const unit = d.units.get(d.author.unitId);
  if (!template || !unit) throw new Error('seed: report template or unit missing');
  let clock = Date.parse(d.startsAt);
  const tick = () => {
    clock += 2 * 86_400_000 + 3_456_789;
    return new Date(clock).toISOString();
  };
  const rules = rulesFor({
    campaign: d.campaign,
    template,
    unitId: unit.id,
    period: '2023-Y',
    formKey: 'periodic_report',
  });
  const at = tick();
  const created = must(
    createDraft({
      id: newId(new Date(at)),
      campaign: d.campaign,
      template,
      formKey: 'periodic_report',
      period: '2023-Y',
      unit,
      units: d.units,
      actor: d.author,
      now: at,
    }),
    'createDraft',
  );
  const first = repo.planCreate({ ...created.submission, rules }, created.events);
  await repo.apply(first, []);
  let s = first.submission;
  const commit = async (result: Extract<TransitionResult, { ok: true }>, snapshot = false) => {
    const write = repo.planChange(s, { ...result.submission, rules }, result.events, { snapshot });
    await repo.apply(write, []);
    s = write.submission;
  };
  const act = (action: WorkflowAction, actor: Identity) =>
    commit(
      must(transition({ submission: s, action, actor, now: tick(), rules }), action.type),
      action.type === 'submit',
    );
  await commit(must(saveDraft({ submission: s, data: d.data, actor: d.author, now: tick(), rules }), 'save'));
  await act({ type: 'submit' }, d.author);
  if (s.state === 'awaiting_signoff') await act({ type: 'sign_off' }, d.head);
  for (const reviewer of d.reviewers) await act({ type: 'approve' }, reviewer);
  if (s.state !== 'approved') throw new Error(`seed: ${unit.name}'s report ended ${s.state}`);
  return s;
}

export async function seedMergedWorld(
  target: SeedTarget & { bucketName?: string },
): Promise<MergedSeedSummary> {
  const clients = emulatorClients(target);
  const doc = DynamoDBDocumentClient.from(clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  try {
    const ref = { table: target.tableName, client: doc };
    const units = createUnitRepository(ref);
    const users = createUserRepository(ref);
    const mergers = createMergerRepository(ref);
    const commendations = createCommendationRepository(ref);
    const submissions = createSubmissionRepository(ref);
    const templates = createTemplateRepository(ref);
    const campaigns = createCampaignRepository(ref);

    // The merged province: units, form templates, the 2026 campaign, users.
    const world = dongNaiUnits();
    const audit = seedAuditLog(ref);
    await ensureUnits(doc, units, world, audit);
    for (const template of templates2023)
      await templates.create(DONG_NAI_TENANT, template).catch(ignoreExisting);
    await campaigns.save(campaign2026(), 'create').catch(ignoreExisting);
    await ensureTenantSecurity(ref, DONG_NAI_TENANT, audit);
    await ensureContact(ref, DONG_NAI_TENANT, dongNaiContact, audit);
    const dnSubs = await ensureUsers(
      clients.cognito,
      target.userPoolId,
      DONG_NAI_TENANT,
      dongNaiUsers,
      users,
      audit,
    );
    // Bình Phước's users exist (seed.ts): their ids from the table, by unit.
    const bpUnitsWithActors = [...new Set(demoUsers.map((u) => u.unitId))];
    const bpSubs = new Map(
      (await Promise.all(bpUnitsWithActors.map((u) => users.byUnit(DEMO_TENANT, u, { limit: 50 }))))
        .flatMap((page) => page.items)
        .map((u) => [u.email, u.id] as const),
    );

    let submissionCount = 0;
    let awardCount = 0;
    const seq = sequenceId({ kind: 'decision', issuingBodyId: 'ubnd-tinh', year: 2023 });
    if ((await commendations.counter(DEMO_TENANT, seq)) === null) {
      const bp = (email: string) => identityOf(bpSubs, email, DEMO_TENANT);
      const bpUnits = new Map(
        (await units.subtree(DEMO_TENANT, null, { limit: 500 })).items.map((u) => [u.id, u] as const),
      );
      const campaign = demoCampaign(DEMO_TENANT);
      const province = bp('duyet.tinh@demo.thidua.vn');
      const tanPhu = await fileReport(submissions, {
        campaign,
        units: bpUnits,
        author: bp('canbo.tanphu@demo.thidua.vn'),
        head: bp('truong.tanphu@demo.thidua.vn'),
        reviewers: [bp('duyet.dongxoai@demo.thidua.vn'), province],
        data: { figures: { crimesDetected: 14, drugCases: 3 } },
        startsAt: '2023-11-01T02:00:00.000Z',
      });
      const soTuPhap = await fileReport(submissions, {
        campaign,
        units: bpUnits,
        author: bp('canbo.sotuphap@demo.thidua.vn'),
        head: bp('truong.sotuphap@demo.thidua.vn'),
        reviewers: [province],
        data: { figures: { crimesDetected: 0, drugCases: 0 } },
        startsAt: '2023-11-02T02:00:00.000Z',
      });
      submissionCount = 2;
      awardCount = await decide2023(
        { commendations, documents: target.bucketName ? clients.s3 : undefined, bucket: target.bucketName },
        [tanPhu, soTuPhap],
        bp('chutich@demo.thidua.vn'),
        seq,
        doc,
      );
    }

    // The merger: Bình Phước's administrator consents, Đồng Nai's merges with the unit map.
    let merged = false;
    if (!(await mergers.get(DONG_NAI_TENANT, DEMO_TENANT))) {
      const d = { mergers, units, clients: { doc } };
      const at = new Date('2025-06-30T03:00:00.000Z');
      await consentToMerger(
        d,
        identityOf(bpSubs, 'quantri@demo.thidua.vn', DEMO_TENANT),
        { successorTenantId: DONG_NAI_TENANT, effectiveFrom: demoMerger.effectiveFrom },
        at,
        () => [],
      );
      await mergeTenant(
        d,
        identityOf(dnSubs, 'quantri.dongnai@demo.thidua.vn', DONG_NAI_TENANT),
        demoMerger,
        new Date('2025-07-01T01:00:00.000Z'),
        () => [],
      );
      merged = true;
    }
    return {
      units: world.length,
      users: dongNaiUsers.length,
      submissions: submissionCount,
      awards: awardCount,
      merged,
    };
  } finally {
    clients.destroy();
  }
}

/**
 * Bình Phước's decision 01/QĐ-UBND of 20/12/2023: a Bằng khen to Công an phường Tân Phú, to one of its
 * officers and to Sở Tư pháp — records awarded, units notified, the register's counter at 1, the DOCX
 * generated with the body and bases in force that day (when a bucket is given).
 */
async function decide2023(
  out: {
    commendations: ReturnType<typeof createCommendationRepository>;
    documents: import('@aws-sdk/client-s3').S3Client | undefined;
    bucket: string | undefined;
  },
  reports: readonly StoredSubmission[],
  chair: Identity,
  seq: string,
  doc: DynamoDBDocumentClient,
): Promise<number> {
  const signedOn = '2023-12-20';
  const signedAt = '2023-12-20T03:00:00.000Z';
  const config = commendationConfig2023('kh38-2023');
  const body = findIssuingBody(config, 'ubnd-tinh');
  if (!body) throw new Error('seed: no issuing body');
  const [tanPhu, soTuPhap] = reports;
  if (!tanPhu || !soTuPhap) throw new Error('seed: reports missing');
  const award = 'bang_khen_chu_tich_ubnd_tinh';
  const awardName = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';
  const line = (
    s: StoredSubmission,
    nominee: Pick<DecisionEntry, 'nomineeKind' | 'nomineeName' | 'nomineeTitle' | 'nomineeUnitName'> &
      Partial<Pick<DecisionEntry, 'nomineeGender' | 'nomineeBirthDate'>>,
  ): DecisionEntry => ({
    ...nominee,
    nominationId: newId(new Date(signedAt)),
    unitId: s.unitId,
    unitName: s.unitName,
    awardTypeId: award,
    awardTypeName: awardName,
    outcome: 'awarded',
    reason: 'Đạt tỷ lệ phiếu đồng ý',
    agree: 3,
    denominatorCount: 3,
    agreePercent: 100,
  });
  const entries = [
    line(tanPhu, {
      nomineeKind: 'collective',
      nomineeName: 'Công an phường Tân Phú',
      nomineeTitle: '',
      nomineeUnitName: tanPhu.unitName,
    }),
    line(tanPhu, {
      nomineeKind: 'individual',
      nomineeName: AWARDED_2023.name,
      nomineeTitle: AWARDED_2023.title,
      nomineeUnitName: 'Công an phường Tân Phú',
      nomineeGender: 'male',
      nomineeBirthDate: AWARDED_2023.birthDate,
    }),
    line(soTuPhap, {
      nomineeKind: 'collective',
      nomineeName: 'Sở Tư pháp',
      nomineeTitle: '',
      nomineeUnitName: soTuPhap.unitName,
    }),
  ];
  const id = newId(new Date(signedAt));
  const tenantId = DEMO_TENANT;
  const numberText = formatNumber(1, body.decisionSymbol);
  const decision: Decision = {
    tenantId,
    id,
    kind: 'award',
    campaignId: tanPhu.campaignId,
    sessionId: newId(new Date(signedAt)),
    issuingBodyId: body.id,
    year: 2023,
    number: 1,
    numberText,
    signedOn,
    signedAt,
    signerId: chair.userId,
    signerName: chair.name,
    signerTitle: body.signerTitle,
    title: `Về việc tặng ${awardName} cho các tập thể, cá nhân có thành tích xuất sắc trong ${config.movementTitle}`,
    entries,
    documentKey: documentKey(tenantId, 'decision', id, 'docx'),
    xlsxKey: documentKey(tenantId, 'awardees', id, 'xlsx'),
  };
  let issued: Decision = decision;
  if (out.documents && out.bucket) {
    const s3 = out.documents;
    const bucket = out.bucket;
    const { decisionDocument } = await import('../src/features/commendations/documents/decision-doc');
    const { toDocx } = await import('../src/features/commendations/documents/docx-render');
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const model = decisionDocument({
      config,
      issuingBody: issuingBodyOn(body, signedOn),
      ruleBases: (ruleSetOn(config, signedOn)?.legalBases ?? []).map((b) => b.ref),
      numberText,
      signedOn,
      signature: { onBehalf: '', title: 'CHỦ TỊCH', name: chair.name },
      minutesRef: 'Biên bản số 01/BB-HĐTĐKT ngày 15 tháng 12 năm 2023',
      entries,
    });
    const put = (Key: string, Body: Uint8Array | string, ContentType: string) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ContentType }));
    await Promise.all([
      put(decision.documentKey, await toDocx(model), DOCX_TYPE),
      put(modelKeyOf(decision.documentKey), JSON.stringify(model), 'application/json'),
    ]);
    issued = await signAtSeed(decision, model, chair.userId, put);
  }
  const records = entries.map(
    (e, i): NominationRecord => ({
      tenantId,
      nominationId: e.nominationId,
      campaignId: decision.campaignId,
      campaignYear: 2023,
      unitId: e.unitId,
      unitName: e.unitName,
      unitPath: (i === 2 ? soTuPhap : tanPhu).unitPath,
      proposingUnitId: e.unitId,
      nomineeKind: e.nomineeKind,
      nomineeName: e.nomineeName,
      nomineeTitle: e.nomineeTitle,
      nomineeUnitName: e.nomineeUnitName,
      ...(e.nomineeGender ? { nomineeGender: e.nomineeGender } : {}),
      ...(e.nomineeBirthDate ? { nomineeBirthDate: e.nomineeBirthDate } : {}),
      nomineeKey: nomineeKey({ ...e, unitId: e.unitId }),
      awardTypeId: award,
      awardTypeName: awardName,
      ruleSetId: ruleSetOn(config, '2023-11-30')?.id ?? 'tdkt-2017',
      stage: 'awarded',
      batchId: null,
      disclosureId: null,
      sessionId: decision.sessionId,
      decisionId: id,
      decisionNumber: numberText,
      outcomeReason: null,
      updatedAt: signedAt,
      version: 1,
    }),
  );
  await transactWrite(doc, [
    out.commendations.counterItem(tenantId, seq, null, 1),
    out.commendations.putDecision(issued),
    ...decisionSearchItems(out.commendations.ref.table, issued),
    ...records.map((r) => out.commendations.putRecord(r, null)),
    ...[...new Set(entries.map((e) => e.unitId))].map((unitId) =>
      out.commendations.putNotification({
        tenantId,
        unitId,
        id: newId(new Date(signedAt)),
        kind: 'decision',
        refId: id,
        title: `Quyết định số ${numberText} ngày 20/12/2023`,
        at: signedAt,
      }),
    ),
  ]);
  return entries.length;
}

/**
 * The demo decision, issued as a digital one is (ADR 0032): its PDF generated, signed at seed time with a
 * certificate of a test CA made here (no key is kept), verified, and stored with its facts; the CA's root
 * becomes the local deployment's trusted root, so the demo's signature checks out as valid.
 */
async function signAtSeed(
  decision: Decision,
  model: DocModel,
  verifiedBy: string,
  put: (key: string, body: Uint8Array | string, type: string) => Promise<unknown>,
): Promise<Decision> {
  const [{ renderPdf, PDF_TYPE }, { signPdf, keySigner }, { verifySignedPdf }, { testCa }, cms, issue, http] =
    await Promise.all([
      import('../src/kernel/pdf/render'),
      import('../src/kernel/pdf/pades-sign'),
      import('../src/kernel/pdf/pades-verify'),
      import('../src/kernel/pdf/test-ca'),
      import('../src/kernel/pdf/cms'),
      import('../src/features/documents/issue'),
      import('../src/features/documents/http'),
    ]);
  const now = new Date();
  const generated = await renderPdf(model, { createdAt: now });
  const ca = await testCa('Thi đua Demo Root CA (thử nghiệm)');
  const who = await ca.issue(decision.signerName);
  const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: now });
  const v = await verifySignedPdf({
    signed,
    generated,
    generatedAt: now,
    trustedRoots: [ca.root.certificate],
    now,
  });
  if (!v.ok) throw new Error(`the seed's own signature does not verify: ${v.code}`);
  const pdfKey = issue.signedPdfKey(decision, v.facts.sha256);
  await Promise.all([
    put(decision.documentKey.replace(/\.docx$/u, '.pdf'), generated, PDF_TYPE),
    put(pdfKey, signed, PDF_TYPE),
    put(http.SIGNING_ROOTS_KEY, cms.toPem(ca.root.der), 'application/x-pem-file'),
  ]);
  const at = now.toISOString();
  return {
    ...decision,
    state: 'issued',
    original: 'digital',
    issuedAt: at,
    signature: { pdfKey, ...v.facts, via: 'upload', verifiedAt: at, verifiedBy },
  };
}

export { CAMPAIGN_2026_ID };
