import { SubmissionSummary } from '@thidua/shared/api';
import {
  type Submission,
  type SubmissionState,
  unitOnTurn,
  type WorkflowEvent,
} from '@thidua/shared/workflow';
import { absent, unchanged } from '../../kernel/data/conditions';
import { counterUpdate, mergeCounterUpdates } from '../../kernel/data/counters';
import { readCollection, type TableRef } from '../../kernel/data/entity';
import { UnsupportedFilter } from '../../kernel/data/errors';
import {
  auditEventEntity,
  type CompletenessScope,
  completenessCellEntity,
  completenessCountsEntity,
  deadlineRuns,
  dueEntryEntity,
  type ListOwner,
  type ListScope,
  listCountsEntity,
  listEntryEntity,
  listSortPrefix,
  slotEntity,
  snapshotEntity,
  submissionEntity,
} from '../../kernel/data/keys';
import type { AlreadyExists, ConditionFailed, Conflict, Written } from '../../kernel/data/outcomes';
import type { Page } from '../../kernel/data/pagination';
import { type CompletenessCell, type Snapshot, StoredSubmission } from '../../kernel/data/schemas';
import { TransactionRefused, type TxItem, transactWriteRetryingConflicts } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import { type AuditEvent, appendEvents } from '../audit/chain';

export { CompletenessCell, StoredRules, StoredSubmission } from '../../kernel/data/schemas';
// What a list shows of a submission is also the API's list item, so its schema lives in shared.
export { mergeCounterUpdates, SubmissionSummary };

/** What a list shows of a submission (the API's list item, so its schema lives in shared). */
const summaryOf = (s: Submission): SubmissionSummary => {
  const turn = unitOnTurn(s);
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
    onTurnUnitId: turn?.unitId ?? null,
    onTurnUnitName: turn?.unitName ?? null,
    returnedFromLevel: s.returnedFromLevel,
    dueAt: s.dueAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
};

/** Every list a submission appears in right now. */
const listOwners = (s: Submission): ListOwner[] => {
  const owner = (scope: ListScope, ownerUnitId: string): ListOwner => ({
    tenantId: s.tenantId,
    scope,
    ownerUnitId,
  });
  const owners = [owner('MINE', s.unitId), ...[...s.unitPath, s.unitId].map((u) => owner('TREE', u))];
  const turn = unitOnTurn(s);
  if (turn) owners.push(owner('INBOX', turn.unitId));
  return owners;
};

const ownerKey = (o: ListOwner): string => `${o.scope}#${o.ownerUnitId}`;

const listPrefix = (q: ListQuery) => ({
  beginsWith: listSortPrefix({ campaignId: q.campaignId, formKey: q.formKey, period: q.period }),
});

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

/**
 * What applying a prepared write came to: written; a create whose slot is taken (by `submissionId`); a
 * change that lost a race (`current`: the submission that won); or another condition of the
 * transaction (the idempotency record of a replay, an event that exists) — nothing written.
 */
export type ApplyOutcome =
  | Written
  | AlreadyExists<{ submissionId: string | null }>
  | Conflict<StoredSubmission>
  | ConditionFailed;

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
  /** Runs a prepared write with `extra` items (idempotency record) in ONE TransactWriteItems. */
  apply(write: SubmissionWrite, extra: readonly TxItem[]): Promise<ApplyOutcome>;
  history(tenantId: string, submissionId: string): Promise<AuditEvent[]>;
  /** A campaign's audit trail in time order, one page at a time (the CSV export). */
  campaignEvents(tenantId: string, campaignId: string, cursor: string | undefined): Promise<Page<AuditEvent>>;
  list(q: ListQuery): Promise<Page<SubmissionSummary>>;
  /**
   * The total of the same list (not of one page) and, where the list's counters serve it, its number per
   * state: counters for the prefix filters and the state; a COUNT of the key condition for the narrow
   * ones (one author unit, overdue).
   */
  count(q: ListQuery): Promise<{ total: number; byState: Record<string, number> | null }>;
  /** The data as submitted at the latest version ≤ `version`. */
  snapshotAtOrBefore(tenantId: string, submissionId: string, version: number): Promise<Snapshot | undefined>;
  /** Every snapshot (one per submit, a few per submission), oldest first. */
  snapshots(tenantId: string, submissionId: string): Promise<Snapshot[]>;
  completeness(
    tenantId: string,
    scope: CompletenessScope,
  ): Promise<{ cells: CompletenessCell[]; counts: Record<string, number> }>;
}

