import type { WorkflowEvent } from '@thidua/shared/workflow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEvents, canonicalJson, dataHash, GENESIS_HASH, verifyChain } from './chain';

/** The first implementation, which every stored hash was computed with: the bytes must never change. */
const canonicalJsonAsFirstWritten = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJsonAsFirstWritten(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJsonAsFirstWritten(v)}`).join(',')}}`;
};

const event = (action: WorkflowEvent['action'], at: string): WorkflowEvent => ({
  submissionId: 's1',
  action,
  actorId: 'u1',
  actorUnitId: 'tan-phu',
  actorRoles: ['submitter'],
  at,
  from: { state: 'draft', level: null },
  to: { state: 'draft', level: null },
  reason: null,
});

const build = () => {
  const ctx = (version: number, data: unknown) => ({ tenantId: 't', campaignId: 'c', version, data });
  const a = appendEvents(
    { lastEventHash: '', eventSeq: 0 },
    [event('create', '2026-01-01T00:00:00.000Z')],
    ctx(1, {}),
  );
  const b = appendEvents(a.head, [event('save', '2026-01-02T00:00:00.000Z')], ctx(2, { f: { n: 1 } }));
  return { events: [...a.events, ...b.events], head: b.head, data: { f: { n: 1 } }, version: 2 };
};

const dataHashOfExample = '7715135a731fce9ccff9fa41ef1d07328a4f22d04d457c6b30746c388f8fe297';

describe('the audit hash chain', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('canonical JSON gives the bytes of its first implementation for any value', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant(undefined),
        fc.array(tie('any'), { maxLength: 5 }),
        fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String)), tie('any'), { maxKeys: 6 }),
      ),
    })).any;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === canonicalJsonAsFirstWritten(v)));
    // A hash stored by the first implementation (integer-like keys sort as text: "10" before "9").
    expect(dataHash({ b: [1, 'ệ', null, { 9: true, 10: false }], a: { x: undefined, y: 2.5 } })).toBe(
      dataHashOfExample,
    );
  });

  it('links events from the genesis hash and verifies', () => {
    const c = build();
    expect(c.events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(c.events[1]?.prevHash).toBe(c.events[0]?.hash);
    expect(verifyChain(c.events, { ...c.head, data: c.data, version: c.version }).valid).toBe(true);
  });

  it('notices a changed, removed or reordered event, changed data and a wrong head', () => {
    const c = build();
    const sub = { ...c.head, data: c.data, version: c.version };
    const [first, second] = c.events;
    if (!first || !second) throw new Error('two events expected');
    expect(verifyChain([{ ...first, reason: 'sửa lén' }, second], sub).valid).toBe(false);
    expect(verifyChain([second], sub).valid).toBe(false);
    expect(verifyChain([second, first], sub).valid).toBe(false);
    expect(verifyChain(c.events, { ...sub, data: { f: { n: 2 } } }).valid).toBe(false);
    expect(verifyChain(c.events, { ...sub, lastEventHash: first.hash }).valid).toBe(false);
  });
});
