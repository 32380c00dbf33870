import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { absent, and, compare, equals, isNull, or, unchanged } from './conditions';
import { defineEntity, sortKey } from './entity';
import { CorruptItem } from './items';
import { listEntryEntity, unitEntity } from './keys';

const Thing = z.object({
  tenantId: z.string(),
  id: z.string(),
  group: z.string(),
  n: z.number(),
  live: z.boolean(),
});
type Thing = z.infer<typeof Thing>;

const things = defineEntity({
  type: 'Thing',
  schema: Thing,
  pk: (a: { tenantId: string; id: string }) => `T#${a.tenantId}#THING#${a.id}`,
  sk: sortKey('THING'),
  indexes: {
    byGroup: {
      index: 'gsi1',
      pk: (a: { tenantId: string; group: string }) => `T#${a.tenantId}#GROUP#${a.group}`,
      sk: (t: Thing) => t.id,
    },
    live: {
      index: 'gsi2',
      pk: (a: { tenantId: string }) => `T#${a.tenantId}#LIVE`,
      sk: (t: Thing) => t.id,
      when: (t: Thing) => t.live,
    },
  },
});

const thing: Thing = { tenantId: 't1', id: 'a', group: 'g', n: 1, live: true };

describe('defineEntity', () => {
  it('writes the keys its readers query: one partition function for both', () => {
    const item = things.item(thing);
    expect(item).toEqual({
      pk: 'T#t1#THING#a',
      sk: 'THING',
      gsi1pk: things.indexPartition('byGroup', { tenantId: 't1', group: 'g' }),
      gsi1sk: 'a',
      gsi2pk: things.indexPartition('live', { tenantId: 't1' }),
      gsi2sk: 'a',
      type: 'Thing',
      ...thing,
    });
    expect(things.key(thing)).toEqual({ pk: things.partition(thing), sk: 'THING' });
  });

  it('leaves a sparse index out while its condition is false', () => {
    const item = things.item({ ...thing, live: false });
    expect(item).not.toHaveProperty('gsi2pk');
    expect(item).not.toHaveProperty('gsi2sk');
    expect(item).toHaveProperty('gsi1pk');
  });

  it('parses what it reads without the key attributes, and names the key of a corrupt item', () => {
    expect(things.parse(things.item(thing))).toEqual(thing);
    expect(() => things.parse({ ...things.item(thing), n: 'one' })).toThrow(CorruptItem);
    expect(() => things.parse({ ...things.item(thing), n: 'one' })).toThrow(/T#t1#THING#a\/THING/);
  });

  it('asks for the current item when a conditioned write fails', () => {
    const put = things.put('table', thing, unchanged({ n: 1, live: true }));
    expect(put.Put).toMatchObject({
      TableName: 'table',
      ConditionExpression: '(#n = :n_eq) AND (#live = :live_eq)',
      ExpressionAttributeNames: { '#n': 'n', '#live': 'live' },
      ExpressionAttributeValues: { ':n_eq': 1, ':live_eq': true },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(things.put('table', thing).Put).not.toHaveProperty('ConditionExpression');
  });

  it('builds updates from structured changes, with the condition’s placeholders beside them', () => {
    const u = things.update('table', thing, { set: { group: 'h' }, add: { n: 2 } }, compare('n', '<', 5));
    expect(u.Update).toEqual({
      TableName: 'table',
      Key: { pk: 'T#t1#THING#a', sk: 'THING' },
      UpdateExpression: 'SET #group = :set_group ADD #n :add_n',
      ConditionExpression: '#n < :n_lt',
      ExpressionAttributeNames: { '#group': 'group', '#n': 'n' },
      ExpressionAttributeValues: { ':set_group': 'h', ':add_n': 2, ':n_lt': 5 },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  it('keeps key context out of the stored attributes (a list entry does not store its owner)', () => {
    const summary = {
      id: 's1',
      tenantId: 't1',
      campaignId: 'c',
      formKey: 'f',
      period: '2026-Y',
      templateId: 'tpl',
      templateVersion: 1,
      unitId: 'u',
      unitName: 'Xã U',
      state: 'approved' as const,
      level: null,
      onTurnUnitId: null,
      onTurnUnitName: null,
      returnedFromLevel: null,
      dueAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 3,
    };
    const item = listEntryEntity.item({ ...summary, tenantId: 't1', scope: 'MINE', ownerUnitId: 'u' });
    expect(item).not.toHaveProperty('scope');
    expect(item).not.toHaveProperty('ownerUnitId');
    expect(item.sk).toBe('C#c#F#f#P#2026-Y#S#s1');
    // The unit's own list has no author index, and a final state stops the deadline index.
    expect(item).not.toHaveProperty('gsi2pk');
    expect(item).not.toHaveProperty('gsi3pk');
    expect(listEntryEntity.parse(item)).toEqual(summary);
  });

  it('composes the keys the existing items have (no migration)', () => {
    const unit = unitEntity.item({
      tenantId: 'bp',
      id: 'dx',
      kind: 'district',
      name: 'Đồng Xoài',
      parentId: 'bp',
      path: ['bp'],
      openedOn: '2020-01-01',
      closedOn: null,
      successorId: null,
    });
    expect(unit).toMatchObject({
      pk: 'T#bp#UNIT#dx',
      sk: 'UNIT',
      gsi1pk: 'T#bp#UNITS#CHILDREN#bp',
      gsi1sk: 'dx',
      gsi2pk: 'T#bp#UNITS#TREE',
      gsi2sk: '/bp/dx/',
    });
  });
});

describe('conditions', () => {
  it('compose named clauses without clashing placeholders', () => {
    const c = and(
      absent(),
      compare('opensOn', '<=', '2026-01-02'),
      compare('closesOn', '>=', '2026-01-02'),
      isNull('x'),
    );
    expect(c.expression).toBe(
      '(attribute_not_exists(#pk)) AND (#opensOn <= :opensOn_le) AND (#closesOn >= :closesOn_ge) AND (attribute_type(#x, :null_type))',
    );
    expect(c.values).toEqual({
      ':opensOn_le': '2026-01-02',
      ':closesOn_ge': '2026-01-02',
      ':null_type': 'NULL',
    });
    expect(or(absent('n'), compare('n', '<', 5)).expression).toBe(
      '(attribute_not_exists(#n)) OR (#n < :n_lt)',
    );
  });

  it('refuse one placeholder bound to two values', () => {
    expect(() => and(equals('version', 1), equals('version', 2))).toThrow(/bound twice/);
  });
});

describe('the data layer', () => {
  it("speaks no HTTP: no data file (in the kernel, or a feature's keys and repositories) imports the HTTP layer", () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const featuresDir = join(dir, '..', '..', 'features');
    const features = readdirSync(featuresDir).flatMap((name) =>
      readdirSync(join(featuresDir, name))
        .filter((f) => /^(?:keys|repository)\.ts$/.test(f))
        .map((f) => join(featuresDir, name, f)),
    );
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...features].filter((f) =>
      f.endsWith('.ts'),
    );
    expect(features.length).toBeGreaterThanOrEqual(5);
    const offenders = files.filter((f) => /from '[^']*\/http\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
