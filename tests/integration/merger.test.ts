import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { checkRules } from '@thidua/functions/features/commendations/nominations';
import { createCommendationRepository } from '@thidua/functions/features/commendations/repository';
import { createMergerRepository, tenantMergerEntity } from '@thidua/functions/features/mergers/repository';
import { createUnitRepository } from '@thidua/functions/features/org/repository';
import { transactWrite } from '@thidua/functions/kernel/data/transact';
import { AWARDED_2023, seedMergedWorld } from '@thidua/functions/local/seed-2026';
import {
  CAMPAIGN_2026_ID,
  DONG_NAI_TENANT,
  dongNaiUnits,
  dongNaiUsers,
  unmappedBinhPhuocUnits,
} from '@thidua/functions/local/seed-data-2026';
import { commendationConfig2023, law2022, type NominationFacts } from '@thidua/shared/commendation';
import type { Unit } from '@thidua/shared/org';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  apiAs,
  DEMO_PASSWORD,
  DEMO_TENANT,
  emulatorClients,
  type Platform,
  signIn,
  startTestPlatform,
} from '../support/platform';
import { createProvince, tayNinh } from '../support/provinces';
import { expectStatus } from './api-world';

/**
 * The merger of Bình Phước into Đồng Nai (issue 13, point 4; ADR 0017), on the December 2026 demo world:
 * the absorbed province's 2023 reports and awards are read in the merged one with their origin, by the
 * successor ward and the province and by nobody else; audit chains still verify (nothing was rewritten),
 * the merger's link verifies and notices tampering; the consecutive-years rule sees the merged history.
 */
let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
let doc: DynamoDBDocumentClient;
const ref = () => ({ table: platform.tableName, client: doc });
const STRANGER = tayNinh.tenantId;
const run = promisify(execFile);

