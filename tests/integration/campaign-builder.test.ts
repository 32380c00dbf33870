import { verifyCampaignEvents } from '@thidua/functions/features/campaign-builder/audit';
import { CAMPAIGN_2023_ID, type CampaignAuditEvent } from '@thidua/shared/campaign';
import { describe, expect, it } from 'vitest';
import {
  body,
  createReport,
  expectStatus,
  REPORT_FORM,
  TEST_CAMPAIGN,
  testCampaign,
  useApiWorld,
} from './api-world';

/**
 * The campaign builder's routes against the local platform: copy 2023 into 2026, drafts kept with
 * revisions, publication checked and versioned in one transaction with its audit event and
 * Idempotency-Key, races between two publishers, and submissions that keep their snapshot.
 */
const world = useApiWorld();
const NEW = 'kh-2026-builder';

const campaignOf = (
  draft: Record<string, unknown>,
): Record<string, unknown> & { forms: { periods: string[] }[] } => {
  const { id: _id, ...data } = draft.data as { id: string; forms: { periods: string[] }[] };
  return { ...data, number: '05/KH-UBND', issuedOn: '2026-01-20' };
};

describe('copying a campaign into another year', () => {
  it('gives the secretariat a 2026 draft of the 2023 campaign, dates moved and year-only fields cleared', async () => {
    const w = world();
    const r = await w.as.secretariat.post(`/admin/campaigns/${CAMPAIGN_2023_ID}/copies`, {
      id: NEW,
      year: 2026,
    });
    const draft = expectStatus(r, 201);
    const data = draft.data as Record<string, unknown>;
    expect(draft).toMatchObject({
      campaignId: NEW,
      revision: 1,
      baseVersion: 0,
      copiedFrom: CAMPAIGN_2023_ID,
    });
    expect(data).toMatchObject({ year: 2026, number: '', issuedOn: '', signer: '', status: 'draft' });
    expect(data.periods).toEqual(['2026-Q1', '2026-H1', '2026-Q3', '2026-Y']);
    // The copy is an audit event of the new campaign, though nothing is published yet.
    const history = expectStatus(await w.as.secretariat.get(`/admin/campaigns/${NEW}/versions`), 200);
    expect(history.versions).toEqual([]);
    expect((history.events as CampaignAuditEvent[]).map((e) => [e.kind, e.sourceCampaignId])).toEqual([
      ['copied', CAMPAIGN_2023_ID],
    ]);
  });

  it('refuses a taken id, an unknown source, and anyone but the province secretariat and admin', async () => {
    const w = world();
    const again = await w.as.secretariat.post(`/admin/campaigns/${CAMPAIGN_2023_ID}/copies`, {
      id: NEW,
      year: 2026,
    });
    expect(again.status).toBe(409);
    const taken = await w.as.admin.post(`/admin/campaigns/${CAMPAIGN_2023_ID}/copies`, {
      id: TEST_CAMPAIGN,
      year: 2027,
    });
    expect(taken.status).toBe(409);
    expect(
      (await w.as.secretariat.post('/admin/campaigns/nope/copies', { id: 'x-2026', year: 2026 })).status,
    ).toBe(404);
    for (const who of ['districtReviewer', 'provinceReviewer', 'chair', 'communeSubmitter'] as const) {
      const r = await w.as[who].post(`/admin/campaigns/${CAMPAIGN_2023_ID}/copies`, {
        id: `x-${who}`,
        year: 2026,
      });
      expect(r.status, who).toBe(403);
    }
    expect((await w.as.districtReviewer.get(`/admin/campaign-drafts/${NEW}`)).status).toBe(403);
  });
});

