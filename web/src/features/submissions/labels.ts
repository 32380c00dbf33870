import type { Campaign } from '@thidua/shared/campaign';
import { parsePeriod, periodRange } from '@thidua/shared/workflow';
import { formatDate, type Translate } from '../../i18n';

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

/** The cut-off day a campaign's form counts its figures to (undefined: calendar months). */
export function cutOffDayOf(
  campaign: { forms: readonly Pick<Campaign['forms'][number], 'formKey' | 'cutOffDay'>[] } | undefined,
  formKey: string,
): number | undefined {
  return campaign?.forms.find((f) => f.formKey === formKey)?.cutOffDay;
}

/**
 * A period as every screen shows it, with the form's cut-off when it sets one:
 * "9 tháng đầu năm 2026 (số liệu tính đến 15/09/2026)".
 */
export function periodWithCutOff(period: string, t: Translate, cutOffDay?: number): string {
  const label = periodLabel(period, t);
  if (cutOffDay === undefined) return label;
  const range = periodRange(period, cutOffDay);
  return range ? t('period.withCutOff', { period: label, date: formatDate(range.to) }) : label;
}
