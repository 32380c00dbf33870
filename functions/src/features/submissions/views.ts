import type { SubmissionOrigin, SubmissionView } from '@thidua/shared/api';
import type { Identity } from '@thidua/shared/org';
import { availableActions } from '@thidua/shared/workflow';
import type { StoredSubmission } from './repository';

/**
 * The API's view of a submission for `identity`: the rules snapshot stays inside, the actions come out.
 * Read through lineage (`origin`), it is read only: no action is offered.
 */
export const submissionView = (
  s: StoredSubmission,
  identity: Identity,
  now: Date,
  origin?: SubmissionOrigin,
): SubmissionView => {
  const { rules, ...submission } = s;
  if (origin) return { ...submission, actions: [], origin };
  return { ...submission, actions: availableActions(submission, identity, rules, now.toISOString()) };
};
