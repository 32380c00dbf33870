import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SubmissionSummary } from '@thidua/shared/api';
import { Id, Instant } from '@thidua/shared/common';
import {
  ChainLevel,
  Submission,
  SubmissionState,
  type WorkflowEvent,
  type WorkflowRules,
} from '@thidua/shared/workflow';
import * as z from 'zod';
import { BadRequest, Conflict } from '../http/errors';
import { AuditEvent, appendEvents } from './audit-chain';
import { parseItem } from './items';
import {
  type CompletenessScope,
  campaignAuditPartition,
  completenessPartition,
  keys,
  type ListScope,
  listPartition,
  listSortPrefix,
  pad,
  submissionPartition,
} from './keys';
import type { TableRef } from './org';
import type { Page } from './pagination';
import { queryAll, queryPage, type SortCondition } from './query';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

/** The workflow rules resolved for a submission, snapshotted on it (refreshed from the campaign on submit). */
export const StoredRules = z.object({
  requireUnitSignOff: z.boolean(),
  rejectIsTerminal: z.boolean(),
  requireChildrenApproved: z.boolean(),
  entryWindow: z.object({ opensAt: Instant, closesAt: Instant }).nullable(),
  deadlines: z.object({
    submit: Instant.nullable(),
    signOff: Instant.nullable(),
    reviewByKind: z.record(z.string(), Instant),
    review: Instant.nullable(),
  }),
}) satisfies z.ZodType<WorkflowRules>;

/** A submission as stored: the shared Submission plus its rules snapshot. */
export const StoredSubmission = Submission.extend({ rules: StoredRules });
export type StoredSubmission = z.infer<typeof StoredSubmission>;

// What a list shows of a submission is also the API's list item, so its schema lives in shared.
export { SubmissionSummary };

export const CompletenessCell = z.object({
  unitId: Id,
  submissionId: Id,
  state: SubmissionState,
  level: z.number().int().nullable(),
  chain: z.array(ChainLevel.pick({ unitId: true })),
});
export type CompletenessCell = z.infer<typeof CompletenessCell>;

const Counts = z.record(z.string(), z.unknown());

export const Snapshot = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()) });

const TERMINAL: readonly string[] = ['approved', 'rejected'];

/** Who must act now: the reviewing unit on turn, or the author unit's head for the sign-off. */
export const inboxOwner = (
  s: Pick<Submission, 'state' | 'level' | 'chain' | 'unitId'>,
): ChainLevel | null => {
  if (s.state === 'under_review' && s.level !== null) return s.chain[s.level] ?? null;
  return null;
};
const onTurn = (s: Submission): { id: string; name: string } | null => {
  const level = inboxOwner(s);
  if (level) return { id: level.unitId, name: level.unitName };
  if (s.state === 'awaiting_signoff') return { id: s.unitId, name: s.unitName };
  return null;
};

