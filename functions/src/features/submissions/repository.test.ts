import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { TxItem } from '../../kernel/data/transact';
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
    expect(merged).toHaveLength(items.length - 1);
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
    const rest = (xs: readonly TxItem[]) => xs.filter((i) => !keyOf(i).endsWith('|#COUNTS'));
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
