import type { Translate } from '../../i18n';

/** `2023-Q1` → "Quý 1/2023", `2023-H1` → "6 tháng đầu năm 2023", `2023-Y` → "Năm 2023". */
export function periodLabel(period: string, t: Translate): string {
  const m = /^(\d{4})-(Q([1-4])|H([12])|Y)$/.exec(period);
  if (!m) return period;
  const year = m[1] ?? '';
  if (m[3]) return t('period.quarter', { q: m[3], year });
  if (m[4]) return t(m[4] === '1' ? 'period.firstHalf' : 'period.secondHalf', { year });
  return t('period.year', { year });
}
