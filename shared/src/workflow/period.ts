import { addDays, type CalendarDate } from '../common';

/**
 * A reporting period key, read: `2026-M11` (a month), `2023-Q1` (a quarter), `2023-H1` (a half),
 * `2026-9M` (the first nine months), `2023-Y` (the year). One parser for every place a period is shown
 * (the web's labels, e-mails, documents) or counted (cut-off ranges).
 */
export const PERIOD_PATTERN = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)|(Y))$/;

export type PeriodParts =
  | { year: string; kind: 'month'; n: number }
  | { year: string; kind: 'quarter'; n: number }
  | { year: string; kind: 'half'; n: number }
  | { year: string; kind: 'nine_months' }
  | { year: string; kind: 'year' };

export function parsePeriod(period: string): PeriodParts | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m?.[1]) return null;
  const year = m[1];
  if (m[2]) return { year, kind: 'month', n: Number(m[2]) };
  if (m[3]) return { year, kind: 'quarter', n: Number(m[3]) };
  if (m[4]) return { year, kind: 'half', n: Number(m[4]) };
  if (m[5]) return { year, kind: 'nine_months' };
  return { year, kind: 'year' };
}

const roman = ['I', 'II', 'III', 'IV'];

/** As documents write it: "tháng 11/2026", "quý I/2023", "6 tháng đầu năm 2023", "9 tháng đầu năm 2026", "năm 2023". */
export function periodText(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  switch (p.kind) {
    case 'month':
      return `tháng ${String(p.n).padStart(2, '0')}/${p.year}`;
    case 'quarter':
      return `quý ${roman[p.n - 1]}/${p.year}`;
    case 'half':
      return `6 tháng ${p.n === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

/** The months a period covers, 1-based, first and last. */
const monthSpan = (p: PeriodParts): [number, number] => {
  switch (p.kind) {
    case 'month':
      return [p.n, p.n];
    case 'quarter':
      return [p.n * 3 - 2, p.n * 3];
    case 'half':
      return [p.n * 6 - 5, p.n * 6];
    case 'nine_months':
      return [1, 9];
    case 'year':
      return [1, 12];
  }
};

/** The 1st of `month` of `year`; months before 1 or after 12 roll into the years around it. */
const firstOfMonth = (year: number, month: number): CalendarDate => {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
};

/**
 * The days whose figures a period's report counts. Without a cut-off, the calendar months it covers.
 * With a cut-off day `d` (many statistical reports count "from the 15th of the month before to the 14th
 * of the month": `d = 14`), each month runs from the day after the cut-off in the month before to the
 * cut-off day, so consecutive periods never overlap and leave no gap.
 */
export function periodRange(
  period: string,
  cutOffDay?: number,
): { from: CalendarDate; to: CalendarDate } | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const year = Number(p.year);
  const [first, last] = monthSpan(p);
  if (cutOffDay === undefined) {
    return { from: firstOfMonth(year, first), to: addDays(firstOfMonth(year, last + 1), -1) };
  }
  const day = (month: number): CalendarDate => {
    const d = firstOfMonth(year, month);
    const end = addDays(firstOfMonth(year, month + 1), -1);
    const wanted = addDays(d, cutOffDay - 1);
    return wanted.localeCompare(end) > 0 ? end : wanted; // a cut-off of the 31st: the month's last day
  };
  return { from: addDays(day(first - 1), 1), to: day(last) };
}
