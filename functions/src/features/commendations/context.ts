import type { Campaign } from '@thidua/shared/campaign';
import { type CommendationConfig, commendationConfig2023, vnDateWords } from '@thidua/shared/commendation';
import type { Identity, Unit } from '@thidua/shared/org';
import type { PolicyResource } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';

/** What the commendation use cases need: their part of the one dependency container (`deps.ts`). */
export type CommendationDeps = Pick<
  Deps,
  | 'config'
  | 'commendations'
  | 'submissions'
  | 'units'
  | 'users'
  | 'campaigns'
  | 'templates'
  | 'documents'
  | 'idempotency'
  | 'audit'
  | 'mergers'
  | 'tenantSettings'
>;

const roots = new Map<string, Unit>();

/** The tenant's root unit (the province), cached per instance: it never changes. */
export const rootUnit = async (d: Pick<CommendationDeps, 'units'>, tenantId: string): Promise<Unit> => {
  const cached = roots.get(tenantId);
  if (cached) return cached;
  const page = await d.units.children(tenantId, null, { limit: 10 });
  const root = page.items.find((u) => u.closedOn === null) ?? page.items[0];
  if (!root) throw new NotFound('Chưa có đơn vị gốc của tỉnh');
  roots.set(tenantId, root);
  return root;
};

/**
 * A commendation resource of the province as the policy sees it: the tenant's root pins the province
 * roles; `unitId` narrows it to one unit's (a tờ trình), none means every unit's.
 */
export const provinceResource = async (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  type: PolicyResource['type'],
  unit?: { unitId: string; unitPath?: readonly string[] },
): Promise<PolicyResource> => {
  const root = await rootUnit(d, tenantId);
  return { type, tenantId, rootUnitId: root.id, ...(unit ?? {}) };
};

/** "Tỉnh Đồng Nai" → "Đồng Nai": the name the bodies' header and place lines use. */
const provinceName = (rootName: string): string => rootName.replace(/^(tỉnh|thành phố)\s+/i, '');

const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/**
 * The commendation configuration of a campaign: the stored one, or the built-in rule sets applied to
 * the campaign's own title, plan and award types.
 */
export const commendationConfigOf = async (
  d: Pick<CommendationDeps, 'campaigns' | 'commendations' | 'units'>,
  tenantId: string,
  campaignId: string,
): Promise<{ config: CommendationConfig; campaign: Campaign }> => {
  const campaign = await d.campaigns.get(tenantId, campaignId);
  if (!campaign) throw new NotFound('Không tìm thấy phong trào thi đua');
  const stored = await d.commendations.getConfig(tenantId, campaignId);
  if (stored) return { config: stored, campaign };
  // The built-in bodies carry the province's own name (its root unit): "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI".
  const base = commendationConfig2023(campaignId, provinceName((await rootUnit(d, tenantId)).name));
  const offered = campaign.awardTypeIds.filter((id) => base.offeredAwardTypeIds.includes(id));
  return {
    campaign,
    config: {
      ...base,
      year: campaign.year,
      movementTitle: lowerFirst(campaign.title),
      planBasis: `Kế hoạch số ${campaign.number} ${vnDateWords(campaign.issuedOn)} của ${campaign.issuer || 'Ủy ban nhân dân tỉnh'} ${lowerFirst(campaign.title)}`,
      offeredAwardTypeIds: offered.length > 0 ? offered : base.offeredAwardTypeIds,
    },
  };
};

/** The caller's name as the user record holds it (ID tokens may carry no `name`). */
export const displayName = async (
  d: Pick<CommendationDeps, 'users'>,
  identity: Identity,
): Promise<string> => {
  if (identity.name) return identity.name;
  const user = await d.users.get(identity.tenantId, identity.userId);
  return user?.name || identity.email;
};

/**
 * A decision its unit issues, for the policy: its head decided alone, or its own council voted and its
 * head signs (ADR 0037).
 */
export const unitDecisionResource = (
  tenantId: string,
  unit: Pick<Unit, 'id' | 'path'>,
  by: 'head' | 'council',
): PolicyResource => ({
  type: 'decision',
  tenantId,
  unitId: unit.id,
  unitPath: unit.path,
  ...(by === 'head' ? { headDecision: true } : { unitCouncil: true }),
});

/**
 * The unit whose head decides alone, once the policy lets `identity` do `action` on its head decisions
 * (`act`: its head; `read`: its own staff); an unknown unit is 404.
 */
export const requireHeadDecisionOf = async (
  d: Pick<CommendationDeps, 'units'>,
  identity: Identity,
  unitId: string,
  action: 'read' | 'act',
  /** Its head decided alone, or its own council voted (ADR 0037). */
  by: 'head' | 'council' = 'head',
) => {
  const unit = await d.units.get(identity.tenantId, unitId);
  if (!unit) throw new NotFound('Không tìm thấy đơn vị');
  requireAllowed(identity, action, unitDecisionResource(identity.tenantId, unit, by));
  return unit;
};