beforeAll(async () => {
  const started = Date.now();
  platform = await startTestPlatform({ seedMerged: true });
  console.log(`platform with the December 2026 world: ${Date.now() - started} ms`);
  clients = emulatorClients(platform);
  doc = DynamoDBDocumentClient.from(clients.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  // A stranger province with its own administrator and a commune officer (no merger with anyone).
  await createProvince(platform, tayNinh);
}, 240_000);

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

interface History {
  predecessors: {
    origin: Record<string, string>;
    submissions: { id: string; unitId: string; state: string; period: string; tenantId: string }[];
    awards: { decisionNumber: string; nomineeName: string; awardTypeName: string }[];
  }[];
}

describe('the December 2026 demo world', () => {
  it('seeds the merged province, its logins, the 2023 history and the merger', async () => {
    expect(platform.seededMerged).toEqual({
      units: dongNaiUnits().length,
      users: dongNaiUsers.length,
      submissions: 2,
      awards: 3,
      merged: true,
    });
    expect(unmappedBinhPhuocUnits()).toEqual([]);
    for (const demo of dongNaiUsers) {
      const claims = decodeJwt((await signIn(platform, demo.email)).idToken);
      expect(claims['custom:tenant_id'], demo.email).toBe(DONG_NAI_TENANT);
      expect(claims['custom:unit_id'], demo.email).toBe(demo.unitId);
    }
    const campaign = expectStatus(
      await (await apiAs(platform, 'duyet.dongnai@demo.thidua.vn')).get(`/campaigns/${CAMPAIGN_2026_ID}`),
      200,
    );
    expect(campaign).toMatchObject({ year: 2026, issuer: 'Ủy ban nhân dân tỉnh Đồng Nai' });
  });

  it('can be seeded again without writing anything', async () => {
    const again = await seedMergedWorld(platform);
    expect(again).toMatchObject({ submissions: 0, awards: 0, merged: false });
  });

  it('keeps every Bình Phước login working on its 2023 history (its audit chain verifies)', async () => {
    const officer = await apiAs(platform, 'canbo.tanphu@demo.thidua.vn');
    const mine = expectStatus(await officer.get('/submissions?scope=mine'), 200) as {
      items: { id: string; state: string }[];
    };
    const report = mine.items.find((s) => s.state === 'approved');
    expect(report).toBeDefined();
    const secretariat = await apiAs(platform, 'thuongtruc@demo.thidua.vn');
    expect(expectStatus(await secretariat.get(`/submissions/${report?.id}/audit`), 200)).toMatchObject({
      valid: true,
    });
  });
});

describe('reading the absorbed province from the merged one', () => {
  let ward: History;
  let reportId = '';

  it("shows the successor ward the predecessor commune's approved 2023 report and its awards, with their origin", async () => {
    const officer = await apiAs(platform, 'canbo.phuongbinhphuoc@demo.thidua.vn');
    ward = expectStatus(await officer.get('/history/units/phuong-binh-phuoc'), 200) as unknown as History;
    const tanPhu = ward.predecessors.find((p) => p.origin.unitId === 'dong-xoai-tan-phu');
    expect(tanPhu?.origin).toMatchObject({
      tenantId: DEMO_TENANT,
      tenantName: 'Tỉnh Bình Phước',
      unitName: 'Phường Tân Phú',
      successorUnitName: 'Phường Bình Phước',
      effectiveFrom: '2025-07-01',
    });
    const report = tanPhu?.submissions.find((s) => s.period === '2023-Y');
    expect(report).toMatchObject({ state: 'approved', tenantId: DEMO_TENANT, unitId: 'dong-xoai-tan-phu' });
    reportId = report?.id ?? '';
    expect(tanPhu?.awards.map((a) => [a.decisionNumber, a.nomineeName])).toEqual([
      ['01/QĐ-UBND', 'Công an phường Tân Phú'],
      ['01/QĐ-UBND', AWARDED_2023.name],
    ]);
    // The ward carries six old communes; those that filed nothing show empty lists.
    expect(ward.predecessors).toHaveLength(6);
  });

  it('opens the report: the chain still verifies with the absorbed tenant hashed in, and the merger link verifies', async () => {
    const officer = await apiAs(platform, 'canbo.phuongbinhphuoc@demo.thidua.vn');
    const read = expectStatus(await officer.get(`/history/${DEMO_TENANT}/submissions/${reportId}`), 200) as {
      origin: Record<string, string>;
      submission: { tenantId: string; state: string; data: unknown; chain: { unitName: string }[] };
      events: { tenantId: string; action: string }[];
      verification: { valid: boolean; eventCount: number };
      link: { valid: boolean; problems: string[] };
    };
    expect(read.submission).toMatchObject({ tenantId: DEMO_TENANT, state: 'approved' });
    expect(read.submission.chain.map((l) => l.unitName)).toEqual(['Thành phố Đồng Xoài', 'Tỉnh Bình Phước']);
    expect(read.events.every((e) => e.tenantId === DEMO_TENANT)).toBe(true);
    expect(read.events.map((e) => e.action)).toEqual([
      'create',
      'save',
      'submit',
      'sign_off',
      'approve',
      'approve',
    ]);
    expect(read.verification).toMatchObject({ valid: true, eventCount: 6 });
    expect(read.link).toEqual({ valid: true, problems: [] });
    expect(read.origin.successorUnitId).toBe('phuong-binh-phuoc');
  });

  it('lets the merged province read the whole absorbed province; another ward and a stranger province read nothing', async () => {
    const secretariat = await apiAs(platform, 'thuongtruc.dongnai@demo.thidua.vn');
    const province = expectStatus(
      await secretariat.get('/history/units/dong-nai'),
      200,
    ) as unknown as History;
    expect(province.predecessors[0]?.submissions.map((s) => s.unitId).sort()).toEqual([
      'dong-xoai-tan-phu',
      'so-tu-phap',
    ]);
    expect(province.predecessors[0]?.awards).toHaveLength(3);
    expectStatus(await secretariat.get(`/history/${DEMO_TENANT}/submissions/${reportId}`), 200);
    const reviewer = await apiAs(platform, 'duyet.dongnai@demo.thidua.vn');
    expectStatus(await reviewer.get(`/history/${DEMO_TENANT}/submissions/${reportId}`), 200);

    const otherWard = await apiAs(platform, 'canbo.phuongdongxoai@demo.thidua.vn');
    expect((await otherWard.get('/history/units/phuong-binh-phuoc')).status).toBe(404);
    expect((await otherWard.get(`/history/${DEMO_TENANT}/submissions/${reportId}`)).status).toBe(404);
    const ownWard = expectStatus(
      await otherWard.get('/history/units/phuong-dong-xoai'),
      200,
    ) as unknown as History;
    expect(ownWard.predecessors.flatMap((p) => p.submissions)).toEqual([]);

    for (const email of ['canbo@tayninh.thidua.vn', 'quantri@tayninh.thidua.vn']) {
      const stranger = await apiAs(platform, email);
      expect((await stranger.get(`/history/${DEMO_TENANT}/submissions/${reportId}`)).status, email).toBe(404);
      expect(expectStatus(await stranger.get('/history/predecessors'), 200)).toEqual({ items: [] });
    }
    // The absorbed province's own users do not read the merged one through this route either.
    const bp = await apiAs(platform, 'thuongtruc@demo.thidua.vn');
    expect((await bp.get(`/history/${DONG_NAI_TENANT}/submissions/${reportId}`)).status).toBe(404);
    // Without a token: the gateway's 401.
    expect((await api(platform).get('/history/predecessors')).status).toBe(401);
  });

  it('verifies the link between the two ledgers, and notices a unit map changed after the merger', async () => {
    const secretariat = await apiAs(platform, 'thuongtruc.dongnai@demo.thidua.vn');
    const listed = expectStatus(await secretariat.get('/history/predecessors'), 200) as {
      items: {
        predecessorTenantId: string;
        unitCount: number;
        link: { valid: boolean; problems: string[] };
      }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ predecessorTenantId: DEMO_TENANT, link: { valid: true, problems: [] } }),
    ]);
    const key = tenantMergerEntity.key({
      successorTenantId: DONG_NAI_TENANT,
      predecessorTenantId: DEMO_TENANT,
    });
    const merger = await createMergerRepository(ref()).get(DONG_NAI_TENANT, DEMO_TENANT);
    const honest = merger?.unitMap ?? [];
    const forged = honest.map((e) => (e.from === 'dong-xoai-tan-phu' ? { ...e, to: 'phuong-dong-xoai' } : e));
    const setMap = (unitMap: unknown) =>
      doc.send(
        new UpdateCommand({
          TableName: platform.tableName,
          Key: key,
          UpdateExpression: 'SET unitMap = :m',
          ExpressionAttributeValues: { ':m': unitMap },
        }),
      );
    await setMap(forged);
    try {
      const after = expectStatus(await secretariat.get('/history/predecessors'), 200) as typeof listed;
      expect(after.items[0]?.link.valid).toBe(false);
      expect(after.items[0]?.link.problems).toContain('Bảng ánh xạ đơn vị khác với bảng đã ghi khi hợp nhất');
    } finally {
      await setMap(honest);
    }
  });
});

