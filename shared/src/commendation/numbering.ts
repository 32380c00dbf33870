/**
 * Decision numbers (Decree 30/2020, Art. 15): per issuing body and per calendar year, starting at 01 on
 * the first day of the year, consecutive, no gap and no duplicate. The data layer keeps one counter item
 * per (issuing body, year) and moves it from n to n + 1 with a condition on its current value IN THE SAME
 * TransactWriteItems that writes the decision: a number exists only if its decision exists (no gap), and
 * two signers racing for n + 1 cannot both commit (no duplicate); the loser re-reads and retries.
 */

/** The sequence a decision number belongs to. */
export interface NumberSequence {
  issuingBodyId: string;
  year: number;
  /** Separate sequences for document kinds that Decree 30 numbers separately (decisions, minutes). */
  kind: 'decision' | 'minutes';
}

export const sequenceId = (s: NumberSequence): string => `${s.kind}#${s.issuingBodyId}#${s.year}`;

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
