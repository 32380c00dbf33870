/**
 * Display formats fixed by the product, whatever the UI language: dates dd/MM/yyyy and times HH:mm in
 * Asia/Ho_Chi_Minh (officers and the law count days in Vietnam's time zone, not the browser's), numbers
 * with Vietnamese separators (1.234,5). Built from `formatToParts` so the output never depends on how a
 * given ICU build spells a locale's pattern.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

function partsOf(instant: Date): Parts {
  const out: Parts = { day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of dateTimeParts.formatToParts(instant)) {
    if (
      p.type === 'day' ||
      p.type === 'month' ||
      p.type === 'year' ||
      p.type === 'hour' ||
      p.type === 'minute'
    ) {
      out[p.type] = p.value;
    }
  }
  return out;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2023-02-07` (a calendar date) or an instant → `07/02/2023` (the instant read in Vietnam). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return String(value);
  const p = partsOf(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An instant → `07/02/2023 08:30` in Vietnam. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return String(value);
  const p = partsOf(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** An instant → `08:30` in Vietnam. */
export function formatTime(value: string | Date): string {
  const d = toDate(value);
  if (!d) return String(value);
  const p = partsOf(d);
  return `${p.hour}:${p.minute}`;
}

/** Today's calendar date in Vietnam, `yyyy-MM-dd`. */
export function todayInVietnam(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `07/02/2023` typed by a person → `2023-02-07`, or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y] = m;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(iso) ? iso : null;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (decimals: boolean, grouping: boolean): Intl.NumberFormat => {
  const key = `${decimals}/${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals ? 2 : 0, useGrouping: grouping });
    numberFormats.set(key, f);
  }
  return f;
};

/**
 * 1234.5 → `1.234,5`. `grouping: false` for numbers read digit by digit, such as a year (`2022`, never
 * `2.022`).
 */
export function formatNumber(
  value: number | null | undefined,
  opts: { decimals?: boolean; grouping?: boolean } = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat(opts.decimals !== false, opts.grouping !== false).format(value);
}

/** `1.234,5` or `1234.5` typed by a person → 1234.5; null for empty, NaN for garbage. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  // Vietnamese input: dots group thousands, the comma is the decimal mark. A lone dot is read as a
  // decimal mark (people type 12.5 too) unless three digits follow it: `12501.250` is a group badly
  // placed, not 12501.25, so it is refused rather than read as another number.
  let normalized: string;
  if (t.includes(',')) normalized = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) normalized = t.replace(/\./g, '');
  else if (/\.\d{3}$/.test(t)) return Number.NaN;
  else normalized = t;
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}

/** 1536000 → `1,5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/**
 * A deadline instant as the last day it allows: campaign deadlines are exclusive ends at midnight in
 * Vietnam (`2023-02-28T17:00Z` = 01/03 00:00), which people read as "by 28/02/2023".
 */
export function formatDeadline(value: string | null | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  return Number.isNaN(t) ? String(value) : formatDate(new Date(t - 1));
}