export const summaryOf = (s: Submission): SubmissionSummary => {
  const turn = onTurn(s);
  return {
    id: s.id,
    tenantId: s.tenantId,
    campaignId: s.campaignId,
    formKey: s.formKey,
    period: s.period,
    templateId: s.templateId,
    templateVersion: s.templateVersion,
    unitId: s.unitId,
    unitName: s.unitName,
    state: s.state,
    level: s.level,
    onTurnUnitId: turn?.id ?? null,
    onTurnUnitName: turn?.name ?? null,
    returnedFromLevel: s.returnedFromLevel,
    dueAt: s.dueAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
};

interface ListOwner {
  scope: ListScope;
  unitId: string;
}

/** Every list a submission appears in right now. */
const listOwners = (s: Submission): ListOwner[] => {
  const owners: ListOwner[] = [{ scope: 'MINE', unitId: s.unitId }];
  for (const u of [...s.unitPath, s.unitId]) owners.push({ scope: 'TREE', unitId: u });
  const turn = onTurn(s);
  if (turn) owners.push({ scope: 'INBOX', unitId: turn.id });
  return owners;
};

const ownerKey = (o: ListOwner): string => `${o.scope}#${o.unitId}`;

export interface ListQuery {
  tenantId: string;
  scope: ListScope;
  ownerUnitId: string;
  campaignId?: string | undefined;
  formKey?: string | undefined;
  period?: string | undefined;
  status?: SubmissionState | undefined;
  authorUnitId?: string | undefined;
  overdue?: boolean | undefined;
  now: Date;
  limit: number;
  cursor?: string | undefined;
}

/** A prepared write: the items of the one transaction and the submission as it will be. */
export interface SubmissionWrite {
  kind: 'create' | 'update';
  submission: StoredSubmission;
  events: AuditEvent[];
  items: TxItem[];
}

export interface SubmissionRepository {
  /** Strongly consistent: the only read of an approval. */
  get(tenantId: string, submissionId: string): Promise<StoredSubmission | undefined>;
  /**
   * The transaction of a new draft (slot, submission, first event, lists, completeness). The slot makes
   * the draft the only one of its unit, campaign, form and period — unless `multiplePerPeriod` (a
   * nomination per nominee): then the slot and the completeness cell are the submission's own.
   */
  planCreate(submission: StoredSubmission, events: readonly WorkflowEvent[]): SubmissionWrite;
  /** The transaction of a change from `before` to `after` (conditioned on `before`'s version and state). */
  planChange(
    before: StoredSubmission,
    after: StoredSubmission,
    events: readonly WorkflowEvent[],
    options?: { snapshot?: boolean },
  ): SubmissionWrite;
  /**
   * Runs a prepared write with `extra` items (idempotency record) in ONE TransactWriteItems. A lost race
   * → 409 carrying `present(current)`; an existing slot → 409 with the existing submission id.
   */
  apply(
    write: SubmissionWrite,
    extra: readonly TxItem[],
    present: (s: StoredSubmission) => unknown,
  ): Promise<void>;
  history(tenantId: string, submissionId: string): Promise<AuditEvent[]>;
  /** A campaign's audit trail in time order, one page at a time (the CSV export). */
  campaignEvents(tenantId: string, campaignId: string, cursor: string | undefined): Promise<Page<AuditEvent>>;
  list(q: ListQuery): Promise<Page<SubmissionSummary>>;
  /** The data as submitted at the latest version ≤ `version`. */
  snapshotAtOrBefore(
    tenantId: string,
    submissionId: string,
    version: number,
  ): Promise<z.infer<typeof Snapshot> | undefined>;
  completeness(
    tenantId: string,
    scope: CompletenessScope,
  ): Promise<{ cells: CompletenessCell[]; counts: Record<string, number> }>;
}

/** An unconditioned `ADD` of numbers to one item: the completeness counters. */
const counterUpdate = (
  table: string,
  key: Record<string, unknown>,
  deltas: ReadonlyMap<string, number>,
): TxItem => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  for (const [attribute, delta] of deltas) {
    const i = parts.length;
    names[`#c${i}`] = attribute;
    values[`:c${i}`] = delta;
    parts.push(`#c${i} :c${i}`);
  }
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

const COUNTER_UPDATE = /^ADD #c\d+ :c\d+(, #c\d+ :c\d+)*$/;

/**
 * Several submissions' changes in ONE transaction (a batch moving its members) may each bump the same
 * completeness counters — siblings share their parent's `#COUNTS` — and DynamoDB refuses a transaction
 * that touches one item twice. The counter updates of one item are merged into one `ADD` of the summed
 * deltas, at the place of the first; every other item passes unchanged, in order.
 */
export const mergeCounterUpdates = (items: readonly TxItem[]): TxItem[] => {
  const out: TxItem[] = [];
  const merged = new Map<
    string,
    { at: number; table: string; key: Record<string, unknown>; deltas: Map<string, number> }
  >();
  for (const item of items) {
    const u = item.Update;
    if (
      !u?.TableName ||
      !u.Key ||
      u.ConditionExpression !== undefined ||
      !COUNTER_UPDATE.test(u.UpdateExpression ?? '')
    ) {
      out.push(item);
      continue;
    }
    const id = JSON.stringify([u.TableName, u.Key.pk, u.Key.sk]);
    let m = merged.get(id);
    if (m === undefined) {
      m = { at: out.length, table: u.TableName, key: u.Key, deltas: new Map() };
      merged.set(id, m);
      out.push(item);
    }
    for (const part of (u.UpdateExpression ?? '').slice('ADD '.length).split(', ')) {
      const [name = '', value = ''] = part.split(' ');
      const attribute = u.ExpressionAttributeNames?.[name];
      const delta: unknown = u.ExpressionAttributeValues?.[value];
      if (attribute === undefined || typeof delta !== 'number')
        throw new Error(`malformed counter update ${id}`);
      m.deltas.set(attribute, (m.deltas.get(attribute) ?? 0) + delta);
    }
  }
  for (const m of merged.values()) out[m.at] = counterUpdate(m.table, m.key, m.deltas);
  return out;
};

export const createSubmissionRepository = ({ table, client }: TableRef): SubmissionRepository => {
  const submissionItem = (s: StoredSubmission): Record<string, unknown> => ({
    ...keys.submission(s.tenantId, s.id),
    type: 'Submission',
    ...s,
  });

  const entryItem = (s: Submission, o: ListOwner): Record<string, unknown> => {
    const key = keys.listEntry(s.tenantId, o.scope, o.unitId, {
      campaignId: s.campaignId,
      formKey: s.formKey,
      period: s.period,
      submissionId: s.id,
    });
    const dueRunning = s.dueAt !== null && !TERMINAL.includes(s.state);
    return {
      ...key,
      ...keys.listEntryByState(s.tenantId, o.scope, o.unitId, s.state, key.sk),
      ...(o.scope === 'MINE' ? {} : keys.listEntryByUnit(s.tenantId, o.scope, o.unitId, s.unitId, key.sk)),
      ...(dueRunning && s.dueAt !== null
        ? keys.listEntryByDue(s.tenantId, o.scope, o.unitId, s.campaignId, s.dueAt, s.id)
        : {}),
      type: 'ListEntry',
      ...summaryOf(s),
    };
  };

  const completenessScope = (s: Submission): CompletenessScope | null => {
    const parent = s.unitPath.at(-1);
    return parent === undefined
      ? null
      : { parentUnitId: parent, campaignId: s.campaignId, formKey: s.formKey, period: s.period };
  };

  /** A submission among several of its unit, form and period is keyed by its id (slot, completeness cell). */
  const discriminator = (s: Submission): string | undefined => (s.multiplePerPeriod ? s.id : undefined);

  const completenessItems = (before: Submission | null, after: Submission): TxItem[] => {
    const scope = completenessScope(after);
    if (!scope) return [];
    const cell: CompletenessCell = {
      unitId: after.unitId,
      submissionId: after.id,
      state: after.state,
      level: after.level,
      chain: after.chain.map((l) => ({ unitId: l.unitId })),
    };
    const items: TxItem[] = [
      {
        Put: {
          TableName: table,
          Item: {
            ...keys.completenessCell(after.tenantId, scope, after.unitId, discriminator(after)),
            type: 'CompletenessCell',
            ...cell,
          },
        },
      },
    ];
    if (before === null || before.state !== after.state) {
      const deltas = new Map([[`n_${after.state}`, 1]]);
      if (before !== null) deltas.set(`n_${before.state}`, -1);
      items.push(counterUpdate(table, keys.completenessCounts(after.tenantId, scope), deltas));
    }
    return items;
  };

  const eventItems = (events: readonly AuditEvent[]): TxItem[] =>
    events.map((e) => ({
      Put: {
        TableName: table,
        Item: {
          ...keys.event(e.tenantId, e.submissionId, e.seq),
          ...keys.eventInCampaign(e.tenantId, e.campaignId, e.at, e.submissionId, e.seq),
          type: 'AuditEvent',
          ...e,
        },
        // Append-only: an event is never overwritten.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));

  const chained = (
    before: StoredSubmission | null,
    after: StoredSubmission,
    events: readonly WorkflowEvent[],
  ): { submission: StoredSubmission; events: AuditEvent[] } => {
    const head = before ?? { lastEventHash: '', eventSeq: 0 };
    const r = appendEvents(head, events, {
      tenantId: after.tenantId,
      campaignId: after.campaignId,
      version: after.version,
      data: after.data,
    });
    return { submission: { ...after, ...r.head }, events: r.events };
  };

  const parseCurrent = (item: Record<string, unknown> | undefined): StoredSubmission | undefined => {
    if (!item) return undefined;
    const r = StoredSubmission.safeParse(item);
    return r.success ? r.data : undefined;
  };

  const repo: SubmissionRepository = {
    async get(tenantId, submissionId) {
      const r = await client.send(
        new GetCommand({
          TableName: table,
          Key: keys.submission(tenantId, submissionId),
          ConsistentRead: true,
        }),
      );
      return r.Item ? parseItem(StoredSubmission, r.Item) : undefined;
    },

    planCreate(draft, events) {
      const { submission, events: stored } = chained(null, draft, events);
      const items: TxItem[] = [
        {
          Put: {
            TableName: table,
            Item: submissionItem(submission),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: {
              ...keys.submissionSlot(
                submission.tenantId,
                submission.unitId,
                submission.campaignId,
                submission.formKey,
                submission.period,
                discriminator(submission),
              ),
              type: 'SubmissionSlot',
              submissionId: submission.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ...eventItems(stored),
        ...listOwners(submission).map((o) => ({ Put: { TableName: table, Item: entryItem(submission, o) } })),
        ...completenessItems(null, submission),
      ];
      return { kind: 'create', submission, events: stored, items };
    },

    planChange(before, after, events, options = {}) {
      const { submission, events: stored } = chained(before, after, events);
      const afterOwners = listOwners(submission);
      const afterKeys = new Set(afterOwners.map(ownerKey));
      const gone = listOwners(before).filter((o) => !afterKeys.has(ownerKey(o)));
      const items: TxItem[] = [
        {
          Put: {
            TableName: table,
            Item: submissionItem(submission),
            ConditionExpression: '#version = :version AND #state = :state',
            ExpressionAttributeNames: { '#version': 'version', '#state': 'state' },
            ExpressionAttributeValues: { ':version': before.version, ':state': before.state },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ...eventItems(stored),
        ...afterOwners.map((o) => ({ Put: { TableName: table, Item: entryItem(submission, o) } })),
        ...gone.map((o) => ({
          Delete: {
            TableName: table,
            Key: keys.listEntry(before.tenantId, o.scope, o.unitId, {
              campaignId: before.campaignId,
              formKey: before.formKey,
              period: before.period,
              submissionId: before.id,
            }),
          },
        })),
        ...completenessItems(before, submission),
        ...(options.snapshot
          ? [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...keys.snapshot(submission.tenantId, submission.id, submission.version),
                    type: 'Snapshot',
                    version: submission.version,
                    data: submission.data,
                  },
                },
              },
            ]
          : []),
      ];
      return { kind: 'update', submission, events: stored, items };
    },

    async apply(write, extra, present) {
      try {
        await transactWrite(client, [...write.items, ...extra]);
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        const s = write.submission;
        const first = err.reasonAt(0);
        if (write.kind === 'create') {
          const slot = err.reasonAt(1);
          if (slot?.code === 'ConditionalCheckFailed') {
            throw new Conflict(
              'Đơn vị đã có báo cáo cho biểu mẫu và kỳ này',
              { submissionId: slot.item?.submissionId ?? null },
              'already_exists',
            );
          }
        } else if (first?.code === 'ConditionalCheckFailed' || err.conflicted) {
          // The loser of a race: answer with the state that won (from the refusal, else one read).
          const current = parseCurrent(first?.item) ?? (await repo.get(s.tenantId, s.id));
          throw new Conflict(
            'Báo cáo vừa được người khác cập nhật; hãy tải lại để xem trạng thái mới',
            current ? present(current) : undefined,
            'version_conflict',
          );
        }
        // Another condition (the idempotency record of a replay, an event that exists): nothing was written.
        throw new Conflict(
          'Yêu cầu trùng lặp hoặc dữ liệu đã thay đổi; hãy tải lại',
          undefined,
          'duplicate_request',
        );
      }
    },

    history: (tenantId, submissionId) =>
      queryAll(client, AuditEvent, {
        table,
        partition: submissionPartition(tenantId, submissionId),
        sort: { beginsWith: 'EV#' },
        consistent: true,
      }),

    campaignEvents: (tenantId, campaignId, cursor) =>
      queryPage(client, AuditEvent, {
        table,
        index: 'gsi1',
        partition: campaignAuditPartition(tenantId, campaignId),
        limit: 1000,
        cursor,
      }),

    list(q) {
      const base = listPartition(q.tenantId, q.scope, q.ownerUnitId);
      const prefix = listSortPrefix({ campaignId: q.campaignId, formKey: q.formKey, period: q.period });
      const page = { limit: q.limit, cursor: q.cursor, descending: true };
      if (q.formKey !== undefined && q.campaignId === undefined) {
        throw new BadRequest('Lọc theo biểu mẫu cần chọn phong trào', [
          { path: 'query.formKey', message: 'Cần kèm campaignId' },
        ]);
      }
      if (q.period !== undefined && q.formKey === undefined) {
        throw new BadRequest('Lọc theo kỳ cần chọn biểu mẫu', [
          { path: 'query.period', message: 'Cần kèm formKey' },
        ]);
      }
      if (q.overdue) {
        if (q.campaignId === undefined) {
          throw new BadRequest('Lọc quá hạn cần chọn phong trào', [
            { path: 'query.overdue', message: 'Cần kèm campaignId' },
          ]);
        }
        if (q.formKey !== undefined || q.status !== undefined || q.authorUnitId !== undefined) {
          throw new BadRequest('Lọc quá hạn chỉ kết hợp được với phong trào', [
            { path: 'query.overdue', message: 'Không kết hợp với formKey, period, status, unitId' },
          ]);
        }
        const sort: SortCondition = { lessThan: q.now.toISOString() };
        return queryPage(client, SubmissionSummary, {
          table,
          index: 'gsi3',
          partition: `${base}#C#${q.campaignId}#DUE`,
          sort,
          ...page,
          descending: false,
        });
      }
      if (q.status !== undefined && q.authorUnitId !== undefined) {
        throw new BadRequest('Không kết hợp được lọc trạng thái với lọc đơn vị', [
          { path: 'query.unitId', message: 'Không kết hợp với status' },
        ]);
      }
      if (q.status !== undefined) {
        return queryPage(client, SubmissionSummary, {
          table,
          index: 'gsi1',
          partition: `${base}#ST#${q.status}`,
          sort: { beginsWith: prefix },
          ...page,
        });
      }
      if (q.authorUnitId !== undefined) {
        if (q.scope === 'MINE') {
          throw new BadRequest('Danh sách của đơn vị không lọc theo đơn vị khác', [
            { path: 'query.unitId', message: 'Không dùng với scope=mine' },
          ]);
        }
        return queryPage(client, SubmissionSummary, {
          table,
          index: 'gsi2',
          partition: `${base}#U#${q.authorUnitId}`,
          sort: { beginsWith: prefix },
          ...page,
        });
      }
      return queryPage(client, SubmissionSummary, {
        table,
        partition: base,
        sort: { beginsWith: prefix },
        ...page,
      });
    },

    async snapshotAtOrBefore(tenantId, submissionId, version) {
      const page = await queryPage(client, Snapshot, {
        table,
        partition: submissionPartition(tenantId, submissionId),
        sort: { between: [`SNAP#${pad(0, 8)}`, `SNAP#${pad(version, 8)}`] },
        descending: true,
        limit: 1,
        consistent: true,
      });
      return page.items[0];
    },

    async completeness(tenantId, scope) {
      const partition = completenessPartition(tenantId, scope);
      const items = await queryAll(client, z.record(z.string(), z.unknown()), { table, partition });
      const cells: CompletenessCell[] = [];
      const counts: Record<string, number> = {};
      for (const item of items) {
        if (item.unitId === undefined) {
          for (const [k, v] of Object.entries(Counts.parse(item))) {
            if (k.startsWith('n_') && typeof v === 'number') counts[k.slice(2)] = v;
          }
        } else {
          cells.push(parseItem(CompletenessCell, item));
        }
      }
      return { cells, counts };
    },
  };
  return repo;
};
