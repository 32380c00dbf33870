import { type Campaign, findFormAssignment } from '@thidua/shared/campaign';
import { defaultReminderPolicy, type Obligation, ReminderPolicy } from '@thidua/shared/notifications';
import type { Unit } from '@thidua/shared/org';
import { periodText } from '@thidua/shared/workflow';
import type { Deps } from '../../kernel/deps';
import { childrenCompleteness, templateVersionOf } from '../submissions/use-cases';

/** The campaign's reminder days, or the default (3 and 1 days before, escalation after 2 then 5 days). */
export const reminderPolicyOf = (campaign: Campaign): ReminderPolicy => {
  const r = ReminderPolicy.safeParse(campaign.reminders);
  return r.success ? r.data : defaultReminderPolicy;
};

/** The submission deadline of a form and period (a period's own, else the form's general one). */
const submitDeadline = (campaign: Campaign, formKey: string, period: string): string | undefined => {
  const deadlines = findFormAssignment(campaign, formKey)?.deadlines ?? [];
  const submit = deadlines.filter((x) => x.stage === 'submit');
  return (submit.find((x) => x.period === period) ?? submit.find((x) => x.period === null))?.dueAt;
};

/**
 * What each child unit of `parent` owes for a campaign's form and period, as the planner words it: its
 * completeness status (two queries), the deadline, and the reviewing unit (`parent`).
 */
export async function obligationsBelow(
  d: Pick<Deps, 'campaigns' | 'submissions' | 'templates' | 'units'>,
  at: { campaign: Campaign; formKey: string; period: string; parent: Pick<Unit, 'id' | 'tenantId'> },
  now: Date,
): Promise<Obligation[]> {
  const { campaign, formKey, period, parent } = at;
  const dueAt = submitDeadline(campaign, formKey, period);
  const assignment = findFormAssignment(campaign, formKey);
  if (!dueAt || !assignment) return [];
  const template = await templateVersionOf(
    d,
    campaign.tenantId,
    assignment.templateId,
    assignment.templateVersion,
  );
  const naming = { formTitle: template?.title ?? formKey, periodText: periodText(period) };
  const { result } = await childrenCompleteness(d, campaign, formKey, period, parent, now);
  return result.units.map((u) => ({
    tenantId: campaign.tenantId,
    campaignId: campaign.id,
    formKey,
    period,
    unitId: u.unitId,
    unitName: u.unitName,
    reviewerUnitId: parent.id,
    status: u.status,
    dueAt,
    naming,
  }));
}

/** Whether a deadline is near or recently past enough to plan reminders for (the job skips the rest). */
export const inReminderWindow = (dueAt: string, now: Date, policy: ReminderPolicy): boolean => {
  const days = (Date.parse(dueAt) - now.getTime()) / 86_400_000;
  const ahead = Math.max(0, ...policy.daysBefore) + 1;
  // After the deadline: until a day past the last escalation step (later steps were sent or never will be).
  return days <= ahead && days >= -(policy.escalateAfterDays[1] + 1);
};

/** Every (form, period) of an active campaign whose submission deadline is in the reminder window. */
export const duePairs = (
  campaign: Campaign,
  now: Date,
): { formKey: string; period: string; dueAt: string }[] => {
  if (campaign.status !== 'active') return [];
  const policy = reminderPolicyOf(campaign);
  return campaign.forms.flatMap((f) =>
    f.periods.flatMap((period) => {
      const dueAt = submitDeadline(campaign, f.formKey, period);
      return dueAt && inReminderWindow(dueAt, now, policy) ? [{ formKey: f.formKey, period, dueAt }] : [];
    }),
  );
};
