import * as z from 'zod';
import { CalendarDate, Id, Instant, TenantId } from '../common';
import { roles } from './roles';

export { provinceRoles, roles } from './roles';

export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/**
 * Unit kinds are data: the built-in ones are below, a province may add others (e.g. `cluster_lead`).
 * Nothing in code may assume that a `district` exists (districts were abolished on 1/7/2025).
 */
export const builtInUnitKinds = ['province', 'department', 'district', 'commune'] as const;
export const UnitKind = z.string().regex(/^[a-z][a-z_]{1,31}$/);
export type UnitKind = z.infer<typeof UnitKind>;

/** Vietnamese names of the built-in kinds, for labels; other kinds show their key. */
export const unitKindLabels: Readonly<Record<string, string>> = {
  province: 'Cấp tỉnh',
  department: 'Sở, ban, ngành, đoàn thể',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/**
 * Who holds the unit's offices, dated: documents are signed by the head (Chủ tịch) or, on delegation, by a
 * deputy ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") — never by whoever clicked. `to` null while in office.
 */
export const OfficeHolder = z.object({
  id: Id,
  role: z.enum(['head', 'deputy']),
  name: z.string().trim().min(2).max(200),
  /** As printed in a signature block, in capitals: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  title: z.string().trim().min(2).max(100),
  from: CalendarDate,
  to: CalendarDate.nullable(),
});
export type OfficeHolder = z.infer<typeof OfficeHolder>;

/** The holders of a unit's offices on a day (head first). */
export const officeHoldersOn = (holders: readonly OfficeHolder[] | undefined, day: string): OfficeHolder[] =>
  (holders ?? [])
    .filter((h) => h.from <= day && (h.to === null || day <= h.to))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'head' ? -1 : 1));

/**
 * A value in force from `validFrom` (inclusive) until `validTo` (exclusive; null: still in force) — the
 * same convention as `closedOn` and a chain configuration's `effectiveTo`.
 */
export const datedOf = <T extends z.ZodType>(value: T) =>
  z.object({ value, validFrom: CalendarDate, validTo: CalendarDate.nullable() });
export const DatedName = datedOf(z.string().min(1).max(200));
export type DatedName = z.infer<typeof DatedName>;
export const DatedKind = datedOf(UnitKind);
export type DatedKind = z.infer<typeof DatedKind>;
/** A parent in force over an interval; `value` null: a root over that interval (the province). */
export const DatedParent = datedOf(Id.nullable());
export type DatedParent = z.infer<typeof DatedParent>;

/**
 * "From `validFrom`, `unitId` carries this unit's work" (a merger, a split, a renaming into a new unit).
 * A split gives a unit several links, a merger gives several units a link to the same successor.
 */
export const SuccessorLink = z.object({
  unitId: Id,
  validFrom: CalendarDate,
  validTo: CalendarDate.nullable(),
});
export type SuccessorLink = z.infer<typeof SuccessorLink>;

export const Unit = z.object({
  tenantId: TenantId,
  id: Id,
  kind: UnitKind,
  name: z.string().min(1).max(200),
  /** null only for the root (the province). */
  parentId: Id.nullable(),
  /** Ancestor ids from the root down to the parent (empty for the root). Maintained on write. */
  path: z.array(Id),
  openedOn: CalendarDate,
  closedOn: CalendarDate.nullable(),
  /** After a merger the closed unit points to the unit that took it over. */
  successorId: Id.nullable(),
  /**
   * The dated history (shared/src/org/dated.ts reads it; docs/data-model.md). Absent on a unit that never
   * changed: then `name`, `kind` and `parentId` hold from `openedOn` on. When present, the flat fields above
   * are the LATEST state (the open-ended interval), maintained on write for readers that are not dated.
   */
  names: z.array(DatedName).max(100).optional(),
  kinds: z.array(DatedKind).max(100).optional(),
  parents: z.array(DatedParent).max(100).optional(),
  /** Every successor, dated (split: several). `successorId` keeps the first one for older readers. */
  successors: z.array(SuccessorLink).max(100).optional(),
  /** The units whose `successors` name this one: the reverse link, so lineage is read by key, never scanned. */
  predecessorIds: z.array(Id).max(500).optional(),
  /** Counts the dated changes written (optimistic locking of the administration's writes). */
  revision: z.number().int().min(0).optional(),
  /** Dated office holders (head, deputies): the signers of the unit's documents. */
  officeHolders: z.array(OfficeHolder).max(20).optional(),
});
export type Unit = z.infer<typeof Unit>;

export const User = z.object({
  tenantId: TenantId,
  /** The Cognito `sub`. */
  id: z.string().min(1).max(64),
  email: z.email(),
  name: z.string().min(1).max(200),
  title: z.string().max(200).default(''),
  unitId: Id,
  roles: z.array(Role).min(1),
  active: z.boolean().default(true),
  /** When TOTP was confirmed enabled for the account (epoch seconds); sessions begun before lack it. */
  mfaEnrolledAt: z.number().int().nonnegative().optional(),
  /** "Sign out everywhere" (epoch seconds): sessions authenticated at or before it are refused. */
  tokensValidAfter: z.number().int().nonnegative().optional(),
});
export type User = z.infer<typeof User>;

/**
 * Who is calling, as read from the verified ID token (claims `sub`, `email`, `name`,
 * `custom:tenant_id`, `custom:unit_id`, `cognito:groups`). Built once per request by one middleware.
 */
export const Identity = z.object({
  userId: z.string().min(1),
  email: z.string(),
  name: z.string(),
  tenantId: TenantId,
  unitId: Id,
  roles: z.array(Role),
});
export type Identity = z.infer<typeof Identity>;

/**
 * One dated change of the organisation as the administration log keeps it (who, when, what, which units
 * it wrote). Written in the same transaction as the change.
 */
export const UnitChangeEvent = z.object({
  tenantId: TenantId,
  id: Id,
  at: Instant,
  actorId: z.string().min(1),
  actorName: z.string(),
  /** `type` is the item type's attribute in the table, so the change's kind is its `action`. */
  action: z.enum(['create', 'rename', 'change_kind', 'move', 'close', 'succession', 'correct']),
  /** The request as the administrator made it (dates, names, ids). */
  change: z.record(z.string(), z.unknown()),
  /** Every unit the change wrote (a move: the unit and its descendants; a merger: both sides). */
  unitIds: z.array(Id),
});
export type UnitChangeEvent = z.infer<typeof UnitChangeEvent>;
