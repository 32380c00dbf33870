import type { Role } from '../org';
import { authorRoles, reviewerRoles, signOffRole } from '../workflow/transition';
import type { Submission, WorkflowEvent } from '../workflow/types';
import type { Audience, NotificationIntent, NotificationKind, NotificationSubject } from './schema';

/** What the notice says the submission is: its form's title, period and unit, as people name them. */
export interface SubmissionNaming {
  /** "Báo cáo kết quả phong trào" (the template's title). */
  formTitle: string;
  /** "quý I/2023" (`periodText`). */
  periodText: string;
}

export const submissionSubject = (
  s: Pick<Submission, 'id' | 'unitName'>,
  naming: SubmissionNaming,
  fieldKey?: string,
): NotificationSubject => ({
  type: 'submission',
  id: s.id,
  title: `${naming.formTitle} ${naming.periodText} — ${s.unitName}`,
  path: `/submissions/${s.id}`,
  ...(fieldKey ? { fieldKey } : {}),
});

/** People of `unitId` holding one of `roles`. */
export const unitRoles = (unitId: string, roles: readonly Role[]): Audience => ({
  type: 'unit_roles',
  unitId,
  roles: [...roles],
});

/**
 * The notices one accepted workflow event causes, to the people whose turn it now is or whose work it
 * concerns (never the actor's own act back to them: the audience is another unit or another role).
 * `eventSeq` is the event's sequence in the submission's audit chain: with the kind and the audience it
 * makes the intent id, so a replayed transaction writes the same intents.
 */
export function submissionNotifications(input: {
  submission: Submission;
  event: WorkflowEvent;
  eventSeq: number;
  naming: SubmissionNaming;
  /** Fields a reviewer commented on when returning (the first one opens the page). */
  commentedFields?: readonly string[];
}): NotificationIntent[] {
  const { submission: s, event: e, naming } = input;
  const intents: NotificationIntent[] = [];
  const add = (kind: NotificationKind, audience: Audience, fieldKey?: string): void => {
    const who =
      audience.type === 'user' ? audience.userId : audience.type === 'unit_roles' ? audience.unitId : 'units';
    intents.push({
      id: `sub#${s.id}#${input.eventSeq}#${kind}#${who}`,
      tenantId: s.tenantId,
      kind,
      audience,
      subject: submissionSubject(s, naming, fieldKey),
      reason: e.reason,
      dueAt: s.dueAt,
      createdAt: e.at,
    });
  };
  const author = (roles: readonly Role[]) => unitRoles(s.unitId, roles);

  switch (e.to.state) {
    case 'awaiting_signoff':
      if (e.action === 'submit') add('awaiting_signoff', author([signOffRole]));
      break;
    case 'under_review': {
      const level = e.to.level === null ? undefined : s.chain[e.to.level];
      if (level) add('awaiting_review', unitRoles(level.unitId, reviewerRoles));
      break;
    }
    case 'returned':
      add('returned', author(authorRoles), input.commentedFields?.[0]);
      break;
    case 'approved':
      add('approved', author(authorRoles));
      break;
    case 'rejected':
      add('rejected', author(authorRoles));
      break;
    case 'withdrawn': {
      // Only a report that was waiting at a reviewer's level was in someone's inbox.
      const level = e.from.level === null ? undefined : s.chain[e.from.level];
      if (e.from.state === 'under_review' && level) add('withdrawn', unitRoles(level.unitId, reviewerRoles));
      break;
    }
    case 'draft':
      break;
  }
  return intents;
}
