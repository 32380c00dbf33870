import { addDays, type CalendarDate, type Id } from '../common';
import { hasParentCycleOn } from './dated';
import {
  type Dated,
  inForceOn,
  kindOn,
  kindsOf,
  latestValue,
  nameOn,
  namesOf,
  parentOn,
  parentsOf,
  setFrom,
  successorLinksOf,
} from './history';
import type { SuccessorLink, Unit } from './schema';
import { indexUnits, isActiveOn } from './tree';

/**
 * The dated changes an administrator makes to the organisation, as pure functions over the tenant's
 * units: each returns the units it changes, or refuses with the field at fault — never a tree with a
 * cycle, a unit with two parents on a day, an open unit under a closed one, or a loop of successors.
 * The API applies exactly these (functions/src/features/org/changes-http.ts); the property tests drive them.
 */
export type UnitChange =
  | { type: 'create'; unit: Pick<Unit, 'tenantId' | 'id' | 'kind' | 'name' | 'parentId' | 'openedOn'> }
  | { type: 'rename'; unitId: Id; name: string; from: CalendarDate }
  | { type: 'change_kind'; unitId: Id; kind: string; from: CalendarDate }
  | { type: 'move'; unitId: Id; parentId: Id; from: CalendarDate }
  | { type: 'close'; unitId: Id; on: CalendarDate }
  /** One predecessor, several successors: a split; several predecessors, one successor: a merger. */
  | { type: 'succession'; predecessorIds: Id[]; successorIds: Id[]; from: CalendarDate };

export type UnitChangeType = UnitChange['type'];

export interface OrgIssue {
  /** The field of the change at fault (`from`, `parentId`, `successorIds.1`…), or '' for the tree. */
  field: string;
  message: string;
}

export type UnitChangeResult = { ok: true; changed: Unit[] } | { ok: false; issues: OrgIssue[] };

/** What is wrong with a tree, keyed so that a change is refused only for what IT breaks. */
interface TreeIssue {
  key: string;
  message: string;
}

/**
 * The first day of every stretch over which the tree keeps one shape: every opening, closing and parent
 * interval bound. Checking these days checks every day.
 */
function boundaryDays(units: readonly Unit[]): CalendarDate[] {
  const days = new Set<CalendarDate>();
  for (const u of units) {
    days.add(u.openedOn);
    if (u.closedOn !== null) days.add(u.closedOn);
    for (const p of parentsOf(u)) {
      days.add(p.validFrom);
      if (p.validTo !== null) days.add(p.validTo);
    }
  }
  return [...days].sort();
}

const overlaps = (history: readonly Dated<unknown>[]): boolean =>
  history.some((a, i) =>
    history.some(
      (b, j) =>
        j > i &&
        (a.validTo === null || b.validFrom < a.validTo) &&
        (b.validTo === null || a.validFrom < b.validTo),
    ),
  );

/** True when following successor links from some unit leads back to it. */
function successorLoopAt(byId: ReadonlyMap<Id, Unit>, start: Unit): boolean {
  const seen = new Set<Id>();
  const stack = successorLinksOf(start).map((l) => l.unitId);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === start.id) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const u = byId.get(id);
    if (u !== undefined) stack.push(...successorLinksOf(u).map((l) => l.unitId));
  }
  return false;
}

/**
 * Everything that breaks the invariants of the organisation: a unit with two parents (or names, kinds)
 * on one day, a parent cycle on some day, an open unit whose parent is not open that day, a loop of
 * successors. Each is reported once per unit, at the first day it happens.
 */
export function orgIssues(units: readonly Unit[]): TreeIssue[] {
  const byId = indexUnits(units);
  const issues = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!issues.has(key)) issues.set(key, message);
  };
  for (const u of units) {
    if (overlaps(parentsOf(u))) add(`two_parents#${u.id}`, `${u.name} có hai đơn vị cấp trên cùng lúc`);
    if (overlaps(namesOf(u))) add(`two_names#${u.id}`, `${u.name} có hai tên cùng lúc`);
    if (overlaps(kindsOf(u))) add(`two_kinds#${u.id}`, `${u.name} có hai cấp cùng lúc`);
    if (successorLoopAt(byId, u)) add(`successor_loop#${u.id}`, `Chuỗi kế thừa của ${u.name} quay vòng`);
  }
  for (const day of boundaryDays(units)) {
    for (const u of units) {
      if (!isActiveOn(u, day)) continue;
      const name = nameOn(u, day);
      if (hasParentCycleOn(byId, u, day)) {
        add(`parent_cycle#${u.id}`, `${name} nằm dưới chính nó (ngày ${day})`);
        continue;
      }
      const parentId = parentOn(u, day);
      if (parentId === null) continue;
      const parent = byId.get(parentId);
      if (parent === undefined || !isActiveOn(parent, day)) {
        const parentName = parent === undefined ? parentId : nameOn(parent, day);
        add(`orphan#${u.id}`, `${name} còn trực thuộc ${parentName}, đơn vị không hoạt động ngày ${day}`);
      }
    }
  }
  return [...issues].map(([key, message]) => ({ key, message }));
}

