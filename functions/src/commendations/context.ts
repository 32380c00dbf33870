import type { Campaign } from '@thidua/shared/campaign';
import { type CommendationConfig, commendationConfig2023, vnDateWords } from '@thidua/shared/commendation';
import type { Identity, Unit } from '@thidua/shared/org';
import { authorize, type PolicyAction, type PolicyResource } from '@thidua/shared/policy';
import type { Config } from '../config';
import { type CampaignRepository, createCampaignRepository } from '../data/campaigns';
import type { AwsClients } from '../data/client';
import type { IdempotencyStore } from '../data/idempotency-store';
import { createIdempotencyStore } from '../data/idempotency-store';
import {
  createUnitRepository,
  createUserRepository,
  type UnitRepository,
  type UserRepository,
} from '../data/org';
import { createSubmissionRepository, type SubmissionRepository } from '../data/submissions';
import { Forbidden, NotFound } from '../http/errors';
import { createDocumentStore, type DocumentStore } from './documents-store';
import { type CommendationRepository, createCommendationRepository } from './repository';

/** What the commendation use cases need, built once per Lambda instance. */
export interface CommendationDeps {
  config: Config;
  repo: CommendationRepository;
  submissions: SubmissionRepository;
  units: UnitRepository;
  users: UserRepository;
  campaigns: CampaignRepository;
  documents: DocumentStore;
  idempotency: IdempotencyStore;
}

export const createCommendationDeps = (config: Config, clients: AwsClients): CommendationDeps => {
  const ref = { table: config.tableName, client: clients.doc };
  return {
    config,
    repo: createCommendationRepository(ref),
    submissions: createSubmissionRepository(ref),
    units: createUnitRepository(ref),
    users: createUserRepository(ref),
    campaigns: createCampaignRepository(ref),
    documents: createDocumentStore(clients.s3, config.bucketName),
    idempotency: createIdempotencyStore(ref),
  };
};

const roots = new Map<string, Unit>();

/** The tenant's root unit (the province), cached per instance: it never changes. */
export const rootUnit = async (d: CommendationDeps, tenantId: string): Promise<Unit> => {
  const cached = roots.get(tenantId);
  if (cached) return cached;
  const page = await d.units.children(tenantId, null, { limit: 10 });
  const root = page.items.find((u) => u.closedOn === null) ?? page.items[0];
  if (!root) throw new NotFound('Chưa có đơn vị gốc của tỉnh');
  roots.set(tenantId, root);
  return root;
};

/** The shared policy, or 403/404: outside the caller's scope answers 404 so existence does not leak. */
export const requireAllowed = (
  identity: Identity | null,
  action: PolicyAction,
  resource: PolicyResource,
  hideAs404 = false,
): void => {
  const d = authorize(identity, action, resource);
  if (!d.allowed) throw hideAs404 ? new NotFound() : new Forbidden(d.reason);
};

export const provinceResource = async (
  d: CommendationDeps,
  tenantId: string,
  type: PolicyResource['type'],
): Promise<PolicyResource> => {
  const root = await rootUnit(d, tenantId);
  return { type, tenantId, rootUnitId: root.id, unitId: root.id, unitPath: [] };
};

const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/**
 * The commendation configuration of a campaign: the stored one, or the built-in rule sets applied to
 * the campaign's own title, plan and award types.
 */
export const commendationConfigOf = async (
  d: Pick<CommendationDeps, 'campaigns' | 'repo'>,
  tenantId: string,
  campaignId: string,
): Promise<{ config: CommendationConfig; campaign: Campaign }> => {
  const campaign = await d.campaigns.get(tenantId, campaignId);
  if (!campaign) throw new NotFound('Không tìm thấy phong trào thi đua');
  const stored = await d.repo.getConfig(tenantId, campaignId);
  if (stored) return { config: stored, campaign };
  const base = commendationConfig2023(campaignId);
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
export const displayName = async (d: CommendationDeps, identity: Identity): Promise<string> => {
  if (identity.name) return identity.name;
  const user = await d.users.get(identity.tenantId, identity.userId);
  return user?.name || identity.email;
};
