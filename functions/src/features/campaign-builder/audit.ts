import { createHash } from 'node:crypto';
import type { CampaignAuditEvent, CampaignChangeKind } from '@thidua/shared/campaign';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { canonicalJson, dataHash, GENESIS_HASH } from '../audit/chain';

export interface CampaignChange {
  tenantId: string;
  campaignId: string;
  actorId: string;
  kind: CampaignChangeKind;
  version: number | null;
  sourceCampaignId: string | null;
  /** The campaign (or the copy's draft) as the change left it: its hash enters the event. */
  data: unknown;
  at: Date;
}

/**
 * THE one call site where a change to a campaign becomes an audit event (issue 14, point 4): every
 * campaign write (create, copy, publish, replace) adds the item this returns to its own transaction.
 * The events of a campaign are hash-chained like a submission's (data/audit-chain.ts): each carries the
 * hash of the one before, and its `seq` is written only if free, so two changes at once cannot both
 * claim the same place in the chain. When the `audit-chain` work's function for appending admin events
 * lands on main, this function is the only place to switch to it.
 */
export async function campaignAuditItem(d: Deps, change: CampaignChange): Promise<TxItem> {
  const last = await d.campaignHistory.lastEvent(change.tenantId, change.campaignId);
  const body: Omit<CampaignAuditEvent, 'hash'> = {
    tenantId: change.tenantId,
    campaignId: change.campaignId,
    seq: (last?.seq ?? 0) + 1,
    at: change.at.toISOString(),
    actorId: change.actorId,
    kind: change.kind,
    version: change.version,
    sourceCampaignId: change.sourceCampaignId,
    dataHash: dataHash(change.data),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return d.campaignHistory.eventPutItem({ ...body, hash: campaignEventHash(body) });
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