/** The latest flat fields from the history (what readers that are not dated see). */
function withLatest(u: Unit): Unit {
  const links = successorLinksOf(u);
  return {
    ...u,
    name: latestValue(namesOf(u)) ?? u.name,
    kind: latestValue(kindsOf(u)) ?? u.kind,
    parentId: latestValue(parentsOf(u)) ?? null,
    successorId: links[0]?.unitId ?? null,
  };
}

/** Every unit's `path` from the latest parents, root first (the tree index keys on it). */
function withLatestPaths(units: readonly Unit[]): Unit[] {
  const byId = indexUnits(units);
  const pathOf = (u: Unit): Id[] => {
    const out: Id[] = [];
    const seen = new Set<Id>([u.id]);
    for (let id = u.parentId; id !== null && !seen.has(id); ) {
      const p = byId.get(id);
      if (p === undefined) break;
      out.unshift(id);
      seen.add(id);
      id = p.parentId;
    }
    return out;
  };
  return units.map((u) => {
    const path = pathOf(u);
    return path.length === u.path.length && path.every((id, i) => u.path[i] === id) ? u : { ...u, path };
  });
}

/** `successor` with `predecessorId` among its reverse links (kept once). */
export const linkPredecessor = (successor: Unit, predecessorId: Id): Unit => ({
  ...successor,
  predecessorIds: [...new Set([...(successor.predecessorIds ?? []), predecessorId])],
});

const refuse = (field: string, message: string): UnitChangeResult => ({
  ok: false,
  issues: [{ field, message }],
});

const openOn = (u: Unit, day: CalendarDate) => isActiveOn(u, day);

/** The units after the change (same order; new ones last), or the refusal of its input. */
function edit(units: readonly Unit[], change: UnitChange): Unit[] | UnitChangeResult {
  const byId = indexUnits(units);
  const replace = (next: readonly Unit[]) => {
    const changed = new Map(next.map((u) => [u.id, withLatest(u)]));
    return units.map((u) => changed.get(u.id) ?? u);
  };
  switch (change.type) {
    case 'create': {
      const { unit } = change;
      if (byId.has(unit.id)) return refuse('id', 'Mã đơn vị đã tồn tại');
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
      if (unit.parentId === null || parent === undefined)
        return refuse('parentId', 'Không tìm thấy đơn vị cấp trên');
      if (!openOn(parent, unit.openedOn))
        return refuse('openedOn', `${nameOn(parent, unit.openedOn)} không hoạt động ngày ${unit.openedOn}`);
      return [...units, { ...unit, path: [...parent.path, parent.id], closedOn: null, successorId: null }];
    }
    case 'rename':
    case 'change_kind':
    case 'move': {
      const u = byId.get(change.unitId);
      if (u === undefined) return refuse('unitId', 'Không tìm thấy đơn vị');
      if (!openOn(u, change.from)) return refuse('from', `${u.name} không hoạt động ngày ${change.from}`);
      if (change.type === 'rename') {
        if (nameOn(u, change.from) === change.name) return refuse('name', 'Tên mới trùng tên đang dùng');
        return replace([{ ...u, names: setFrom(namesOf(u), change.name, change.from) }]);
      }
      if (change.type === 'change_kind') {
        if (kindOn(u, change.from) === change.kind) return refuse('kind', 'Cấp mới trùng cấp đang có');
        return replace([{ ...u, kinds: setFrom(kindsOf(u), change.kind, change.from) }]);
      }
      const current = parentOn(u, change.from);
      if (current === null) return refuse('unitId', 'Không chuyển được đơn vị gốc (cấp tỉnh)');
      if (current === change.parentId) return refuse('parentId', 'Đơn vị đã trực thuộc đơn vị này');
      const parent = byId.get(change.parentId);
      if (parent === undefined || parent.id === u.id)
        return refuse('parentId', 'Không tìm thấy đơn vị cấp trên mới');
      if (!openOn(parent, change.from))
        return refuse('parentId', `${nameOn(parent, change.from)} không hoạt động ngày ${change.from}`);
      return replace([{ ...u, parents: setFrom(parentsOf(u), change.parentId, change.from) }]);
    }
    case 'close': {
      const u = byId.get(change.unitId);
      if (u === undefined) return refuse('unitId', 'Không tìm thấy đơn vị');
      if (parentOn(u, change.on) === null && u.parentId === null)
        return refuse('unitId', 'Không giải thể đơn vị gốc (cấp tỉnh) ở đây');
      if (change.on <= u.openedOn) return refuse('on', 'Ngày giải thể phải sau ngày thành lập');
      if (u.closedOn !== null && u.closedOn <= change.on)
        return refuse('on', `${u.name} đã giải thể từ ngày ${u.closedOn}`);
      return replace([{ ...u, closedOn: change.on }]);
    }
    case 'succession': {
      const { predecessorIds, successorIds, from } = change;
      if (predecessorIds.length === 0) return refuse('predecessorIds', 'Cần ít nhất một đơn vị cũ');
      if (successorIds.length === 0) return refuse('successorIds', 'Cần ít nhất một đơn vị kế thừa');
      if (predecessorIds.length > 1 && successorIds.length > 1)
        return refuse('successorIds', 'Nhiều đơn vị thành nhiều đơn vị: hãy tách hoặc sáp nhập từng bước');
      const all = [...predecessorIds, ...successorIds];
      if (new Set(all).size !== all.length)
        return refuse('successorIds', 'Một đơn vị không vừa là đơn vị cũ vừa là đơn vị kế thừa');
      const before = addDays(from, -1);
      const predecessors: Unit[] = [];
      for (const [i, id] of predecessorIds.entries()) {
        const p = byId.get(id);
        if (p === undefined) return refuse(`predecessorIds.${i}`, 'Không tìm thấy đơn vị');
        if (!openOn(p, before))
          return refuse(`predecessorIds.${i}`, `${p.name} không hoạt động ngày ${before}`);
        if (successorLinksOf(p).some((l) => successorIds.includes(l.unitId)))
          return refuse(`predecessorIds.${i}`, `${p.name} đã có liên kết kế thừa này`);
        predecessors.push(p);
      }
      const successors: Unit[] = [];
      for (const [i, id] of successorIds.entries()) {
        const s = byId.get(id);
        if (s === undefined) return refuse(`successorIds.${i}`, 'Không tìm thấy đơn vị');
        if (!openOn(s, from)) return refuse(`successorIds.${i}`, `${s.name} không hoạt động ngày ${from}`);
        successors.push(s);
      }
      const links: SuccessorLink[] = successorIds.map((unitId) => ({
        unitId,
        validFrom: from,
        validTo: null,
      }));
      return replace([
        ...predecessors.map((p) => ({
          ...p,
          // The old unit stops on the day its successors take over (or earlier, if already closed).
          closedOn: p.closedOn !== null && p.closedOn < from ? p.closedOn : from,
          successors: [...successorLinksOf(p), ...links],
        })),
        ...successors.map((s) => predecessorIds.reduce(linkPredecessor, s)),
      ]);
    }
  }
}

