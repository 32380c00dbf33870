import { reviewContracts as c } from '@thidua/shared/contracts';
import { REDACTED_TEXT } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import { authorizeCommentAnswer, authorizeFieldComment } from '@thidua/shared/policy';
import type { FieldCommentInput, WorkflowEvent } from '@thidua/shared/workflow';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { requireApplied } from '../../kernel/outcomes';
import { commentEvent, type StoredComment } from './comments';
import type { StoredSubmission } from './repository';
import { loadReadable, templateOf } from './use-cases';
import { inSensitiveField, readsSensitive, submissionView, type ViewTemplate } from './views';

/** Who wrote a comment or an answer, and when (its name as the user record had it at sign-in). */
const authorOf = (actor: Identity, at: string) => ({
  userId: actor.userId,
  name: actor.name || null,
  unitId: actor.unitId,
  roles: [...actor.roles],
  at,
});

/** A path must name a field of the template (and a column of its table): a comment beside nothing is refused. */
const refuseUnknownPath = (
  template: ViewTemplate,
  inputs: readonly FieldCommentInput[],
  pathOf: (i: number) => string,
): void => {
  const issues = inputs.flatMap((input, i) => {
    const [sectionKey, fieldKey, , column] = input.path.split('.');
    const field = template.sections.find((s) => s.key === sectionKey)?.fields.find((f) => f.key === fieldKey);
    const known =
      field !== undefined &&
      (column === undefined || (field.type === 'table' && field.columns.some((col) => col.key === column))) &&
      (input.path.split('.').length === 2 || field.type === 'table');
    return known ? [] : [{ path: pathOf(i), message: 'Không có ô này trong biểu mẫu' }];
  });
  if (issues.length > 0)
    throw new RuleViolation('Nhận xét chỉ gắn với ô của biểu mẫu', issues, 'unknown_field');
};

/** The comments written with a return (or alone): their items and the events that audit them. */
const commentWrites = (
  d: Pick<Deps, 'comments' | 'submissions' | 'units' | 'templates'>,
  s: StoredSubmission,
  actor: Identity,
  now: Date,
  inputs: readonly FieldCommentInput[],
): { comments: StoredComment[]; items: TxItem[]; events: WorkflowEvent[] } => {
  const at = now.toISOString();
  const comments = inputs.map(
    (input, i): StoredComment => ({
      tenantId: s.tenantId,
      // Ids in the order written (the list reads them by sort key).
      id: `${newId(now)}${String(i).padStart(2, '0')}`,
      submissionId: s.id,
      path: input.path,
      text: input.text,
      author: authorOf(actor, at),
      level: s.level ?? 0,
      withReturn: input.withReturn === true,
      answer: null,
    }),
  );
  return {
    comments,
    items: comments.map((cm) => d.comments.putItem(cm)),
    events: inputs.map((input) => commentEvent(s, 'comment', actor, at, input)),
  };
};

/** Who reads a submission reads its comments; those on sensitive fields lose their text for others. */
const commentsView = (comments: StoredComment[], hidden: ((path: string) => boolean) | null) =>
  comments.map(({ tenantId: _t, ...cm }) =>
    hidden?.(cm.path)
      ? {
          ...cm,
          text: REDACTED_TEXT,
          answer: cm.answer && { ...cm.answer, text: REDACTED_TEXT },
        }
      : cm,
  );

/**
 * Comments on fields and table rows (issue 15, point 2): a reviewer on turn writes them (alone, or with a
 * return — see `actOnSubmission`), the author unit answers each once while the report is back with it.
 * Each is an event of the submission's audit chain in the same transaction as the comment.
 */
export const commentRoutes = (
  d: Pick<Deps, 'comments' | 'submissions' | 'units' | 'templates'>,
): RouteImpl[] => [
  userRoute(c.listComments, async ({ identity, params }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const template = await templateOf(d, s);
    const comments = await d.comments.list(identity.tenantId, s.id);
    return ok({
      comments: commentsView(
        comments,
        readsSensitive(identity, s, template) ? null : inSensitiveField(template),
      ),
    });
  }),

  userRoute(c.addComment, async ({ identity, params, body, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const decision = authorizeFieldComment(identity, s);
    if (!decision.allowed) throw new Forbidden(decision.reason);
    const template = await templateOf(d, s);
    refuseUnknownPath(template, [body], () => 'body.path');
    const w = commentWrites(d, s, identity, now, [body]);
    const [comment] = commentsView(w.comments, null);
    const response = created(comment);
    const write = d.submissions.planChange(s, s, w.events);
    requireApplied(await d.submissions.apply(write, [...w.items, ...remember(response)]), (cur) =>
      submissionView(cur, identity, now, template),
    );
    return response;
  }),

  userRoute(c.answerComment, async ({ identity, params, body, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const decision = authorizeCommentAnswer(identity, s);
    if (!decision.allowed) throw new Forbidden(decision.reason);
    const comment = await d.comments.get(identity.tenantId, s.id, params.commentId);
    if (!comment) throw new NotFound('Không tìm thấy nhận xét');
    if (comment.answer !== null)
      throw new Conflict('Nhận xét này đã được trả lời', commentsView([comment], null)[0], 'answered');
    const at = now.toISOString();
    const answered: StoredComment = {
      ...comment,
      answer: {
        text: body.text,
        author: authorOf(identity, at),
      },
    };
    const [view] = commentsView([answered], null);
    const response = ok(view);
    const write = d.submissions.planChange(s, s, [
      commentEvent(s, 'answer', identity, at, { path: comment.path, text: body.text }),
    ]);
    const template = await templateOf(d, s);
    requireApplied(
      await d.submissions.apply(write, [d.comments.answerItem(answered), ...remember(response)]),
      (cur) => submissionView(cur, identity, now, template),
    );
    return response;
  }),
];
