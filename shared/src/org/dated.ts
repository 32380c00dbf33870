import type { CalendarDate, Id } from '../common';
import { inForceOn, kindOn, nameOn, parentOn, successorLinksOf } from './history';
import type { Unit } from './schema';
import { getUnit, indexUnits, isActiveOn, type UnitLookup } from './tree';

/**
 * The organisation as of a date (docs/data-model.md, "Dated organisation"): each unit's parent, name and
 * kind are read from its history on that day, so a unit moved, renamed or re-kinded from a date shows its
 * old place before and its new one after. Pure: the callers load the units.
 */

const valuesOf = (units: UnitLookup | Iterable<Unit>): Iterable<Unit> =>
  units instanceof Map
    ? units.values()
    : Symbol.iterator in units
      ? (units as Iterable<Unit>)
      : (Object.values(units as Record<Id, Unit | undefined>).filter((u) => u !== undefined) as Unit[]);

const lookupOf = (units: UnitLookup | Iterable<Unit>): UnitLookup =>
  units instanceof Map || !(Symbol.iterator in units)
    ? (units as UnitLookup)
    : indexUnits(units as Iterable<Unit>);

/**
 * The ancestors of `unit` on `date`, nearest first, each read as its parent on that day. Stops at a unit
 * the lookup lacks and never loops (a cycle in bad data ends where it would repeat).
 */
export function ancestorsOn(units: UnitLookup, unit: Unit, date: CalendarDate): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<Id>([unit.id]);
  for (let id = parentOn(unit, date); id !== null && !seen.has(id); ) {
    const parent = getUnit(units, id);
    if (parent === undefined) break;
    out.push(parent);
    seen.add(id);
    id = parentOn(parent, date);
  }
  return out;
}

/** The ancestor ids on `date`, root first (what a submission filed that day snapshots as `unitPath`). */
export const pathOn = (units: UnitLookup, unit: Unit, date: CalendarDate): Id[] =>
  ancestorsOn(units, unit, date)
    .map((u) => u.id)
    .reverse();

/** True when the parents on `date` lead from `unit` back to itself (bad data; never written). */
export function hasParentCycleOn(units: UnitLookup, unit: Unit, date: CalendarDate): boolean {
  const seen = new Set<Id>();
  for (let id: Id | null = unit.id; id !== null; ) {
    if (seen.has(id)) return true;
    seen.add(id);
    const u = getUnit(units, id);
    if (u === undefined) return false;
    id = parentOn(u, date);
  }
  return false;
}

/** The unit as it stood on `date`: its name, kind, parent and path of that day in the flat fields. */
export const unitOn = (units: UnitLookup, unit: Unit, date: CalendarDate): Unit => ({
  ...unit,
  name: nameOn(unit, date),
  kind: kindOn(unit, date),
  parentId: parentOn(unit, date),
  path: pathOn(units, unit, date),
});

/** The tree on `date`: every unit open that day, as it stood that day (`unitOn`), by id. */
export function treeOn(units: UnitLookup | Iterable<Unit>, date: CalendarDate): Map<Id, Unit> {
  const lookup = lookupOf(units);
  const out = new Map<Id, Unit>();
  for (const u of valuesOf(units)) if (isActiveOn(u, date)) out.set(u.id, unitOn(lookup, u, date));
  return out;
}

export interface TreeRow {
  unit: Unit;
  depth: number;
}

/**
 * The tree on `date` in reading order: each unit followed by its children sorted by Vietnamese name,
 * roots first. A unit whose parent is not open that day (bad data) is listed as a root, never dropped.
 */
export function treeRowsOn(units: UnitLookup | Iterable<Unit>, date: CalendarDate): TreeRow[] {
  const tree = treeOn(units, date);
  const children = new Map<Id | null, Unit[]>();
  for (const u of tree.values()) {
    const parent = u.parentId !== null && tree.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<Id>();
  const visit = (parent: Id | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const u of list) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      rows.push({ unit: u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/**
 * Every predecessor of `unitId`, transitively, nearest first, each once — read from the successor
 * links of the units given (`asOf`: only links in force by then). The successor carries their history.
 */
export function lineage(units: UnitLookup | Iterable<Unit>, unitId: Id, asOf?: CalendarDate): Unit[] {
  const predecessors = new Map<Id, Unit[]>();
  for (const u of valuesOf(units)) {
    for (const link of successorLinksOf(u)) {
      if (asOf !== undefined && link.validFrom > asOf) continue;
      predecessors.set(link.unitId, [...(predecessors.get(link.unitId) ?? []), u]);
    }
  }
  const out: Unit[] = [];
  const seen = new Set<Id>([unitId]);
  const queue = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const p of predecessors.get(id) ?? []) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
      queue.push(p.id);
    }
  }
  return out;
}

/** A unit that carries another's work, with its path on the day asked (its reviewers sit there). */
export interface Heir {
  unitId: Id;
  unitName: string;
  unitPath: Id[];
}

/**
 * The units that carry `unitId`'s work on `date`: its successors with a link in force, transitively
 * (a split: several; a unit closed and merged twice: the last), each with its path that day. The unit
 * itself is not its own heir. Read access follows these (shared/src/policy, `heirs`).
 */
export function heirsOn(units: UnitLookup, unitId: Id, date: CalendarDate): Heir[] {
  const out: Heir[] = [];
  const seen = new Set<Id>([unitId]);
  const queue = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const u = getUnit(units, id);
    if (u === undefined) continue;
    for (const link of successorLinksOf(u)) {
      if (!inForceOn(link, date) || seen.has(link.unitId)) continue;
      seen.add(link.unitId);
      const heir = getUnit(units, link.unitId);
      if (heir === undefined) continue;
      out.push({ unitId: heir.id, unitName: nameOn(heir, date), unitPath: pathOn(units, heir, date) });
      queue.push(heir.id);
    }
  }
  return out;
}
