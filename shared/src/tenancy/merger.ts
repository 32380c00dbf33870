import * as z from 'zod';
import { addDays, CalendarDate, Id, Instant, TenantId } from '../common';
import { getUnit, isActiveOn, type UnitLookup } from '../org/tree';

/**
 * A province absorbed into another (Bình Phước into Đồng Nai on 1/7/2025). Every audit event hashes its
 * tenant id, so the absorbed tenant's items are never moved or rewritten: the successor keeps a lineage
 * record naming its predecessor and a unit map, and reads the predecessor's partitions through it. Each
 * predecessor unit maps to the successor unit that carries its work (communes → wards/communes,
 * departments → departments); an unmapped unit (a district: the level was abolished) falls to the
 * successor's root, so only the province roles read what it filed.
 */
export const UnitMapEntry = z.object({
  /** A unit of the predecessor tenant. */
  from: Id,
  /** The unit of the successor tenant that carries it from the merger's date. */
  to: Id,
});
export type UnitMapEntry = z.infer<typeof UnitMapEntry>;

export const MAX_UNIT_MAP_ENTRIES = 1500;

/** What the successor's administrator sends (the predecessor consented first). */
export const MergerInput = z.object({
  predecessorTenantId: TenantId,
  effectiveFrom: CalendarDate,
  /** "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội" (printed, never interpreted). */
  legalBasis: z.string().trim().min(3).max(500),
  unitMap: z.array(UnitMapEntry).min(1).max(MAX_UNIT_MAP_ENTRIES),
});
export type MergerInput = z.infer<typeof MergerInput>;

/** The predecessor's administrator agrees to be absorbed by `successorTenantId` from a date. */
export const MergerConsent = z.object({
  tenantId: TenantId,
  successorTenantId: TenantId,
  effectiveFrom: CalendarDate,
  state: z.enum(['consented', 'merged']),
  consentedBy: z.string(),
  consentedAt: Instant,
});
export type MergerConsent = z.infer<typeof MergerConsent>;

/** The lineage record, kept in the successor tenant (one per predecessor). */
export const TenantMerger = z.object({
  successorTenantId: TenantId,
  successorName: z.string(),
  successorRootId: Id,
  predecessorTenantId: TenantId,
  predecessorName: z.string(),
  predecessorRootId: Id,
  effectiveFrom: CalendarDate,
  legalBasis: z.string(),
  unitMap: z.array(UnitMapEntry),
  /** sha256 of the canonical JSON of `unitMap`: the link events carry it, so a changed map shows. */
  unitMapHash: z.string(),
  /** Hash of the successor's `absorbed` link event (its tenant ledger). */
  linkHash: z.string(),
  mergedBy: z.string(),
  mergedAt: Instant,
});
export type TenantMerger = z.infer<typeof TenantMerger>;

/**
 * A tenant ledger event: the tenant-level audit chain a merger is recorded in, hashed like a
 * submission's events (prevHash + canonical JSON). The predecessor's `merged_into` event and the
 * successor's `absorbed` event name each other's tenant, and `absorbed` carries the hash of
 * `merged_into`, so the two chains are linked without touching any earlier event.
 */
export const LedgerEvent = z.object({
  tenantId: TenantId,
  seq: z.number().int().min(1),
  kind: z.enum(['merged_into', 'absorbed']),
  at: Instant,
  actorId: z.string(),
  predecessorTenantId: TenantId,
  successorTenantId: TenantId,
  effectiveFrom: CalendarDate,
  unitMapHash: z.string(),
  /** For `absorbed`: the hash of the predecessor's `merged_into` event; empty for `merged_into`. */
  counterpartHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type LedgerEvent = z.infer<typeof LedgerEvent>;

/** Kinds a predecessor unit may map to: a commune becomes a commune or ward, a department a department. */
export const compatibleKinds: Readonly<Record<string, readonly string[]>> = {
  commune: ['commune'],
  department: ['department'],
};

export interface MapIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a unit map, each with its field path (Vietnamese): unknown units on either side, a
 * predecessor unit not operating the day before the merger, a successor unit not open on its date, a
 * kind that cannot carry the other's work, a unit mapped twice.
 */
export function checkUnitMap(
  input: Pick<MergerInput, 'effectiveFrom' | 'unitMap'>,
  predecessorUnits: UnitLookup,
  successorUnits: UnitLookup,
): MapIssue[] {
  const issues: MapIssue[] = [];
  const dayBefore = addDays(input.effectiveFrom, -1);
  const seen = new Set<string>();
  input.unitMap.forEach((entry, i) => {
    const at = (field: 'from' | 'to') => `body.unitMap[${i}].${field}`;
    const from = getUnit(predecessorUnits, entry.from);
    const to = getUnit(successorUnits, entry.to);
    if (seen.has(entry.from)) issues.push({ path: at('from'), message: 'Đơn vị đã có trong bảng ánh xạ' });
    seen.add(entry.from);
    if (!from) issues.push({ path: at('from'), message: 'Không có đơn vị này ở tỉnh được hợp nhất' });
    if (!to) issues.push({ path: at('to'), message: 'Không có đơn vị này ở tỉnh hợp nhất' });
    if (!from || !to) return;
    if (!isActiveOn(from, dayBefore))
      issues.push({ path: at('from'), message: `Đơn vị không hoạt động ngày ${dayBefore}` });
    if (!isActiveOn(to, input.effectiveFrom))
      issues.push({ path: at('to'), message: `Đơn vị chưa hoạt động ngày ${input.effectiveFrom}` });
    if (!(compatibleKinds[from.kind] ?? []).includes(to.kind))
      issues.push({
        path: at('to'),
        message: `Đơn vị loại "${from.kind}" không thể chuyển sang đơn vị loại "${to.kind}"`,
      });
  });
  return issues;
}

export { predecessorUnitsOf, successorUnitOf } from './unit-map';
