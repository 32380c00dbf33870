import type { Id, TenantId } from '../common';
import { provinceRoles } from '../org/roles';
import type { Identity, Role } from '../org/schema';

export const policyActions = [
  'read',
  'create',
  'save',
  'act',
  'administer',
  'export',
  'comment',
  'vote',
  /** The province's decision on what a unit sent up as one (a tờ trình). */
  'decide',
  /**
   * Setting up a year's forms without a developer (issue 14): template drafts and their publication
   * through the builder — the province secretariat's work and its administrator's (domain.md: the
   * administrator keeps the form templates). `administer` (the raw JSON routes, users) stays the
   * administrator's alone.
   */
  'design',
  /**
   * Filing a unit's nominations from an Excel list (ADR 0033): its own filers, and the province secretariat
   * on behalf of a unit it picks (audited as the secretariat's act for that unit).
   */
  'import',
] as const;
export type PolicyAction = (typeof policyActions)[number];

export const resourceTypes = [
  'submission',
  'unit',
  'campaign',
  'template',
  'user',
  'audit',
  'nomination',
  /** A unit's tờ trình (batch of nominations). */
  'batch',
  /** A public disclosure as the secretariat keeps it: the list with its comments and their contacts. */
  'disclosure',
  'council_session',
  'decision',
  /** The register of every number of every issuing body (decisions and revocations), with its checks. */
  'register',
  /** What the public reads of a disclosure, and where it comments. */
  'public_list',
  /** The province's own settings shown to everyone in it (the secretariat's contact on the help pages). */
  'tenant_settings',
  /** The API keys of the province's document-management systems (ADR 0034). */
  'api_key',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

/**
 * What the policy needs to know about a resource. `unitId`/`unitPath`: the owning (author) unit and its
 * ancestors, root first. `rootUnitId`: the tenant's root unit when known (then province roles must sit
 * there; otherwise the root is `unitPath[0]`).
 */
export interface PolicyResource {
  type: ResourceType;
  tenantId: TenantId;
  unitId?: Id;
  unitPath?: readonly Id[];
  rootUnitId?: Id;
  /** Decisions and public lists: published for everyone to read. */
  published?: boolean;
  /** Public lists: a disclosure window is open for comments. */
  disclosureOpen?: boolean;
  /**
   * Decisions: one the head of the issuing unit makes alone (an award type `decidedBy: head` — a commune's
   * Giấy khen); `unitId` is the issuing unit.
   */
  headDecision?: boolean;
  /**
   * Decisions: one a unit below the province issues after its OWN council's vote (ADR 0037); like a head
   * decision it is the issuing unit's (`unitId`): its head signs, its own staff read it before it is issued.
   */
  unitCouncil?: boolean;
  /**
   * Decisions: the user who took its number, where the act is signing THAT decision (the server-side
   * signature, ADR 0032): only they may, even among those who may sign decisions.
   */
  signerId?: string;
  /** Users: the user the record is about (everyone reads their own). */
  userId?: string;
  /**
   * Submissions and nominations: the units that carry the author unit's work today (its successors,
   * transitively, each with its path — `heirsOn` in shared/src/org). An heir and the reviewers above it
   * READ what the author unit filed, with its origin shown; writing, acting and exporting never follow
   * lineage (the work was decided under the old unit's authority; see docs/adr/0016).
   */
  heirs?: readonly { unitId: Id; unitPath: readonly Id[] }[];
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

const allow: PolicyDecision = { allowed: true };
const deny = (reason: string): PolicyDecision => ({ allowed: false, reason });

const has = (identity: Identity, ...roles: Role[]) => identity.roles.some((r) => roles.includes(r));

/**
 * Whether the identity acts for the whole tenant with one of `roles`: a province role held at the root.
 * When the resource does not say where the root is, the province role alone decides (these roles are
 * only ever granted at the root by the administrator).
 */
function atProvince(identity: Identity, r: PolicyResource, roles: readonly Role[]): boolean {
  if (!identity.roles.some((x) => roles.includes(x))) return false;
  const root =
    r.rootUnitId ??
    r.unitPath?.[0] ??
    (r.unitPath !== undefined && r.unitPath.length === 0 ? r.unitId : undefined);
  return root === undefined || identity.unitId === root;
}

/**
 * A resource of a unit below the province (a commune's council session): its unit is known and is not the
 * tenant's root. Province resources carry no unit, or the root.
 */
const belowProvince = (r: PolicyResource) =>
  r.unitId !== undefined && r.rootUnitId !== undefined && r.unitId !== r.rootUnitId;

/** A decision its unit issues (its head alone, or after its own council): the unit's, not the province's. */
const issuedByUnit = (r: PolicyResource) => r.headDecision === true || r.unitCouncil === true;

const ownUnit = (identity: Identity, r: PolicyResource) =>
  r.unitId !== undefined && identity.unitId === r.unitId;
/** The identity's unit is an ancestor of the resource's unit (the resource lies in its subtree). */
const aboveUnit = (identity: Identity, r: PolicyResource) => r.unitPath?.includes(identity.unitId);

/** Reads a unit's submission or nomination where it was filed: its unit, the reviewers above, the province. */
const readsDirectly = (identity: Identity, r: PolicyResource, provinceReaders: readonly Role[]) =>
  ownUnit(identity, r) ||
  (aboveUnit(identity, r) && has(identity, 'reviewer', 'unit_head', 'secretariat')) ||
  atProvince(identity, r, provinceReaders);

/** The heir through which the identity reads (it is the heir, or reviews above it); undefined if none. */
const heirThrough = (identity: Identity, r: PolicyResource) =>
  r.heirs?.find(
    (h) =>
      identity.unitId === h.unitId ||
      (h.unitPath.includes(identity.unitId) && has(identity, 'reviewer', 'unit_head', 'secretariat')),
  );

/**
 * Whether the identity reads a submission or nomination ONLY through lineage — as a successor of the
 * unit that filed it, or a reviewer above that successor — and through which heir: the API then shows
 * the origin ("Nộp bởi <đơn vị cũ> (trước sáp nhập)"). undefined when it reads directly or not at all.
 */
export function readsThroughLineage(
  identity: Identity,
  resource: PolicyResource,
): { unitId: Id; unitPath: readonly Id[] } | undefined {
  if (resource.type !== 'submission' && resource.type !== 'nomination') return undefined;
  if (identity.tenantId !== resource.tenantId) return undefined;
  const provinceReaders: Role[] =
    resource.type === 'nomination' ? [...provinceRoles] : ['secretariat', 'admin', 'chair'];
  if (readsDirectly(identity, resource, provinceReaders)) return undefined;
  return heirThrough(identity, resource);
}

const PROVINCE = provinceRoles;
/** Who reads every unit's tờ trình at the province: its reviewers and the province roles that run awards. */
const PROVINCE_BATCH_READERS: readonly Role[] = ['reviewer', 'secretariat', 'admin', 'chair'];

/**
 * THE authorization policy (see docs/workflow.md for the table). It decides whether an identity may see
 * or touch a resource at all; what a workflow action may do in the current state is decided by
 * `transition`. `identity` null is the public (no sign-in).
 */
export function authorize(
  identity: Identity | null,
  action: PolicyAction,
  resource: PolicyResource,
): PolicyDecision {
  if (identity === null) {
    const publicDoc = resource.type === 'decision' || resource.type === 'public_list';
    if (publicDoc && resource.published === true && action === 'read') return allow;
    if (
      resource.type === 'public_list' &&
      resource.published === true &&
      resource.disclosureOpen === true &&
      action === 'comment'
    ) {
      return allow;
    }
    return deny('Cần đăng nhập');
  }
  if (identity.tenantId !== resource.tenantId) return deny('Ngoài phạm vi đơn vị');
  const r = resource;

  switch (r.type) {
    case 'submission':
    case 'nomination': {
      const provinceReaders: Role[] =
        r.type === 'nomination' ? [...PROVINCE] : ['secretariat', 'admin', 'chair'];
      if (action === 'read') {
        if (readsDirectly(identity, r, provinceReaders)) return allow;
        if (heirThrough(identity, r) !== undefined) return allow;
        return deny('Ngoài phạm vi đơn vị');
      }
      if (action === 'create' || action === 'save') {
        if (ownUnit(identity, r) && has(identity, 'submitter', 'unit_head')) return allow;
        return deny('Chỉ đơn vị lập báo cáo mới được lập và sửa');
      }
      if (action === 'import' && r.type === 'nomination') {
        if (ownUnit(identity, r) && has(identity, 'submitter', 'unit_head')) return allow;
        // The secretariat keeps the province's lists: it files a unit's list for it when asked to.
        if (atProvince(identity, r, ['secretariat'])) return allow;
        return deny(
          'Chỉ đơn vị lập hồ sơ hoặc Thường trực Hội đồng Thi đua - Khen thưởng tỉnh được nhập danh sách',
        );
      }
      if (action === 'act') {
        if (ownUnit(identity, r) && has(identity, 'submitter', 'unit_head')) return allow;
        if (aboveUnit(identity, r) && has(identity, 'reviewer', 'secretariat')) return allow;
        return deny('Không có quyền xử lý báo cáo này');
      }
      if (action === 'export') {
        if (atProvince(identity, r, ['secretariat', 'admin', 'chair'])) return allow;
        if (aboveUnit(identity, r) && has(identity, 'reviewer')) return allow;
        return deny('Không có quyền xuất dữ liệu');
      }
      return deny('Thao tác không áp dụng');
    }
    case 'unit':
    case 'campaign':
    case 'template': {
      // The organisation tree, the campaigns and their forms are not secret inside a province.
      if (action === 'read') return allow;
      if (action === 'administer' && atProvince(identity, r, ['admin'])) return allow;
      // The form builder: the secretariat runs the year's forms, the administrator keeps the templates
      // (domain.md, "Who uses it") — the same two who set campaigns up.
      if (action === 'design' && r.type === 'template' && atProvince(identity, r, ['secretariat', 'admin']))
        return allow;
      // The campaign builder (issue 14): the province secretariat sets up a year without a developer;
      // it saves drafts and publishes versions. The raw JSON routes stay the administrator's.
      if (action === 'save' && r.type === 'campaign' && atProvince(identity, r, ['secretariat', 'admin']))
        return allow;
      if (
        action === 'export' &&
        r.type === 'campaign' &&
        atProvince(identity, r, ['secretariat', 'admin', 'chair'])
      ) {
        return allow;
      }
      return deny('Chỉ quản trị viên cấp tỉnh được thay đổi');
    }
    case 'user': {
      if (action === 'read') {
        if (r.userId !== undefined && r.userId === identity.userId) return allow;
        if (ownUnit(identity, r) && has(identity, 'unit_head')) return allow;
        if (atProvince(identity, r, ['admin'])) return allow;
        return deny('Không có quyền xem người dùng này');
      }
      if (action === 'administer' && atProvince(identity, r, ['admin'])) return allow;
      return deny('Chỉ quản trị viên cấp tỉnh được quản lý người dùng');
    }
    case 'audit': {
      if (action === 'read') {
        if (atProvince(identity, r, ['secretariat', 'admin'])) return allow;
        if (
          r.unitId !== undefined &&
          (ownUnit(identity, r) || aboveUnit(identity, r)) &&
          has(identity, 'unit_head', 'reviewer')
        ) {
          return allow;
        }
        return deny('Không có quyền xem nhật ký');
      }
      if (action === 'export' && atProvince(identity, r, ['secretariat', 'admin'])) return allow;
      return deny('Không có quyền với nhật ký');
    }
    case 'batch': {
      // A resource without `unitId` stands for every unit's tờ trình (the province's lists).
      if (action === 'read') {
        if (ownUnit(identity, r)) return allow;
        if (atProvince(identity, r, PROVINCE_BATCH_READERS)) return allow;
        return deny('Ngoài phạm vi đơn vị');
      }
      if (action === 'create' || action === 'save' || action === 'act') {
        if (ownUnit(identity, r) && has(identity, 'reviewer', 'secretariat')) return allow;
        return deny('Chỉ cán bộ thẩm định của đơn vị mới lập, sửa và gửi tờ trình');
      }
      if (action === 'decide' && atProvince(identity, r, ['reviewer', 'secretariat'])) return allow;
      return deny('Chỉ cấp tỉnh mới xét tờ trình');
    }
    case 'disclosure': {
      // Comments carry contacts: the staff record is the secretariat's and the administrator's only.
      if (
        (action === 'read' || action === 'create' || action === 'administer' || action === 'export') &&
        atProvince(identity, r, ['secretariat', 'admin'])
      ) {
        return allow;
      }
      return deny('Không có quyền với danh sách công khai');
    }
    case 'council_session': {
      if (belowProvince(r)) {
        // A unit's own council (ADR 0037) is its own business: its secretary, its members, its head who
        // signs. Another unit's staff and the province's roles do not see it.
        if (!ownUnit(identity, r)) return deny('Phiên họp của Hội đồng đơn vị khác');
        if (action === 'read' && has(identity, 'secretariat', 'council_member', 'unit_head')) return allow;
        if (action === 'vote' && has(identity, 'council_member')) return allow;
        if (
          (action === 'create' || action === 'administer' || action === 'act') &&
          has(identity, 'secretariat')
        )
          return allow;
        return deny('Không có quyền với phiên họp Hội đồng');
      }
      if (action === 'read' && atProvince(identity, r, PROVINCE)) return allow;
      if (action === 'vote' && atProvince(identity, r, ['council_member'])) return allow;
      if (
        (action === 'create' || action === 'administer' || action === 'act') &&
        atProvince(identity, r, ['secretariat'])
      ) {
        return allow;
      }
      return deny('Không có quyền với phiên họp Hội đồng');
    }
    case 'decision': {
      if (action === 'read') {
        if (r.published === true) return allow;
        // Every signed decision is published: an unpublished one is the draft its signer is signing — the
        // province chair's own, never a unit's decision (its head alone, or its own council's).
        if (atProvince(identity, r, ['chair']) && (!issuedByUnit(r) || ownUnit(identity, r))) return allow;
        // A unit's own decision (its head decides alone, or signs its council's, ADR 0037) is its own
        // staff's to prepare and read.
        if (issuedByUnit(r) && ownUnit(identity, r)) return allow;
        return deny('Quyết định chưa được công bố');
      }
      if (action === 'create' && atProvince(identity, r, ['secretariat'])) return allow;
      // Signing one numbered decision: its own signer only.
      if (action === 'act' && r.signerId !== undefined && r.signerId !== identity.userId)
        return deny('Chỉ người ký quyết định này mới ký số được');
      // The head of a commune (ward, department) decides, signs, issues and revokes its own head-decided
      // awards and its own council's decisions (ADR 0037) — its head alone (at the province, its chair):
      // nobody of another unit, the province included.
      if (action === 'act' && issuedByUnit(r))
        return ownUnit(identity, r) && (has(identity, 'unit_head') || atProvince(identity, r, ['chair']))
          ? allow
          : deny('Chỉ người đứng đầu đơn vị ban hành mới ký, ban hành và thu hồi quyết định này');
      // Signing and revoking.
      if (action === 'act' && atProvince(identity, r, ['chair'])) return allow;
      // Its office prints the certificates of the unit's own decisions.
      if (action === 'export' && issuedByUnit(r) && ownUnit(identity, r)) return allow;
      if (action === 'export' && atProvince(identity, r, PROVINCE)) return allow;
      return deny('Không có quyền với quyết định');
    }
    case 'register': {
      if ((action === 'read' || action === 'export') && atProvince(identity, r, PROVINCE)) return allow;
      // The văn thư sits in the secretariat's office: it reserves numbers of a body keeping its own register.
      if (action === 'create' && atProvince(identity, r, ['secretariat'])) return allow;
      return deny('Không có quyền với sổ đăng ký quyết định');
    }
    case 'tenant_settings': {
      // Everyone in the province reads them (every help page shows the contact); its administrator keeps them.
      if (action === 'read') return allow;
      if (action === 'administer' && atProvince(identity, r, ['admin'])) return allow;
      return deny('Chỉ quản trị viên cấp tỉnh được thay đổi thiết lập của tỉnh');
    }
    case 'api_key': {
      // A key opens the register to a system: the province's administrator issues, lists and revokes them.
      if ((action === 'read' || action === 'administer') && atProvince(identity, r, ['admin'])) return allow;
      return deny('Chỉ quản trị viên cấp tỉnh được quản lý khóa API');
    }
    case 'public_list': {
      if (action === 'read') {
        if (r.published === true) return allow;
        if (atProvince(identity, r, PROVINCE)) return allow;
        return deny('Danh sách chưa được công khai');
      }
      if (action === 'comment' && r.published === true && r.disclosureOpen === true) return allow;
      if (
        (action === 'create' || action === 'administer' || action === 'export') &&
        atProvince(identity, r, ['secretariat', 'admin'])
      ) {
        return allow;
      }
      return deny('Không có quyền với danh sách công khai');
    }
  }
}

/** Convenience: `authorize(...).allowed`. */
export function can(identity: Identity | null, action: PolicyAction, resource: PolicyResource): boolean {
  return authorize(identity, action, resource).allowed;
}
