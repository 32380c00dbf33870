import * as z from 'zod';

/** Identifiers are short opaque strings: letters, digits, dash and underscore. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Mã định danh chỉ gồm chữ, số, dấu gạch');
export type Id = z.infer<typeof Id>;

/** A tenant is one province (one deployment may host several). */
export const TenantId = Id;
export type TenantId = z.infer<typeof TenantId>;

/** ISO-8601 instant, always UTC on the wire (`2023-02-07T01:00:00.000Z`). */
export const Instant = z.iso.datetime();
export type Instant = z.infer<typeof Instant>;

/** Calendar date `yyyy-MM-dd` (interpreted in Asia/Ho_Chi_Minh). */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam has no daylight saving: local time is always UTC+7. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date (in Asia/Ho_Chi_Minh) of an instant: `2023-02-06T18:00:00Z` → `2023-02-07`. */
export function toCalendarDate(instant: Instant): CalendarDate {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a calendar date's UTC midnight; a RangeError for anything else. */
export function calendarDateMs(date: string): number {
  const t = Date.parse(`${date}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t))
    throw new RangeError(`Ngày không hợp lệ: ${date}`);
  return t;
}

/** The calendar date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return new Date(calendarDateMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar day (in Asia/Ho_Chi_Minh) a deadline falls on. Deadlines are exclusive instants — the
 * start of the day after — so a deadline of `2023-03-20T17:00:00Z` is the 20th, not the 21st.
 */
export function deadlineDay(dueAt: Instant): CalendarDate {
  return toCalendarDate(new Date(Date.parse(dueAt) - 1).toISOString());
}

/** The instant a calendar day starts in Asia/Ho_Chi_Minh: `2023-02-07` → `2023-02-06T17:00:00.000Z`. */
export function startOfDayInVietnam(date: CalendarDate): Instant {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString();
}
