import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createCampaignRepository,
  createTemplateRepository,
} from '@thidua/functions/features/campaigns/repository';
import { DEMO_TENANT, demoContact } from '@thidua/functions/local/seed-data';
import { DONG_NAI_TENANT, dongNaiContact } from '@thidua/functions/local/seed-data-2026';
import {
  CAMPAIGN_2023_ID,
  type CampaignAuditEvent,
  campaign2023,
  type MergerCopyReport,
} from '@thidua/shared/campaign';
import { templates2023 } from '@thidua/shared/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, emulatorClients, type Platform, startTestPlatform } from '../support/platform';
import { createProvince, tayNinh } from '../support/provinces';
import { body, expectStatus } from './api-world';

/**
 * The merged province's set-up (issue 14's journey, ADR 0027) on the December 2026 demo world: the
 * Đồng Nai secretariat copies Bình Phước's 2023 campaign — its inherited history — into a 2026 campaign
 * laid on the two-tier tree (participants and chains mapped, templates referenced or copied, the rest
 * listed), and publishes it; nobody else can copy across; and each province's secretariat contact
 * (issue 15, point 10), kept by its administrator and audited.
 */
let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
const COPY = 'kh38-2026-hop-nhat';
const logins = {
  dnSecretariat: 'thuongtruc.dongnai@demo.thidua.vn',
  dnAdmin: 'quantri.dongnai@demo.thidua.vn',
  dnReviewer: 'duyet.dongnai@demo.thidua.vn',
  dnWard: 'canbo.phuongbinhphuoc@demo.thidua.vn',
  bpSecretariat: 'thuongtruc@demo.thidua.vn',
  bpAdmin: 'quantri@demo.thidua.vn',
  tnSecretariat: 'thuongtruc@tayninh.thidua.vn',
} as const;
type Login = keyof typeof logins;
let as: Record<Login, Api>;

beforeAll(async () => {
  platform = await startTestPlatform({ seedMerged: true });
  clients = emulatorClients(platform);
  await createProvince(platform, { ...tayNinh, secretariat: 'thuongtruc@tayninh.thidua.vn' });
  const signedIn = await Promise.all(
    Object.entries(logins).map(async ([k, email]) => [k, await apiAs(platform, email)] as const),
  );
  as = Object.fromEntries(signedIn) as Record<Login, Api>;
}, 300_000);

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

const copyFromBinhPhuoc = (who: Api, campaignId: string, id: string) =>
  who.post(`/admin/campaigns/${campaignId}/copies`, { id, year: 2026, sourceTenantId: DEMO_TENANT });

interface Draft {
  campaignId: string;
  copiedFrom: string;
  mergerCopy: MergerCopyReport;
  data: {
    participants: { unitKinds: string[]; unitIds: string[] };
    chainConfigs: { rules: { authorKind: string; reviewerKinds: string[] }[] }[];
    forms: {
      formKey: string;
      templateId: string;
      templateVersion: number;
      unitKinds: string[];
      deadlines: { reviewerKind?: string }[];
    }[];
  } & Record<string, unknown>;
}

