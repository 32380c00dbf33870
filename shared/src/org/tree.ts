import type { CalendarDate, Id } from '../common';
import { successorsOn } from './history';
import type { Unit } from './schema';

/** Units by id: a Map (data layer) or a plain record (tests, seeds) both work. */
export type UnitLookup = ReadonlyMap<Id, Unit> | Readonly<Record<Id, Unit | undefined>>;

export function getUnit(units: UnitLookup, id: Id): Unit | undefined {
  if (units instanceof Map) return units.get(id);
  return (units as Readonly<Record<Id, Unit | undefined>>)[id];
}

export function indexUnits(units: Iterable<Unit>): Map<Id, Unit> {
  const byId = new Map<Id, Unit>();
  for (const u of units) byId.set(u.id, u);
  return byId;
}

/**
 * Open on `date`: opened on or before it and not yet closed. `closedOn` is the first day the unit no
 * longer operates (districts: closedOn 2025-07-01).
 */
export function isActiveOn(unit: Pick<Unit, 'openedOn' | 'closedOn'>, date: CalendarDate): boolean {
  return unit.openedOn <= date && (unit.closedOn === null || date < unit.closedOn);
}

/** The path a child of `parent` gets (root first); `[]` for a root. */
export function pathUnder(parent: Pick<Unit, 'id' | 'path'> | null): Id[] {
  return parent === null ? [] : [...parent.path, parent.id];
}

/** True when `unit` is `ancestorId` itself or lies below it (decided from `path`, no lookup). */
export function isInSubtree(unit: Pick<Unit, 'id' | 'path'>, ancestorId: Id): boolean {
  return unit.id === ancestorId || unit.path.includes(ancestorId);
}

/** Direct children of `parentId`, optionally only those active on `onDate`, sorted by name. */
export function childrenOf(units: Iterable<Unit>, parentId: Id, onDate?: CalendarDate): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.parentId !== parentId) continue;
    if (onDate !== undefined && !isActiveOn(u, onDate)) continue;
    out.push(u);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Every unit strictly below `ancestorId`, optionally only those active on `onDate`. */
export function descendantsOf(units: Iterable<Unit>, ancestorId: Id, onDate?: CalendarDate): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (!u.path.includes(ancestorId)) continue;
    if (onDate !== undefined && !isActiveOn(u, onDate)) continue;
    out.push(u);
  }
  return out;
}

/** Ancestors of `unit` that exist in the lookup, nearest first (parent, grandparent, ..., root). */
export function ancestorsOf(units: UnitLookup, unit: Pick<Unit, 'path'>): Unit[] {
  const out: Unit[] = [];
  for (let i = unit.path.length - 1; i >= 0; i--) {
    const id = unit.path[i];
    const u = id === undefined ? undefined : getUnit(units, id);
    if (u !== undefined) out.push(u);
  }
  return out;
}

/**
 * The open units that carry `unitId`'s work on `onDate`: the unit itself when it is open, otherwise its
 * successors in force that day, followed through several changes (a split gives several, a merger
 * one). Empty when nothing open is found; a loop of links is followed once.
 */
export function resolveSuccessors(units: UnitLookup, unitId: Id, onDate: CalendarDate): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<Id>();
  const queue: Id[] = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const current = seen.has(id) ? undefined : getUnit(units, id);
    seen.add(id);
    if (current === undefined) continue;
    if (isActiveOn(current, onDate)) out.push(current);
    else queue.push(...successorsOn(current, onDate));
  }
  return out;
}

/**
 * The one unit that carries `unitId`'s work on `onDate` (see `resolveSuccessors`); null when none is
 * found, when the links loop, or when a split left several (the caller must then choose).
 */
export function resolveSuccessor(units: UnitLookup, unitId: Id, onDate: CalendarDate): Unit | null {
  const found = resolveSuccessors(units, unitId, onDate);
  return found.length === 1 ? (found[0] ?? null) : null;
}
