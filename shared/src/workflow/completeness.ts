import type { CalendarDate, Id } from '../common';
import type { Unit } from '../org/schema';
import { isActiveOn } from '../org/tree';
import type { ChainLevel, SubmissionState } from './types';

/** What completeness needs to know of a child unit's submission for the form and period. */
export interface ChildStatus {
  state: SubmissionState;
  level: number | null;
  /** The submission's chain; `[]` if unknown (then only the final approval counts). */
  chain: readonly Pick<ChainLevel, 'unitId'>[];
}

export type CompletenessStatus = 'not_started' | 'in_progress' | 'submitted' | 'approved' | 'rejected';

export interface UnitCompleteness {
  unitId: Id;
  unitName: string;
  status: CompletenessStatus;
}

export interface Completeness {
  total: number;
  counts: Record<CompletenessStatus, number>;
  units: UnitCompleteness[];
  /** Units whose report is not approved yet (not started, in progress or waiting for review). */
  missing: Id[];
  /** Every child's report is settled: approved (by the reviewing unit or finally) or rejected for good. */
  complete: boolean;
}

/**
 * A child's submission for the form and period, or several of them where the form is filed several times
 * per period (nominations).
 */
export type ChildStatuses = ChildStatus | readonly ChildStatus[];
export type ChildStatusLookup =
  | ReadonlyMap<Id, ChildStatuses>
  | Readonly<Record<Id, ChildStatuses | undefined>>;

const lookup = (m: ChildStatusLookup, id: Id): ChildStatuses | undefined =>
  m instanceof Map ? m.get(id) : (m as Readonly<Record<Id, ChildStatuses | undefined>>)[id];

/** How far a child has got: a unit with several submissions stands where its most advanced one stands. */
const progress: Record<CompletenessStatus, number> = {
  not_started: 0,
  rejected: 1,
  in_progress: 2,
  submitted: 3,
  approved: 4,
};

/**
 * Where a child stands with several submissions for the form and period: at its most advanced one. It
 * has filed once one is submitted, is settled once one is approved (or all are rejected for good); a
 * draft started after a rejection counts as in progress.
 */
export function unitStatus(statuses: ChildStatuses | undefined, reviewerUnitId?: Id): CompletenessStatus {
  const list = statuses === undefined ? [] : 'state' in statuses ? [statuses] : statuses;
  let best: CompletenessStatus = 'not_started';
  for (const s of list) {
    const c = childStatus(s, reviewerUnitId);
    if (progress[c] > progress[best]) best = c;
  }
  return best;
}

/**
 * Where a child's submission stands from the point of view of `reviewerUnitId`: approved once it has
 * moved past that unit's level in its chain (or been approved at the top).
 */
export function childStatus(status: ChildStatus | undefined, reviewerUnitId?: Id): CompletenessStatus {
  if (status === undefined) return 'not_started';
  switch (status.state) {
    case 'draft':
    case 'returned':
    case 'withdrawn':
      return 'in_progress';
    case 'rejected':
      return 'rejected';
    case 'approved':
      return 'approved';
    case 'awaiting_signoff':
      return 'submitted';
    case 'under_review': {
      if (reviewerUnitId === undefined || status.level === null) return 'submitted';
      const at = status.chain.findIndex((l) => l.unitId === reviewerUnitId);
      return at >= 0 && status.level > at ? 'approved' : 'submitted';
    }
  }
}

/**
 * Roll-up of a form and period over `childUnits` (closed units are left out when `onDate` is given).
 * `statusesByUnit` holds the child submissions the caller read for that form and period (one per unit,
 * or a list per unit for forms filed several times per period — see `unitStatus`).
 */
export function completeness(
  childUnits: readonly Unit[],
  statusesByUnit: ChildStatusLookup,
  options: { reviewerUnitId?: Id; onDate?: CalendarDate } = {},
): Completeness {
  const counts: Record<CompletenessStatus, number> = {
    not_started: 0,
    in_progress: 0,
    submitted: 0,
    approved: 0,
    rejected: 0,
  };
  const units: UnitCompleteness[] = [];
  const missing: Id[] = [];
  for (const u of childUnits) {
    if (options.onDate !== undefined && !isActiveOn(u, options.onDate)) continue;
    const status = unitStatus(lookup(statusesByUnit, u.id), options.reviewerUnitId);
    counts[status]++;
    units.push({ unitId: u.id, unitName: u.name, status });
    if (status !== 'approved' && status !== 'rejected') missing.push(u.id);
  }
  return { total: units.length, counts, units, missing, complete: missing.length === 0 };
}