describe('the merge operation (admin routes)', () => {
  it('refuses without the absorbed province consenting, to non-administrators, and a second merger of a merged province', async () => {
    const admin = await apiAs(platform, 'quantri.dongnai@demo.thidua.vn');
    const body = {
      predecessorTenantId: STRANGER,
      effectiveFrom: '2026-01-01',
      legalBasis: 'Nghị quyết thử nghiệm',
      unitMap: [{ from: 'xa-a', to: 'phuong-tran-bien' }],
    };
    const refused = await admin.post('/admin/mergers', body);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('no_consent');
    const reviewer = await apiAs(platform, 'duyet.dongnai@demo.thidua.vn');
    expect((await reviewer.post('/admin/mergers', body)).status).toBe(403);
    const bpAdmin = await apiAs(platform, 'quantri@demo.thidua.vn');
    const again = await bpAdmin.put('/admin/merger-consent', {
      successorTenantId: STRANGER,
      effectiveFrom: '2026-01-01',
    });
    expect(again.status).toBe(409);
  });

  it('merges a consenting province with a checked unit map, in one transaction, and its history becomes readable', async () => {
    const strangerAdmin = await apiAs(platform, 'quantri@tayninh.thidua.vn');
    // The absorbed province's administrator consents from a terminal (npm run merge -- consent ...).
    const dir = await mkdtemp(join(tmpdir(), 'thidua-merge-cli-'));
    const config = join(dir, 'web-config.json');
    await writeFile(config, JSON.stringify(platform.webConfig));
    const cli = await run(
      process.execPath,
      [
        ...['--import', 'tsx', resolve(import.meta.dirname, '../../functions/local/merge-cli.ts'), 'consent'],
        ...['--config', config, '--email', 'quantri@tayninh.thidua.vn'],
        ...['--successor', DONG_NAI_TENANT, '--date', '2026-01-01'],
      ],
      { env: { ...process.env, THIDUA_PASSWORD: DEMO_PASSWORD } },
    );
    await rm(dir, { recursive: true, force: true });
    expect(cli.stdout).toContain("state: 'consented'");
    const consent = await createMergerRepository(ref()).consentOf(STRANGER);
    expect(consent).toMatchObject({ state: 'consented', successorTenantId: DONG_NAI_TENANT });
    const admin = await apiAs(platform, 'quantri.dongnai@demo.thidua.vn');
    const bad = await admin.post('/admin/mergers', {
      predecessorTenantId: STRANGER,
      effectiveFrom: '2026-01-01',
      legalBasis: 'Nghị quyết thử nghiệm',
      unitMap: [
        { from: 'xa-a', to: 'so-tu-phap' },
        { from: 'xa-khong-co', to: 'phuong-tran-bien' },
      ],
    });
    expect(bad.status).toBe(422);
    const paths = (bad.body as { error: { details: { path: string }[] } }).error.details.map((x) => x.path);
    expect(paths).toEqual(['body.unitMap[0].to', 'body.unitMap[1].from']);

    const merged = expectStatus(
      await admin.post(
        '/admin/mergers',
        {
          predecessorTenantId: STRANGER,
          effectiveFrom: '2026-01-01',
          legalBasis: 'Nghị quyết thử nghiệm',
          unitMap: [{ from: 'xa-a', to: 'phuong-tran-bien' }],
        },
        { 'Idempotency-Key': 'merge-tay-ninh-1' },
      ),
      201,
    );
    expect(merged).toMatchObject({ predecessorName: 'Tỉnh Tây Ninh', unitCount: 1, link: { valid: true } });
    const ledger = await createMergerRepository(ref()).ledger(DONG_NAI_TENANT);
    expect(ledger.map((e) => [e.kind, e.predecessorTenantId])).toEqual([
      ['absorbed', DEMO_TENANT],
      ['absorbed', STRANGER],
    ]);
    const listed = expectStatus(await admin.get('/history/predecessors'), 200) as {
      items: { link: { valid: boolean } }[];
    };
    expect(listed.items.map((m) => m.link.valid)).toEqual([true, true]);
    // The absorbed province issues nothing dated after the merger; its consent cannot change any more.
    expect(
      (
        await strangerAdmin.put('/admin/merger-consent', {
          successorTenantId: DEMO_TENANT,
          effectiveFrom: '2026-02-01',
        })
      ).status,
    ).toBe(409);
  });
});

