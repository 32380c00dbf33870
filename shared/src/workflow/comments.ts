import * as z from 'zod';
import { Id, Instant } from '../common';
import { Role } from '../org';

/**
 * A reviewer's comment on a field or a table row of a submission (issue 15, point 2), and the unit's
 * answer. `path` is what the form calls the spot: `section.field`, `section.table.<row>` or
 * `section.table.<row>.<column>` (rows counted from 0, as the data holds them).
 */
export const CommentPath = z
  .string()
  .regex(/^[A-Za-z][\w-]*\.[A-Za-z][\w-]*(\.\d{1,4}(\.[A-Za-z][\w-]*)?)?$/, 'Vị trí ô không hợp lệ')
  .describe('Ô được nhận xét: section.field, section.table.<dòng> hoặc section.table.<dòng>.<cột>');

export const CommentText = z
  .string()
  .trim()
  .min(2, 'Cần nhập nội dung (ít nhất 2 ký tự)')
  .max(2000, 'Tối đa 2000 ký tự');

/** What a reviewer writes: where, and what; `withReturn`: the return's reason points at this field. */
export const FieldCommentInput = z.object({
  path: CommentPath,
  text: CommentText,
  withReturn: z.boolean().optional(),
});
export type FieldCommentInput = z.infer<typeof FieldCommentInput>;

const Author = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  unitId: Id,
  roles: z.array(Role),
  at: Instant,
});

export const ReviewComment = z.object({
  id: Id,
  submissionId: Id,
  path: CommentPath,
  text: z.string(),
  author: Author,
  /** The chain level whose reviewer wrote it (index into the submission's chain). */
  level: z.number().int().min(0),
  /** Written with a return: the return's reason points at this field. */
  withReturn: z.boolean(),
  answer: z.object({ text: z.string(), author: Author }).nullable(),
});
export type ReviewComment = z.infer<typeof ReviewComment>;

/** The history line of a comment or an answer (the event's `reason`): where and what, readable alone. */
export const commentEventReason = (path: string, text: string): string => `[${path}] ${text}`;

/** The field a comment's path is on (`section.table.2.col` → `section.table`): what a link opens. */
export const fieldOfPath = (path: string): string => path.split('.').slice(0, 2).join('.');

/**
 * THE fields a return points at — one mechanism for both ways a reviewer names them: picked in the
 * return dialog (`action.fields`), or by a comment of the returning level written "with the return"
 * and not yet answered. Picked first (the first opens the notice's link), then the comments' in the
 * form's order of writing; each field once. The return dialog pre-ticks the comments' fields with this,
 * and the server applies it again to what the action sends, so an API client gets the same.
 */
export function returnFields(
  picked: readonly string[] | undefined,
  comments: readonly Pick<ReviewComment, 'path' | 'level' | 'withReturn' | 'answer'>[],
  level: number | null,
): string[] {
  const fromComments = comments
    .filter((c) => c.withReturn && c.answer === null && c.level === level)
    .map((c) => fieldOfPath(c.path));
  // The action's schema takes 50 fields at most; a link opens one anyway.
  return [...new Set([...(picked ?? []).map(fieldOfPath), ...fromComments])].slice(0, 50);
}
