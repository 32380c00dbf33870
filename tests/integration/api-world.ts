import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CampaignInput } from '@thidua/shared/campaign';
import type { Role } from '@thidua/shared/org';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type Api,
  type ApiResponse,
  api,
  apiAs,
  demoUsers,
  emulatorClients,
  type Platform,
  PROVINCE_ID,
  startTestPlatform,
  type TestPlatformOptions,
} from '../support/platform';

/**
 * The world of the API suites: the demo platform (seeded units, users, the 2023 templates) plus a test
 * campaign whose chains are in force today, so drafts can be created whatever the date. Every demo user
 * is signed in once.
 */
export const TEST_CAMPAIGN = 'api-test-campaign';
export const REPORT_FORM = 'periodic_report';
export const REPORT_TEMPLATE = 'api_test_report';

/** A small report template: required figures, a score criterion (reviewer scores), evidence files. */
export const testTemplateBody = {
  kind: 'report',
  title: 'Báo cáo thử nghiệm',
  sections: [
    {
      key: 'figures',
      title: 'Số liệu',
      fields: [
        { key: 'crimesDetected', label: 'Số vụ phát hiện', type: 'integer', required: true, min: 0 },
        { key: 'drugCases', label: 'Số vụ ma túy', type: 'integer', min: 0 },
        { key: 'selfScore', label: 'Tự chấm điểm', type: 'score', maxPoints: 10 },
      ],
    },
    {
      key: 'evidence',
      title: 'Minh chứng',
      fields: [{ key: 'files', label: 'Tệp minh chứng', type: 'file' }],
    },
  ],
};

/** Data that passes the test template in submit mode. */
export const validReport = (crimes = 3) => ({ figures: { crimesDetected: crimes, drugCases: 1 } });

/** Demo logins by role in the tree (see functions/local/seed-data.ts). */
export const logins = {
  admin: 'quantri@demo.thidua.vn',
  secretariat: 'thuongtruc@demo.thidua.vn',
  provinceReviewer: 'duyet.tinh@demo.thidua.vn',
  districtReviewer: 'duyet.dongxoai@demo.thidua.vn',
  otherDistrictReviewer: 'duyet.binhlong@demo.thidua.vn',
  communeSubmitter: 'canbo.tanphu@demo.thidua.vn',
  communeHead: 'truong.tanphu@demo.thidua.vn',
  departmentSubmitter: 'canbo.sotuphap@demo.thidua.vn',
  councilMember: 'hoidong1@demo.thidua.vn',
  chair: 'chutich@demo.thidua.vn',
} as const;
export type Login = keyof typeof logins;

export const units = {
  province: PROVINCE_ID,
  district: 'dong-xoai',
  otherDistrict: 'binh-long',
  commune: 'dong-xoai-tan-phu',
  department: 'so-tu-phap',
};

export interface ApiWorld {
  platform: Platform;
  as: Record<Login, Api>;
  anonymous: Api;
  stop(): Promise<void>;
}

export const testCampaign = (
  id: string = TEST_CAMPAIGN,
  overrides: Partial<CampaignInput> = {},
): Omit<CampaignInput, 'tenantId'> => ({
  id,
  number: '99/KH-TEST',
  issuedOn: '2026-01-05',
  year: 2026,
  title: 'Phong trào thử nghiệm API',
  kind: 'thematic',
  contents: [{ no: 1, title: 'Nội dung 1', text: 'Nội dung thi đua thử nghiệm' }],
  participants: { unitKinds: ['department', 'district', 'commune'] },
  periods: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-H2', '2026-Y'],
  forms: [
    {
      formKey: REPORT_FORM,
      templateId: REPORT_TEMPLATE,
      templateVersion: 1,
      periods: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-H2', '2026-Y'],
      deadlines: [{ period: '2026-Q1', stage: 'submit', dueAt: '2026-03-15T17:00:00.000Z' }],
    },
  ],
  chainConfigs: [
    {
      id: 'test_three_tier',
      name: 'Ba cấp (thử nghiệm)',
      effectiveFrom: '2020-01-01',
      effectiveTo: null,
      rules: [
        { authorKind: 'commune', reviewerKinds: ['district', 'province'] },
        { authorKind: 'district', reviewerKinds: ['province'] },
        { authorKind: 'department', reviewerKinds: ['province'] },
      ],
    },
  ],
  ...overrides,
});

/**
 * One more campaign of the test report with its own periods (one slot per period: many reports of one
 * unit) and deadlines, created by the administrator `admin`.
 */
export const addReportCampaign = async (
  admin: Api,
  id: string,
  o: { number: string; periods: string[]; deadlines?: CampaignInput['forms'][number]['deadlines'] },
): Promise<void> => {
  const base = testCampaign(id);
  const forms = base.forms.map((f) => ({
    ...f,
    periods: o.periods,
    ...(o.deadlines ? { deadlines: o.deadlines } : {}),
  }));
  const r = await admin.post(
    '/admin/campaigns',
    testCampaign(id, { number: o.number, periods: o.periods, forms }),
  );
  expect(r.status, r.text).toBe(201);
};