describe('rule checks see the merged history', () => {
  const facts = (tenantUnit: string): NominationFacts => ({
    id: 'nom-2026-hung',
    campaignId: CAMPAIGN_2026_ID,
    unitId: tenantUnit,
    unitName: 'Phường Bình Phước',
    nomineeKind: 'individual',
    nomineeName: AWARDED_2023.name,
    nomineeTitle: 'Trưởng Công an phường Bình Phước',
    // He moved and his workplace was renamed: only his name and birth date are the same.
    nomineeUnitName: 'Công an phường Bình Phước',
    nomineeGender: 'male',
    nomineeBirthDate: AWARDED_2023.birthDate,
    awardTypeId: 'chien_si_thi_dua_cap_tinh',
    achievementSummary: '',
    dossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'evidence'],
    priorAwards: [],
    meeting: { date: null, members: null, votesFor: null, votesAgainst: null },
    openedOn: '2026-11-20',
  });

  it('counts the absorbed province’s awards for consecutive years; a province without the merger does not', async () => {
    // Configuration (data): the provincial title asks for the Bằng khen in 2023, 2024 and 2025.
    const base = commendationConfig2023(CAMPAIGN_2026_ID, 'Đồng Nai');
    const config = {
      ...base,
      year: 2026,
      ruleSets: base.ruleSets.map((rs) => ({
        ...rs,
        awardTypes: rs.awardTypes.map((a) =>
          a.id === 'chien_si_thi_dua_cap_tinh'
            ? {
                ...a,
                quotas: [],
                prerequisites: [
                  {
                    kind: 'consecutive_years' as const,
                    titleIds: ['bang_khen_chu_tich_ubnd_tinh'],
                    years: 3,
                    endingIn: 'previous_year' as const,
                    legalBasis: law2022,
                  },
                ],
              }
            : a,
        ),
      })),
    };
    const commendations = createCommendationRepository(ref());
    // 2024 and 2025 (before the merger's date) were also Bình Phước's awards; 2023 is the seeded decision.
    const [seeded] = await commendations.recordsOfNominee(
      DEMO_TENANT,
      `person|trần văn hùng|${AWARDED_2023.birthDate}`,
    );
    expect(seeded?.campaignYear).toBe(2023);
    for (const year of [2024, 2025]) {
      if (!seeded) throw new Error('no seeded award');
      await transactWrite(doc, [
        commendations.putRecord(
          { ...seeded, nominationId: `hung-${year}`, campaignId: `kh-${year}`, campaignYear: year },
          null,
        ),
      ]);
    }
    const d = { commendations, mergers: createMergerRepository(ref()) };
    const merged = await checkRules(
      d,
      DONG_NAI_TENANT,
      config,
      facts('phuong-binh-phuoc'),
      'phuong-binh-phuoc',
    );
    expect(merged.violations).toEqual([]);
    expect(merged.warnings.map((w) => w.code)).toEqual([
      'award_in_other_year',
      'award_in_other_year',
      'award_in_other_year',
    ]);

    const alone = await checkRules(d, STRANGER, config, facts('xa-a'), 'xa-a');
    expect(alone.violations.map((v) => v.code)).toEqual(['prerequisite_not_met']);
    expect(alone.violations[0]?.message).toContain('thiếu năm 2023, 2024, 2025');
  });
});

// The units of a tenant as the seed wrote them (a sanity check that the root is where the policy looks).
it('roots the merged province at Tỉnh Đồng Nai', async () => {
  const root = (await createUnitRepository(ref()).get(DONG_NAI_TENANT, 'dong-nai')) as Unit;
  expect(root).toMatchObject({ name: 'Tỉnh Đồng Nai', parentId: null, path: [] });
});
