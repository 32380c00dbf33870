import type { CalendarDate, Id, Instant } from '../common';
import { parsePeriod } from '../workflow/period';
import type { Campaign, Deadline, EntryWindow, FormAssignment } from './schema';

/**
 * Copying a campaign into another year (2026 from 2023): the secretariat starts from last year's plan
 * instead of a blank page. Everything dated moves by the difference in years; what belongs to the old
 * year only is cleared and listed in `COPY_CLEARS` (the builder shows that list):
 * - the plan's number and symbol, its date and its signer: a new plan is a new document;
 * - every per-unit lock exception: an extension was granted for one year's late entry;
 * - units picked by name and units excluded by name: the new year's tree decides (units merge and close);
 * the result is a draft (status `draft`), never in force until it is published.
 */
export const COPY_CLEARS = [
  'number',
  'issuedOn',
  'signer',
  'participants.unitIds',
  'participants.excludedUnitIds',
  'forms.*.lockExceptions',
] as const;

/** The copy before the secretariat fills in what was cleared: a draft, not yet a valid `Campaign`. */
export type CampaignCopy = Omit<Campaign, 'number' | 'issuedOn'> & { number: string; issuedOn: string };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `2023-02-07` + 3 years → `2026-02-07`; 29 February lands on the 28th of a common year. */
export function shiftDateByYears(date: CalendarDate, years: number): CalendarDate {
  const y = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4, 10);
  const day = rest === '-02-29' && !isLeap(y) ? '-02-28' : rest;
  return `${String(y).padStart(4, '0')}${day}`;
}

/** An instant moved by whole years in UTC (Vietnam has no daylight saving, so local days move too). */
export function shiftInstantByYears(instant: Instant, years: number): Instant {
  return `${shiftDateByYears(instant.slice(0, 10), years)}${instant.slice(10)}`;
}

/** `2023-Q1` + 3 → `2026-Q1`; anything that is not a period is returned unchanged. */
export function shiftPeriodByYears(period: string, years: number): string {
  const p = parsePeriod(period);
  if (!p) return period;
  return `${String(Number(p.year) + years).padStart(4, '0')}${period.slice(4)}`;
}

const shiftNullablePeriod = (p: string | null, years: number) =>
  p === null ? null : shiftPeriodByYears(p, years);

const shiftForm = (f: FormAssignment, years: number): FormAssignment => ({
  ...f,
  periods: f.periods.map((p) => shiftPeriodByYears(p, years)),
  deadlines: f.deadlines.map(
    (d): Deadline => ({
      ...d,
      period: shiftNullablePeriod(d.period, years),
      dueAt: shiftInstantByYears(d.dueAt, years),
    }),
  ),
  entryWindows: f.entryWindows.map(
    (w): EntryWindow => ({
      period: shiftNullablePeriod(w.period, years),
      opensAt: shiftInstantByYears(w.opensAt, years),
      closesAt: shiftInstantByYears(w.closesAt, years),
    }),
  ),
  lockExceptions: [],
});

/**
 * The draft of `source` for `year` under the new id: dates, instants, periods and the year in the title
 * moved; the fields of `COPY_CLEARS` emptied. Pure, so the browser previews exactly what the API writes.
 */
export function copyCampaign(source: Campaign, target: { id: Id; year: number }): CampaignCopy {
  const years = target.year - source.year;
  return {
    ...source,
    id: target.id,
    year: target.year,
    number: '',
    issuedOn: '',
    signer: '',
    title: source.title.replaceAll(String(source.year), String(target.year)),
    participants: { unitKinds: [...source.participants.unitKinds], unitIds: [], excludedUnitIds: [] },
    periods: source.periods.map((p) => shiftPeriodByYears(p, years)),
    forms: source.forms.map((f) => shiftForm(f, years)),
    chainConfigs: source.chainConfigs.map((c) => ({
      ...c,
      effectiveFrom: shiftDateByYears(c.effectiveFrom, years),
      effectiveTo: c.effectiveTo === null ? null : shiftDateByYears(c.effectiveTo, years),
    })),
    status: 'draft',
  };
}