describe('drafts kept as they are typed', () => {
  it('keeps anything, even half-filled, and refuses a save from a stale revision with the current draft', async () => {
    const w = world();
    const draft = expectStatus(await w.as.secretariat.get(`/admin/campaign-drafts/${NEW}`), 200);
    const half = { ...(draft.data as object), number: '05/KH', forms: [{ formKey: '' }] };
    const saved = expectStatus(
      await w.as.secretariat.put(`/admin/campaign-drafts/${NEW}`, {
        revision: 1,
        baseVersion: 0,
        data: half,
      }),
      200,
    );
    expect(saved).toMatchObject({ revision: 2, copiedFrom: CAMPAIGN_2023_ID });
    const stale = await w.as.admin.put(`/admin/campaign-drafts/${NEW}`, {
      revision: 1,
      baseVersion: 0,
      data: {},
    });
    expect(stale.status).toBe(409);
    expect((body(stale).error as { current: { revision: number } }).current.revision).toBe(2);
    // Put the copy back for the publication below.
    expectStatus(
      await w.as.secretariat.put(`/admin/campaign-drafts/${NEW}`, {
        revision: 2,
        baseVersion: 0,
        data: draft.data,
      }),
      200,
    );
    const list = expectStatus(await w.as.secretariat.get('/admin/campaign-drafts'), 200);
    expect((list.items as { campaignId: string }[]).map((d) => d.campaignId)).toContain(NEW);
  });
});

