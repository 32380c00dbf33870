import {
  type Dated,
  kindsOf,
  namesOf,
  parentsOf,
  successorLinksOf,
  type Unit,
  unitKindLabels,
} from '@thidua/shared/org';

/** The screen's query keys: every change refetches all of them (tree, lineage, log). */
export const orgKeys = { all: ['org-admin'] as const };

/** What the detail panel lists of a unit's dated history, oldest first. */
export interface HistoryLine {
  what: 'name' | 'kind' | 'parent' | 'successor';
  value: string;
  validFrom: string;
  validTo: string | null;
}

export const kindLabel = (kind: string): string => unitKindLabels[kind] ?? kind;

/**
 * A unit's history as lines to read: its names, kinds, parents (by name, `rootLabel` for none) and
 * successors, each with its interval, oldest first.
 */
export function historyLines(unit: Unit, nameOf: (id: string) => string, rootLabel: string): HistoryLine[] {
  const lines = (what: HistoryLine['what'], history: readonly Dated<string>[]) =>
    history.map((d) => ({ what, value: d.value, validFrom: d.validFrom, validTo: d.validTo }));
  return [
    ...lines('name', namesOf(unit)),
    ...lines('kind', kindsOf(unit)).map((l) => ({ ...l, value: kindLabel(l.value) })),
    ...parentsOf(unit).map((d) => ({
      what: 'parent' as const,
      value: d.value === null ? rootLabel : nameOf(d.value),
      validFrom: d.validFrom,
      validTo: d.validTo,
    })),
    ...successorLinksOf(unit).map((l) => ({
      what: 'successor' as const,
      value: nameOf(l.unitId),
      validFrom: l.validFrom,
      validTo: l.validTo,
    })),
  ].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
}

/** The units a unit may be moved under on a day: open ones outside its own subtree that day. */
export function moveTargets(rows: readonly { unit: Unit }[], unit: Unit): Unit[] {
  return rows
    .map((r) => r.unit)
    .filter((u) => u.id !== unit.id && !u.path.includes(unit.id) && u.id !== unit.parentId);
}

/** Units whose name contains `filter`, ignoring case and Vietnamese accents. */
export function matching(units: readonly Unit[], filter: string): Unit[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const f = fold(filter.trim());
  return f === '' ? [...units] : units.filter((u) => fold(u.name).includes(f));
}
