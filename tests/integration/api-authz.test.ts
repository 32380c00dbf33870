import { routes } from '@thidua/functions/routes';
import { encodeUnsubscribePayload } from '@thidua/shared/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, type ApiResponse, apiAs, createPoolUser, emulatorClients } from '../support/platform';
import {
  type ApiWorld,
  act,
  createReport,
  expectStatus,
  type Login,
  logins,
  REPORT_FORM,
  REPORT_TEMPLATE,
  type SubmissionBody,
  samplePdf,
  startApiWorld,
  TEST_CAMPAIGN,
  testCampaign,
  units,
  uploadWithPresignedPost,
} from './api-world';

/**
 * The authorization matrix: every core route × every role (and the public) × a resource inside and one
 * outside the caller's line. The expectations are written here from the product's rules (domain.md,
 * issue 3 §5), not derived from the policy code they test. Writes use requests that cannot change
 * anything once authorized (a stale expected version, a missing parent...), so an authorized caller
 * gets the status of the next check (409/404/422) and an unauthorized one 403 — or 404 where even the
 * existence of the resource must not leak. Refusals carry no data.
 */
type Persona = Login | 'anonymous';
const personas: Persona[] = [...(Object.keys(logins) as Login[]), 'anonymous'];

let w: ApiWorld;
/** A: a commune's report under review at the district. B: a department's, under review at the province. */
let A: SubmissionBody;
let B: SubmissionBody;
let attachmentOfA: string;
let subtreeOfDistrict: Set<string>;

const unitOf: Record<Login, string> = {
  admin: units.province,
  secretariat: units.province,
  provinceReviewer: units.province,
  districtReviewer: units.district,
  otherDistrictReviewer: units.otherDistrict,
  communeSubmitter: units.commune,
  communeHead: units.commune,
  departmentSubmitter: units.department,
  councilMember: units.province,
  chair: units.province,
};

/** Who may read a submission of the commune (A) / of the department (B). */
const readersOf = {
  A: [
    'admin',
    'secretariat',
    'chair',
    'provinceReviewer',
    'districtReviewer',
    'communeSubmitter',
    'communeHead',
  ],
  B: ['admin', 'secretariat', 'chair', 'provinceReviewer', 'departmentSubmitter'],
} satisfies Record<'A' | 'B', Login[]>;
/** Who may act on it: its own unit's authors, the reviewing units above it (reviewer, secretariat). */
const actorsOf = {
  A: ['communeSubmitter', 'communeHead', 'districtReviewer', 'provinceReviewer', 'secretariat'],
  B: ['departmentSubmitter', 'provinceReviewer', 'secretariat'],
} satisfies Record<'A' | 'B', Login[]>;
/** Who may flag it "Mật": the reviewing units above it (reviewer, secretariat), never its authors. */
const classifiersOf = {
  A: ['districtReviewer', 'provinceReviewer', 'secretariat'],
  B: ['provinceReviewer', 'secretariat'],
} satisfies Record<'A' | 'B', Login[]>;
/** Who may comment on its fields now: the reviewer of the level on turn (A: district; B: province). */
const commentersOf = {
  A: ['districtReviewer'],
  B: ['provinceReviewer', 'secretariat'],
} satisfies Record<'A' | 'B', Login[]>;
const authorsOf = { A: ['communeSubmitter', 'communeHead'], B: ['departmentSubmitter'] } satisfies Record<
  'A' | 'B',
  Login[]
>;
/** Who may read the submissions below the district (its subtree). */
const districtSubtreeReaders: Login[] = [
  'admin',
  'secretariat',
  'chair',
  'provinceReviewer',
  'districtReviewer',
];
/** Who has an inbox: reviewing roles, province roles that read everything, unit heads (sign-off). */
const inboxHolders: Login[] = [
  'admin',
  'secretariat',
  'chair',
  'provinceReviewer',
  'districtReviewer',
  'otherDistrictReviewer',
  'communeHead',
];
/** Who may verify a submission's audit chain (beyond reading it): province secretariat and admin, unit heads and reviewers of the line. */
const auditReadersOfA: Login[] = [
  'admin',
  'secretariat',
  'communeHead',
  'districtReviewer',
  'provinceReviewer',
];

