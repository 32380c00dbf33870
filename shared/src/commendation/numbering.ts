/**
 * Decision numbers (Decree 30/2020, Art. 15): per issuing body and per calendar year, starting at 01 on
 * the first day of the year, consecutive, no gap and no duplicate. The data layer keeps one counter item
 * per (issuing body, year) and moves it from n to n + 1 with a condition on its current value IN THE SAME
 * TransactWriteItems that writes the decision: a number exists only if its decision exists (no gap), and
 * two signers racing for n + 1 cannot both commit (no duplicate); the loser re-reads and retries.
 */

import * as z from 'zod';
import { CalendarDate } from '../common';

/**
 * Who keeps an issuing body's register (Decree 30/2020, Art. 15: one register per body and year, paper and
 * electronic documents alike). `product`: this product numbers the decisions itself (counter below).
 * `external`: the body's văn thư gives the number and date — typed in at signing, or reserved beforehand
 * through the register's integration route by the document-management system — and this product only
 * guarantees that no number is used twice.
 */
export const RegisterMode = z.enum(['product', 'external']);
export type RegisterMode = z.infer<typeof RegisterMode>;

/** Classified documents (văn bản mật) are numbered in a series of their own, apart from the ordinary one. */
export const RegisterSeries = z.enum(['ordinary', 'classified']);
export type RegisterSeries = z.infer<typeof RegisterSeries>;

/** The number and date the văn thư gave a document (external register). */
export const GivenNumber = z.object({
  number: z.number().int().min(1).max(999_999),
  date: CalendarDate,
});
export type GivenNumber = z.infer<typeof GivenNumber>;

/** The sequence a decision number belongs to. */
export interface NumberSequence {
  issuingBodyId: string;
  year: number;
  /** Separate sequences for document kinds that Decree 30 numbers separately (decisions, minutes). */
  kind: 'decision' | 'minutes';
  /** Absent or `ordinary`: the ordinary series; `classified` is kept apart. */
  series?: RegisterSeries;
}

export const sequenceId = (s: NumberSequence): string =>
  `${s.kind}#${s.issuingBodyId}#${s.year}${s.series === 'classified' ? '#mat' : ''}`;

/**
 * The conditional writes that take a number, as data: the data layer turns each into one item of the
 * transaction that writes the numbered document, so the number is taken only with its document. Every
 * number, in both modes, has a *slot* (sequence, number) written only if absent — or, for a number the
 * văn thư reserved, only if still reserved — so no number is used twice whatever the mode, even across a
 * change of mode; the product's counter moves from the value read, so it leaves no gap.
 */
export type RegisterWrite =
  | { item: 'counter'; sequence: string; expect: number | null; set: number }
  | {
      item: 'slot';
      sequence: string;
      number: number;
      expect: 'absent' | 'reserved';
      set: 'issued' | 'reserved';
    };

export interface RegisterClaim {
  number: number;
  writes: RegisterWrite[];
}

/**
 * How a document takes its number. Product mode: the counter's next value (`counter` read just before).
 * External mode: the number given (`given`), reserved beforehand or not. A given number in product mode
 * or none in external mode is refused (`null`): the caller answers 422 naming the field.
 */
export const planRegisterClaim = (
  seq: NumberSequence,
  mode: RegisterMode,
  counter: number | null,
  given?: { number: number; reserved: boolean },
): RegisterClaim | null => {
  const sequence = sequenceId(seq);
  if (mode === 'product') {
    if (given) return null;
    const n = nextNumber(counter);
    return {
      number: n,
      writes: [
        { item: 'counter', sequence, expect: counter, set: n },
        { item: 'slot', sequence, number: n, expect: 'absent', set: 'issued' },
      ],
    };
  }
  if (!given) return null;
  return {
    number: given.number,
    writes: [
      {
        item: 'slot',
        sequence,
        number: given.number,
        expect: given.reserved ? 'reserved' : 'absent',
        set: 'issued',
      },
      ...passCounter(sequence, counter, given.number),
    ],
  };
};

/**
 * A number the văn thư gave moves the counter past it (from the value read), so that a body switching to
 * the product's register later never runs into a number already used; a lower number leaves it alone.
 */
const passCounter = (sequence: string, counter: number | null, n: number): RegisterWrite[] =>
  (counter ?? 0) >= n ? [] : [{ item: 'counter', sequence, expect: counter, set: n }];

/** The văn thư reserves a number for a document still to be issued (external register only). */
export const planReservation = (
  seq: NumberSequence,
  number: number,
  counter: number | null,
): RegisterWrite[] => [
  { item: 'slot', sequence: sequenceId(seq), number, expect: 'absent', set: 'reserved' },
  ...passCounter(sequenceId(seq), counter, number),
];

/**
 * Checks a number the văn thư gave against the day of signing: the date is not in the future and the
 * number belongs to the register of the date's year. Field paths name the request's fields.
 */
export const givenNumberIssues = (given: GivenNumber, today: string): { path: string; message: string }[] =>
  given.date > today ? [{ path: 'register.date', message: 'Ngày văn bản không được sau ngày hôm nay' }] : [];

/** The number after the counter's current value (`null` when the year's counter does not exist yet). */
export const nextNumber = (current: number | null): number => (current ?? 0) + 1;

/** "05/QĐ-UBND": numbers below 10 take a leading zero. */
export const formatNumber = (n: number, symbol: string): string => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('Số văn bản phải là số nguyên dương');
  return `${String(n).padStart(2, '0')}/${symbol}`;
};

/**
 * Checks a list of numbers of one sequence: consecutive from 1 with no gap and no duplicate. Used by
 * tests and by the audit route that verifies a year's register.
 */
export const checkRegister = (
  numbers: readonly number[],
): { ok: boolean; gaps: number[]; duplicates: number[] } => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const duplicates = sorted.filter((n, i) => i > 0 && sorted[i - 1] === n);
  const seen = new Set(sorted);
  const max = sorted.at(-1) ?? 0;
  const gaps: number[] = [];
  for (let n = 1; n <= max; n += 1) if (!seen.has(n)) gaps.push(n);
  return { ok: gaps.length === 0 && duplicates.length === 0, gaps, duplicates };
};
