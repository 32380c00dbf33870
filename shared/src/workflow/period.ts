/**
 * A reporting period key, read: `2023-Q1` (a quarter), `2023-H1` (a half), `2023-Y` (the year). One parser
 * for every place a period is shown (the web's labels, e-mails, documents).
 */
export type PeriodParts =
  | { year: string; kind: 'quarter'; n: number }
  | { year: string; kind: 'half'; n: number }
  | { year: string; kind: 'year' };

export function parsePeriod(period: string): PeriodParts | null {
  const m = /^(\d{4})-(?:Q([1-4])|H([12])|(Y))$/.exec(period);
  if (!m?.[1]) return null;
  if (m[2]) return { year: m[1], kind: 'quarter', n: Number(m[2]) };
  if (m[3]) return { year: m[1], kind: 'half', n: Number(m[3]) };
  return { year: m[1], kind: 'year' };
}

const roman = ['I', 'II', 'III', 'IV'];

/** As documents write it: "quý I/2023", "6 tháng đầu năm 2023", "năm 2023"; unknown keys as given. */
export function periodText(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.kind === 'quarter') return `quý ${roman[p.n - 1]}/${p.year}`;
  if (p.kind === 'half') return `6 tháng ${p.n === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
  return `năm ${p.year}`;
}
