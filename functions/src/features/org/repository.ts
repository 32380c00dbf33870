import type { Unit, User } from '@thidua/shared/org';
import type { TableRef } from '../../kernel/data/entity';
import { treePathPrefix, unitEntity, userEntity } from '../../kernel/data/keys';
import type { SaveOutcome, WriteMode } from '../../kernel/data/outcomes';
import type { Page } from '../../kernel/data/pagination';
import { saveEntity, saveItem } from '../../kernel/data/save';
import type { TxItem } from '../../kernel/data/transact';

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
}

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
  };
};

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
