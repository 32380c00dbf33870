import * as z from 'zod';
import { Id } from '../common';
import { CommentText, FieldCommentInput, ReviewComment } from '../workflow';
import { defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

// Reviewers' comments on fields and table rows (issue 15, ADR 0022): the `review` Lambda.

export const CommentParams = SubmissionParams.extend({ commentId: Id });

export const listComments = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/comments',
  group: 'review',
  auth: 'user',
  operationId: 'listComments',
  summary: "Reviewers' comments on fields and table rows, with the unit's answers",
  params: SubmissionParams,
  response: z.object({ comments: z.array(ReviewComment) }),
  errors: [404],
  description:
    'Ai đọc được báo cáo thì đọc được nhận xét; nhận xét về trường nhạy cảm bị ẩn nội dung với người không được xem.',
});

export const addComment = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/comments',
  group: 'review',
  auth: 'user',
  operationId: 'addComment',
  summary: 'A reviewer on turn comments on a field or a table row (audited in the submission chain)',
  params: SubmissionParams,
  body: FieldCommentInput,
  response: ReviewComment,
  status: 201,
  errors: [403, 404, 409, 413, 422],
  description: 'Cán bộ thẩm định của cấp đang xét; withReturn: nhận xét kèm lý do trả lại.',
});

export const answerComment = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/comments/{commentId}/answer',
  group: 'review',
  auth: 'user',
  operationId: 'answerComment',
  summary: "The author unit answers a reviewer's comment once (audited)",
  params: CommentParams,
  body: z.object({ text: CommentText }),
  response: ReviewComment,
  errors: [403, 404, 409, 413, 422],
  description:
    'Đơn vị lập báo cáo trả lời khi báo cáo đang ở đơn vị (policy authorizeCommentAnswer); 409 nếu đã trả lời.',
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const reviewContracts = { listComments, addComment, answerComment };
