import { docxText } from '@thidua/functions/features/commendations/documents/read-office';
import { setPasswordAndGroups } from '@thidua/functions/local/pool-users';
import { templates2023 } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { type Api, apiAs, DEMO_TENANT, emulatorClients } from '../support/platform';
import { type ApiWorld, expectStatus, testCampaign, units, useApiWorld } from './api-world';
import { nominationData, signOnPaper, uploadPdf } from './commendations-world';

/**
 * Issue 17, point 6: a commune issues its own Giấy khen, decided by its Chairman alone (the award type's
 * `decidedBy: head`). A tổ dân phố of the ward proposes; the ward's reviewer approves (the chain ends at
 * the ward); the ward's head decides: a decision of "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHÚ" numbered in the
 * ward's own register, signed by its Chairman (office holder), published, printed on the Giấy khen blank.
 */
const world = useApiWorld();
const CAMPAIGN = 'commune-awards-2026';
const GROUP = 'tdp-1-tan-phu';
const PASSWORD = 'Thu-nghiem-2026!';

/**
 * The nomination form offering the commune's awards: a new version of the seeded template published by
 * the administrator (the seed's version 1 lists the province's awards only). Returns its version.
 */
const communeNominationForm = async (w: ApiWorld): Promise<number> => {
  const seeded = templates2023.find((t) => t.id === 'nomination_2023');
  if (!seeded) throw new Error('template');
  const sections = seeded.sections.map((sec) => ({
    ...sec,
    fields: sec.fields.map((f) =>
      f.key === 'awardTypeId' && f.type === 'select'
        ? {
            ...f,
            options: [
              ...f.options,
              { value: 'giay_khen_chu_tich_ubnd_xa', label: 'Giấy khen của Chủ tịch UBND cấp xã' },
            ],
          }
        : f,
    ),
  }));
  const { kind, title, description, rules, workflow, sensitiveReaders } = seeded;
  const created = expectStatus(
    await w.as.admin.post('/admin/templates/nomination_2023/versions', {
      kind,
      title,
      description,
      sections,
      rules,
      workflow,
      ...(sensitiveReaders ? { sensitiveReaders } : {}),
    }),
    201,
  );
  return Number(created.version);
};

/** An account the administrator creates, given a permanent password as an operator would. */
const account = async (w: ApiWorld, email: string, unitId: string, role: string): Promise<Api> => {
  expectStatus(
    await w.as.admin.post('/admin/users', { email, name: `Cán bộ ${role}`, unitId, roles: [role] }),
    201,
  );
  const clients = emulatorClients(w.platform);
  try {
    await setPasswordAndGroups(clients.cognito, w.platform.userPoolId, {
      email,
      name: `Cán bộ ${role}`,
      tenantId: DEMO_TENANT,
      unitId,
      password: PASSWORD,
    });
  } finally {
    clients.destroy();
  }
  return apiAs(w.platform, email, PASSWORD);
};

