import { parsePeriod } from '@thidua/shared/workflow';
import type { Translate } from '../../i18n';

/** `2026-M03` → "Tháng 03/2026", `2023-Q1` → "Quý 1/2023", `2026-9M` → "9 tháng đầu năm 2026", `2023-Y` → "Năm 2023". */
export function periodLabel(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const { year } = p;
  switch (p.kind) {
    case 'month':
      return t('period.month', { month: String(p.n).padStart(2, '0'), year });
    case 'quarter':
      return t('period.quarter', { q: String(p.n), year });
    case 'half':
      return t(p.n === 1 ? 'period.firstHalf' : 'period.secondHalf', { year });
    case 'nine_months':
      return t('period.nineMonths', { year });
    case 'year':
      return t('period.year', { year });
  }
}