/** Every demo login signed in to the API of `platform`. */
export const signInEveryone = async (platform: Platform): Promise<Record<Login, Api>> => {
  const entries = await Promise.all(
    (Object.entries(logins) as [Login, string][]).map(
      async ([k, email]) => [k, await apiAs(platform, email)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Login, Api>;
};

export const startApiWorld = async (options: TestPlatformOptions = {}): Promise<ApiWorld> => {
  const platform = await startTestPlatform(options);
  try {
    const as = await signInEveryone(platform);
    const t = await as.admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, testTemplateBody);
    expect(t.status, t.text).toBe(201);
    const r = await as.admin.post('/admin/campaigns', testCampaign());
    expect(r.status, r.text).toBe(201);
    return { platform, as, anonymous: api(platform), stop: () => platform.stop() };
  } catch (err) {
    await platform.stop();
    throw err;
  }
};

/**
 * The world of a test file: started before its tests, stopped after them; read it through the getter.
 * `start` builds on the API world (the commendation suites add their campaign).
 */
export const useApiWorld = (start: () => Promise<ApiWorld> = startApiWorld): (() => ApiWorld) => {
  let world: ApiWorld | undefined;
  beforeAll(async () => {
    world = await start();
  });
  afterAll(async () => {
    await world?.stop();
  });
  return () => {
    if (!world) throw new Error('the API world is not started');
    return world;
  };
};

/**
 * A user created by the administrator through the API, then given a permanent password in the user pool
 * (the invitation e-mail's step); answers the created user's id.
 */
export const createUserWithPassword = async (
  w: Pick<ApiWorld, 'platform'> & { as: Pick<ApiWorld['as'], 'admin'> },
  user: { email: string; name: string; unitId: string; roles: Role[] },
  password: string,
): Promise<string> => {
  const created = expectStatus(await w.as.admin.post('/admin/users', user), 201);
  const clients = emulatorClients(w.platform);
  try {
    await clients.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: w.platform.userPoolId,
        Username: user.email,
        Password: password,
        Permanent: true,
      }),
    );
  } finally {
    clients.destroy();
  }
  return String(created.id);
};

export const demoUserByEmail = (email: string) => {
  const u = demoUsers.find((x) => x.email === email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
};

/** The JSON body of an answer, as a record (tests read fields from it). */
export const body = (r: ApiResponse): Record<string, unknown> => {
  if (typeof r.body !== 'object' || r.body === null)
    throw new Error(`not JSON: ${r.status} ${r.text.slice(0, 200)}`);
  return r.body as Record<string, unknown>;
};

export const expectStatus = (r: ApiResponse, status: number): Record<string, unknown> => {
  expect(r.status, `${r.status} ${r.text.slice(0, 500)}`).toBe(status);
  return typeof r.body === 'object' && r.body !== null ? (r.body as Record<string, unknown>) : {};
};

export interface SubmissionBody {
  id: string;
  version: number;
  state: string;
  level: number | null;
  [k: string]: unknown;
}

export const asSubmission = (b: Record<string, unknown>): SubmissionBody => {
  expect(typeof b.id).toBe('string');
  expect(typeof b.version).toBe('number');
  return b as SubmissionBody;
};

/** A draft of the test report by `who` for `period` (any period of the campaign). */
export const createReport = async (
  who: Api,
  period: string,
  data: Record<string, unknown> = validReport(),
  campaignId: string = TEST_CAMPAIGN,
  formKey: string = REPORT_FORM,
): Promise<SubmissionBody> =>
  asSubmission(expectStatus(await who.post('/submissions', { campaignId, formKey, period, data }), 201));

export const act = async (
  who: Api,
  s: Pick<SubmissionBody, 'id' | 'version'>,
  action: Record<string, unknown>,
  status = 200,
  headers?: Record<string, string>,
): Promise<SubmissionBody> => {
  const r = await who.post(
    `/submissions/${s.id}/actions`,
    { ...action, expectedVersion: s.version },
    headers,
  );
  const b = expectStatus(r, status);
  return (status === 200 ? asSubmission(b) : b) as SubmissionBody;
};

/** Periods for many independent submissions of one unit: one slot per (unit, campaign, form, period). */
export const manyPeriods = (fromYear: number, years: number): string[] =>
  Array.from({ length: years }, (_, i) => fromYear + i).flatMap((y) =>
    ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y'].map((p) => `${y}-${p}`),
  );

/** Posts a file to S3 with the presigned POST the API returned, as a browser would. */
export const uploadWithPresignedPost = async (
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  contentType: string,
): Promise<number> => {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'file');
  const r = await fetch(upload.url, { method: 'POST', body: form });
  await r.arrayBuffer();
  return r.status;
};

/** A tiny but real PDF and PNG (the content check reads their first bytes). */
export const samplePdf = new Uint8Array(
  Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
);
export const samplePng = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);