describe('commune level: a Giấy khen decided by the Chairman alone', () => {
  let officer: Api;
  let reviewer: Api;
  let nominationId = '';
  let decision: Record<string, unknown> = {};

  it('a tổ dân phố proposes, the ward approves as the last level of review', async () => {
    const w = world();
    // This suite is the paper-original path, the province's explicit choice (ADR 0032).
    await signOnPaper(w.as.admin);
    expectStatus(
      await w.as.admin.post('/admin/units', {
        id: GROUP,
        kind: 'residential_group',
        name: 'Tổ dân phố 1',
        parentId: units.commune,
        openedOn: '2026-01-01',
      }),
      201,
    );
    officer = await account(w, 'canbo.tdp1@demo.thidua.vn', GROUP, 'submitter');
    reviewer = await account(w, 'duyet.tanphu@demo.thidua.vn', units.commune, 'reviewer');
    const templateVersion = await communeNominationForm(w);
    expectStatus(
      await w.as.admin.post(
        '/admin/campaigns',
        testCampaign(CAMPAIGN, {
          title: 'Phong trào thi đua của phường Tân Phú năm 2026',
          participants: { unitKinds: ['residential_group'] },
          periods: ['2026-Y'],
          forms: [
            {
              formKey: 'nomination',
              templateId: 'nomination_2023',
              templateVersion,
              periods: ['2026-Y'],
              deadlines: [],
            },
          ],
          chainConfigs: [
            {
              id: 'to-dan-pho-phuong',
              name: 'Tổ dân phố → phường',
              effectiveFrom: '2020-01-01',
              effectiveTo: null,
              rules: [{ authorKind: 'residential_group', reviewerKinds: ['commune'] }],
            },
          ],
          awardTypeIds: ['giay_khen_chu_tich_ubnd_xa'],
        }),
      ),
      201,
    );
    const nominee = {
      kind: 'individual' as const,
      name: 'Lê Văn Tổ',
      position: 'Tổ trưởng tổ dân phố',
      gender: 'male' as const,
      birthDate: '1975-03-02',
      awardTypeId: 'giay_khen_chu_tich_ubnd_xa',
    };
    const draft = expectStatus(
      await officer.post('/submissions', {
        campaignId: CAMPAIGN,
        formKey: 'nomination',
        period: '2026-Y',
        data: nominationData(nominee),
      }),
      201,
    );
    nominationId = String(draft.id);
    const files = {
      toTrinh: [await uploadPdf(officer, nominationId, 'to-trinh.pdf')],
      achievementReport: [await uploadPdf(officer, nominationId, 'bao-cao-thanh-tich.pdf')],
      minutes: [await uploadPdf(officer, nominationId, 'bien-ban.pdf')],
    };
    const saved = expectStatus(
      await officer.put(`/submissions/${nominationId}`, {
        data: nominationData(nominee, files),
        expectedVersion: draft.version,
      }),
      200,
    );
    const sent = expectStatus(
      await officer.post(`/submissions/${nominationId}/actions`, {
        type: 'submit',
        expectedVersion: saved.version,
      }),
      200,
    );
    // Before the ward's review ends, its head has nothing to decide on.
    const early = await w.as.communeHead.post('/commendations/head-decisions', {
      campaignId: CAMPAIGN,
      nominationIds: [nominationId],
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain('not_approved_here');
    const approved = expectStatus(
      await reviewer.post(`/submissions/${nominationId}/actions`, {
        type: 'approve',
        expectedVersion: sent.version,
      }),
      200,
    );
    expect(approved.state).toBe('approved');
  });

  it('only the ward’s head decides; the decision is the ward’s, in its own register, signed by its Chairman', async () => {
    const w = world();
    const body = { campaignId: CAMPAIGN, nominationIds: [nominationId] };
    // The ward's officer is not its head: 403. The province's chair decides the province's own awards, and
    // this nomination's review did not end at the province: 422.
    expect((await w.as.communeSubmitter.post('/commendations/head-decisions', body)).status).toBe(403);
    const chair = await w.as.chair.post('/commendations/head-decisions', body);
    expect(chair.status).toBe(422);
    expect(chair.text).toContain('not_approved_here');
    decision = expectStatus(await w.as.communeHead.post('/commendations/head-decisions', body), 201);
    expect(decision).toMatchObject({
      decidedBy: 'head',
      sessionId: null,
      issuingBodyId: `ubnd-xa__${units.commune}`,
      number: 1,
      numberText: '01/QĐ-UBND',
      signerTitle: 'CHỦ TỊCH',
    });
    expect(decision.signerName).not.toBe('Huỳnh Văn Quang');
    // Decided once: the same nomination again is refused, whatever the request.
    const again = await w.as.communeHead.post('/commendations/head-decisions', body);
    expect(again.status).toBe(409);

    const doc = expectStatus(
      await w.as.communeHead.get(`/commendations/decisions/${String(decision.id)}/document`),
      200,
    );
    const text = docxText(new Uint8Array(await (await fetch(String(doc.url))).arrayBuffer()));
    expect(text).toContain('PHƯỜNG TÂN PHÚ');
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ');
    expect(text).toContain('Xét đề nghị của Tổ dân phố 1.');
    expect(text).not.toContain('Hội đồng Thi đua - Khen thưởng tỉnh tại');
    expect(text).toContain('Lê Văn Tổ');
    expect(text).toContain(String(decision.signerName));

    const pub = expectStatus(
      await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${String(decision.id)}`),
      200,
    );
    expect(JSON.stringify(pub)).toContain('Lê Văn Tổ');
    const register = expectStatus(await w.as.chair.get('/commendations/register?year=2026'), 200);
    expect(register.checks).toContainEqual(
      expect.objectContaining({ issuingBodyId: `ubnd-xa__${units.commune}`, ok: true }),
    );
  });

  it('the ward prints the Giấy khen on its blank; the test print shows the boxes', async () => {
    const w = world();
    const url = `/commendations/decisions/${String(decision.id)}/certificates?blankId=giay-khen-a4`;
    const printed = expectStatus(await w.as.communeHead.get(url), 200);
    expect(printed.count).toBe(1);
    const html = String(printed.html);
    expect(html).toContain('@page { size: 297mm 210mm; margin: 0; }');
    expect(html).toMatch(/data-field="nomineeName"[^>]*>Lê Văn Tổ</);
    expect(html).toContain('>Số: 01/QĐ-UBND<');
    expect(html).toContain('>Phường Tân Phú, ngày');
    expectStatus(await w.as.communeSubmitter.get(url), 200);
    // Another unit's office prints nothing of it; a blank that carries none of its awards prints nothing.
    expect((await w.as.districtReviewer.get(url)).status).toBe(404);
    expect((await w.as.communeHead.get(url.replace('giay-khen-a4', 'bang-khen-a3'))).status).toBe(422);
    const test = expectStatus(
      await w.as.communeSubmitter.get(
        `/commendations/campaigns/${CAMPAIGN}/certificate-blanks/giay-khen-a4/test-print`,
      ),
      200,
    );
    expect(String(test.html)).toContain('class="slot test"');
  });
});
