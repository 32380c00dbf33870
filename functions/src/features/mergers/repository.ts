import { LedgerEvent, MergerConsent, TenantMerger } from '@thidua/shared/tenancy';
import * as z from 'zod';
import { absent, and, equals, or } from '../../kernel/data/conditions';
import { defineEntity, pad, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

/**
 * Tenant mergers (ADR 0017). Nothing of the absorbed tenant is moved or rewritten: its consent record
 * turns `merged`, the successor keeps one lineage record per predecessor, and each tenant's ledger (a
 * tenant-level hash chain) gets a link event, all in ONE transaction.
 */

/** The predecessor's consent, then its "merged into" mark: one per tenant (a province merges once). */
export const mergerConsentEntity = defineEntity({
  type: 'MergerConsent',
  schema: MergerConsent,
  pk: (c: { tenantId: string }) => `${t(c.tenantId)}#MERGER`,
  sk: sortKey('CONSENT'),
});

/** The lineage record in the successor; its predecessors are one Query (gsi1). */
export const tenantMergerEntity = defineEntity({
  type: 'TenantMerger',
  schema: TenantMerger,
  pk: (m: { successorTenantId: string; predecessorTenantId: string }) =>
    `${t(m.successorTenantId)}#MERGER#${m.predecessorTenantId}`,
  sk: sortKey('MERGER'),
  indexes: {
    bySuccessor: {
      index: 'gsi1',
      pk: (m: { successorTenantId: string }) => `${t(m.successorTenantId)}#MERGERS`,
      sk: (m: TenantMerger) => `${m.effectiveFrom}#${m.predecessorTenantId}`,
    },
  },
});

export const ledgerEventEntity = defineEntity({
  type: 'LedgerEvent',
  schema: LedgerEvent,
  pk: (e: { tenantId: string }) => `${t(e.tenantId)}#LEDGER`,
  sk: sortKey('EV#', (e: { seq: number }) => pad(e.seq, 8)),
});

export const LedgerHead = z.object({ tenantId: z.string(), seq: z.number().int().min(0), hash: z.string() });
export type LedgerHead = z.infer<typeof LedgerHead>;

/** The head of a tenant's ledger, moved in the transaction that appends (condition on the seq read). */
export const ledgerHeadEntity = defineEntity({
  type: 'LedgerHead',
  schema: LedgerHead,
  pk: (h: { tenantId: string }) => `${t(h.tenantId)}#LEDGER`,
  sk: sortKey('HEAD'),
});

export interface MergerRepository {
  consentOf(tenantId: string): Promise<MergerConsent | undefined>;
  /** Put a consent; refused (condition) when the tenant has already merged. */
  consentItem(consent: MergerConsent): TxItem;
  /** The consent becomes `merged`, conditioned on it naming this successor and date, still `consented`. */
  markMergedItem(consent: MergerConsent): TxItem;
  get(successorTenantId: string, predecessorTenantId: string): Promise<TenantMerger | undefined>;
  /** Every predecessor of a tenant (a handful). */
  predecessorsOf(successorTenantId: string): Promise<TenantMerger[]>;
  mergerItem(merger: TenantMerger): TxItem;
  ledgerHead(tenantId: string): Promise<LedgerHead>;
  ledger(tenantId: string): Promise<LedgerEvent[]>;
  ledgerItems(event: LedgerEvent, previous: LedgerHead): TxItem[];
}

export const createMergerRepository = (ref: TableRef): MergerRepository => {
  const consents = mergerConsentEntity.on(ref);
  const mergers = tenantMergerEntity.on(ref);
  const events = ledgerEventEntity.on(ref);
  const heads = ledgerHeadEntity.on(ref);
  return {
    consentOf: (tenantId) => consents.get({ tenantId }, { consistent: true }),
    consentItem: (consent) =>
      mergerConsentEntity.put(ref.table, consent, or(absent(), equals('state', 'consented'))),
    markMergedItem: (consent) =>
      mergerConsentEntity.put(
        ref.table,
        { ...consent, state: 'merged' },
        and(
          equals('state', 'consented'),
          equals('successorTenantId', consent.successorTenantId),
          equals('effectiveFrom', consent.effectiveFrom),
        ),
      ),
    get: (successorTenantId, predecessorTenantId) => mergers.get({ successorTenantId, predecessorTenantId }),
    predecessorsOf: (successorTenantId) => mergers.all('bySuccessor', { successorTenantId }),
    mergerItem: (merger) => tenantMergerEntity.put(ref.table, merger, absent()),
    async ledgerHead(tenantId) {
      return (await heads.get({ tenantId }, { consistent: true })) ?? { tenantId, seq: 0, hash: '' };
    },
    ledger: (tenantId) => events.all('primary', { tenantId }, { consistent: true }),
    ledgerItems: (event, previous) => [
      ledgerEventEntity.put(ref.table, event, absent()),
      ledgerHeadEntity.put(
        ref.table,
        { tenantId: event.tenantId, seq: event.seq, hash: event.hash },
        previous.seq === 0 ? absent() : equals('seq', previous.seq),
      ),
    ],
  };
};

/** `mergers` of a route group's container (kernel/deps.ts). */
export const mergersDep = defineDep('mergers', (c) => createMergerRepository(c.ref));