describe('publication as a new version', () => {
  it('names in Vietnamese, at the field, what blocks publication', async () => {
    const w = world();
    const draft = expectStatus(await w.as.secretariat.get(`/admin/campaign-drafts/${NEW}`), 200);
    const campaign = campaignOf(draft);
    const broken = {
      ...campaign,
      forms: campaign.forms.map((f, i) => (i === 0 ? { ...f, periods: ['2026-M02'] } : f)),
    };
    const r = await w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, {
      baseVersion: 0,
      campaign: broken,
    });
    expect(r.status).toBe(422);
    const details = (body(r).error as { details: { path: string; message: string }[] }).details;
    expect(details).toContainEqual({
      path: 'body.campaign.forms.0.periods.0',
      message: 'Kỳ 2026-M02 không thuộc các kỳ của phong trào',
    });
    const unnumbered = await w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, {
      baseVersion: 0,
      campaign: { ...campaign, number: '' },
    });
    expect(unnumbered.status).toBe(400);
    expect(unnumbered.text).toContain('body.campaign.number');
  });

  it('publishes version 1 with its audit event, removes the draft, and replays a repeated key', async () => {
    const w = world();
    const draft = expectStatus(await w.as.secretariat.get(`/admin/campaign-drafts/${NEW}`), 200);
    const send = { baseVersion: 0, note: 'Ban hành kế hoạch 2026', campaign: campaignOf(draft) };
    const key = { 'idempotency-key': 'publish-kh-2026-v1' };
    const first = expectStatus(
      await w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, send, key),
      201,
    );
    expect(first).toMatchObject({
      campaignId: NEW,
      version: 1,
      changed: ['*'],
      note: 'Ban hành kế hoạch 2026',
    });
    const replay = await w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, send, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(body(replay)).toEqual(first);

    const live = expectStatus(await w.as.communeSubmitter.get(`/campaigns/${NEW}`), 200);
    expect(live).toMatchObject({ number: '05/KH-UBND', status: 'active', year: 2026 });
    expect((await w.as.secretariat.get(`/admin/campaign-drafts/${NEW}`)).status).toBe(404);
    const history = expectStatus(await w.as.secretariat.get(`/admin/campaigns/${NEW}/versions`), 200);
    expect((history.versions as { version: number }[]).map((v) => v.version)).toEqual([1]);
    const events = history.events as CampaignAuditEvent[];
    expect(events.map((e) => [e.seq, e.kind, e.version])).toEqual([
      [1, 'copied', null],
      [2, 'published', 1],
    ]);
    expect(verifyCampaignEvents(events)).toBe(true);
    expect(
      verifyCampaignEvents([
        { ...events[0], actorId: 'someone-else' } as CampaignAuditEvent,
        ...events.slice(1),
      ]),
    ).toBe(false);
  });

  it('refuses an edit from an old version, and lets only one of two publishers from the same base win', async () => {
    const w = world();
    const v1 = expectStatus(await w.as.secretariat.get(`/admin/campaigns/${NEW}/versions/1`), 200);
    const campaign = { ...(v1.campaign as Record<string, unknown>) };
    delete campaign.tenantId;
    delete campaign.id;
    const stale = await w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, {
      baseVersion: 0,
      campaign,
    });
    expect(stale.status).toBe(409);
    expect((body(stale).error as { code: string }).code).toBe('version_conflict');

    const edit = (signer: string) =>
      w.as.secretariat.post(`/admin/campaigns/${NEW}/versions`, {
        baseVersion: 1,
        campaign: { ...campaign, signer },
      });
    const answers = await Promise.all([edit('Người ký A'), edit('Người ký B')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const won = answers.find((a) => a.status === 201);
    expect(body(won ?? answers[0])).toMatchObject({ version: 2, changed: ['signer'] });
    const history = expectStatus(await w.as.secretariat.get(`/admin/campaigns/${NEW}/versions`), 200);
    expect((history.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);
    expect(verifyCampaignEvents(history.events as CampaignAuditEvent[])).toBe(true);
  });

  it('leaves a submission in flight on the chain and template version it snapshotted', async () => {
    const w = world();
    const s = await createReport(w.as.communeSubmitter, '2026-Q2');
    const chainBefore = expectStatus(await w.as.communeSubmitter.get(`/submissions/${s.id}`), 200).chain;
    // The province now reviews communes directly: a new version of the test campaign.
    const changed = testCampaign(TEST_CAMPAIGN, {
      chainConfigs: [
        {
          id: 'test_direct',
          name: 'Tỉnh duyệt trực tiếp',
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          rules: [
            { authorKind: 'commune', reviewerKinds: ['province'] },
            { authorKind: 'district', reviewerKinds: ['province'] },
            { authorKind: 'department', reviewerKinds: ['province'] },
          ],
        },
      ],
    });
    const { id: _id, ...campaign } = changed;
    const history = expectStatus(
      await w.as.secretariat.get(`/admin/campaigns/${TEST_CAMPAIGN}/versions`),
      200,
    );
    const base = (history.versions as { version: number }[])[0]?.version ?? 0;
    const v = expectStatus(
      await w.as.secretariat.post(`/admin/campaigns/${TEST_CAMPAIGN}/versions`, {
        baseVersion: base,
        campaign,
      }),
      201,
    );
    expect(v.changed).toEqual(['chainConfigs']);
    const after = expectStatus(await w.as.communeSubmitter.get(`/submissions/${s.id}`), 200);
    expect(after.chain).toEqual(chainBefore);
    expect((after.chain as { unitKind: string }[]).map((l) => l.unitKind)).toEqual(['district', 'province']);
    // A draft created now gets the new chain.
    const fresh = await createReport(w.as.communeSubmitter, '2026-Q3');
    const freshChain = expectStatus(await w.as.communeSubmitter.get(`/submissions/${fresh.id}`), 200).chain;
    expect((freshChain as { unitKind: string }[]).map((l) => l.unitKind)).toEqual(['province']);
    expect(REPORT_FORM).toBe('periodic_report');
  });

  it('versions and audits the JSON routes too (the administrator’s whole replace)', async () => {
    const w = world();
    const before = expectStatus(await w.as.admin.get(`/admin/campaigns/${TEST_CAMPAIGN}/versions`), 200);
    const { id: _id, ...campaign } = testCampaign(TEST_CAMPAIGN, {
      title: 'Phong trào thử nghiệm API (sửa)',
    });
    expectStatus(await w.as.admin.put(`/admin/campaigns/${TEST_CAMPAIGN}`, campaign), 200);
    const after = expectStatus(await w.as.admin.get(`/admin/campaigns/${TEST_CAMPAIGN}/versions`), 200);
    const [latest] = after.versions as { version: number; changed: string[] }[];
    expect(latest?.version).toBe((before.versions as unknown[]).length + 1);
    expect(latest?.changed).toContain('title');
    const kinds = (after.events as CampaignAuditEvent[]).map((e) => e.kind);
    expect(kinds[0]).toBe('created');
    expect(kinds.at(-1)).toBe('replaced');
    expect(verifyCampaignEvents(after.events as CampaignAuditEvent[])).toBe(true);
  });
});
