import { type Campaign, deadlineFor, filesForm } from '@thidua/shared/campaign';
import type { Unit } from '@thidua/shared/org';
import type { SubmissionState } from '@thidua/shared/workflow';
import type { SubmissionSummary } from '../submissions/service';

/** One thing a unit must file: a form of a campaign for a period, and where it stands. */
export interface Duty {
  campaignId: string;
  formKey: string;
  templateId: string;
  templateVersion: number;
  period: string;
  dueAt: string | null;
  submission: SubmissionSummary | null;
  overdue: boolean;
  /** The unit still has work to do on it (not started, draft, returned, withdrawn). */
  todo: boolean;
}

const OPEN: readonly SubmissionState[] = ['draft', 'returned', 'withdrawn'];

/**
 * What `unit` must file in `campaign` (forms assigned to its kind, every period), joined with the
 * unit's submissions; most urgent first: returned, then overdue, then by due date.
 */
export function dutiesOf(
  campaign: Campaign,
  unit: Unit,
  mine: readonly SubmissionSummary[],
  now: Date,
): Duty[] {
  const duties: Duty[] = [];
  for (const a of campaign.forms) {
    if (!filesForm(campaign, a, unit)) continue;
    for (const period of a.periods) {
      const submission = mine.find((s) => s.formKey === a.formKey && s.period === period) ?? null;
      const dueAt = deadlineFor(a, period, 'submit');
      const todo = submission === null || OPEN.includes(submission.state);
      duties.push({
        campaignId: campaign.id,
        formKey: a.formKey,
        templateId: a.templateId,
        templateVersion: submission?.templateVersion ?? a.templateVersion,
        period,
        dueAt,
        submission,
        todo,
        overdue: todo && dueAt !== null && Date.parse(dueAt) < now.getTime(),
      });
    }
  }
  const rank = (d: Duty) => (d.submission?.state === 'returned' ? 0 : d.overdue ? 1 : d.todo ? 2 : 3);
  return duties.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.period.localeCompare(b.period),
  );
}