/**
 * Applies one dated change to the tenant's units: the units it changes (a moved unit's descendants
 * too, their `path` follows), or why it is refused. A change is refused for what it breaks, not for a
 * fault the tree had before it.
 */
export function applyUnitChange(units: readonly Unit[], change: UnitChange): UnitChangeResult {
  const edited = edit(units, change);
  if (!Array.isArray(edited)) return edited;
  const after = withLatestPaths(edited);
  const known = new Set(orgIssues(units).map((i) => i.key));
  const broken = orgIssues(after).filter((i) => !known.has(i.key));
  if (broken.length > 0) return { ok: false, issues: broken.map((i) => ({ field: '', message: i.message })) };
  const previous = indexUnits(units);
  return { ok: true, changed: after.filter((u) => previous.get(u.id) !== u) };
}

/** Whether a unit's parent intervals are in force on `day` more than once (never, after a change). */
export const parentsInForceOn = (u: Unit, day: CalendarDate): number =>
  parentsOf(u).filter((p) => inForceOn(p, day)).length;

/**
 * The undated correction of `PUT /admin/units/{unitId}` (kept for its callers): a name corrects the
 * latest name (not a rename from a date), a closing day is set as given, a successor is linked from the
 * closing day (or `today`) and replaces the links there were.
 */
export function correctUnit(
  unit: Unit,
  patch: {
    name?: string | undefined;
    closedOn?: CalendarDate | null | undefined;
    successorId?: Id | null | undefined;
  },
  today: CalendarDate,
): Unit {
  const name = patch.name ?? unit.name;
  const closedOn = patch.closedOn === undefined ? unit.closedOn : patch.closedOn;
  const out: Unit = { ...unit, name, closedOn };
  if (unit.names) out.names = unit.names.map((d) => (d.validTo === null ? { ...d, value: name } : d));
  if (patch.successorId !== undefined) {
    out.successorId = patch.successorId;
    out.successors =
      patch.successorId === null
        ? []
        : [{ unitId: patch.successorId, validFrom: closedOn ?? today, validTo: null }];
  }
  return out;
}