describe('copying the absorbed province campaign into the merged province', () => {
  it("offers the Đồng Nai secretariat Bình Phước's campaigns as sources, and nobody outside the builders", async () => {
    const list = expectStatus(await as.dnSecretariat.get('/admin/inherited-campaigns'), 200);
    expect(list.items).toEqual([
      expect.objectContaining({
        tenantId: DEMO_TENANT,
        tenantName: 'Tỉnh Bình Phước',
        mergedOn: '2025-07-01',
        campaign: expect.objectContaining({ id: CAMPAIGN_2023_ID, number: '38/KH-UBND', year: 2023 }),
      }),
    ]);
    expect(expectStatus(await as.bpSecretariat.get('/admin/inherited-campaigns'), 200).items).toEqual([]);
    expect((await as.dnReviewer.get('/admin/inherited-campaigns')).status).toBe(403);
  });

  let draft: Draft;
  it('maps participants and chains to the two-tier tree in force and lists what it could not carry', async () => {
    draft = expectStatus(
      await copyFromBinhPhuoc(as.dnSecretariat, CAMPAIGN_2023_ID, COPY),
      201,
    ) as unknown as Draft;
    expect(draft).toMatchObject({ campaignId: COPY, copiedFrom: CAMPAIGN_2023_ID });
    expect(draft.data.participants).toEqual({
      unitKinds: ['department', 'commune'],
      unitIds: [],
      excludedUnitIds: [],
    });
    // Chains re-derived from Đồng Nai's tree: every commune/ward and department reports to the province.
    expect(draft.data.chainConfigs).toHaveLength(1);
    expect(draft.data.chainConfigs[0]?.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ authorKind: 'commune', reviewerKinds: ['province'] }),
        expect.objectContaining({ authorKind: 'department', reviewerKinds: ['province'] }),
      ]),
    );
    for (const f of draft.data.forms) {
      expect(f.unitKinds).not.toContain('district');
      expect(f.deadlines.map((x) => x.reviewerKind)).not.toContain('district');
    }
    // Đồng Nai holds the same 2023 forms under the same ids: referenced, not copied again.
    expect(draft.data.forms.map((f) => [f.templateId, f.templateVersion])).toEqual(
      campaign2023.forms.map((f) => [f.templateId, 1]),
    );
    const report = draft.mergerCopy;
    expect(report.sourceTenantId).toBe(DEMO_TENANT);
    expect(report.mapped.map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/sẵn có của Tỉnh Đồng Nai$/)]),
    );
    // Never dropped silently: the district level and its review deadlines, the 2023 issuer.
    const unresolved = report.unresolved.map((n) => `${n.path}: ${n.message}`);
    expect(unresolved).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^participants\.unitKinds: Loại đơn vị "Cấp huyện" không còn/),
        expect.stringMatching(/^forms\.\d+\.deadlines: /),
        expect.stringMatching(/^issuer: /),
      ]),
    );
    // The copy is an audit event naming the absorbed province it came from.
    const history = expectStatus(await as.dnSecretariat.get(`/admin/campaigns/${COPY}/versions`), 200);
    expect(
      (history.events as CampaignAuditEvent[]).map((e) => [e.kind, e.sourceCampaignId, e.sourceTenantId]),
    ).toEqual([['copied', CAMPAIGN_2023_ID, DEMO_TENANT]]);
    // Saving the draft keeps the report for the editor.
    const saved = expectStatus(
      await as.dnSecretariat.put(`/admin/campaign-drafts/${COPY}`, {
        revision: 1,
        baseVersion: 0,
        data: draft.data,
      }),
      200,
    );
    expect((saved.mergerCopy as MergerCopyReport).unresolved).toHaveLength(report.unresolved.length);
  });

  it('publishes in the merged province once the plan is filled: its re-derived chains pass the publication check', async () => {
    const { id: _id, ...data } = draft.data as Record<string, unknown>;
    const campaign = {
      ...data,
      number: '12/KH-UBND',
      issuedOn: '2026-01-15',
      issuer: 'Ủy ban nhân dân tỉnh Đồng Nai',
    };
    const published = await as.dnSecretariat.post(`/admin/campaigns/${COPY}/versions`, {
      baseVersion: 0,
      campaign,
    });
    expect(published.status, published.text).toBe(201);
    const stored = expectStatus(await as.dnWard.get(`/campaigns/${COPY}`), 200);
    expect(stored).toMatchObject({ year: 2026, number: '12/KH-UBND' });
    // Bình Phước's campaign itself is untouched.
    expect(expectStatus(await as.bpSecretariat.get(`/campaigns/${CAMPAIGN_2023_ID}`), 200)).toMatchObject({
      participants: { unitKinds: ['department', 'district', 'commune'] },
    });
  });

  it("copies a form Đồng Nai lacks as a template of its own, audited in the copy's transaction", async () => {
    const doc = DynamoDBDocumentClient.from(clients.dynamo, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const ref = { table: platform.tableName, client: doc };
    const base = templates2023.find((t) => t.id === 'periodic_report_2023');
    if (!base) throw new Error('no template');
    // A 2024 campaign Bình Phước ran on a form of its own (written as its JSON routes would).
    await createTemplateRepository(ref).create(DEMO_TENANT, {
      ...base,
      id: 'bao-cao-quy-bp',
      title: 'Báo cáo quý (Bình Phước)',
    });
    await createCampaignRepository(ref).save(
      {
        ...campaign2023,
        tenantId: DEMO_TENANT,
        id: 'kh-2024-bp',
        year: 2024,
        forms: campaign2023.forms.map((f) => ({ ...f, templateId: 'bao-cao-quy-bp' })),
      },
      'create',
    );
    const copy = expectStatus(
      await copyFromBinhPhuoc(as.dnAdmin, 'kh-2024-bp', 'kh-2026-tu-2024'),
      201,
    ) as unknown as Draft;
    expect(new Set(copy.data.forms.map((f) => `${f.templateId}@${f.templateVersion}`))).toEqual(
      new Set(['bao-cao-quy-bp@1']),
    );
    const template = expectStatus(await as.dnWard.get('/templates/bao-cao-quy-bp'), 200);
    expect(template).toMatchObject({ id: 'bao-cao-quy-bp', version: 1, title: 'Báo cáo quý (Bình Phước)' });
    const audit = expectStatus(await as.dnAdmin.get('/audit/chains/template/bao-cao-quy-bp'), 200);
    expect(JSON.stringify(audit)).toMatch(/Sao chép biểu mẫu Báo cáo quý \(Bình Phước\) từ Tỉnh Bình Phước/);
  });

  it('refuses a secretariat of another province with the same 404 as an unknown campaign, and a reviewer with 403', async () => {
    const stranger = await copyFromBinhPhuoc(as.tnSecretariat, CAMPAIGN_2023_ID, 'kh-tn-2026');
    const unknown = await copyFromBinhPhuoc(as.dnSecretariat, 'khong-co', 'kh-x-2026');
    expect(stranger.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(body(stranger)).toEqual(body(unknown));
    // The absorbed province cannot reach back into its successor either.
    const back = await as.bpSecretariat.post(`/admin/campaigns/${COPY}/copies`, {
      id: 'kh-bp-2026',
      year: 2026,
      sourceTenantId: DONG_NAI_TENANT,
    });
    expect(back.status).toBe(404);
    expect(body(back)).toEqual(body(unknown));
    expect((await copyFromBinhPhuoc(as.dnReviewer, CAMPAIGN_2023_ID, 'kh-r-2026')).status).toBe(403);
    expect((await copyFromBinhPhuoc(as.dnWard, CAMPAIGN_2023_ID, 'kh-w-2026')).status).toBe(403);
  });
});

