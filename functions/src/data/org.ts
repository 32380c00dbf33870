import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
} from '@aws-sdk/lib-dynamodb';
import { Unit, User } from '@thidua/shared/org';
import { Conflict, NotFound } from '../http/errors';
import { parseItem, parseItems } from './items';
import { keys, treePathPrefix, unitChildrenPartition, unitTreePartition, usersOfUnitPartition } from './keys';
import type { Page } from './pagination';
import { queryAll, queryPage } from './query';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

export interface TableRef {
  table: string;
  client: DynamoDBDocumentClient;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export type WriteMode = 'create' | 'replace';

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
  save(unit: Unit, mode: WriteMode, extra?: readonly TxItem[]): Promise<void>;
}

export interface UserRepository {
  get(tenantId: string, userId: string): Promise<User | undefined>;
  byUnit(tenantId: string, unitId: string, page: PageRequest): Promise<Page<User>>;
  putItem(user: User, mode: WriteMode): TxItem;
  save(user: User, mode: WriteMode, extra?: readonly TxItem[]): Promise<void>;
}

const conditionFor = (mode: WriteMode): string =>
  mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)';

/** A refused single-entity write: the first item is the entity. */
const saveRefused = (err: unknown, mode: WriteMode, what: string): never => {
  if (err instanceof TransactionRefused && err.reasonAt(0)?.code === 'ConditionalCheckFailed') {
    if (mode === 'create') throw new Conflict(`${what} đã tồn tại`, err.reasonAt(0)?.item, 'already_exists');
    throw new NotFound(`Không tìm thấy ${what.toLowerCase()}`);
  }
  throw err;
};

export const unitItem = (unit: Unit): Record<string, unknown> => ({
  ...keys.unit(unit.tenantId, unit.id),
  ...keys.unitByParent(unit.tenantId, unit.parentId, unit.id),
  ...keys.unitInTree(unit.tenantId, unit.path, unit.id),
  type: 'Unit',
  ...unit,
});

export const createUnitRepository = ({ table, client }: TableRef): UnitRepository => {
  const putItem = (unit: Unit, mode: WriteMode): TxItem => ({
    Put: { TableName: table, Item: unitItem(unit), ConditionExpression: conditionFor(mode) },
  });
  return {
    async get(tenantId, unitId) {
      const r = await client.send(new GetCommand({ TableName: table, Key: keys.unit(tenantId, unitId) }));
      return r.Item ? parseItem(Unit, r.Item) : undefined;
    },
    async getMany(tenantId, unitIds) {
      const out = new Map<string, Unit>();
      const unique = [...new Set(unitIds)];
      // BatchGetItem takes 100 keys; a chain's ancestors are a handful.
      for (let i = 0; i < unique.length; i += 100) {
        let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
          [table]: { Keys: unique.slice(i, i + 100).map((id) => keys.unit(tenantId, id)) },
        };
        for (let attempt = 0; request && attempt < 5; attempt++) {
          const r: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: request }));
          for (const u of parseItems(Unit, r.Responses?.[table])) out.set(u.id, u);
          const left: Record<string, unknown>[] | undefined = r.UnprocessedKeys?.[table]?.Keys;
          request = left && left.length > 0 ? { [table]: { Keys: left } } : undefined;
        }
      }
      return out;
    },
    children: (tenantId, parentId, page) =>
      queryPage(client, Unit, {
        table,
        index: 'gsi1',
        partition: unitChildrenPartition(tenantId, parentId),
        ...page,
      }),
    allChildren: (tenantId, parentId) =>
      queryAll(client, Unit, { table, index: 'gsi1', partition: unitChildrenPartition(tenantId, parentId) }),
    subtree: (tenantId, root, page) =>
      queryPage(client, Unit, {
        table,
        index: 'gsi2',
        partition: unitTreePartition(tenantId),
        sort: { beginsWith: root ? treePathPrefix([...root.path, root.id]) : '/' },
        ...page,
      }),
    putItem,
    async save(unit, mode, extra = []) {
      try {
        await transactWrite(client, [putItem(unit, mode), ...extra]);
      } catch (err) {
        saveRefused(err, mode, 'Đơn vị');
      }
    },
  };
};

export const userItem = (user: User): Record<string, unknown> => ({
  ...keys.user(user.tenantId, user.id),
  ...keys.userByUnit(user.tenantId, user.unitId, user.id),
  type: 'User',
  ...user,
});

export const createUserRepository = ({ table, client }: TableRef): UserRepository => {
  const putItem = (user: User, mode: WriteMode): TxItem => ({
    Put: { TableName: table, Item: userItem(user), ConditionExpression: conditionFor(mode) },
  });
  return {
    async get(tenantId, userId) {
      const r = await client.send(new GetCommand({ TableName: table, Key: keys.user(tenantId, userId) }));
      return r.Item ? parseItem(User, r.Item) : undefined;
    },
    byUnit: (tenantId, unitId, page) =>
      queryPage(client, User, {
        table,
        index: 'gsi1',
        partition: usersOfUnitPartition(tenantId, unitId),
        ...page,
      }),
    putItem,
    async save(user, mode, extra = []) {
      try {
        await transactWrite(client, [putItem(user, mode), ...extra]);
      } catch (err) {
        saveRefused(err, mode, 'Người dùng');
      }
    },
  };
};