type ListSource =
  | { where: 'primary'; partition: ListOwner }
  | { where: 'byState'; partition: ListOwner & { state: SubmissionState } }
  | { where: 'byAuthorUnit'; partition: ListOwner & { unitId: string } }
  | { where: 'byStateAndUnit'; partition: ListOwner & { unitId: string; state: SubmissionState } }
  | { where: 'byDue'; partition: ListOwner & { campaignId: string } }
  | { where: 'byDueInForm'; partition: ListOwner & { campaignId: string; formKey: string } };

/** The one key condition a list query becomes; refuses filter combinations no key serves. */
const listSource = (q: ListQuery): ListSource => {
  const owner: ListOwner = { tenantId: q.tenantId, scope: q.scope, ownerUnitId: q.ownerUnitId };
  if (q.formKey !== undefined && q.campaignId === undefined) {
    throw new UnsupportedFilter('formKey', 'Lọc theo biểu mẫu cần chọn phong trào', 'Cần kèm campaignId');
  }
  if (q.period !== undefined && q.formKey === undefined) {
    throw new UnsupportedFilter('period', 'Lọc theo kỳ cần chọn biểu mẫu', 'Cần kèm formKey');
  }
  if (q.authorUnitId !== undefined && q.scope === 'MINE') {
    throw new UnsupportedFilter(
      'unitId',
      'Danh sách của đơn vị không lọc theo đơn vị khác',
      'Không dùng với scope=mine',
    );
  }
  if (q.overdue) {
    if (q.campaignId === undefined) {
      throw new UnsupportedFilter('overdue', 'Lọc quá hạn cần chọn phong trào', 'Cần kèm campaignId');
    }
    if (q.period !== undefined || q.status !== undefined || q.authorUnitId !== undefined) {
      // Every report of one period shares its deadline; a state or a unit has no due-date key.
      throw new UnsupportedFilter(
        'overdue',
        'Lọc quá hạn chỉ kèm phong trào, biểu mẫu',
        'Không kết hợp với period, status, unitId',
      );
    }
    return q.formKey === undefined
      ? { where: 'byDue', partition: { ...owner, campaignId: q.campaignId } }
      : { where: 'byDueInForm', partition: { ...owner, campaignId: q.campaignId, formKey: q.formKey } };
  }
  if (q.status !== undefined && q.authorUnitId !== undefined) {
    return { where: 'byStateAndUnit', partition: { ...owner, unitId: q.authorUnitId, state: q.status } };
  }
  if (q.status !== undefined) return { where: 'byState', partition: { ...owner, state: q.status } };
  if (q.authorUnitId !== undefined) {
    return { where: 'byAuthorUnit', partition: { ...owner, unitId: q.authorUnitId } };
  }
  return { where: 'primary', partition: owner };
};

type CountLevel = { campaignId?: string; formKey?: string; period?: string };

/** The filter prefixes a list keeps counters for: none, campaign, campaign+form, campaign+form+period. */
const countLevels = (s: Submission): CountLevel[] => [
  {},
  { campaignId: s.campaignId },
  { campaignId: s.campaignId, formKey: s.formKey },
  { campaignId: s.campaignId, formKey: s.formKey, period: s.period },
];

/**
 * `n_<state>` counts of a list counter item. Entries written before the counters existed (ADR 0023: a
 * backfill is due on an existing deployment) can drive a count below zero when they move: shown as 0.
 */
const stateCounts = (row: Record<string, unknown> | undefined): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(row ?? {})) {
    if (k.startsWith('n_') && typeof v === 'number' && v > 0) counts[k.slice(2)] = v;
  }
  return counts;
};

/** The completeness roll-up a submission counts in: its parent's, for its campaign, form and period. */
const completenessScope = (s: Submission): CompletenessScope | null => {
  const parent = s.unitPath.at(-1);
  return parent === undefined
    ? null
    : { parentUnitId: parent, campaignId: s.campaignId, formKey: s.formKey, period: s.period };
};

/** A submission among several of its unit, form and period is keyed by its id (slot, completeness cell). */
const discriminator = (s: Submission): string | undefined => (s.multiplePerPeriod ? s.id : undefined);

