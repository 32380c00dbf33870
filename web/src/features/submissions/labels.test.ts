import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { cutOffDayOf, periodLabel, periodWithCutOff } from './labels';

describe('period labels', () => {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate('vi', k, p);
  it('names periods the way reports do', () => {
    expect(periodLabel('2023-Q1', t)).toBe('Quý 1/2023');
    expect(periodLabel('2023-H1', t)).toBe('6 tháng đầu năm 2023');
    expect(periodLabel('2023-H2', t)).toBe('6 tháng cuối năm 2023');
    expect(periodLabel('2023-Y', t)).toBe('Năm 2023');
    expect(periodLabel('2026-M03', t)).toBe('Tháng 03/2026');
    expect(periodLabel('2026-9M', t)).toBe('9 tháng đầu năm 2026');
    expect(periodLabel('odd', t)).toBe('odd');
  });
});

describe('periods with their cut-off', () => {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate('vi', k, p);
  it('says up to which day the figures count when the form sets a cut-off day', () => {
    expect(periodWithCutOff('2026-M01', t, 14)).toBe('Tháng 01/2026 (số liệu tính đến 14/01/2026)');
    expect(periodWithCutOff('2026-9M', t, 15)).toBe('9 tháng đầu năm 2026 (số liệu tính đến 15/09/2026)');
    // A cut-off of the 31st ends a short month on its last day.
    expect(periodWithCutOff('2026-M02', t, 31)).toBe('Tháng 02/2026 (số liệu tính đến 28/02/2026)');
    expect(periodWithCutOff('2026-Q1', t)).toBe('Quý 1/2026');
  });

  it('reads the cut-off day of a campaign form', () => {
    const campaign = { forms: [{ formKey: 'monthly', cutOffDay: 14 }, { formKey: 'yearly' }] };
    expect(cutOffDayOf(campaign, 'monthly')).toBe(14);
    expect(cutOffDayOf(campaign, 'yearly')).toBeUndefined();
    expect(cutOffDayOf(undefined, 'monthly')).toBeUndefined();
  });
});
