import { createHash } from 'node:crypto';
import { type BulkActionBody, type BulkItemResult, inboxContracts as c } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import { transition, type WorkflowAction } from '@thidua/shared/workflow';
import type * as z from 'zod';
import { requireAllowed, submissionResource } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { AppError, BadRequest } from '../../kernel/http/errors';
import { IDEMPOTENCY_HEADER, mayBeReplay } from '../../kernel/http/idempotency';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { requireApplied } from '../../kernel/outcomes';
import { fromWorkflowError } from '../../kernel/workflow-errors';
import { loadReadable } from './use-cases';

type Body = z.output<typeof BulkActionBody>;
type Item = Body['items'][number];

/** How many submissions are moved at once: siblings share their area's counters (retried on conflict). */
const CONCURRENCY = 4;

/**
 * The `Idempotency-Key` of one submission of a batch, derived from the batch's key: a retried batch
 * (same key) meets each submission's stored answer and moves nothing twice. `~` is outside the keys a
 * client may send, so a derived key never collides with one of them.
 */
export const itemKey = (batchKey: string, submissionId: string): string => `${batchKey}~${submissionId}`;

/** The same item of the same action: the fingerprint a derived key's stored answer must match. */
const fingerprintOf = (action: Body['action'], item: Item): string =>
  createHash('sha256')
    .update(JSON.stringify(['bulk', action, item.submissionId, item.expectedVersion]))
    .digest('hex');

const failed = (submissionId: string, e: AppError): BulkItemResult => ({
  submissionId,
  outcome: 'failed',
  code: e.code,
  message: e.message,
  status: e.status,
});

/**
 * Approves or returns each submission in its own transaction with its own idempotency record: what one
 * refuses (a version conflict, not the caller's turn, a rule, outside the caller's scope) is reported and
 * the others go on. An outage is not a refusal: it stops the batch (5xx) and a retry with the same key
 * finishes it without repeating what was done.
 */
export const bulkAct = async (
  d: Pick<Deps, 'idempotency' | 'submissions' | 'units' | 'templates' | 'campaigns'>,
  identity: Identity,
  body: Body,
  batchKey: string | undefined,
  now: Date,
  countTransition: (action: string) => void,
): Promise<BulkItemResult[]> => {
  if (batchKey === undefined) {
    throw new BadRequest('Thao tác hàng loạt cần Idempotency-Key', [
      { path: 'header.idempotency-key', message: 'Bắt buộc với thao tác hàng loạt' },
    ]);
  }
  const action: WorkflowAction = body.action;
  const one = async (item: Item): Promise<BulkItemResult> => {
    const key = itemKey(batchKey, item.submissionId);
    const fingerprint = fingerprintOf(body.action, item);
    const stored = await d.idempotency.find(identity.tenantId, identity.userId, key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return failed(
          item.submissionId,
          new AppError(422, 'idempotency_key_reused', 'Khoá đã dùng cho yêu cầu khác'),
        );
      }
      return JSON.parse(stored.body) as BulkItemResult;
    }
    try {
      const s = await loadReadable(d, identity, item.submissionId);
      requireAllowed(identity, 'act', submissionResource(identity.tenantId, s));
      const result = transition({
        submission: s,
        action,
        actor: identity,
        now: now.toISOString(),
        rules: s.rules,
        expectedVersion: item.expectedVersion,
      });
      if (!result.ok) throw fromWorkflowError(result.error);
      const write = d.submissions.planChange(s, { ...result.submission, rules: s.rules }, result.events);
      const answer: BulkItemResult = {
        submissionId: s.id,
        outcome: 'done',
        state: write.submission.state,
        version: write.submission.version,
        unitName: s.unitName,
      };
      const record = d.idempotency.recordItem(
        identity.tenantId,
        identity.userId,
        key,
        { fingerprint, statusCode: 200, headers: {}, body: JSON.stringify(answer) },
        now,
      );
      requireApplied(await d.submissions.apply(write, [record]), () => undefined);
      countTransition(action.type);
      return answer;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The same batch sent twice at once: the one that lost the race answers what the winner stored.
      const replay = mayBeReplay(err)
        ? await d.idempotency.find(identity.tenantId, identity.userId, key)
        : undefined;
      if (replay?.fingerprint === fingerprint) return JSON.parse(replay.body) as BulkItemResult;
      return failed(item.submissionId, err);
    }
  };
  const results: BulkItemResult[] = new Array(body.items.length);
  let next = 0;
  const worker = async () => {
    while (next < body.items.length) {
      const i = next++;
      results[i] = await one(body.items[i] as Item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, body.items.length) }, worker));
  return results;
};

/** The bulk route (group `inbox`): one result per submission, and how many were done. */
export const bulkRoutes = (
  d: Pick<Deps, 'idempotency' | 'submissions' | 'units' | 'templates' | 'campaigns'>,
): RouteImpl[] => [
  userRoute(c.bulkActOnSubmissions, async ({ identity, body, now, event, countTransition }) => {
    const results = await bulkAct(
      d,
      identity,
      body,
      event.headers?.[IDEMPOTENCY_HEADER],
      now,
      countTransition,
    );
    const done = results.filter((r) => r.outcome === 'done').length;
    return ok({ action: body.action.type, done, failed: results.length - done, results });
  }),
];
