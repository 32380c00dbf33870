import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { periodLabel } from './labels';

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
