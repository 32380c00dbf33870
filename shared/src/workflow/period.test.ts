import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../common';
import { parsePeriod, periodRange, periodText } from './period';
import { Period } from './types';

describe('reporting periods', () => {
  it('reads months, quarters, halves, nine months and years, and nothing else', () => {
    for (const p of ['2026-M01', '2026-M12', '2023-Q4', '2023-H2', '2026-9M', '2023-Y'])
      expect(Period.safeParse(p).success).toBe(true);
    for (const p of ['2026-M00', '2026-M13', '2026-M1', '2023-Q5', '2026-8M', '2023-y', '23-Y'])
      expect(Period.safeParse(p).success).toBe(false);
    expect(parsePeriod('2026-M11')).toEqual({ year: '2026', kind: 'month', n: 11 });
    expect(parsePeriod('2026-9M')).toEqual({ year: '2026', kind: 'nine_months' });
  });

  it('names them as documents do', () => {
    expect(periodText('2026-M03')).toBe('tháng 03/2026');
    expect(periodText('2023-Q1')).toBe('quý I/2023');
    expect(periodText('2023-H2')).toBe('6 tháng cuối năm 2023');
    expect(periodText('2026-9M')).toBe('9 tháng đầu năm 2026');
    expect(periodText('2023-Y')).toBe('năm 2023');
  });

  it('counts calendar months, or from the day after the cut-off to the cut-off day', () => {
    expect(periodRange('2024-M02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026-9M')).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(periodRange('2026-M01', 14)).toEqual({ from: '2025-12-15', to: '2026-01-14' });
    expect(periodRange('2026-Y', 14)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(periodRange('2026-M02', 31)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('consecutive months tile the year with no gap or overlap, and a quarter is its three months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.option(fc.integer({ min: 1, max: 31 })),
        (year, cut) => {
          const c = cut ?? undefined;
          const months = Array.from({ length: 12 }, (_, i) =>
            periodRange(`${year}-M${String(i + 1).padStart(2, '0')}`, c),
          );
          for (let i = 1; i < 12; i++) expect(months[i]?.from).toBe(addDays(months[i - 1]?.to ?? '', 1));
          for (let q = 1; q <= 4; q++)
            expect(periodRange(`${year}-Q${q}`, c)).toEqual({
              from: months[q * 3 - 3]?.from,
              to: months[q * 3 - 1]?.to,
            });
          expect(periodRange(`${year}-Y`, c)).toEqual({ from: months[0]?.from, to: months[11]?.to });
          expect(periodRange(`${year}-9M`, c)).toEqual({ from: months[0]?.from, to: months[8]?.to });
        },
      ),
      { numRuns: 300 },
    );
  });
});
