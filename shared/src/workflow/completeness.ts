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

export type ChildStatusLookup = ReadonlyMap<Id, ChildStatus> | Readonly<Record<Id, ChildStatus | undefined>>;

const lookup = (m: ChildStatusLookup, id: Id): ChildStatus | undefined =>
  m instanceof Map ? m.get(id) : (m as Readonly<Record<Id, ChildStatus | undefined>>)[id];

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
 * `statusesByUnit` holds the child submissions the caller read for that form and period.
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
    const status = childStatus(lookup(statusesByUnit, u.id), options.reviewerUnitId);
    counts[status]++;
    units.push({ unitId: u.id, unitName: u.name, status });
    if (status !== 'approved' && status !== 'rejected') missing.push(u.id);
  }
  return { total: units.length, counts, units, missing, complete: missing.length === 0 };
}
