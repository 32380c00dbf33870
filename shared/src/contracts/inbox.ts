import * as z from 'zod';
import { Id } from '../common';
import { MIN_QUERY, SearchHit } from '../search';
import { Reason, SubmissionState } from '../workflow';
import { defineRoute } from './kernel';
import { ExpectedVersion } from './submissions';

// The reviewer's many-at-once work (bulk approve and return) and the search box (ADR 0023): a Lambda of
// their own ('inbox'), so the submissions Lambda stays within its 300 KB bundle budget.

/** The most submissions one bulk action takes (four inbox pages; each is its own transaction). */
export const MAX_BULK_ITEMS = 100;

export const BulkActionBody = z.object({
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('approve'), comment: z.string().max(2000).optional() }),
    z.object({ type: z.literal('return'), reason: Reason }),
  ]),
  items: z
    .array(z.object({ submissionId: Id, expectedVersion: ExpectedVersion }))
    .min(1)
    .max(MAX_BULK_ITEMS),
});

export const BulkItemResult = z.object({
  submissionId: Id,
  outcome: z.enum(['done', 'failed']),
  /** done: the submission as it now stands. */
  state: SubmissionState.optional(),
  version: z.number().int().optional(),
  unitName: z.string().optional(),
  /** failed: why (`version_conflict`, `not_your_turn`, `not_found`, a rule's code) and in words. */
  code: z.string().optional(),
  message: z.string().optional(),
  status: z.number().int().optional(),
});
export type BulkItemResult = z.infer<typeof BulkItemResult>;

export const BulkActionResponse = z.object({
  action: z.enum(['approve', 'return']),
  done: z.number().int(),
  failed: z.number().int(),
  results: z.array(BulkItemResult),
});

export const bulkActOnSubmissions = defineRoute({
  method: 'POST',
  path: '/submissions/bulk-actions',
  group: 'inbox',
  auth: 'user',
  operationId: 'bulkActOnSubmissions',
  summary: 'Approve or return many submissions with one reason',
  body: BulkActionBody,
  response: BulkActionResponse,
  errors: [413, 422],
});

export const SearchQuery = z.object({
  q: z.string().trim().min(MIN_QUERY).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchResponse = z.object({ q: z.string(), hits: z.array(SearchHit) });

export const searchEverything = defineRoute({
  method: 'GET',
  path: '/search',
  group: 'inbox',
  auth: 'user',
  operationId: 'searchEverything',
  summary: 'Search units, reports, nominees and decisions',
  query: SearchQuery,
  response: SearchResponse,
  errors: [],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const inboxContracts = {
  bulkActOnSubmissions,
  searchEverything,
};