/** Who sets campaigns up in the builder: the province secretariat and admin. */
const builders: Login[] = ['admin', 'secretariat'];

const is = (set: readonly string[], p: Persona) => set.includes(p);

/** Read-like: allowed → `ok`, otherwise 404 (existence does not leak). */
const readable =
  (set: readonly string[], ok = 200) =>
  (p: Persona) =>
    p === 'anonymous' ? 401 : is(set, p) ? ok : 404;
/** Action: allowed → `ok`; readable but not allowed → 403; not readable → 404. */
const action = (allowed: readonly string[], readers: readonly string[], ok: number) => (p: Persona) =>
  p === 'anonymous' ? 401 : is(allowed, p) ? ok : is(readers, p) ? 403 : 404;
/** Not scoped to a resource: allowed → `ok`, otherwise 403. */
const role = (allowed: readonly string[], ok: number) => (p: Persona) =>
  p === 'anonymous' ? 401 : is(allowed, p) ? ok : 403;
const everyone =
  (ok = 200) =>
  (p: Persona) =>
    p === 'anonymous' ? 401 : ok;
const publicRoute = () => 200;

interface Case {
  operationId: string;
  label: string;
  call: (api: Api) => Promise<ApiResponse>;
  expected: (p: Persona) => number;
  /** Checks on a successful answer: nothing from outside the caller's scope. */
  check?: (p: Login, body: Record<string, unknown>) => void;
}

const items = (b: Record<string, unknown>) =>
  (b.items ?? []) as { unitId: string; onTurnUnitId: string | null }[];

