import type { CalendarDate } from '@thidua/shared/common';
import {
  type Heir,
  heirsOn,
  isActiveOn,
  lineage,
  parentOn,
  successorsOn,
  type Unit,
  type UnitChangeEvent,
  type User,
} from '@thidua/shared/org';
import { absent, and, equals, present } from '../../kernel/data/conditions';
import type { TableRef } from '../../kernel/data/entity';
import { treePathPrefix, unitChangeEventEntity, unitEntity, userEntity } from '../../kernel/data/keys';
import type { SaveOutcome, WriteMode } from '../../kernel/data/outcomes';
import type { Page } from '../../kernel/data/pagination';
import { saveEntity, saveItem } from '../../kernel/data/save';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

export type { TableRef } from '../../kernel/data/entity';
export type { WriteMode } from '../../kernel/data/outcomes';

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface UnitRepository {
  get(tenantId: string, unitId: string): Promise<Unit | undefined>;
  /** Several units in one BatchGetItem (chain derivation needs the author's ancestors). */
  getMany(tenantId: string, unitIds: readonly string[]): Promise<Map<string, Unit>>;
  children(tenantId: string, parentId: string | null, page: PageRequest): Promise<Page<Unit>>;
  /** Every child (completeness: a unit has at most a few hundred). */
  allChildren(tenantId: string, parentId: string): Promise<Unit[]>;
  /** The unit and everything below it, in tree order (the whole tree when `root` is null). */
  subtree(tenantId: string, root: Pick<Unit, 'id' | 'path'> | null, page: PageRequest): Promise<Page<Unit>>;
  /** The item to write a unit (create: must not exist; replace: must exist). */
  putItem(unit: Unit, mode: WriteMode): TxItem;
  save(unit: Unit, mode: WriteMode, extra?: readonly TxItem[]): Promise<SaveOutcome>;
  /**
   * Every unit of the tenant, closed ones included (one Query on the tree index, paged): the dated
   * changes check the whole organisation, the tree as of a date is drawn from it. A province has a few
   * hundred units.
   */
  all(tenantId: string): Promise<Unit[]>;
  /**
   * The author's ancestors on `date` and the successors of those closed that day: what `deriveChain`
   * needs, read by key one generation at a time (BatchGetItem), never scanned. Includes the unit.
   */
  ancestryOn(unit: Unit, date: CalendarDate): Promise<Map<string, Unit>>;
  /** The units that carry `unitId`'s work on `date`, with their paths then (read access follows them). */
  heirsOn(tenantId: string, unitId: string, date: CalendarDate): Promise<Heir[]>;
  /** `unitId`'s predecessors, transitively, nearest first (by the stored reverse links). */
  lineage(tenantId: string, unitId: string): Promise<Unit[]>;
  /**
   * Writes a dated change in ONE transaction: the units it changed (`withNextRevision`; each
   * conditioned on the revision it was read at, new ones must not exist), its log event and `extra`
   * (the idempotency record).
   */
  saveChange(
    before: ReadonlyMap<string, Unit>,
    changed: readonly Unit[],
    event: UnitChangeEvent,
    extra: readonly TxItem[],
  ): Promise<SaveOutcome>;
  /** The administration log of the organisation, newest first. */
  changeLog(tenantId: string, page: PageRequest): Promise<Page<UnitChangeEvent>>;
}

/** Units reached from `start` by `next`, one BatchGetItem per generation (bounded depth). */
const MAX_GENERATIONS = 16;

export interface UserRepository {
  get(tenantId: string, userId: string): Promise<User | undefined>;
  byUnit(tenantId: string, unitId: string, page: PageRequest): Promise<Page<User>>;
  /** Every user of a unit (a unit has tens of users: the bounded list a search within a unit filters). */
  allOfUnit(tenantId: string, unitId: string): Promise<User[]>;
  /** Up to `limit` users whose folded name starts with `prefix` (already folded), by name. */
  byNamePrefix(tenantId: string, prefix: string, limit: number): Promise<User[]>;
  /** Up to `limit` users whose e-mail starts with `prefix` (lower case), by e-mail. */
  byEmailPrefix(tenantId: string, prefix: string, limit: number): Promise<User[]>;
  putItem(user: User, mode: WriteMode): TxItem;
  save(user: User, mode: WriteMode, extra?: readonly TxItem[]): Promise<SaveOutcome>;
}

/** The whole item of a unit (the first administrator's bootstrap and the benchmark's data set write it). */
export const unitItem = unitEntity.item;
export const userItem = userEntity.item;

