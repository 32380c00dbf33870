import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  endOfVnDay,
  isWorkingDay,
  vnDate,
  vnDateShort,
  vnDateWords,
  workingDaysBetween,
} from './calendar';
import { publicHolidays } from './config-2023';

describe('addWorkingDays', () => {
  it('skips weekends: Friday + 1 is Monday', () => {
    expect(addWorkingDays('2023-12-15', 1, [])).toBe('2023-12-18');
  });
  it('skips the configured holidays: Tết 2024 (8–14/02) pushes a 10-day window', () => {
    // Opened Monday 5/2/2024: 6, 7, then 15, 16, 19..23, 26 → the 10th working day is 26/02.
    expect(addWorkingDays('2024-02-05', 10, publicHolidays)).toBe('2024-02-26');
    expect(addWorkingDays('2024-02-05', 10, [])).toBe('2024-02-19');
  });
  it('returns the start for zero days and refuses negative ones', () => {
    expect(addWorkingDays('2023-12-16', 0, [])).toBe('2023-12-16');
    expect(() => addWorkingDays('2023-12-16', -1, [])).toThrow();
  });
  it('always lands on a working day, exactly n working days later', () => {
    const date = fc
      .integer({ min: Date.parse('2023-01-01'), max: Date.parse('2026-10-01') })
      .map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, publicHolidays);
        expect(isWorkingDay(end, publicHolidays)).toBe(true);
        expect(workingDaysBetween(start, end, publicHolidays)).toBe(n);
        expect(addWorkingDays(start, n + 1, publicHolidays) > end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Vietnamese dates', () => {
  it('writes dates as Decree 30 asks: leading zero for days below 10 and months 1–2', () => {
    expect(vnDateWords('2023-12-15')).toBe('ngày 15 tháng 12 năm 2023');
    expect(vnDateWords('2023-02-07')).toBe('ngày 07 tháng 02 năm 2023');
    expect(vnDateWords('2023-03-05')).toBe('ngày 05 tháng 3 năm 2023');
    expect(vnDateShort('2023-02-07')).toBe('07/02/2023');
  });
  it('reads the calendar day in Asia/Ho_Chi_Minh', () => {
    expect(vnDate('2023-12-14T17:00:00.000Z')).toBe('2023-12-15');
    expect(vnDate('2023-12-14T16:59:59.999Z')).toBe('2023-12-14');
    expect(endOfVnDay('2023-12-15')).toBe('2023-12-15T16:59:59.999Z');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
