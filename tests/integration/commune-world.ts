import { setPasswordAndGroups } from '@thidua/functions/local/pool-users';
import { templates2023 } from '@thidua/shared/forms';
import { expect } from 'vitest';
import { type Api, apiAs, DEMO_TENANT, emulatorClients } from '../support/platform';
import { type ApiWorld, expectStatus, testCampaign, units } from './api-world';
import { completeNomination, type NomineeInput, nominationData } from './commendations-world';

/**
 * A ward's own awards (issue 17, point 6), shared by the integration suite and the browser journey: the
 * ward of Tân Phú with a tổ dân phố that proposes, a campaign whose nomination form offers the
 * Chairman's Giấy khen (decided by the head alone), and accounts the administrator creates.
 */
export const COMMUNE_CAMPAIGN = 'commune-awards-2026';
export const GROUP = 'tdp-1-tan-phu';
const PASSWORD = 'Thu-nghiem-2026!';

/** What these helpers need of a world: the platform and its administrator. */
export type AdminWorld = Pick<ApiWorld, 'platform'> & { as: Pick<ApiWorld['as'], 'admin'> };

export const residentialGroup = {
  id: GROUP,
  kind: 'residential_group',
  name: 'Tổ dân phố 1',
  parentId: units.commune,
  openedOn: '2026-01-01',
};

/**
 * The ward's campaign: its tổ dân phố propose, the ward reviews last, the Chairman's Giấy khen (another
 * id and award types: the ward council's campaign).
 */
export const communeCampaign = (
  templateVersion: number,
  id: string = COMMUNE_CAMPAIGN,
  awardTypeIds: string[] = ['giay_khen_chu_tich_ubnd_xa'],
) =>
  testCampaign(id, {
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
    awardTypeIds,
  });

/**
 * The nomination form offering the commune's awards: a new version of the seeded template published by
 * the administrator (the seed's version 1 lists the province's awards only). Returns its version.
 */
export const communeNominationForm = async (
  w: AdminWorld,
  awards: { value: string; label: string }[] = [
    { value: 'giay_khen_chu_tich_ubnd_xa', label: 'Giấy khen của Chủ tịch UBND cấp xã' },
  ],
): Promise<number> => {
  const seeded = templates2023.find((t) => t.id === 'nomination_2023');
  if (!seeded) throw new Error('template');
  const sections = seeded.sections.map((sec) => ({
    ...sec,
    fields: sec.fields.map((f) =>
      f.key === 'awardTypeId' && f.type === 'select'
        ? {
            ...f,
            options: [...f.options, ...awards],
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
export const account = async (w: AdminWorld, email: string, unitId: string, role: string): Promise<Api> => {
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

/** The whole set-up: the tổ dân phố, its officer, the ward's reviewer, the form, the campaign. */
export const setUpCommune = async (w: AdminWorld): Promise<{ officer: Api; reviewer: Api }> => {
  expectStatus(await w.as.admin.post('/admin/units', residentialGroup), 201);
  const officer = await account(w, 'canbo.tdp1@demo.thidua.vn', GROUP, 'submitter');
  const reviewer = await account(w, 'duyet.tanphu@demo.thidua.vn', units.commune, 'reviewer');
  const templateVersion = await communeNominationForm(w);
  expectStatus(await w.as.admin.post('/admin/campaigns', communeCampaign(templateVersion)), 201);
  return { officer, reviewer };
};

/** The tổ dân phố's leader, proposed for the Chairman's Giấy khen. */
export const tdpLeader: NomineeInput = {
  kind: 'individual',
  name: 'Lê Văn Tổ',
  position: 'Tổ trưởng tổ dân phố',
  gender: 'male',
  birthDate: '1975-03-02',
  awardTypeId: 'giay_khen_chu_tich_ubnd_xa',
};

/** The tổ dân phố's officer files the nomination with its three files and sends it to the ward. */
export const sendNominee = async (
  officer: Api,
  nominee: NomineeInput,
  campaignId: string = COMMUNE_CAMPAIGN,
): Promise<Record<string, unknown>> => {
  const draft = expectStatus(
    await officer.post('/submissions', {
      campaignId,
      formKey: 'nomination',
      period: '2026-Y',
      data: nominationData(nominee),
    }),
    201,
  );
  const id = await completeNomination(officer, nominee, draft);
  return expectStatus(await officer.get(`/submissions/${id}`), 200);
};

/** The ward's reviewer approves a nomination its tổ dân phố sent: the last level of its chain. */
export const approveAtWard = async (reviewer: Api, sent: Record<string, unknown>): Promise<void> => {
  const approved = expectStatus(
    await reviewer.post(`/submissions/${String(sent.id)}/actions`, {
      type: 'approve',
      expectedVersion: sent.version,
    }),
    200,
  );
  expect(approved.state).toBe('approved');
};

/** The tổ dân phố files its nominee and the ward's reviewer approves it: the last level, the head decides. */
export const approvedByWard = async (
  officer: Api,
  reviewer: Api,
  nominee: NomineeInput,
): Promise<Record<string, unknown>> => {
  const sent = await sendNominee(officer, nominee);
  await approveAtWard(reviewer, sent);
  return sent;
};

/** The ward council's campaign (ADR 0037): Chiến sĩ thi đua cơ sở, voted by the ward's own council. */
export const WARD_COUNCIL_CAMPAIGN = 'ward-council-2026';

/** The ward's seeded council: its secretary and three members (functions/local/seed-data.ts). */
export const wardCouncilLogins = {
  secretary: 'thuky.tanphu@demo.thidua.vn',
  members: [
    'hoidong1.tanphu@demo.thidua.vn',
    'hoidong2.tanphu@demo.thidua.vn',
    'hoidong3.tanphu@demo.thidua.vn',
  ],
} as const;

/**
 * The ward council's campaign beside the commune's (after `setUpCommune`): a nomination form that also
 * offers Chiến sĩ thi đua cơ sở, and a campaign whose tổ dân phố propose it to the ward.
 */
export const setUpWardCouncilCampaign = async (w: AdminWorld): Promise<void> => {
  const version = await communeNominationForm(w, [
    { value: 'giay_khen_chu_tich_ubnd_xa', label: 'Giấy khen của Chủ tịch UBND cấp xã' },
    { value: 'chien_si_thi_dua_co_so', label: 'Chiến sĩ thi đua cơ sở' },
  ]);
  expectStatus(
    await w.as.admin.post(
      '/admin/campaigns',
      communeCampaign(version, WARD_COUNCIL_CAMPAIGN, ['chien_si_thi_dua_co_so']),
    ),
    201,
  );
};
