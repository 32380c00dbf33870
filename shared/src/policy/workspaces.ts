import type { Id } from '../common';
import type { Identity } from '../org/schema';
import { authorize, type PolicyDecision, type PolicyResource, type ResourceType } from './policy';

/**
 * The app's workspaces — the pages a menu entry opens — and the policy decision that lets a person open
 * each. The web shows an entry only when the decision allows it, so the menu never offers a page whose
 * API would answer 403; the decisions are `authorize` on a resource typical of the page, never a role
 * list of the web's own.
 */
export const workspaces = [
  /** The unit's own reports: what it must file, what is due or returned. */
  'unit_work',
  /** Reports waiting for me: to review (below my unit) or to sign off (my unit's, as its head). */
  'inbox',
  /** Who below my unit has filed. */
  'completeness',
  /** Every report of a campaign below my unit, its summary and the Excel export. */
  'campaign_reports',
  /** The whole campaign, province-wide: the secretariat's consolidation (its main work). */
  'campaign_export',
  /** The campaign builder: set up, copy, version and publish campaigns (the province secretariat, admin). */
  'campaign_setup',
  /** A unit's tờ trình: its reviewer gathers the nominations of the units below. */
  'consolidation',
  /** The province decides on the districts' tờ trình. */
  'batch_review',
  'disclosures',
  'council',
  'ballot',
  'signature',
  /** Decisions about the unit's nominations. */
  'notifications',
  /** The form builder: template drafts, the library, publication (the secretariat's). */
  'form_builder',
  /** The audit trail: verify every chain of a campaign or of the administration, export it. */
  'audit',
] as const;

/**
 * The tenant's administration (units, users and roles, office holders, Excel import): configuration of
 * the province rather than award work, so it is listed apart from the work pages above.
 */
export const administrationWorkspaces = ['administration'] as const;

/**
 * A commune's (ward's, department's) own decisions, which its head makes alone (`decidedBy: head`): in the
 * head's menu and linked from the unit's commendation notices.
 */
export const unitDecisionWorkspaces = ['head_decisions'] as const;

/**
 * The Excel import of nominee lists (ADR 0033): `nominee_import` — a unit's filers for their own unit, the
 * province secretariat for a unit it picks; `nominee_import_for_units` — importing for units below one's
 * own, which the province secretariat alone may (its menu entry and the page's unit picker). Listed apart,
 * so the pinned work menus above stay as they are.
 */
export const importWorkspaces = ['nominee_import', 'nominee_import_for_units'] as const;

export type Workspace =
  | (typeof workspaces)[number]
  | (typeof administrationWorkspaces)[number]
  | (typeof unitDecisionWorkspaces)[number]
  | (typeof importWorkspaces)[number];

/** Who is asking, and where the tenant's root (the province) is once known (from `/me`). */
export interface WorkspaceContext {
  identity: Identity;
  /** Unknown before the caller's unit is read: decisions that need it deny until then. */
  rootUnitId?: Id;
}

const deny = (reason: string): PolicyDecision => ({ allowed: false, reason });

/** Allowed when any is; otherwise the first refusal's reason. */
const anyOf = (...decisions: PolicyDecision[]): PolicyDecision =>
  decisions.find((d) => d.allowed) ?? decisions[0] ?? deny('Không có quyền');

/** A resource of the caller's own unit. */
const ofMyUnit = ({ identity, rootUnitId }: WorkspaceContext, type: ResourceType): PolicyResource => ({
  type,
  tenantId: identity.tenantId,
  unitId: identity.unitId,
  rootUnitId,
});

/** A resource of some unit below the caller's. */
const belowMyUnit = ({ identity, rootUnitId }: WorkspaceContext, type: ResourceType): PolicyResource => ({
  type,
  tenantId: identity.tenantId,
  unitPath:
    rootUnitId === undefined || rootUnitId === identity.unitId
      ? [identity.unitId]
      : [rootUnitId, identity.unitId],
  rootUnitId,
});

/** A resource of the province (without a known root, the province role alone decides). */
const ofProvince = ({ identity, rootUnitId }: WorkspaceContext, type: ResourceType): PolicyResource =>
  rootUnitId === undefined
    ? { type, tenantId: identity.tenantId }
    : { type, tenantId: identity.tenantId, unitId: rootUnitId, unitPath: [], rootUnitId };

