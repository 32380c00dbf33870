/**
 * Working-day arithmetic and Vietnamese date wording. Dates are `yyyy-MM-dd` calendar dates in
 * Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving), so plain UTC arithmetic on them is exact.
 */

import { addDays, calendarDateMs, startOfDayInVietnam, toCalendarDate } from '../common';

export { addDays };

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(calendarDateMs(date)).getUTCDay();

export const isWorkingDay = (date: string, holidays: ReadonlySet<string> | readonly string[]): boolean => {
  const d = weekday(date);
  if (d === 0 || d === 6) return false;
  const set = holidays instanceof Set ? holidays : new Set(holidays as readonly string[]);
  return !set.has(date);
};

/**
 * The date `n` working days after `start` (the start day itself is not counted, as in "trong thời hạn
 * n ngày làm việc kể từ ngày ..."), skipping Saturdays, Sundays and the configured public holidays.
 * `n = 0` returns `start`.
 */
export const addWorkingDays = (start: string, n: number, holidays: readonly string[]): string => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('Số ngày làm việc phải là số nguyên không âm');
  const set = new Set(holidays);
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, set)) left -= 1;
  }
  return date;
};

/** Working days strictly after `from` up to and including `to`. */
export const workingDaysBetween = (from: string, to: string, holidays: readonly string[]): number => {
  const set = new Set(holidays);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, set)) count += 1;
  return count;
};

/** The calendar date of an instant in Asia/Ho_Chi_Minh (the one conversion: `toCalendarDate`). */
export const vnDate = (instant: string | Date): string =>
  toCalendarDate(typeof instant === 'string' ? instant : instant.toISOString());

/** The instant at which a Vietnamese calendar day ends (23:59:59.999 local). */
export const endOfVnDay = (date: string): string =>
  new Date(Date.parse(startOfDayInVietnam(addDays(date, 1))) - 1).toISOString();

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 15 tháng 12 năm 2023". Decree 30/2020: days below 10 and the months 1 and 2 take a leading zero.
 */
export const vnDateWords = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(date);
  const month = m <= 2 ? pad2(m) : String(m);
  return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
};

/** dd/MM/yyyy. */
export const vnDateShort = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
};
