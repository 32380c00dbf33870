import type { Identity } from '@thidua/shared/org';
import { commentEventReason, type FieldCommentInput, type WorkflowEvent } from '@thidua/shared/workflow';
import { absent, isNull } from '../../kernel/data/conditions';
import type { TableRef } from '../../kernel/data/entity';
import { reviewCommentEntity } from '../../kernel/data/keys';
import type { StoredComment } from '../../kernel/data/schemas';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import type { StoredSubmission } from './repository';

export type { StoredComment } from '../../kernel/data/schemas';

/** Comments on fields: read all of a submission (few), put a new one, put an answer once. */
export interface ReviewCommentRepository {
  list(tenantId: string, submissionId: string): Promise<StoredComment[]>;
  get(tenantId: string, submissionId: string, id: string): Promise<StoredComment | undefined>;
  /** A new comment (refused if its id exists), for the transaction that appends its event. */
  putItem(c: StoredComment): TxItem;
  /** The answer, only while there is none (two answers racing: one wins, the other is refused). */
  answerItem(c: StoredComment): TxItem;
}

export const createReviewCommentRepository = (ref: TableRef): ReviewCommentRepository => {
  const comments = reviewCommentEntity.on(ref);
  return {
    list: (tenantId, submissionId) =>
      comments.all('primary', { tenantId, submissionId }, { consistent: true }),
    get: (tenantId, submissionId, id) => comments.get({ tenantId, submissionId, id }, { consistent: true }),
    putItem: (c) => reviewCommentEntity.put(ref.table, c, absent()),
    answerItem: (c) => reviewCommentEntity.put(ref.table, c, isNull('answer')),
  };
};

/** The audit event of a comment or an answer: no change of state, `[path] text` as its reason. */
export const commentEvent = (
  s: StoredSubmission,
  action: 'comment' | 'answer',
  actor: Identity,
  at: string,
  input: FieldCommentInput,
): WorkflowEvent => {
  const position = { state: s.state, level: s.level };
  return {
    submissionId: s.id,
    action,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    actorRoles: [...actor.roles],
    at,
    from: position,
    to: position,
    reason: commentEventReason(input.path, input.text),
  };
};

/** `comments` of a route group's container (kernel/deps.ts). */
export const commentsDep = defineDep('comments', (c) => createReviewCommentRepository(c.ref));
