import { parsePeriod } from '@thidua/shared/workflow';
import type { Translate } from '../../i18n';

/** `2023-Q1` → "Quý 1/2023", `2023-H1` → "6 tháng đầu năm 2023", `2023-Y` → "Năm 2023". */
export function periodLabel(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const { year } = p;
  if (p.kind === 'quarter') return t('period.quarter', { q: String(p.n), year });
  if (p.kind === 'half') return t(p.n === 1 ? 'period.firstHalf' : 'period.secondHalf', { year });
  return t('period.year', { year });
}
