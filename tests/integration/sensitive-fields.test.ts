import { pdfText } from '@thidua/functions/kernel/pdf/read';
import { sensitiveFigureRefs, sensitiveFiguresData, sensitiveFiguresSection } from '@thidua/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  act,
  asSubmission,
  body,
  createReport,
  expectStatus,
  type SubmissionBody,
  testCampaign,
  useApiWorld,
} from './api-world';
import { uploadPdf } from './commendations-world';

/**
 * Issue 12, point 8: sensitive fields reach only the readers the template names (by default the unit's
 * officers and the reviewers of its chain), on every route that answers with form data; a classified
 * ("Mật") template or submission takes no data at all, and nothing saved before is lost. Through the
 * real local platform.
 */
const world = useApiWorld();

const CAMPAIGN = 'sensitive-test-campaign';
const figuresSection = sensitiveFiguresSection;
const evidenceSection = {
  key: 'evidence',
  title: 'Minh chứng',
  fields: [{ key: 'files', label: 'Danh sách đối tượng', type: 'file', sensitive: true }],
};
const templates = {
  sens_default: {
    kind: 'report',
    title: 'Báo cáo có số liệu nhạy cảm',
    sections: [figuresSection, evidenceSection],
  },
  sens_reviewers: {
    kind: 'report',
    title: 'Báo cáo chỉ cán bộ thẩm định xem số liệu',
    sections: [figuresSection],
    sensitiveReaders: ['reviewer', 'secretariat'],
  },
  sens_classified: {
    kind: 'report',
    title: 'Báo cáo mật',
    sections: [figuresSection],
    classified: true,
  },
};
const data = sensitiveFiguresData;
const SENSITIVE = sensitiveFigureRefs;
const SENSITIVE_WITH_FILES = ['evidence.files', ...SENSITIVE];

let ready: Promise<void> | undefined;
const setUp = () => {
  ready ??= (async () => {
    const w = world();
    for (const [id, t] of Object.entries(templates))
      expectStatus(await w.as.admin.post(`/admin/templates/${id}/versions`, t), 201);
    const periods = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1'];
    const forms = Object.keys(templates).map((id) => ({
      formKey: id,
      templateId: id,
      templateVersion: 1,
      periods,
      deadlines: [],
    }));
    expectStatus(await w.as.admin.post('/admin/campaigns', testCampaign(CAMPAIGN, { forms, periods })), 201);
  })();
  return ready;
};

const draft = async (formKey: string, period: string): Promise<SubmissionBody> => {
  await setUp();
  return createReport(world().as.communeSubmitter, period, data, CAMPAIGN, formKey);
};
const read = async (who: keyof ReturnType<typeof world>['as'], id: string) =>
  expectStatus(await world().as[who].get(`/submissions/${id}`), 200);

/** Uploads the list of persons into the sensitive file field of a draft and saves it. */
const attachEvidence = async (id: string) => {
  const w = world();
  const file = await uploadPdf(w.as.communeSubmitter, id, 'danh-sach-doi-tuong.pdf');
  const current = await read('communeSubmitter', id);
  expectStatus(
    await w.as.communeSubmitter.put(`/submissions/${id}`, {
      data: { ...data, evidence: { files: [file] } },
      expectedVersion: current.version,
    }),
    200,
  );
  return file;
};

