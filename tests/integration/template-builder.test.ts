import { templates2023 } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { expectStatus, useApiWorld } from './api-world';

/**
 * The form builder's routes (issue 14) on the real local platform: the library lists the seeded 2023
 * forms, a draft is autosaved with revision locking and replayed by its Idempotency-Key, publication
 * runs the template checks (422 with paths), creates the next version and removes the draft in one
 * transaction, with its audit event. (Submissions keep their version: api-routes.test.ts.)
 */
const world = useApiWorld();

const content = (title: string, rule = 'ket_qua.kham_pha <= ket_qua.phat_hien') => ({
  kind: 'report',
  title,
  sections: [
    {
      key: 'ket_qua',
      title: 'Kết quả',
      fields: [
        { key: 'phat_hien', label: 'Số vụ phát hiện', type: 'integer', required: true, min: 0 },
        { key: 'kham_pha', label: 'Số vụ đã khám phá', type: 'integer', required: true, min: 0 },
        {
          key: 'ty_le',
          label: 'Tỷ lệ điều tra khám phá',
          type: 'computed',
          formula: 'round(percent(ket_qua.kham_pha, ket_qua.phat_hien), 0)',
        },
      ],
    },
  ],
  rules: [
    {
      key: 'kham_pha_le_phat_hien',
      formula: rule,
      message: 'Số vụ đã khám phá không được lớn hơn số vụ phát hiện',
    },
  ],
});

describe('form builder routes', () => {
  it('the library lists the five seeded 2023 forms with their versions', async () => {
    const b = expectStatus(await world().as.secretariat.get('/admin/templates'), 200);
    const items = b.items as { id: string; versions: { version: number }[]; draft: unknown }[];
    for (const t of templates2023) {
      const entry = items.find((i) => i.id === t.id);
      expect(entry, t.id).toBeDefined();
      expect(entry?.versions.map((v) => v.version)).toContain(t.version);
    }
  });

  it('drafts: created, autosaved on its revision, a stale revision is a 409 with the current draft, a replay is the first answer', async () => {
    const s = world().as.secretariat;
    const path = '/admin/templates/bao-cao-thang-it/draft';
    const first = expectStatus(
      await s.put(path, { content: content('Nháp 1'), basedOnVersion: null, expectedRevision: null }),
      200,
    );
    expect(first).toMatchObject({ templateId: 'bao-cao-thang-it', revision: 1, basedOnVersion: null });
    // Unfinished work is kept: a field without a label yet is a valid draft.
    const unfinished = content('Nháp 2');
    unfinished.sections[0]?.fields.push({ key: 'moi', label: '', type: 'integer', required: false, min: 0 });
    const headers = { 'Idempotency-Key': 'draft-save-0001' };
    const second = expectStatus(
      await s.put(path, { content: unfinished, basedOnVersion: null, expectedRevision: 1 }, headers),
      200,
    );
    expect(second.revision).toBe(2);
    const replay = expectStatus(
      await s.put(path, { content: unfinished, basedOnVersion: null, expectedRevision: 1 }, headers),
      200,
    );
    expect(replay).toEqual(second);
    const stale = await s.put(path, {
      content: content('Tab cũ'),
      basedOnVersion: null,
      expectedRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { current: { revision: number } } }).error.current.revision).toBe(2);
    expect(expectStatus(await s.get(path), 200).content).toMatchObject({ title: 'Nháp 2' });
  });

  it('publication: refused with paths while unfinished; then version 1 and the draft gone; a second publish is a 404', async () => {
    const s = world().as.secretariat;
    const path = '/admin/templates/bao-cao-thang-it/draft';
    const refused = await s.post(`${path}/publish`, { expectedRevision: 2 });
    expect(refused.status).toBe(422);
    const details = (refused.body as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toContain('draft.sections.0.fields.3.label');
    expectStatus(
      await s.put(path, { content: content('Báo cáo tháng'), basedOnVersion: null, expectedRevision: 2 }),
      200,
    );
    expect((await s.post(`${path}/publish`, { expectedRevision: 2 })).status).toBe(409);
    const published = expectStatus(await s.post(`${path}/publish`, { expectedRevision: 3 }), 201);
    expect(published).toEqual({ templateId: 'bao-cao-thang-it', version: 1 });
    expect((await s.get(path)).status).toBe(404);
    expect((await s.post(`${path}/publish`, { expectedRevision: 3 })).status).toBe(404);
    const latest = expectStatus(await s.get('/templates/bao-cao-thang-it'), 200);
    expect(latest).toMatchObject({
      version: 1,
      title: 'Báo cáo tháng',
      rules: [{ key: 'kham_pha_le_phat_hien' }],
    });
    // The publication is an event of the template's audit chain, written in the same transaction.
    const chain = expectStatus(await s.get('/audit/chains/template/bao-cao-thang-it'), 200);
    expect(chain).toMatchObject({ valid: true, eventCount: 1 });
    expect((chain.events as { action: string; summary: string }[])[0]).toMatchObject({
      action: 'created',
      summary: 'Công bố biểu mẫu Báo cáo tháng, phiên bản 1 (trình thiết kế biểu mẫu)',
    });
    const library = expectStatus(await s.get('/admin/templates'), 200).items as {
      id: string;
      draft: unknown;
    }[];
    expect(library.find((i) => i.id === 'bao-cao-thang-it')).toMatchObject({ draft: null });
  });

  it('a formula that reads an unknown field is refused at publication with its path and a Vietnamese reason', async () => {
    const s = world().as.secretariat;
    const path = '/admin/templates/bao-cao-sai-it/draft';
    expectStatus(
      await s.put(path, {
        content: content('Sai', 'ket_qua.khong_co <= 1'),
        basedOnVersion: null,
        expectedRevision: null,
      }),
      200,
    );
    const r = await s.post(`${path}/publish`, { expectedRevision: 1 });
    expect(r.status).toBe(422);
    expect((r.body as { error: { details: unknown[] } }).error.details).toEqual([
      { path: 'draft.rules.0.formula', message: expect.stringMatching(/Không có trường "ket_qua.khong_co"/) },
    ]);
  });
});
