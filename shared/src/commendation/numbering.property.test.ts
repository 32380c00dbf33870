import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRegister,
  type NumberSequence,
  planRegisterClaim,
  planReservation,
  type RegisterMode,
  type RegisterWrite,
  sequenceId,
} from './numbering';

/**
 * A model of the table: items by key, and a transaction that applies all its writes only if every
 * condition holds (what TransactWriteItems guarantees). The plans under test are the ones the data layer
 * turns into its transaction items, so a plan that forgot a condition shows up here as a duplicate or gap.
 */
type Store = Map<string, number | 'issued' | 'reserved'>;
const keyOf = (w: RegisterWrite) =>
  w.item === 'counter' ? `C|${w.sequence}` : `S|${w.sequence}|${w.number}`;
const commit = (store: Store, writes: RegisterWrite[]): boolean => {
  const holds = writes.every((w) => {
    const cur = store.get(keyOf(w));
    return w.item === 'counter' ? (cur ?? null) === w.expect : (cur ?? 'absent') === w.expect;
  });
  if (holds) for (const w of writes) store.set(keyOf(w), w.set);
  return holds;
};
const counterOf = (store: Store, seq: NumberSequence) => {
  const v = store.get(`C|${sequenceId(seq)}`);
  return typeof v === 'number' ? v : null;
};

const bodies = ['ubnd-tinh', 'ubnd-xa-an-binh'] as const;
const seqArb = fc.record({
  issuingBodyId: fc.constantFrom(...bodies),
  year: fc.constantFrom(2026, 2027),
  kind: fc.constant('decision' as const),
  series: fc.constantFrom('ordinary' as const, 'classified' as const),
});
/** A step: a signer reads the counter (or is given a number), later commits what it planned. */
const stepArb = fc.record({
  seq: seqArb,
  actor: fc.integer({ min: 0, max: 3 }),
  phase: fc.constantFrom('read', 'commit'),
  given: fc.integer({ min: 1, max: 12 }),
  reserveFirst: fc.boolean(),
});

interface Issued {
  seq: string;
  number: number;
}

/** Runs a schedule in one mode per sequence; returns the numbered documents that were committed. */
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;
const run = (steps: Step[], modeOf: (seq: NumberSequence, at: number) => RegisterMode) => {
  const store: Store = new Map();
  const issued: Issued[] = [];
  const pending = new Map<string, ReturnType<typeof planRegisterClaim>>();
  for (const [at, st] of steps.entries()) {
    const slot = `${st.actor}|${sequenceId(st.seq)}`;
    const mode = modeOf(st.seq, at);
    if (st.phase === 'read') {
      let reserved = false;
      if (mode === 'external' && st.reserveFirst)
        reserved = commit(store, planReservation(st.seq, st.given, counterOf(store, st.seq)));
      const plan = planRegisterClaim(
        st.seq,
        mode,
        counterOf(store, st.seq),
        mode === 'external' ? { number: st.given, reserved } : undefined,
      );
      pending.set(slot, plan);
    } else {
      const plan = pending.get(slot);
      if (!plan) continue;
      pending.delete(slot);
      if (commit(store, plan.writes)) issued.push({ seq: sequenceId(st.seq), number: plan.number });
    }
  }
  return issued;
};

const bySequence = (issued: Issued[]) => {
  const m = new Map<string, number[]>();
  for (const i of issued) m.set(i.seq, [...(m.get(i.seq) ?? []), i.number]);
  return m;
};

describe('numbering by the book, both register modes (property)', () => {
  it('product mode: per body, year and series, numbers run 1..n with no gap and no duplicate under any interleaving', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120 }), (steps) => {
        const issued = run(steps, () => 'product');
        for (const [, numbers] of bySequence(issued))
          expect(checkRegister(numbers)).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('external mode: a number given twice (typed in or reserved) is issued once per body, year and series', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120 }), (steps) => {
        const issued = run(steps, () => 'external');
        for (const [, numbers] of bySequence(issued)) expect(checkRegister(numbers).duplicates).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a body that changes mode keeps one register: no number of one mode is issued again by the other', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 120 }), fc.boolean(), (steps, flip) => {
        // The province keeps the product's register and the commune its văn thư's; halfway they swap.
        const half = Math.floor(steps.length / 2);
        const issued = run(steps, (seq, at) =>
          (seq.issuingBodyId === 'ubnd-tinh') === (at < half ? flip : !flip) ? 'product' : 'external',
        );
        for (const [, numbers] of bySequence(issued)) expect(checkRegister(numbers).duplicates).toEqual([]);
        // Alone (read and commit at once), the product's claim never meets a number the văn thư used.
        const store: Store = new Map();
        for (const [at, st] of steps.entries()) {
          const external = (st.seq.issuingBodyId === 'ubnd-tinh') !== (at < half ? flip : !flip);
          const plan = planRegisterClaim(
            st.seq,
            external ? 'external' : 'product',
            counterOf(store, st.seq),
            external ? { number: st.given, reserved: false } : undefined,
          );
          const committed = plan !== null && commit(store, plan.writes);
          if (!external) expect(committed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('classified documents are numbered apart: the same number may exist once in each series', () => {
    const store: Store = new Map();
    const ordinary = { issuingBodyId: 'ubnd-tinh', year: 2026, kind: 'decision' as const };
    const classified = { ...ordinary, series: 'classified' as const };
    const a = planRegisterClaim(ordinary, 'product', null);
    const b = planRegisterClaim(classified, 'product', null);
    expect(a && commit(store, a.writes)).toBe(true);
    expect(b && commit(store, b.writes)).toBe(true);
    expect([a?.number, b?.number]).toEqual([1, 1]);
    expect(sequenceId(classified)).not.toBe(sequenceId(ordinary));
  });

  it('a given number in product mode, or none in external mode, is refused', () => {
    const seq = { issuingBodyId: 'ubnd-tinh', year: 2026, kind: 'decision' as const };
    expect(planRegisterClaim(seq, 'product', 3, { number: 9, reserved: false })).toBeNull();
    expect(planRegisterClaim(seq, 'external', 3)).toBeNull();
  });
});
