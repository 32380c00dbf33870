import * as z from 'zod';
import { calendarDateMs, deadlineDay, type Instant, toCalendarDate } from '../common';
import type { CompletenessStatus } from '../workflow/completeness';
import { authorRoles, reviewerRoles, signOffRole } from '../workflow/transition';
import type { Audience, NotificationIntent, NotificationKind } from './schema';
import { type SubmissionNaming, unitRoles } from './submissions';

/**
 * When reminders go out, per campaign: `daysBefore` the submission deadline (calendar days in Vietnam),
 * then on the day it passes, then escalation `escalateAfterDays` after it — first to the unit's head,
 * then to the reviewing level.
 */
export const ReminderPolicy = z
  .object({
    daysBefore: z.array(z.number().int().min(1).max(60)).max(5),
    escalateAfterDays: z.tuple([z.number().int().min(1).max(60), z.number().int().min(1).max(90)]),
  })
  .refine((p) => p.escalateAfterDays[0] < p.escalateAfterDays[1], {
    message: 'Bước báo cấp trên phải sau bước báo thủ trưởng đơn vị',
    path: ['escalateAfterDays'],
  });
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;

export const defaultReminderPolicy: ReminderPolicy = { daysBefore: [3, 1], escalateAfterDays: [2, 5] };

/** A unit that owes a form for a period, with what the planner needs to word and address the notice. */
export interface Obligation {
  tenantId: string;
  campaignId: string;
  formKey: string;
  period: string;
  unitId: string;
  unitName: string;
  /** The unit that reviews the unit's report first (the escalation's second step), if any. */
  reviewerUnitId: string | null;
  status: CompletenessStatus;
  /** The submission deadline of the form and period. */
  dueAt: Instant;
  naming: SubmissionNaming;
}

const DAY_MS = 86_400_000;

/** Calendar days (in Vietnam) from `now`'s day to the deadline's last day: 0 on that day, negative after. */
export const daysLeft = (now: Instant, dueAt: Instant): number =>
  Math.round((calendarDateMs(deadlineDay(dueAt)) - calendarDateMs(toCalendarDate(now))) / DAY_MS);

const owes = (o: Obligation): boolean => o.status === 'not_started' || o.status === 'in_progress';

const obligationKey = (o: Obligation): string => `rem#${o.campaignId}#${o.formKey}#${o.period}#${o.unitId}`;

const intentOf = (
  o: Obligation,
  kind: NotificationKind,
  step: string,
  audience: Audience,
  now: Instant,
  reason: string | null = null,
): NotificationIntent => ({
  id: `${obligationKey(o)}#${step}`,
  tenantId: o.tenantId,
  kind,
  audience,
  subject: {
    type: 'campaign',
    id: o.campaignId,
    title: `${o.naming.formTitle} ${o.naming.periodText} — ${o.unitName}`,
    path: `/?campaign=${encodeURIComponent(o.campaignId)}&form=${encodeURIComponent(o.formKey)}&period=${encodeURIComponent(o.period)}`,
  },
  reason,
  dueAt: o.dueAt,
  createdAt: now,
});

/**
 * The reminders due at `now` for units that have not filed. Each step has a fixed id, so running the
 * schedule twice (or late, or after a restart) never sends a step twice; a late run sends only the latest
 * "due in N days" step reached, never a stale earlier one.
 */
export function plannedReminders(
  obligations: readonly Obligation[],
  policy: ReminderPolicy,
  now: Instant,
): NotificationIntent[] {
  const out: NotificationIntent[] = [];
  const before = [...policy.daysBefore].sort((a, b) => a - b);
  for (const o of obligations) {
    if (!owes(o)) continue;
    const left = daysLeft(now, o.dueAt);
    const authors = unitRoles(o.unitId, authorRoles);
    if (Date.parse(now) < Date.parse(o.dueAt)) {
      const step = before.find((d) => left <= d);
      if (step !== undefined) out.push(intentOf(o, 'deadline_soon', `before-${step}`, authors, now));
      continue;
    }
    out.push(intentOf(o, 'overdue', 'overdue', authors, now));
    const late = -left;
    const [toHead, toReviewer] = policy.escalateAfterDays;
    if (late >= toHead)
      out.push(intentOf(o, 'escalation', 'escalate-1', unitRoles(o.unitId, [signOffRole]), now));
    if (late >= toReviewer && o.reviewerUnitId !== null)
      out.push(intentOf(o, 'escalation', 'escalate-2', unitRoles(o.reviewerUnitId, reviewerRoles), now));
  }
  return out;
}

/**
 * A reviewer's "Nhắc nhở" for the units that have not filed: one notice per unit per request (the
 * request's Idempotency-Key makes a double click one reminder), to the unit's officers and head.
 */
export function manualReminders(
  obligations: readonly Obligation[],
  requestKey: string,
  now: Instant,
  message: string | null,
): NotificationIntent[] {
  return obligations
    .filter(owes)
    .map((o) =>
      intentOf(o, 'reminder', `manual-${requestKey}`, unitRoles(o.unitId, authorRoles), now, message),
    );
}
