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
  /**
   * A form filed several times per period (nominations): the row that opens one more draft beside the
   * unit's existing ones — not a duty of its own.
   */
  another: boolean;
}

const OPEN: readonly SubmissionState[] = ['draft', 'returned', 'withdrawn'];

/**
 * What `unit` must file in `campaign` (forms assigned to its kind, every period), joined with the
 * unit's submissions; most urgent first: returned, then overdue, then by due date. A form filed several
 * times per period (`multiple(formKey)`: nominations) gets a row per submission of the unit and a row to
 * add another.
 */
export function dutiesOf(
  campaign: Campaign,
  unit: Unit,
  mine: readonly SubmissionSummary[],
  now: Date,
  multiple: (formKey: string) => boolean = () => false,
): Duty[] {
  const duties: Duty[] = [];
  for (const a of campaign.forms) {
    if (!filesForm(campaign, a, unit)) continue;
    const several = multiple(a.formKey);
    for (const period of a.periods) {
      const filed = mine.filter((s) => s.formKey === a.formKey && s.period === period);
      const dueAt = deadlineFor(a, period, 'submit');
      const row = (submission: SubmissionSummary | null, another: boolean): Duty => {
        const todo = another ? false : submission === null || OPEN.includes(submission.state);
        return {
          campaignId: campaign.id,
          formKey: a.formKey,
          templateId: a.templateId,
          templateVersion: submission?.templateVersion ?? a.templateVersion,
          period,
          dueAt,
          submission,
          todo,
          overdue: todo && dueAt !== null && Date.parse(dueAt) < now.getTime(),
          another,
        };
      };
      if (!several) duties.push(row(filed[0] ?? null, false));
      else if (filed.length === 0) duties.push(row(null, false));
      else duties.push(...filed.map((s) => row(s, false)), row(null, true));
    }
  }
  const rank = (d: Duty) => (d.submission?.state === 'returned' ? 0 : d.overdue ? 1 : d.todo ? 2 : 3);
  return duties.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.period.localeCompare(b.period) ||
      Number(a.another) - Number(b.another),
  );
}
