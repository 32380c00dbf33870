import type { CalendarDate, Id, Instant } from '../common';
import type { Unit } from '../org/schema';
import { isActiveOn } from '../org/tree';
import type { Period } from '../workflow/types';
import type { Campaign, Deadline, DeadlineStage, FormAssignment } from './schema';

export function findFormAssignment(campaign: Campaign, formKey: string): FormAssignment | undefined {
  return campaign.forms.find((f) => f.formKey === formKey);
}

/** The assignment that uses `templateId` (first match). */
export function findAssignmentByTemplate(campaign: Campaign, templateId: string): FormAssignment | undefined {
  return campaign.forms.find((f) => f.templateId === templateId);
}

/** Whether `unit` takes part in the campaign (by kind or by name, minus exclusions), open on `onDate` if given. */
export function isParticipant(campaign: Campaign, unit: Unit, onDate?: CalendarDate): boolean {
  if (unit.tenantId !== campaign.tenantId) return false;
  if (onDate !== undefined && !isActiveOn(unit, onDate)) return false;
  const p = campaign.participants;
  if (p.excludedUnitIds.includes(unit.id)) return false;
  return p.unitIds.includes(unit.id) || p.unitKinds.includes(unit.kind);
}

/** Whether `unit` files the form of `assignment` (a participant of an assigned kind). */
export function filesForm(
  campaign: Campaign,
  assignment: FormAssignment,
  unit: Unit,
  onDate?: CalendarDate,
): boolean {
  if (!isParticipant(campaign, unit, onDate)) return false;
  return assignment.unitKinds.length === 0 || assignment.unitKinds.includes(unit.kind);
}

export interface ResolvedWindow {
  opensAt: Instant;
  /** Exclusive; a lock exception for the unit moves it later. */
  closesAt: Instant;
  /** Set when a lock exception extended the window. */
  exceptionReason: string | null;
}

/**
 * The entry window of a form for a unit and period, with the unit's lock exception applied. null: the
 * campaign sets no window (entry is always open).
 */
export function entryWindowFor(
  assignment: FormAssignment,
  unitId: Id,
  period: Period,
): ResolvedWindow | null {
  const window =
    assignment.entryWindows.find((w) => w.period === period) ??
    assignment.entryWindows.find((w) => w.period === null);
  if (window === undefined) return null;
  const exception =
    assignment.lockExceptions.find((e) => e.unitId === unitId && e.period === period) ??
    assignment.lockExceptions.find((e) => e.unitId === unitId && e.period === null);
  if (exception !== undefined && exception.closesAt > window.closesAt) {
    return { opensAt: window.opensAt, closesAt: exception.closesAt, exceptionReason: exception.reason };
  }
  return { opensAt: window.opensAt, closesAt: window.closesAt, exceptionReason: null };
}

/** Whether `now` falls inside the window (null window: always open). */
export function isWindowOpen(
  window: Pick<ResolvedWindow, 'opensAt' | 'closesAt'> | null,
  now: Instant,
): boolean {
  if (window === null) return true;
  const t = Date.parse(now);
  return Date.parse(window.opensAt) <= t && t < Date.parse(window.closesAt);
}

/** The deadline of a stage for a period (a period-specific one wins over a general one). */
export function deadlineFor(
  assignment: FormAssignment,
  period: Period,
  stage: DeadlineStage,
  reviewerKind?: string,
): Instant | null {
  const matches = (d: Deadline) =>
    d.stage === stage &&
    (stage !== 'review' || d.reviewerKind === undefined || d.reviewerKind === reviewerKind);
  const specific = (d: Deadline) =>
    d.period === period && (stage !== 'review' || d.reviewerKind === reviewerKind);
  const candidates = assignment.deadlines.filter(
    (d) => matches(d) && (d.period === period || d.period === null),
  );
  const best = candidates.find(specific) ?? candidates.find((d) => d.period === period) ?? candidates[0];
  return best?.dueAt ?? null;
}