export const createUnitRepository = (ref: TableRef): UnitRepository => {
  const units = unitEntity.on(ref);
  return {
    get: (tenantId, id) => units.get({ tenantId, id }),
    async getMany(tenantId, unitIds) {
      const found = await units.getMany(unitIds.map((id) => ({ tenantId, id })));
      return new Map(found.map((u) => [u.id, u]));
    },
    children: (tenantId, parentId, page) => units.page('children', { tenantId, parentId }, page),
    allChildren: (tenantId, parentId) => units.all('children', { tenantId, parentId }),
    subtree: (tenantId, root, page) =>
      units.page(
        'tree',
        { tenantId },
        { ...page, sort: { beginsWith: root ? treePathPrefix([...root.path, root.id]) : '/' } },
      ),
    putItem: (unit, mode) => saveItem(ref, unitEntity, unit, mode),
    save: (unit, mode, extra = []) => saveEntity(ref, unitEntity, unit, mode, extra),
    all: (tenantId) => units.all('tree', { tenantId }, { sort: { beginsWith: '/' } }),
    async ancestryOn(unit, date) {
      const found = await closure(unit.tenantId, [unit.id], (u) => [
        ...(isActiveOn(u, date) ? [] : successorsOn(u, date)),
        ...nonNull(parentOn(u, date)),
      ]);
      found.set(unit.id, unit);
      return found;
    },
    async heirsOn(tenantId, unitId, date) {
      const author = await units.get({ tenantId, id: unitId });
      if (author === undefined || successorsOn(author, date).length === 0) return [];
      const found = await closure(tenantId, [unitId], (u) => [
        ...successorsOn(u, date),
        ...nonNull(parentOn(u, date)),
      ]);
      return heirsOn(found, unitId, date);
    },
    async lineage(tenantId, unitId) {
      return lineage(await closure(tenantId, [unitId], (u) => u.predecessorIds ?? []), unitId);
    },
    async saveChange(before, changed, event, extra) {
      const items = changed.map((u) => {
        const old = before.get(u.id);
        if (old === undefined) return unitEntity.put(ref.table, u, absent());
        return unitEntity.put(
          ref.table,
          u,
          old.revision === undefined ? and(present(), absent('revision')) : equals('revision', old.revision),
        );
      });
      try {
        await transactWrite(ref.client, [
          ...items,
          unitChangeEventEntity.put(ref.table, event, absent()),
          ...extra,
        ]);
        return { kind: 'written' };
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        // A unit changed since it was read, or the request is a replay: the caller reloads either way.
        return { kind: 'condition_failed', reason: err.message };
      }
    },
    changeLog: (tenantId, page) =>
      unitChangeEventEntity.on(ref).page('primary', { tenantId }, { ...page, descending: true }),
  };

  async function closure(tenantId: string, start: readonly string[], next: (u: Unit) => string[]) {
    const found = new Map<string, Unit>();
    let frontier = [...new Set(start)];
    for (let depth = 0; frontier.length > 0 && depth < MAX_GENERATIONS; depth++) {
      const got = await units.getMany(frontier.map((id) => ({ tenantId, id })));
      for (const u of got) found.set(u.id, u);
      frontier = [...new Set(got.flatMap(next))].filter((id) => !found.has(id));
    }
    return found;
  }
};

/** The changed units as they are written: each existing one a revision further than it was read. */
export const withNextRevision = (before: ReadonlyMap<string, Unit>, changed: readonly Unit[]): Unit[] =>
  changed.map((u) => {
    const old = before.get(u.id);
    return old === undefined ? u : { ...u, revision: (old.revision ?? 0) + 1 };
  });

const nonNull = (id: string | null): string[] => (id === null ? [] : [id]);

export const createUserRepository = (ref: TableRef): UserRepository => {
  const users = userEntity.on(ref);
  return {
    get: (tenantId, id) => users.get({ tenantId, id }),
    byUnit: (tenantId, unitId, page) => users.page('byUnit', { tenantId, unitId }, page),
    allOfUnit: (tenantId, unitId) => users.all('byUnit', { tenantId, unitId }),
    byNamePrefix: async (tenantId, prefix, limit) =>
      (await users.page('byName', { tenantId }, { limit, sort: { beginsWith: prefix } })).items,
    byEmailPrefix: async (tenantId, prefix, limit) =>
      (await users.page('byEmail', { tenantId }, { limit, sort: { beginsWith: prefix } })).items,
    putItem: (user, mode) => saveItem(ref, userEntity, user, mode),
    save: (user, mode, extra = []) => saveEntity(ref, userEntity, user, mode, extra),
  };
};

/** `units` of a route group's container (kernel/deps.ts). */
export const unitsDep = defineDep('units', (c) => createUnitRepository(c.ref));

/** `users` of a route group's container (kernel/deps.ts). */
export const usersDep = defineDep('users', (c) => createUserRepository(c.ref));