describe('sensitive fields', () => {
  it('the unit and the reviewers of its chain read them; the chair and the administrator get them redacted', async () => {
    const s = await draft('sens_default', '2026-Q1');
    for (const who of ['communeSubmitter', 'communeHead', 'districtReviewer', 'secretariat'] as const) {
      const b = await read(who, s.id);
      expect(b.redacted, who).toEqual([]);
      expect(b.data, who).toMatchObject({ figures: { crimes: 12, drugs: 0, total: 12 } });
    }
    for (const who of ['chair', 'admin'] as const) {
      const b = await read(who, s.id);
      expect(b.redacted, who).toEqual(SENSITIVE_WITH_FILES);
      // Gone, not blanked: a 0 would read as "no crimes".
      expect(b.data, who).toEqual({ figures: { sessions: 20, areas: [{ name: 'Ấp 3' }] } });
      expect(JSON.stringify(b), who).not.toMatch(/"crimes"|"arrests"|"total"/);
    }
    // Beyond the read, nothing at all.
    expect((await world().as.otherDistrictReviewer.get(`/submissions/${s.id}`)).status).toBe(404);
    expect((await world().as.councilMember.get(`/submissions/${s.id}`)).status).toBe(404);
    expect((await world().anonymous.get(`/submissions/${s.id}`)).status).toBe(401);
  });

  it('what changed since a version hides the sensitive values from the same readers', async () => {
    const w = world();
    let s = await draft('sens_default', '2026-Q2');
    s = await act(w.as.communeSubmitter, s, { type: 'submit' });
    const submitted = s.version;
    s = await act(w.as.districtReviewer, s, { type: 'return', reason: 'Bổ sung số liệu' });
    const saved = expectStatus(
      await w.as.communeSubmitter.put(`/submissions/${s.id}`, {
        data: { figures: { ...data.figures, crimes: 15, sessions: 22 } },
        expectedVersion: s.version,
      }),
      200,
    );
    expect(saved.redacted).toEqual([]);
    const url = `/submissions/${s.id}/diff?since=${submitted}`;
    const forReviewer = expectStatus(await w.as.districtReviewer.get(url), 200);
    expect(forReviewer.changes).toContainEqual({ path: 'figures.crimes', before: 12, after: 15 });
    const forChair = expectStatus(await w.as.chair.get(url), 200);
    expect(forChair.changes).toContainEqual({
      path: 'figures.crimes',
      before: null,
      after: null,
      redacted: true,
    });
    expect(forChair.changes).toContainEqual({ path: 'figures.sessions', before: 20, after: 22 });
    expect(JSON.stringify(forChair)).not.toContain('15');
    // The audit chain still verifies: it hashes the stored data, never a view of it.
    expect(expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200)).toMatchObject({
      valid: true,
    });
  });

  it('files of a sensitive file field are neither listed nor downloadable for a reader the template does not name', async () => {
    const w = world();
    const s = await draft('sens_default', '2026-Q4');
    const file = await attachEvidence(s.id);
    const listed = async (who: keyof typeof w.as) =>
      (
        expectStatus(await w.as[who].get(`/submissions/${s.id}/attachments`), 200).items as { id: string }[]
      ).map((a) => a.id);
    const download = (who: keyof typeof w.as) =>
      w.as[who].get(`/submissions/${s.id}/attachments/${file.attachmentId}/download`);
    expect(await listed('districtReviewer')).toContain(file.attachmentId);
    expect((await download('districtReviewer')).status).toBe(200);
    expect(await listed('chair')).not.toContain(file.attachmentId);
    expect((await download('chair')).status).toBe(404);
    expect(JSON.stringify(await read('chair', s.id))).not.toContain('danh-sach-doi-tuong');
    // The history's attach event keeps the file's hash (the chain) but not its name.
    const historyOf = async (who: keyof typeof w.as) =>
      JSON.stringify(expectStatus(await w.as[who].get(`/submissions/${s.id}/history`), 200));
    expect(await historyOf('chair')).not.toContain('danh-sach-doi-tuong');
    expect(await historyOf('districtReviewer')).toContain('danh-sach-doi-tuong');
  });

  it('the PDF for the paper archive prints what the reader may read: figures and evidence with SHA-256, or the redaction marker', async () => {
    const w = world();
    const s = await draft('sens_default', '2026-H1');
    await attachEvidence(s.id);
    const sha = (
      expectStatus(await w.as.districtReviewer.get(`/submissions/${s.id}/attachments`), 200).items as {
        sha256: string;
      }[]
    )[0]?.sha256;
    const pdf = async (who: keyof typeof w.as) => {
      const r = await w.as[who].get(`/submissions/${s.id}/pdf`);
      expect(r.status, who).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      return (await pdfText(r.bytes)).replace(/\s+/gu, ' ');
    };
    const reviewer = await pdf('districtReviewer');
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Báo cáo có số liệu nhạy cảm',
      'Kỳ báo cáo: 6 tháng đầu năm 2026',
      'Số vụ phạm tội 12',
      'Ấp 3',
      'danh-sach-doi-tuong.pdf',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ])
      expect(reviewer).toContain(line);
    // The hash may wrap inside its cell: compare without spaces.
    expect(reviewer.replace(/ /g, '')).toContain(sha);
    const chair = await pdf('chair');
    expect(chair).toContain('Số vụ phạm tội Đã ẩn — dữ liệu nhạy cảm');
    expect(chair).toContain('Tổng số vụ Đã ẩn — dữ liệu nhạy cảm');
    expect(chair).toContain('Số buổi tuyên truyền 20');
    expect(chair).not.toContain('danh-sach-doi-tuong');
    expect(chair.replace(/ /g, '')).not.toContain(sha);
    expect((await w.as.otherDistrictReviewer.get(`/submissions/${s.id}/pdf`)).status).toBe(404);
    expect((await w.anonymous.get(`/submissions/${s.id}/pdf`)).status).toBe(401);
  });

  it('the template names the readers: then even the author unit reads them redacted, and may not save over them', async () => {
    const w = world();
    const s = await draft('sens_reviewers', '2026-Q1');
    // The creation answer is already the author's redacted view.
    expect(s.redacted).toEqual(SENSITIVE);
    expect((await read('communeSubmitter', s.id)).redacted).toEqual(SENSITIVE);
    expect((await read('districtReviewer', s.id)).data).toMatchObject({ figures: { crimes: 12 } });
    const save = await w.as.communeSubmitter.put(`/submissions/${s.id}`, {
      data: { figures: { sessions: 1 } },
      expectedVersion: s.version,
    });
    expect(save.status).toBe(403);
    // Nothing it could not see was erased.
    expect((await read('districtReviewer', s.id)).data).toMatchObject({
      figures: { crimes: 12, sessions: 20 },
    });
  });
});

