import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { TxItem } from '../../kernel/data/transact';
import { submissionSearchItems } from '../search/entries';
import { createSubmissionRepository, mergeCounterUpdates, type StoredSubmission } from './repository';

// Planning is pure: the client is never called here.
const repo = createSubmissionRepository({
  table: 'thidua',
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })),
});

const draft = (id: string, over: Partial<StoredSubmission> = {}): StoredSubmission => ({
  tenantId: 'binh-phuoc',
  id,
  campaignId: 'c2026',
  formKey: 'nomination',
  templateId: 'nomination_2023',
  templateVersion: 1,
  period: '2026-Y',
  unitId: 'tan-phu',
  unitName: 'Phường Tân Phú',
  unitPath: ['bp', 'dong-xoai'],
  chain: [
    { unitId: 'dong-xoai', unitName: 'Thành phố Đồng Xoài', unitKind: 'district' },
    { unitId: 'bp', unitName: 'Tỉnh Bình Phước', unitKind: 'province' },
  ],
  state: 'draft',
  level: null,
  returnedFromLevel: null,
  version: 1,
  data: {},
  filledBy: ['u1'],
  submittedBy: null,
  createdBy: 'u1',
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  dueAt: null,
  lastEventHash: '',
  eventSeq: 0,
  multiplePerPeriod: true,
  rules: {
    requireUnitSignOff: false,
    rejectIsTerminal: true,
    requireChildrenApproved: false,
    entryWindow: null,
    deadlines: { submit: null, signOff: null, reviewByKind: {}, review: null },
  },
  ...over,
});
const submitted = (s: StoredSubmission): StoredSubmission => ({
  ...s,
  state: 'under_review',
  level: 0,
  version: s.version + 1,
});

/** The table key an item of a transaction touches. */
const keyOf = (item: TxItem): string => {
  const k = item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key ?? item.ConditionCheck?.Key;
  return `${String(k?.pk)}|${String(k?.sk)}`;
};
const counters = (items: readonly TxItem[]) => items.filter((i) => keyOf(i).endsWith('|#COUNTS'));