/**
 * A session of the caller's own unit's council, below the province (ADR 0037: a commune's, ward's,
 * department's own Hội đồng thi đua, khen thưởng). Without the province known, none.
 */
const ownCouncil = (c: WorkspaceContext, action: 'administer' | 'vote'): PolicyDecision =>
  c.rootUnitId === undefined || c.rootUnitId === c.identity.unitId
    ? deny('Hội đồng cấp tỉnh')
    : authorize(c.identity, action, {
        type: 'council_session',
        tenantId: c.identity.tenantId,
        unitId: c.identity.unitId,
        unitPath: [c.rootUnitId],
        rootUnitId: c.rootUnitId,
      });

/** The unit head signs off the unit's reports (the workflow's `signOffRole`). */
const signOff = (c: WorkspaceContext): PolicyDecision =>
  c.identity.roles.includes('unit_head')
    ? authorize(c.identity, 'act', ofMyUnit(c, 'submission'))
    : deny('Chỉ lãnh đạo đơn vị ký duyệt');

const review = (c: WorkspaceContext) => authorize(c.identity, 'act', belowMyUnit(c, 'submission'));
const unitWork = (c: WorkspaceContext) => authorize(c.identity, 'create', ofMyUnit(c, 'submission'));

const decisions: Record<Workspace, (c: WorkspaceContext) => PolicyDecision> = {
  unit_work: unitWork,
  inbox: (c) => anyOf(review(c), signOff(c)),
  completeness: review,
  campaign_reports: (c) => authorize(c.identity, 'export', belowMyUnit(c, 'submission')),
  campaign_export: (c) => authorize(c.identity, 'export', ofProvince(c, 'campaign')),
  campaign_setup: (c) => authorize(c.identity, 'save', ofProvince(c, 'campaign')),
  // The unit's own tờ trình, made by its reviewers (the policy's `batch`).
  consolidation: (c) => authorize(c.identity, 'create', ofMyUnit(c, 'batch')),
  // Deciding on every unit's tờ trình: `decide` at the province. A reviewer role is also held below the
  // province, so without the province known the page stays closed.
  batch_review: (c) =>
    c.rootUnitId === undefined
      ? deny('Chưa xác định được đơn vị cấp tỉnh')
      : authorize(c.identity, 'decide', {
          type: 'batch',
          tenantId: c.identity.tenantId,
          rootUnitId: c.rootUnitId,
        }),
  disclosures: (c) => authorize(c.identity, 'administer', ofProvince(c, 'disclosure')),
  // The province's council, or the caller's own unit's (its secretary runs it, its members vote).
  council: (c) =>
    anyOf(authorize(c.identity, 'administer', ofProvince(c, 'council_session')), ownCouncil(c, 'administer')),
  ballot: (c) =>
    anyOf(authorize(c.identity, 'vote', ofProvince(c, 'council_session')), ownCouncil(c, 'vote')),
  signature: (c) => authorize(c.identity, 'act', ofProvince(c, 'decision')),
  notifications: (c) => anyOf(unitWork(c), review(c)),
  // The same decision as every /admin/users route: `administer` a user of the province.
  administration: (c) => authorize(c.identity, 'administer', ofProvince(c, 'user')),
  form_builder: (c) => authorize(c.identity, 'design', ofProvince(c, 'template')),
  // Verifying and exporting whole chains is the province's secretariat's and administrator's.
  audit: (c) => authorize(c.identity, 'export', ofProvince(c, 'audit')),
  // Its own unit's list, or (the province secretariat) any unit's: `import` of a nomination.
  nominee_import: (c) => authorize(c.identity, 'import', ofMyUnit(c, 'nomination')),
  nominee_import_for_units: (c) => authorize(c.identity, 'import', belowMyUnit(c, 'nomination')),
  // Below the province only: the province's own decisions are signed on the signature page.
  head_decisions: (c) =>
    c.rootUnitId === undefined || c.rootUnitId === c.identity.unitId
      ? deny('Quyết định của cấp tỉnh được ký tại trang Ký quyết định')
      : authorize(c.identity, 'act', {
          ...ofMyUnit(c, 'decision'),
          unitPath: [c.rootUnitId],
          headDecision: true,
        }),
};

/** Whether the caller may open a workspace, and why not. */
export function authorizeWorkspace(context: WorkspaceContext, workspace: Workspace): PolicyDecision {
  return decisions[workspace](context);
}