describe('classified ("Mật")', () => {
  it('a classified template takes no draft at all: 422 classified, with the reason in Vietnamese', async () => {
    await setUp();
    const r = await world().as.communeSubmitter.post('/submissions', {
      campaignId: CAMPAIGN,
      formKey: 'sens_classified',
      period: '2026-Q1',
      data,
    });
    expect(r.status).toBe(422);
    const error = body(r).error as { code: string; message: string };
    expect(error.code).toBe('classified');
    expect(error.message).toContain('Mật');
  });

  it('a reviewer flags a submission Mật (audited): saving, submitting and attaching then refuse, and nothing saved is lost', async () => {
    const w = world();
    let s = await draft('sens_default', '2026-Q3');
    const flag = (who: keyof typeof w.as, classified: boolean, version: number) =>
      w.as[who].post(`/submissions/${s.id}/classification`, {
        classified,
        reason: 'Có nội dung thuộc danh mục bí mật nhà nước',
        expectedVersion: version,
      });
    // The author unit, read-only roles and other districts may not.
    expect((await flag('communeHead', true, s.version)).status).toBe(403);
    expect((await flag('chair', true, s.version)).status).toBe(403);
    expect((await flag('otherDistrictReviewer', true, s.version)).status).toBe(404);
    s = asSubmission(expectStatus(await flag('districtReviewer', true, s.version), 200));
    expect(s.classified).toBe(true);
    expect((await flag('districtReviewer', true, s.version)).status).toBe(409);

    const save = await w.as.communeSubmitter.put(`/submissions/${s.id}`, {
      data: { figures: { crimes: 99 } },
      expectedVersion: s.version,
    });
    expect(save.status).toBe(422);
    expect((body(save).error as { code: string }).code).toBe('classified');
    const submit = await w.as.communeSubmitter.post(`/submissions/${s.id}/actions`, {
      type: 'submit',
      expectedVersion: s.version,
    });
    expect(submit.status).toBe(422);
    expect((body(submit).error as { code: string }).code).toBe('classified');
    const upload = await w.as.communeSubmitter.post(`/submissions/${s.id}/attachments`, {
      fileName: 'bao-cao.pdf',
      contentType: 'application/pdf',
      size: 100,
    });
    expect(upload.status).toBe(422);
    // Nothing saved is lost, and the refusals wrote nothing.
    const kept = await read('communeSubmitter', s.id);
    expect(kept.data).toMatchObject(data);
    expect(kept.version).toBe(s.version);

    const history = expectStatus(await w.as.districtReviewer.get(`/submissions/${s.id}/history`), 200);
    const events = history.events as { action: string; reason: string | null; actorName: string | null }[];
    expect(events.at(-1)).toMatchObject({
      action: 'classify',
      reason: expect.stringContaining('Đánh dấu "Mật"'),
    });
    expect(events.at(-1)?.actorName).toBeTruthy();
    expect(expectStatus(await w.as.secretariat.get(`/submissions/${s.id}/audit`), 200)).toMatchObject({
      valid: true,
    });

    // Lifted by the secretariat: data entry works again.
    s = asSubmission(expectStatus(await flag('secretariat', false, s.version), 200));
    expect(s.classified).toBeUndefined();
    expectStatus(
      await w.as.communeSubmitter.put(`/submissions/${s.id}`, {
        data: { figures: { ...data.figures, crimes: 13 } },
        expectedVersion: s.version,
      }),
      200,
    );
  });
});