describe("each province's secretariat contact (help pages)", () => {
  it('is seeded for both demo provinces and read by everyone of the province', async () => {
    const dn = expectStatus(await as.dnWard.get('/tenant/contact'), 200);
    expect(dn.contact).toMatchObject(dongNaiContact);
    const bp = expectStatus(await as.bpSecretariat.get('/tenant/contact'), 200);
    expect(bp.contact).toMatchObject(demoContact);
    expect(expectStatus(await as.tnSecretariat.get('/tenant/contact'), 200)).toEqual({ contact: null });
  });

  it('is changed by the administrator only, with field errors in Vietnamese, and audited', async () => {
    const next = { ...dongNaiContact, phone: '0251 3822 999', name: 'Phòng Tham mưu, Công an tỉnh Đồng Nai' };
    expect((await as.dnSecretariat.put('/tenant/contact', next)).status).toBe(403);
    const bad = await as.dnAdmin.put('/tenant/contact', {
      ...next,
      phone: 'gọi tôi',
      email: 'khong-phai-thu',
    });
    expect(bad.status).toBe(400);
    const fields = JSON.stringify(body(bad));
    expect(fields).toMatch(/phone/);
    expect(fields).toMatch(/Số điện thoại chỉ gồm chữ số/);
    expect(fields).toMatch(/Thư điện tử không hợp lệ/);
    const saved = expectStatus(await as.dnAdmin.put('/tenant/contact', next), 200);
    expect(saved).toMatchObject({ phone: '0251 3822 999', updatedByName: expect.any(String) });
    expect(expectStatus(await as.dnWard.get('/tenant/contact'), 200).contact).toMatchObject({
      phone: '0251 3822 999',
    });
    // Bình Phước's is its own.
    expect(expectStatus(await as.bpAdmin.get('/tenant/contact'), 200).contact).toMatchObject({
      phone: demoContact.phone,
    });
    const chain = expectStatus(await as.dnAdmin.get('/audit/chains/tenant_settings/contact'), 200);
    expect(JSON.stringify(chain)).toMatch(/0251 3822 999/);
    expect(chain).toMatchObject({ valid: true });
  });
});