export const createSubmissionRepository = (ref: TableRef): SubmissionRepository => {
  const { table, client } = ref;
  const submissions = submissionEntity.on(ref);

  const entryPut = (s: Submission, o: ListOwner): TxItem =>
    listEntryEntity.put(table, { ...summaryOf(s), ...o });

  /** The overdue-within-a-form copies of a submission's entries (only while its deadline runs). */
  const dueEntries = (s: Submission) => {
    const summary = summaryOf(s);
    return deadlineRuns(summary) ? listOwners(s).map((o) => ({ ...summary, ...o })) : [];
  };
  const dueItems = (before: Submission | null, after: Submission): TxItem[] => {
    const now = dueEntries(after);
    const keyOf = (e: SubmissionSummary & ListOwner) => JSON.stringify(dueEntryEntity.key(e));
    const kept = new Set(now.map(keyOf));
    const gone = (before ? dueEntries(before) : []).filter((e) => !kept.has(keyOf(e)));
    return [
      ...now.map((e) => dueEntryEntity.put(table, e)),
      ...gone.map((e) => dueEntryEntity.delete(table, e)),
    ];
  };

  const completenessItems = (before: Submission | null, after: Submission): TxItem[] => {
    const scope = completenessScope(after);
    if (!scope) return [];
    const items: TxItem[] = [
      completenessCellEntity.put(table, {
        tenantId: after.tenantId,
        scope,
        discriminator: discriminator(after),
        unitId: after.unitId,
        submissionId: after.id,
        state: after.state,
        level: after.level,
        chain: after.chain.map((l) => ({ unitId: l.unitId })),
      }),
    ];
    if (before === null || before.state !== after.state) {
      const deltas = new Map([[`n_${after.state}`, 1]]);
      if (before !== null) deltas.set(`n_${before.state}`, -1);
      items.push(
        counterUpdate(table, completenessCountsEntity.key({ tenantId: after.tenantId, scope }), deltas),
      );
    }
    return items;
  };

  /**
   * The list counters a change moves: −1 for the state of every list the submission leaves or changes
   * state in, +1 for every list it enters or now has its state in, at every filter prefix. Nothing when
   * neither the state nor the lists change (saving a draft).
   */
  const listCountItems = (before: Submission | null, after: Submission): TxItem[] => {
    const deltas = new Map<string, { key: ListOwner & CountLevel; deltas: Map<string, number> }>();
    const bump = (s: Submission, by: number) => {
      for (const o of listOwners(s)) {
        for (const level of countLevels(s)) {
          const key = { ...o, ...level };
          const id = `${ownerKey(o)}|${listSortPrefix(level)}`;
          const entry = deltas.get(id) ?? { key, deltas: new Map<string, number>() };
          entry.deltas.set(`n_${s.state}`, (entry.deltas.get(`n_${s.state}`) ?? 0) + by);
          deltas.set(id, entry);
        }
      }
    };
    if (before !== null) bump(before, -1);
    bump(after, 1);
    const items: TxItem[] = [];
    for (const { key, deltas: d } of deltas.values()) {
      const moved = new Map([...d].filter(([, v]) => v !== 0));
      if (moved.size > 0) items.push(counterUpdate(table, listCountsEntity.key(key), moved));
    }
    return items;
  };

  // Append-only: an event is never overwritten.
  const eventItems = (events: readonly AuditEvent[]): TxItem[] =>
    events.map((e) => auditEventEntity.put(table, e, absent()));

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
      unitId: after.unitId,
    });
    return { submission: { ...after, ...r.head }, events: r.events };
  };

  const parseCurrent = (item: Record<string, unknown> | undefined): StoredSubmission | undefined => {
    if (!item) return undefined;
    const r = StoredSubmission.safeParse(item);
    return r.success ? r.data : undefined;
  };

  const repo: SubmissionRepository = {
    get: (tenantId, id) => submissions.get({ tenantId, id }, { consistent: true }),

    planCreate(draft, events) {
      const { submission, events: stored } = chained(null, draft, events);
      const items: TxItem[] = [
        submissionEntity.put(table, submission, absent()),
        slotEntity.put(
          table,
          {
            tenantId: submission.tenantId,
            unitId: submission.unitId,
            campaignId: submission.campaignId,
            formKey: submission.formKey,
            period: submission.period,
            discriminator: discriminator(submission),
            submissionId: submission.id,
          },
          absent(),
        ),
        ...eventItems(stored),
        ...listOwners(submission).map((o) => entryPut(submission, o)),
        ...completenessItems(null, submission),
        ...listCountItems(null, submission),
        ...dueItems(null, submission),
      ];
      return { kind: 'create', submission, events: stored, items };
    },

    planChange(before, after, events, options = {}) {
      const { submission, events: stored } = chained(before, after, events);
      const afterOwners = listOwners(submission);
      const afterKeys = new Set(afterOwners.map(ownerKey));
      const gone = listOwners(before).filter((o) => !afterKeys.has(ownerKey(o)));
      const items: TxItem[] = [
        submissionEntity.put(table, submission, unchanged({ version: before.version, state: before.state })),
        ...eventItems(stored),
        ...afterOwners.map((o) => entryPut(submission, o)),
        ...gone.map((o) => listEntryEntity.delete(table, { ...o, ...before })),
        ...completenessItems(before, submission),
        ...listCountItems(before, submission),
        ...dueItems(before, submission),
        ...(options.snapshot
          ? [
              snapshotEntity.put(table, {
                tenantId: submission.tenantId,
                submissionId: submission.id,
                version: submission.version,
                data: submission.data,
              }),
            ]
          : []),
      ];
      return { kind: 'update', submission, events: stored, items };
    },

    async apply(write, extra) {
      try {
        await transactWriteRetryingConflicts(client, [...write.items, ...extra]);
        return { kind: 'written' };
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        const s = write.submission;
        const first = err.reasonAt(0);
        if (write.kind === 'create') {
          const slot = err.reasonAt(1);
          if (slot?.code === 'ConditionalCheckFailed') {
            const taken = slot.item ? slotEntity.schema.safeParse(slot.item) : undefined;
            return { kind: 'already_exists', current: { submissionId: taken?.data?.submissionId ?? null } };
          }
        } else if (first?.code === 'ConditionalCheckFailed' || err.conflicted) {
          // The loser of a race: the state that won (from the refusal, else one read).
          return {
            kind: 'conflict',
            current: parseCurrent(first?.item) ?? (await repo.get(s.tenantId, s.id)),
          };
        }
        return { kind: 'condition_failed', reason: err.message };
      }
    },

    history: (tenantId, submissionId) =>
      auditEventEntity.on(ref).all('primary', { tenantId, submissionId }, { consistent: true }),

    campaignEvents: (tenantId, campaignId, cursor) =>
      auditEventEntity.on(ref).page('inCampaign', { tenantId, campaignId }, { limit: 1000, cursor }),

    list(q) {
      const entries = listEntryEntity.on(ref);
      const page = { limit: q.limit, cursor: q.cursor };
      const source = listSource(q);
      if (source.where === 'byDue' || source.where === 'byDueInForm') {
        const options = { ...page, sort: { lessThan: q.now.toISOString() } };
        return source.where === 'byDue'
          ? entries.page('byDue', source.partition, options)
          : dueEntryEntity.on(ref).page('primary', source.partition, options);
      }
      const options = { ...page, sort: listPrefix(q), descending: true };
      switch (source.where) {
        case 'byState':
          return entries.page('byState', source.partition, options);
        case 'byAuthorUnit':
          return entries.page('byAuthorUnit', source.partition, options);
        case 'byStateAndUnit':
          return entries.page('byStateAndUnit', source.partition, options);
        default:
          return entries.page('primary', source.partition, options);
      }
    },

    async count(q) {
      const source = listSource(q);
      if (source.where === 'primary' || source.where === 'byState') {
        // The counters of the list at this prefix: one GetItem.
        const row = await listCountsEntity
          .on(ref)
          .get({ ...source.partition, campaignId: q.campaignId, formKey: q.formKey, period: q.period });
        const byState = stateCounts(row);
        const total =
          source.where === 'byState'
            ? (byState[source.partition.state] ?? 0)
            : Object.values(byState).reduce((a, b) => a + b, 0);
        return { total, byState };
      }
      // Narrow lists (one author unit, overdue): a COUNT of the list's own key condition.
      const sort = source.where.startsWith('byDue') ? { lessThan: q.now.toISOString() } : listPrefix(q);
      const total =
        source.where === 'byDueInForm'
          ? await dueEntryEntity.on(ref).count('primary', source.partition, { sort })
          : await listEntryEntity.on(ref).count(source.where, source.partition as never, { sort });
      return { total, byState: null };
    },

    snapshots: (tenantId, submissionId) =>
      snapshotEntity.on(ref).all('primary', { tenantId, submissionId }, { consistent: true }),

    async snapshotAtOrBefore(tenantId, submissionId, version) {
      const sk = snapshotEntity.sortKey;
      const page = await snapshotEntity.on(ref).page(
        'primary',
        { tenantId, submissionId },
        {
          sort: { between: [sk.of({ version: 0 }), sk.of({ version })] },
          descending: true,
          limit: 1,
          consistent: true,
        },
      );
      return page.items[0];
    },

    async completeness(tenantId, scope) {
      // One Query reads both item types of the partition: the counters and the cells.
      const { counts: rows, cells } = await readCollection(
        ref,
        completenessCellEntity.partition({ tenantId, scope }),
        {
          counts: completenessCountsEntity,
          cells: completenessCellEntity,
        },
      );
      const counts: Record<string, number> = {};
      for (const [k, v] of Object.entries(rows[0] ?? {})) {
        if (k.startsWith('n_') && typeof v === 'number') counts[k.slice(2)] = v;
      }
      return { cells, counts };
    },
  };
  return repo;
};

/** `submissions` of a route group's container (kernel/deps.ts). */
export const submissionsDep = defineDep('submissions', (c) => createSubmissionRepository(c.ref));