const cases = (): Case[] => {
  const stale = (s: SubmissionBody) => s.version - 1;
  const perSubject = (k: 'A' | 'B', s: SubmissionBody): Case[] => [
    {
      operationId: 'getSubmission',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}`),
      expected: readable(readersOf[k]),
    },
    {
      // The print of a submission: exactly who may read it (issue 15, point 6).
      operationId: 'getSubmissionPdf',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}/pdf`),
      expected: readable(readersOf[k]),
    },
    {
      operationId: 'saveSubmission',
      label: `${k} (stale version)`,
      call: (a) => a.put(`/submissions/${s.id}`, { data: {}, expectedVersion: stale(s) }),
      expected: action(actorsOf[k], readersOf[k], 409),
    },
    {
      operationId: 'actOnSubmission',
      label: `${k} approve (stale version)`,
      call: (a) => a.post(`/submissions/${s.id}/actions`, { type: 'approve', expectedVersion: stale(s) }),
      expected: action(actorsOf[k], readersOf[k], 409),
    },
    {
      // A bulk answer is 200 with one result per submission: each says what the single action would.
      operationId: 'bulkActOnSubmissions',
      label: `${k} approve (stale version)`,
      call: (a) =>
        a.post(
          '/submissions/bulk-actions',
          { action: { type: 'approve' }, items: [{ submissionId: s.id, expectedVersion: stale(s) }] },
          { 'idempotency-key': `authz-bulk-${k}` },
        ),
      expected: everyone(),
      check: (p, b) => {
        const [r] = b.results as { outcome: string; status: number }[];
        expect(r).toMatchObject({ outcome: 'failed', status: action(actorsOf[k], readersOf[k], 409)(p) });
      },
    },
    {
      operationId: 'classifySubmission',
      label: `${k} (stale version)`,
      call: (a) =>
        a.post(`/submissions/${s.id}/classification`, {
          classified: true,
          reason: 'Kiểm tra quyền',
          expectedVersion: stale(s),
        }),
      expected: action(classifiersOf[k], readersOf[k], 409),
    },
    {
      operationId: 'getSubmissionHistory',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}/history`),
      expected: readable(readersOf[k]),
    },
    {
      operationId: 'getSubmissionDiff',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}/diff?since=${s.version}`),
      expected: readable(readersOf[k]),
    },
    {
      operationId: 'listComments',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}/comments`),
      expected: readable(readersOf[k]),
    },
    {
      // An allowed caller gets past the policy to the path check (422), so nothing is written.
      operationId: 'addComment',
      label: `${k} (field not in the form)`,
      call: (a) =>
        a.post(`/submissions/${s.id}/comments`, { path: 'figures.nothing', text: 'Kiểm tra quyền' }),
      expected: action(commentersOf[k], readersOf[k], 422),
    },
    {
      // Under review, nobody answers: the unit answers once the report is back with it.
      operationId: 'answerComment',
      label: `${k} (under review)`,
      call: (a) => a.post(`/submissions/${s.id}/comments/none/answer`, { text: 'Kiểm tra quyền' }),
      expected: action([], readersOf[k], 404),
    },
    {
      operationId: 'listAttachments',
      label: k,
      call: (a) => a.get(`/submissions/${s.id}/attachments`),
      expected: readable(readersOf[k]),
    },
    {
      operationId: 'createAttachmentUpload',
      label: `${k} (no longer editable)`,
      call: (a) =>
        a.post(`/submissions/${s.id}/attachments`, {
          fileName: 'x.pdf',
          contentType: 'application/pdf',
          size: 10,
        }),
      expected: action(authorsOf[k], readersOf[k], 409),
    },
  ];
  return [
    { operationId: 'getHealth', label: '', call: (a) => a.get('/health'), expected: publicRoute },
    { operationId: 'getOpenApi', label: '', call: (a) => a.get('/openapi.json'), expected: publicRoute },
    {
      operationId: 'getMe',
      label: '',
      call: (a) => a.get('/me'),
      expected: everyone(),
      check: (p, b) => expect((b.unit as { id: string }).id).toBe(unitOf[p]),
    },
    { operationId: 'listUnits', label: '', call: (a) => a.get('/units?limit=3'), expected: everyone() },
    {
      operationId: 'getUnit',
      label: '',
      call: (a) => a.get(`/units/${units.commune}`),
      expected: everyone(),
    },
    {
      operationId: 'listUnitChildren',
      label: '',
      call: (a) => a.get(`/units/${units.district}/children`),
      expected: everyone(),
    },
    { operationId: 'listCampaigns', label: '', call: (a) => a.get('/campaigns'), expected: everyone() },
    {
      operationId: 'getCampaign',
      label: '',
      call: (a) => a.get(`/campaigns/${TEST_CAMPAIGN}`),
      expected: everyone(),
    },
    {
      operationId: 'getLatestTemplate',
      label: '',
      call: (a) => a.get(`/templates/${REPORT_TEMPLATE}`),
      expected: everyone(),
    },
    {
      operationId: 'getTemplateVersion',
      label: '',
      call: (a) => a.get(`/templates/${REPORT_TEMPLATE}/versions/1`),
      expected: everyone(),
    },
    {
      operationId: 'createSubmission',
      label: '(unknown campaign)',
      call: (a) => a.post('/submissions', { campaignId: 'nope', formKey: REPORT_FORM, period: '2026-Q1' }),
      expected: role([...authorsOf.A, ...authorsOf.B], 404),
    },
    {
      // Everyone searches; what each finds is scoped (tests/integration/search.test.ts).
      operationId: 'searchEverything',
      label: '',
      call: (a) => a.get('/search?q=tan%20phu'),
      expected: everyone(),
    },
    {
      operationId: 'listSubmissions',
      label: 'mine',
      call: (a) => a.get('/submissions?scope=mine&limit=100'),
      expected: everyone(),
      check: (p, b) => {
        for (const i of items(b)) expect(i.unitId).toBe(unitOf[p]);
      },
    },
    {
      operationId: 'listSubmissions',
      label: 'inbox',
      call: (a) => a.get('/submissions?scope=inbox&limit=100'),
      expected: role(inboxHolders, 200),
      check: (p, b) => {
        for (const i of items(b)) expect(i.onTurnUnitId).toBe(unitOf[p]);
      },
    },
    {
      operationId: 'listSubmissions',
      label: 'subtree of the district',
      call: (a) => a.get(`/submissions?scope=subtree&root=${units.district}&limit=100`),
      expected: readable(districtSubtreeReaders),
      check: (_p, b) => {
        expect(items(b).length).toBeGreaterThan(0);
        for (const i of items(b)) expect(subtreeOfDistrict.has(i.unitId)).toBe(true);
      },
    },
    {
      operationId: 'listSubmissions',
      label: 'own subtree',
      call: (a) => a.get('/submissions?scope=subtree&limit=100'),
      expected: role(inboxHolders, 200),
    },
    ...perSubject('A', A),
    ...perSubject('B', B),
    {
      operationId: 'getCompleteness',
      label: 'of the district',
      call: (a) =>
        a.get(
          `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2026-Q1&unitId=${units.district}`,
        ),
      expected: readable(districtSubtreeReaders),
    },
    {
      operationId: 'confirmAttachment',
      label: 'A (already checked)',
      call: (a) => a.post(`/submissions/${A.id}/attachments/${attachmentOfA}/confirm`),
      expected: action(authorsOf.A, readersOf.A, 200),
    },
    {
      operationId: 'getAttachmentDownload',
      label: 'A',
      call: (a) => a.get(`/submissions/${A.id}/attachments/${attachmentOfA}/download`),
      expected: readable(readersOf.A),
    },
    {
      operationId: 'verifySubmissionAudit',
      label: 'A',
      call: (a) => a.get(`/submissions/${A.id}/audit`),
      expected: action(auditReadersOfA, readersOf.A, 200),
    },
    {
      operationId: 'exportCampaignAudit',
      label: '',
      call: (a) => a.get(`/campaigns/${TEST_CAMPAIGN}/audit-trail`),
      expected: role(['admin', 'secretariat'], 200),
    },
    {
      operationId: 'listAuditChains',
      label: '',
      call: (a) => a.get(`/audit/chains?campaignId=${TEST_CAMPAIGN}`),
      expected: role(['admin', 'secretariat'], 200),
    },
    {
      operationId: 'verifyAuditChains',
      label: '',
      call: (a) => a.get('/audit/verification'),
      expected: role(['admin', 'secretariat'], 200),
    },
    {
      operationId: 'verifyAuditChain',
      label: 'A',
      call: (a) => a.get(`/audit/chains/submission/${A.id}`),
      expected: role(['admin', 'secretariat'], 200),
    },
    {
      operationId: 'createUnit',
      label: '(unknown parent)',
      call: (a) =>
        a.post('/admin/units', { kind: 'commune', name: 'X', parentId: 'nowhere', openedOn: '2026-01-01' }),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'updateUnit',
      label: '(unknown unit)',
      call: (a) => a.put('/admin/units/nowhere', { name: 'X' }),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'getOrgTree',
      label: '',
      call: (a) => a.get('/org/tree?asOf=2023-05-05'),
      expected: everyone(),
    },
    {
      operationId: 'getUnitLineage',
      label: '',
      call: (a) => a.get(`/units/${units.commune}/lineage`),
      expected: everyone(),
    },
    {
      operationId: 'changeUnit',
      label: '(unknown unit)',
      call: (a) => a.post('/admin/units/nowhere/changes', { type: 'close', on: '2026-07-01' }),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'recordSuccession',
      label: '(many to many, refused)',
      call: (a) =>
        a.post('/admin/unit-successions', {
          predecessorIds: [units.district, units.otherDistrict],
          successorIds: [units.commune, units.department],
          from: '2026-07-01',
        }),
      expected: role(['admin'], 422),
    },
    // Mergers of provinces (issue 13 point 4): the administrators' act; history reads follow the policy.
    {
      operationId: 'consentToMerger',
      label: '(into its own province)',
      call: (a) =>
        a.put('/admin/merger-consent', { successorTenantId: 'binh-phuoc', effectiveFrom: '2026-07-01' }),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'mergeTenant',
      label: '(no consent)',
      call: (a) =>
        a.post('/admin/mergers', {
          predecessorTenantId: 'nowhere',
          effectiveFrom: '2026-07-01',
          legalBasis: 'Nghị quyết số 202/2025/QH15',
          unitMap: [{ from: 'x', to: 'y' }],
        }),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'getMergerCandidates',
      label: '(no consent)',
      call: (a) => a.get('/admin/mergers/candidates?predecessorTenantId=nowhere'),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'listPredecessors',
      label: '',
      call: (a) => a.get('/history/predecessors'),
      expected: everyone(),
    },
    {
      operationId: 'getUnitHistory',
      label: '(unknown unit)',
      call: (a) => a.get('/history/units/nowhere'),
      expected: everyone(404),
    },
    {
      operationId: 'getInheritedSubmission',
      label: '(unknown submission)',
      call: (a) => a.get('/history/binh-phuoc/submissions/nowhere'),
      expected: everyone(404),
    },
    {
      operationId: 'listUnitChanges',
      label: '',
      call: (a) => a.get('/admin/unit-changes'),
      expected: role(['admin'], 200),
    },
    {
      operationId: 'listUsers',
      label: 'of the commune',
      call: (a) => a.get(`/admin/users?unitId=${units.commune}`),
      expected: role(['admin', 'communeHead'], 200),
    },
    {
      operationId: 'createUser',
      label: '(unknown unit)',
      call: (a) =>
        a.post('/admin/users', {
          email: 'x@demo.thidua.vn',
          name: 'X',
          unitId: 'nowhere',
          roles: ['submitter'],
        }),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'updateUser',
      label: '(unknown user)',
      call: (a) => a.put('/admin/users/nobody', { active: false }),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'listUsers',
      label: 'found by name across the province',
      call: (a) => a.get(`/admin/users?q=${encodeURIComponent('nguyen')}`),
      expected: role(['admin'], 200),
    },
    {
      operationId: 'resetUserPassword',
      label: '(unknown user)',
      call: (a) => a.post('/admin/users/nobody/password-reset'),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'resendInvitation',
      label: '(unknown user)',
      call: (a) => a.post('/admin/users/nobody/invitation'),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'updateOfficeHolders',
      label: '(unknown unit)',
      call: (a) => a.put('/admin/units/nowhere/office-holders', { officeHolders: [] }),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'importOrganisation',
      label: '(dry run of a file that is no workbook)',
      call: (a) =>
        a.post('/admin/imports', { kind: 'users', file: Buffer.from('x').toString('base64'), dryRun: true }),
      expected: role(['admin'], 200),
    },
    {
      operationId: 'createCampaign',
      label: '(missing template)',
      call: (a) =>
        a.post('/admin/campaigns', {
          ...testCampaign('authz-x'),
          forms: [{ formKey: 'x', templateId: 'nope', templateVersion: 1, periods: ['2026-Q1'] }],
        }),
      expected: role(['admin'], 422),
    },
    {
      operationId: 'updateCampaign',
      label: '(missing template)',
      call: (a) => {
        const { id: _id, ...rest } = testCampaign();
        return a.put(`/admin/campaigns/${TEST_CAMPAIGN}`, {
          ...rest,
          forms: [{ formKey: 'x', templateId: 'nope', templateVersion: 1, periods: ['2026-Q1'] }],
        });
      },
      expected: role(['admin'], 422),
    },
    {
      operationId: 'createTemplateVersion',
      label: '(broken definition)',
      call: (a) =>
        a.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, {
          kind: 'report',
          title: 'X',
          sections: [
            { key: 'a', title: 'A', fields: [{ key: 'x', label: 'X', type: 'integer' }] },
            { key: 'a', title: 'B', fields: [{ key: 'y', label: 'Y', type: 'integer' }] },
          ],
        }),
      expected: role(['admin'], 422),
    },
    // Notifications (issue 16): a person's own notices and preferences; dead letters are the administrator's.
    {
      operationId: 'listMyNotifications',
      label: '',
      call: (a) => a.get('/me/notifications?limit=5'),
      expected: everyone(),
    },
    {
      operationId: 'markNotificationRead',
      label: '(none of mine)',
      call: (a) => a.post('/me/notifications/authz-none/read'),
      expected: everyone(404),
    },
    {
      operationId: 'markAllNotificationsRead',
      label: '',
      call: (a) => a.post('/me/notifications/read-all'),
      expected: everyone(),
    },
    {
      operationId: 'getMyNotificationPreferences',
      label: '',
      call: (a) => a.get('/me/notification-preferences'),
      expected: everyone(),
    },
    {
      operationId: 'putMyNotificationPreferences',
      label: '',
      call: (a) =>
        a.put('/me/notification-preferences', {
          emailKinds: ['returned'],
          dailyDigest: true,
          unsubscribed: [],
        }),
      expected: everyone(),
    },
    {
      operationId: 'listDeadLetters',
      label: '',
      call: (a) => a.get('/admin/notifications/dead-letters'),
      expected: role(['admin'], 200),
    },
    // An e-mail's unsubscribe link: its MAC is the credential, not the session. A link whose MAC does not
    // verify is refused to everyone, signed in or not (a signed-in person cannot use another's link).
    ...(['getUnsubscribe', 'postUnsubscribe'] as const).map(
      (operationId): Case => ({
        operationId,
        label: '(a forged link)',
        call: (a) => {
          const payload = encodeUnsubscribePayload({
            t: 'demo',
            u: 'authz-user',
            k: 'returned',
            e: 4_000_000_000,
          });
          const path = `/public/notifications/preferences?unsubscribe=returned&token=${payload}.${'A'.repeat(43)}`;
          return operationId === 'getUnsubscribe' ? a.get(path) : a.post(path);
        },
        expected: () => 403,
      }),
    ),
    {
      operationId: 'replayDeadLetter',
      label: '(none)',
      call: (a) => a.post('/admin/notifications/dead-letters/authz-none/replay'),
      expected: role(['admin'], 404),
    },
    {
      operationId: 'remindUnits',
      label: '(without an Idempotency-Key)',
      call: (a) =>
        a.post(`/campaigns/${TEST_CAMPAIGN}/reminders`, { formKey: 'periodic_report', period: '2026-Q1' }),
      expected: everyone(400),
    },
    // The form builder (issue 14): the province secretariat's and administrator's (policy action `design`,
    // ADR 0027: the administrator keeps the templates, domain.md).
    {
      operationId: 'listTemplateLibrary',
      label: '',
      call: (a) => a.get('/admin/templates'),
      expected: role(builders, 200),
    },
    {
      operationId: 'getTemplateDraft',
      label: '(no draft)',
      call: (a) => a.get('/admin/templates/authz-no-draft/draft'),
      expected: role(builders, 404),
    },
    {
      operationId: 'saveTemplateDraft',
      label: '(stale revision)',
      call: (a) =>
        a.put('/admin/templates/authz-no-draft/draft', {
          content: { kind: 'report', title: 'X', sections: [] },
          basedOnVersion: null,
          expectedRevision: 7,
        }),
      expected: role(builders, 409),
    },
    {
      operationId: 'publishTemplateDraft',
      label: '(no draft)',
      call: (a) => a.post('/admin/templates/authz-no-draft/draft/publish', { expectedRevision: 1 }),
      expected: role(builders, 404),
    },
    // The campaign builder: the province secretariat and admin (policy `save` on `campaign`).
    {
      operationId: 'listCampaignDrafts',
      label: '',
      call: (a) => a.get('/admin/campaign-drafts'),
      expected: role(builders, 200),
    },
    {
      operationId: 'getCampaignDraft',
      label: '(none)',
      call: (a) => a.get('/admin/campaign-drafts/authz-none'),
      expected: role(builders, 404),
    },
    {
      operationId: 'saveCampaignDraft',
      label: '(stale revision)',
      call: (a) =>
        a.put(`/admin/campaign-drafts/${TEST_CAMPAIGN}`, { revision: 5, baseVersion: 0, data: {} }),
      expected: role(builders, 409),
    },
    {
      operationId: 'createCampaignCopy',
      label: '(unknown source)',
      call: (a) => a.post('/admin/campaigns/authz-none/copies', { id: 'authz-copy', year: 2027 }),
      expected: role(builders, 404),
    },
    {
      operationId: 'listInheritedCampaigns',
      label: '(no province merged into this one)',
      call: (a) => a.get('/admin/inherited-campaigns'),
      expected: role(builders, 200),
    },
    {
      operationId: 'publishCampaign',
      label: '(a form period the campaign lacks)',
      call: (a) => {
        const { id: _id, ...rest } = testCampaign();
        const forms = rest.forms.map((f) => ({ ...f, periods: ['2026-M01'], deadlines: [] }));
        return a.post(`/admin/campaigns/${TEST_CAMPAIGN}/versions`, {
          baseVersion: 0,
          campaign: { ...rest, forms },
        });
      },
      expected: role(builders, 422),
    },
    {
      operationId: 'listCampaignVersions',
      label: '',
      call: (a) => a.get(`/admin/campaigns/${TEST_CAMPAIGN}/versions`),
      expected: role(builders, 200),
    },
    {
      operationId: 'getCampaignVersion',
      label: '(none)',
      call: (a) => a.get(`/admin/campaigns/${TEST_CAMPAIGN}/versions/999`),
      expected: role(builders, 404),
    },
    { operationId: 'getMySecurity', label: '', call: (a) => a.get('/me/security'), expected: everyone() },
    {
      operationId: 'recordMyMfa',
      label: '(a token Cognito refuses)',
      call: (a) => a.post('/me/mfa', { accessToken: 'x'.repeat(40) }),
      expected: everyone(422),
    },
    {
      operationId: 'getTenantSecurity',
      label: '',
      call: (a) => a.get('/tenant/security'),
      expected: role(['admin'], 200),
    },
    {
      operationId: 'putTenantSecurity',
      label: '(nobody required, as the demo)',
      call: (a) => a.put('/tenant/security', { mfaRequiredRoles: [] }),
      expected: role(['admin'], 200),
    },
    {
      operationId: 'getTenantContact',
      label: '',
      call: (a) => a.get('/tenant/contact'),
      expected: everyone(),
    },
    {
      operationId: 'putTenantContact',
      label: '(the demo contact again)',
      call: (a) =>
        a.put('/tenant/contact', {
          name: 'Phòng Tham mưu, Công an tỉnh',
          phone: '0271 3879 138',
          email: 'thuongtruc.bcd138@demo.thidua.vn',
          address: 'Đồng Xoài, Bình Phước',
        }),
      expected: role(['admin'], 200),
    },
    // How decisions are signed (ADR 0032): read like the contact, set by the administrator alone.
    {
      operationId: 'getDecisionSigning',
      label: '',
      call: (a) => a.get('/tenant/signing'),
      expected: everyone(),
    },
    {
      operationId: 'putDecisionSigning',
      label: '(digital, as the default)',
      call: (a) => a.put('/tenant/signing', { mode: 'digital' }),
      expected: role(['admin'], 200),
    },
    // A signed decision's public download: the same 404 for everyone while no such decision is issued.
    {
      operationId: 'downloadSignedDecision',
      label: '(none)',
      call: (a) => a.get('/public/binh-phuoc/decisions/authz-none/signed-pdf'),
      expected: () => 404,
    },
    // Its DOCX, made by the same group on first download (ADR 0028): the same 404 for everyone.
    {
      operationId: 'downloadPublicDecision',
      label: '(none)',
      call: (a) => a.get('/public/binh-phuoc/decisions/authz-none/document'),
      expected: () => 404,
    },
    // Last: it ends every session of each persona.
    {
      operationId: 'signOutEverywhere',
      label: '',
      call: (a) => a.post('/me/sign-out-everywhere'),
      expected: everyone(),
    },
  ];
};

beforeAll(async () => {
  w = await startApiWorld();
  // A: filled with evidence while a draft, then submitted (waits for the district).
  const a = await createReport(w.as.communeSubmitter, '2026-Q1');
  const started = expectStatus(
    await w.as.communeSubmitter.post(`/submissions/${a.id}/attachments`, {
      fileName: 'minh-chung.pdf',
      contentType: 'application/pdf',
      size: samplePdf.byteLength,
    }),
    201,
  );
  attachmentOfA = (started.attachment as { id: string }).id;
  await uploadWithPresignedPost(
    started.upload as { url: string; fields: Record<string, string> },
    samplePdf,
    'application/pdf',
  );
  expectStatus(
    await w.as.communeSubmitter.post(`/submissions/${a.id}/attachments/${attachmentOfA}/confirm`),
    200,
  );
  A = await act(w.as.communeSubmitter, a, { type: 'submit' });
  B = await act(w.as.departmentSubmitter, await createReport(w.as.departmentSubmitter, '2026-Q1'), {
    type: 'submit',
  });
  const tree = expectStatus(await w.as.admin.get(`/units?root=${units.district}&limit=100`), 200);
  subtreeOfDistrict = new Set((tree.items as { id: string }[]).map((u) => u.id));
});
afterAll(async () => {
  await w?.stop();
});

describe('tenants', () => {
  it("another province's secretariat and admin see nothing of this one", async () => {
    // A user of another tenant, created straight in the user pool as an operator would.
    const email = 'thuongtruc@dongnai.thidua.vn';
    const clients = emulatorClients(w.platform);
    try {
      await createPoolUser(clients.cognito, w.platform.userPoolId, {
        email,
        name: 'Thường trực Đồng Nai',
        tenantId: 'dong-nai',
        unitId: 'dong-nai',
        password: 'ThiDua@2026!',
        roles: ['secretariat', 'admin'],
      });
    } finally {
      clients.destroy();
    }
    const other = await apiAs(w.platform, email, 'ThiDua@2026!');
    expect(expectStatus(await other.get('/units'), 200).items).toEqual([]);
    expect(expectStatus(await other.get('/campaigns'), 200).items).toEqual([]);
    for (const path of [
      `/submissions/${A.id}`,
      `/submissions/${A.id}/history`,
      `/units/${units.district}`,
      `/campaigns/${TEST_CAMPAIGN}`,
      `/templates/${REPORT_TEMPLATE}`,
      `/submissions?scope=subtree&root=${units.district}`,
      `/campaigns/${TEST_CAMPAIGN}/completeness?formKey=${REPORT_FORM}&period=2026-Q1&unitId=${units.district}`,
      `/campaigns/${TEST_CAMPAIGN}/audit-trail`,
    ]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    expect(
      (await other.post(`/submissions/${A.id}/actions`, { type: 'approve', expectedVersion: A.version }))
        .status,
    ).toBe(404);
    expect((await other.put(`/admin/units/${units.district}`, { name: 'Chiếm' })).status).toBe(404);
    expect(expectStatus(await w.as.admin.get(`/units/${units.district}`), 200).name).toBe(
      'Thành phố Đồng Xoài',
    );
  });
});

describe('the authorization matrix', () => {
  it('covers every core route', () => {
    const covered = new Set(cases().map((c) => c.operationId));
    const core = routes
      // Commendation routes (their own suites), wherever their Lambda is: the documents group serves some.
      .filter(
        (r) => r.group !== 'commendations' && r.group !== 'public' && !r.path.startsWith('/commendations/'),
      )
      .map((r) => r.operationId);
    expect(core.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('answers every role the right status, and refusals carry no data', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const c of cases()) {
      await Promise.all(
        personas.map(async (p) => {
          const client = p === 'anonymous' ? w.anonymous : w.as[p];
          const r = await c.call(client);
          const want = c.expected(p);
          checked++;
          if (r.status !== want) {
            failures.push(
              `${c.operationId} ${c.label} as ${p}: ${r.status} (expected ${want}) ${r.text.slice(0, 160)}`,
            );
            return;
          }
          const b = typeof r.body === 'object' && r.body !== null ? (r.body as Record<string, unknown>) : {};
          if (r.status === 403 || r.status === 404 || r.status === 401) {
            const keys = Object.keys(b);
            if (r.status !== 401 && (keys.length !== 1 || keys[0] !== 'error'))
              failures.push(`${c.operationId} as ${p}: data in a refusal`);
            if ((b.error as { current?: unknown } | undefined)?.current !== undefined) {
              failures.push(`${c.operationId} as ${p}: current state in a refusal`);
            }
          }
          if (r.status < 300 && p !== 'anonymous' && c.check) {
            try {
              c.check(p, b);
            } catch (err) {
              failures.push(`${c.operationId} ${c.label} as ${p}: ${(err as Error).message}`);
            }
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });
});
