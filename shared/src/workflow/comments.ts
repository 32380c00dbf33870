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
