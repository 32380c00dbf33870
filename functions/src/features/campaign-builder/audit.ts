import { createHash } from 'node:crypto';
import type { Campaign, CampaignAuditEvent, CampaignChangeKind } from '@thidua/shared/campaign';
import type { Identity } from '@thidua/shared/org';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { canonicalJson, dataHash, GENESIS_HASH } from '../audit/chain';

export interface CampaignChange {
  /** Who changed it (the keyed audit chain names them). */
  actor: Identity;
  tenantId: string;
  campaignId: string;
  kind: CampaignChangeKind;
  version: number | null;
  sourceCampaignId: string | null;
  /** A copy from an absorbed province: its tenant. */
  sourceTenantId?: string;
  /** The campaign (or the copy's draft) as the change left it: its hash enters the event. */
  data: unknown;
  at: Date;
}

/**
 * THE one call site where a change to a campaign becomes audit events (issue 14, point 4); the items go
 * at the END of the change's own transaction. Two records:
 * - the tenant's keyed audit chain, through `d.audit.record` (features/audit/chains.ts, the `audit-chain`
 *   work now on main): the campaign as stored by the same transaction, `created` or `updated`. A copy is
 *   only a draft (no campaign is stored), so it does not enter that chain; its publication does.
 * - the campaign's own change log (`EV#` in its partition, hash-chained, `seq` written only if free): every
 *   change including copies, with the version it wrote — what the builder's history screen lists.
 */
export async function campaignAuditItems(
  d: Pick<Deps, 'audit' | 'campaignHistory'>,
  change: CampaignChange & { existed?: boolean },
): Promise<TxItem[]> {
  const last = await d.campaignHistory.lastEvent(change.tenantId, change.campaignId);
  const body: Omit<CampaignAuditEvent, 'hash'> = {
    tenantId: change.tenantId,
    campaignId: change.campaignId,
    seq: (last?.seq ?? 0) + 1,
    at: change.at.toISOString(),
    actorId: change.actor.userId,
    kind: change.kind,
    version: change.version,
    sourceCampaignId: change.sourceCampaignId,
    ...(change.sourceTenantId === undefined ? {} : { sourceTenantId: change.sourceTenantId }),
    dataHash: dataHash(change.data),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const own = d.campaignHistory.eventPutItem({ ...body, hash: campaignEventHash(body) });
  if (change.kind === 'copied') return [own];
  const campaign = change.data as Campaign;
  const keyed = await d.audit.record(change.actor, {
    kind: 'campaign',
    subject: campaign,
    action: change.existed ? 'updated' : 'created',
    summary:
      change.version === null
        ? `Phong trào ${campaign.number}`
        : `Ban hành phiên bản ${change.version} của phong trào ${campaign.number}: ${campaign.title}`,
  });
  return [own, ...keyed];
}

/** The hash of an event: of the one before it and of everything it says. */
export const campaignEventHash = (body: Omit<CampaignAuditEvent, 'hash'>): string =>
  createHash('sha256')
    .update(`${body.prevHash}\n${canonicalJson(body)}`, 'utf8')
    .digest('hex');

/** Whether a campaign's events still chain (each `prevHash` the hash before, each `hash` recomputed). */
export function verifyCampaignEvents(events: readonly CampaignAuditEvent[]): boolean {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const { hash, ...body } = e;
    if (e.seq !== i + 1 || e.prevHash !== prev || campaignEventHash(body) !== hash) return false;
    prev = hash;
  }
  return true;
}
