import type { CalendarDate, Id } from '../common';
import type { DatedKind, DatedName, DatedParent, SuccessorLink, Unit } from './schema';

/**
 * Reading a unit's dated history (docs/data-model.md, "Dated organisation"). Every interval is
 * `[validFrom, validTo)`: `validTo` is the first day the value no longer holds, null while it holds. A
 * unit without history (created and never changed) reads its flat fields from `openedOn` on.
 */
export interface Dated<T> {
  value: T;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
}

export const inForceOn = (d: { validFrom: CalendarDate; validTo: CalendarDate | null }, date: CalendarDate) =>
  d.validFrom <= date && (d.validTo === null || date < d.validTo);

/** The value in force on `date`, if any interval covers it. */
export function valueOn<T>(history: readonly Dated<T>[], date: CalendarDate): T | undefined {
  return history.find((d) => inForceOn(d, date))?.value;
}

/**
 * The history with `value` from `from` on: earlier intervals stay (the one spanning `from` now ends
 * there), later ones give way — a change "from a date" replaces whatever had been planned after it. An
 * interval with the same value that ends on `from` is extended instead of starting a new one.
 */
export function setFrom<T>(history: readonly Dated<T>[], value: T, from: CalendarDate): Dated<T>[] {
  const kept = history
    .filter((d) => d.validFrom < from)
    .map((d) => (d.validTo === null || d.validTo > from ? { ...d, validTo: from } : d));
  const last = kept.at(-1);
  if (last !== undefined && last.validTo === from && last.value === value) {
    return [...kept.slice(0, -1), { ...last, validTo: null }];
  }
  return [...kept, { value, validFrom: from, validTo: null }];
}

/** The latest value: the open-ended interval's, else the one that started last. */
export function latestValue<T>(history: readonly Dated<T>[]): T | undefined {
  const open = history.find((d) => d.validTo === null);
  if (open !== undefined) return open.value;
  return [...history].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0]?.value;
}

export const namesOf = (u: Unit): DatedName[] =>
  u.names ?? [{ value: u.name, validFrom: u.openedOn, validTo: null }];
export const kindsOf = (u: Unit): DatedKind[] =>
  u.kinds ?? [{ value: u.kind, validFrom: u.openedOn, validTo: null }];
export const parentsOf = (u: Unit): DatedParent[] =>
  u.parents ?? [{ value: u.parentId, validFrom: u.openedOn, validTo: null }];
/** Successor links; a unit linked before links were dated reads its `successorId` from its closing day. */
export const successorLinksOf = (u: Unit): SuccessorLink[] =>
  u.successors ??
  (u.successorId === null
    ? []
    : [{ unitId: u.successorId, validFrom: u.closedOn ?? u.openedOn, validTo: null }]);

/** The unit's name on `date` (its latest name outside its history). */
export const nameOn = (u: Unit, date: CalendarDate): string => valueOn(namesOf(u), date) ?? u.name;
export const kindOn = (u: Unit, date: CalendarDate): string => valueOn(kindsOf(u), date) ?? u.kind;
export function parentOn(u: Unit, date: CalendarDate): Id | null {
  const p = parentsOf(u).find((d) => inForceOn(d, date));
  return p === undefined ? u.parentId : p.value;
}
/** The successors whose link is in force on `date`. */
export const successorsOn = (u: Unit, date: CalendarDate): Id[] =>
  successorLinksOf(u)
    .filter((l) => inForceOn(l, date))
    .map((l) => l.unitId);
