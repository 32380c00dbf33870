import type { SubmissionView } from '@thidua/shared/api';
import type { Identity } from '@thidua/shared/org';
import { availableActions } from '@thidua/shared/workflow';
import type { StoredSubmission } from './repository';

/** The API's view of a submission for `identity`: the rules snapshot stays inside, the actions come out. */
export const submissionView = (s: StoredSubmission, identity: Identity, now: Date): SubmissionView => {
  const { rules, ...submission } = s;
  return { ...submission, actions: availableActions(submission, identity, rules, now.toISOString()) };
};
