import type { CampaignAuditEvent, CampaignDraft, CampaignVersion } from '@thidua/shared/campaign';
import { absent, equals } from '../../kernel/data/conditions';
import type { PageOptions, TableRef } from '../../kernel/data/entity';
import { campaignAuditEventEntity, campaignDraftEntity, campaignVersionEntity } from '../../kernel/data/keys';
import type { Page } from '../../kernel/data/pagination';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import type { PageRequest } from '../org/repository';

/**
 * What the campaign builder keeps beside the campaign, in the campaign's own partition: its published
 * versions (`V#`), its server draft (`DRAFT`) and its hash-chained audit events (`EV#`). Every write is
 * an item for one transaction, so a publication is the campaign, its version, its audit event and the
 * idempotency record at once.
 */
export interface CampaignHistoryRepository {
  latestVersion(tenantId: string, campaignId: string): Promise<CampaignVersion | undefined>;
  /** Every version, newest first (a campaign has tens). */
  versions(tenantId: string, campaignId: string): Promise<CampaignVersion[]>;
  version(tenantId: string, campaignId: string, version: number): Promise<CampaignVersion | undefined>;
  /** The Put of a new version; refused if that version exists (two publishers from the same base). */
  versionPutItem(v: CampaignVersion): TxItem;
  draft(tenantId: string, campaignId: string): Promise<CampaignDraft | undefined>;
  drafts(tenantId: string, page: PageRequest): Promise<Page<CampaignDraft>>;
  /** The Put of a draft's next revision; refused unless the stored one is `d.revision - 1` (or none for 1). */
  draftPutItem(d: CampaignDraft): TxItem;
  draftDeleteItem(tenantId: string, campaignId: string): TxItem;
  events(tenantId: string, campaignId: string): Promise<CampaignAuditEvent[]>;
  lastEvent(tenantId: string, campaignId: string): Promise<CampaignAuditEvent | undefined>;
  /** The Put of the next event; refused if its `seq` exists (a concurrent change won). */
  eventPutItem(e: CampaignAuditEvent): TxItem;
}

/** The newest item of a campaign's series (versions, events: sort keys that count up), read after the last write. */
const newest = async <T>(query: (o: PageOptions) => Promise<Page<T>>): Promise<T | undefined> =>
  (await query({ descending: true, limit: 1, consistent: true })).items[0];

export const createCampaignHistoryRepository = (ref: TableRef): CampaignHistoryRepository => {
  const versions = campaignVersionEntity.on(ref);
  const drafts = campaignDraftEntity.on(ref);
  const events = campaignAuditEventEntity.on(ref);
  const at = (tenantId: string, campaignId: string) => ({ tenantId, campaignId });
  return {
    latestVersion: (tenantId, campaignId) =>
      newest((o) => versions.page('primary', at(tenantId, campaignId), o)),
    versions: (tenantId, campaignId) =>
      versions.all('primary', at(tenantId, campaignId), { descending: true, consistent: true }),
    version: (tenantId, campaignId, version) => versions.get({ tenantId, campaignId, version }),
    versionPutItem: (v) => campaignVersionEntity.put(ref.table, v, absent()),
    draft: (tenantId, campaignId) => drafts.get(at(tenantId, campaignId), { consistent: true }),
    drafts: (tenantId, page) => drafts.page('list', { tenantId }, page),
    draftPutItem: (d) =>
      campaignDraftEntity.put(ref.table, d, d.revision === 1 ? absent() : equals('revision', d.revision - 1)),
    draftDeleteItem: (tenantId, campaignId) =>
      campaignDraftEntity.delete(ref.table, at(tenantId, campaignId)),
    events: (tenantId, campaignId) => events.all('primary', at(tenantId, campaignId), { consistent: true }),
    lastEvent: (tenantId, campaignId) => newest((o) => events.page('primary', at(tenantId, campaignId), o)),
    eventPutItem: (e) => campaignAuditEventEntity.put(ref.table, e, absent()),
  };
};

/** `campaignHistory` of a route group's container (kernel/deps.ts). */
export const campaignHistoryDep = defineDep('campaignHistory', (c) => createCampaignHistoryRepository(c.ref));
