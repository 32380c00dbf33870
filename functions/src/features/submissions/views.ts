import type { SubmissionOrigin, SubmissionView } from '@thidua/shared/api';
import { type FormTemplate, type InvalidEntry, redactData, sensitiveRefs } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import { authorizeSensitiveRead } from '@thidua/shared/policy';
import { availableActions } from '@thidua/shared/workflow';
import { submissionResource } from '../../kernel/access';
import type { StoredSubmission } from './repository';

/** What of the template a view needs: its fields (which are sensitive) and who reads them. */
export type ViewTemplate = Pick<FormTemplate, 'sections' | 'sensitiveReaders'>;

/** The policy's answer: may `identity` read the sensitive fields of `s`, filled on `template`? */
export const readsSensitive = (identity: Identity, s: StoredSubmission, template: ViewTemplate): boolean =>
  authorizeSensitiveRead(identity, submissionResource(s.tenantId, s), template.sensitiveReaders).allowed;

/** Whether a path (`section.field…`) lies in a sensitive field or in a table holding a sensitive column. */
export const inSensitiveField = (template: ViewTemplate): ((path: string) => boolean) => {
  const fields = [...sensitiveRefs(template)].map((r) => r.split('.').slice(0, 2).join('.'));
  return (path) => fields.some((f) => path === f || path.startsWith(`${f}.`));
};

/** Kept invalid input of a sensitive field is hidden with the field. */
const visibleInvalid = (template: ViewTemplate, invalid: InvalidEntry[]): InvalidEntry[] => {
  const hidden = inSensitiveField(template);
  return invalid.filter((i) => !hidden(i.path));
};

/**
 * THE API's view of a submission for `identity`: the rules snapshot stays inside, the actions come out,
 * and the sensitive fields are redacted for a reader the template does not name. Every route that
 * answers with a submission (its answers, its 409s, its idempotent replays) goes through here, and the
 * template is a required argument, so a new route cannot forget the redaction. Read through lineage
 * (`origin`), it is read only: no action is offered.
 */
export const submissionView = (
  s: StoredSubmission,
  identity: Identity,
  now: Date,
  template: ViewTemplate,
  origin?: SubmissionOrigin,
): SubmissionView => {
  // One copy of the stored submission (every read answers with one); the redaction replaces its data.
  const { rules, ...view } = s;
  let redacted: string[] = [];
  if (!readsSensitive(identity, s, template)) {
    const r = redactData(template, s.data);
    view.data = r.data;
    redacted = r.redacted;
    if (view.invalid && redacted.length > 0) view.invalid = visibleInvalid(template, view.invalid);
  }
  if (origin) return Object.assign(view, { redacted, actions: [], origin });
  return Object.assign(view, {
    redacted,
    actions: availableActions(s, identity, rules, now.toISOString()),
  });
};
