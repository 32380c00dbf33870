import {
  deadlineFor,
  entryWindowFor,
  findAssignmentByTemplate,
  findFormAssignment,
} from '../campaign/helpers';
import type { Campaign } from '../campaign/schema';
import type { Id, Instant } from '../common';
import type { FormTemplate } from '../forms/schema';
import type { Period } from './types';

/**
 * Everything the workflow needs to know about the campaign and the template for one submission,
 * resolved up front so that `transition` stays a pure function of its input.
 */
export interface WorkflowRules {
  /** The author unit's head signs off before the submission leaves the unit. */
  requireUnitSignOff: boolean;
  /** `reject` ends the submission; otherwise it goes back to the author like `return`. */
  rejectIsTerminal: boolean;
  /** Submit needs every child unit's report of the period approved (pass `children`). */
  requireChildrenApproved: boolean;
  /** When the author unit may enter data (its lock exception applied); null: always. `closesAt` exclusive. */
  entryWindow: { opensAt: Instant; closesAt: Instant } | null;
  /** Deadlines that set `dueAt` for each stage (they mark overdue; they do not block). */
  deadlines: {
    submit: Instant | null;
    signOff: Instant | null;
    /** Review deadline by the reviewing unit's kind. */
    reviewByKind: Readonly<Record<string, Instant>>;
    /** Review deadline for kinds not listed above. */
    review: Instant | null;
  };
}

/** Rules with nothing configured: no sign-off, reject returns, no window, no deadlines. */
export const defaultWorkflowRules: WorkflowRules = {
  requireUnitSignOff: false,
  rejectIsTerminal: false,
  requireChildrenApproved: false,
  entryWindow: null,
  deadlines: { submit: null, signOff: null, reviewByKind: {}, review: null },
};

export interface RulesForInput {
  campaign: Campaign;
  template: Pick<FormTemplate, 'id' | 'workflow'>;
  /** The author unit. */
  unitId: Id;
  period: Period;
  /** The form key in the campaign; defaults to the assignment that uses the template. */
  formKey?: string;
}

/** The workflow rules of a submission, from its campaign (sign-off, windows, deadlines) and template. */
export function rulesFor({ campaign, template, unitId, period, formKey }: RulesForInput): WorkflowRules {
  const assignment =
    formKey === undefined
      ? findAssignmentByTemplate(campaign, template.id)
      : findFormAssignment(campaign, formKey);
  const reviewByKind: Record<string, Instant> = {};
  let review: Instant | null = null;
  if (assignment !== undefined) {
    for (const d of assignment.deadlines) {
      if (d.stage !== 'review' || (d.period !== null && d.period !== period)) continue;
      if (d.reviewerKind === undefined) {
        if (d.period === period || review === null) review = d.dueAt;
      } else if (d.period === period || reviewByKind[d.reviewerKind] === undefined) {
        reviewByKind[d.reviewerKind] = d.dueAt;
      }
    }
  }
  const window = assignment === undefined ? null : entryWindowFor(assignment, unitId, period);
  return {
    requireUnitSignOff: campaign.requireUnitSignOff,
    rejectIsTerminal: template.workflow.rejectIsTerminal,
    requireChildrenApproved: template.workflow.requireChildrenApproved,
    entryWindow: window === null ? null : { opensAt: window.opensAt, closesAt: window.closesAt },
    deadlines: {
      submit: assignment === undefined ? null : deadlineFor(assignment, period, 'submit'),
      signOff: assignment === undefined ? null : deadlineFor(assignment, period, 'sign_off'),
      reviewByKind,
      review,
    },
  };
}