describe('several submissions of one unit, form and period', () => {
  it('each has a slot and a completeness cell of its own; a one-per-period form keeps the unit’s', () => {
    const a = repo.planCreate(draft('nom-a'), []);
    const b = repo.planCreate(draft('nom-b'), []);
    const slot = (w: { items: TxItem[] }) => w.items.map(keyOf).find((k) => k.includes('#SLOT#'));
    expect(slot(a)).toBe('T#binh-phuoc#SLOT#tan-phu#c2026#nomination#2026-Y#S#nom-a|SLOT');
    expect(slot(b)).not.toBe(slot(a));
    const cell = (w: { items: TxItem[] }) => w.items.map(keyOf).find((k) => k.includes('|U#'));
    expect(cell(a)).toMatch(/\|U#tan-phu#S#nom-a$/);
    const report = repo.planCreate(
      draft('rep-a', { formKey: 'periodic_report', period: '2026-Q1', multiplePerPeriod: undefined }),
      [],
    );
    expect(slot(report)).toBe('T#binh-phuoc#SLOT#tan-phu#c2026#periodic_report#2026-Q1|SLOT');
    expect(cell(report)).toMatch(/\|U#tan-phu$/);
  });
});

describe('mergeCounterUpdates', () => {
  it('one transaction moving siblings touches their parent’s counters once, with the summed deltas', () => {
    const a = draft('nom-a');
    const b = draft('nom-b');
    const other = draft('nom-c', { period: '2026-Q1' });
    const items = [a, b, other].flatMap((s) => repo.planChange(s, submitted(s), []).items);
    expect(counters(items)).toHaveLength(3);
    const keys = items.map(keyOf);
    expect(new Set(keys).size).toBeLessThan(keys.length);

    const merged = mergeCounterUpdates(items);
    const mergedKeys = merged.map(keyOf);
    expect(new Set(mergedKeys).size).toBe(mergedKeys.length);
    // The completeness counters: the siblings' shared one merged (list counters merge likewise, ADR 0023).
    expect(counters(merged)).toHaveLength(counters(items).length - 1);
    const [shared, alone] = counters(merged);
    const deltas = (i: TxItem | undefined) => {
      const u = i?.Update;
      const out: Record<string, number> = {};
      for (const [n, attr] of Object.entries(u?.ExpressionAttributeNames ?? {}))
        out[attr] = u?.ExpressionAttributeValues?.[`:${n.slice(1)}`];
      return out;
    };
    expect(keyOf(shared as TxItem)).toContain('#P#2026-Y|');
    expect(deltas(shared)).toEqual({ n_under_review: 2, n_draft: -2 });
    expect(deltas(alone)).toEqual({ n_under_review: 1, n_draft: -1 });
    // Everything else passes unchanged and in order.
    const rest = (xs: readonly TxItem[]) =>
      xs.filter((i) => !keyOf(i).endsWith('|#COUNTS') && !keyOf(i).includes('#LISTCOUNT#'));
    expect(rest(merged)).toEqual(rest(items));
  });

  it('leaves conditioned and non-counter updates alone', () => {
    const conditioned: TxItem = {
      Update: {
        TableName: 'thidua',
        Key: { pk: 'x', sk: 'COUNTER' },
        UpdateExpression: 'ADD #c0 :c0',
        ConditionExpression: '#c0 = :n',
        ExpressionAttributeNames: { '#c0': 'last' },
        ExpressionAttributeValues: { ':c0': 1, ':n': 3 },
      },
    };
    const set: TxItem = {
      Update: {
        TableName: 'thidua',
        Key: { pk: 'x', sk: 'COUNTER' },
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': 'a' },
        ExpressionAttributeValues: { ':a': 1 },
      },
    };
    expect(mergeCounterUpdates([conditioned, set])).toEqual([conditioned, set]);
  });
});

describe('list counters and search entries move in the same transaction (ADR 0023)', () => {
  const listCounters = (items: readonly TxItem[]) =>
    items
      .filter((i) => keyOf(i).includes('#LISTCOUNT#'))
      .map((i) => ({
        key: keyOf(i),
        add: Object.fromEntries(
          Object.entries(i.Update?.ExpressionAttributeNames ?? {}).map(([k, name]) => [
            name,
            i.Update?.ExpressionAttributeValues?.[k.replace('#', ':')],
          ]),
        ),
      }));
  const report = (over: Partial<StoredSubmission> = {}) =>
    draft('rep-1', { formKey: 'periodic_report', period: '2026-Q1', multiplePerPeriod: undefined, ...over });

  it('a draft counts in its unit’s and its ancestors’ lists at every filter prefix; saving it moves nothing', () => {
    const created = listCounters(repo.planCreate(report(), []).items);
    // MINE of the unit, TREE of the unit and its two ancestors; four prefixes each.
    expect(created).toHaveLength(16);
    for (const c of created) expect(c.add).toEqual({ n_draft: 1 });
    expect(created.map((c) => c.key)).toContain(
      'T#binh-phuoc#LISTCOUNT#TREE#bp|#C#c2026#F#periodic_report#P#2026-Q1#',
    );
    const saved = repo.planChange(report(), report({ version: 2, data: { x: 1 } }), []);
    expect(listCounters(saved.items)).toEqual([]);
  });

  it('submitting moves the state in every list and adds the reviewer’s inbox; no item is touched twice', () => {
    const w = repo.planChange(report(), submitted(report()), []);
    const moved = listCounters(w.items);
    const mine = moved.filter((c) => !c.key.includes('#INBOX#'));
    expect(mine).toHaveLength(16);
    for (const c of mine) expect(c.add).toEqual({ n_draft: -1, n_under_review: 1 });
    const inbox = moved.filter((c) => c.key.includes('#INBOX#dong-xoai'));
    expect(inbox).toHaveLength(4);
    for (const c of inbox) expect(c.add).toEqual({ n_under_review: 1 });
    const keys = w.items.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(w.items.length).toBeLessThanOrEqual(100);
  });

  it('a report is found by unit, period and form from its unit and above; a nominee’s rename replaces its terms', () => {
    // The create route adds these to the repository's transaction (features/submissions/http.ts).
    const created = {
      items: [
        ...repo.planCreate(report(), []).items,
        ...submissionSearchItems('thidua', null, report(), 'Báo cáo quý'),
      ],
    };
    const search = created.items.map(keyOf).filter((k) => k.includes('#SEARCH#'));
    expect(search).toContain('T#binh-phuoc#SEARCH#UNIT#tan-phu|tan phu 2026-q1 bao cao quy#submission#rep-1');
    expect(search).toContain('T#binh-phuoc#SEARCH#BELOW#dong-xoai|2026-q1 bao cao quy#submission#rep-1');
    expect(search.some((k) => k.includes('#SEARCH#BELOW#tan-phu'))).toBe(false);
    expect(created.items.length).toBeLessThanOrEqual(100);

    const named = (name: string, version: number) =>
      draft('nom-a', { version, data: { nominee: { kind: 'individual', fullName: name } } });
    const change = (before: StoredSubmission, after: StoredSubmission) => ({
      items: submissionSearchItems('thidua', before, after),
    });
    const first = change(draft('nom-a'), named('Nguyễn Thị Lan', 2));
    expect(first.items.map(keyOf)).toContain('T#binh-phuoc#SEARCH#BELOW#bp|thi lan#nominee#nom-a');
    const renamed = change(named('Nguyễn Thị Lan', 2), named('Nguyễn Thị Lành', 3));
    const deleted = renamed.items.filter((i) => i.Delete).map(keyOf);
    expect(deleted).toContain('T#binh-phuoc#SEARCH#UNIT#tan-phu|nguyen thi lan#nominee#nom-a');
    expect(renamed.items.filter((i) => i.Put).map(keyOf)).toContain(
      'T#binh-phuoc#SEARCH#UNIT#tan-phu|nguyen thi lanh#nominee#nom-a',
    );
    // "Mật": the nominee is no longer findable.
    const hidden = change(named('Nguyễn Thị Lành', 3), { ...named('Nguyễn Thị Lành', 4), classified: true });
    expect(hidden.items.filter((i) => i.Delete && keyOf(i).includes('#SEARCH#'))).toHaveLength(9);
  });
});
