import {
  CompletenessResponse,
  CompletenessStatus,
  DiffResponse,
  HistoryEntry,
  pageOf,
  SubmissionSummary,
  SubmissionView,
} from '@thidua/shared/api';
import { Campaign } from '@thidua/shared/campaign';
import { Id, Instant } from '@thidua/shared/common';
import { ATTACHMENT_SCAN_STATES, AttachmentRef, FormTemplate } from '@thidua/shared/forms';
import { Identity, Unit, User } from '@thidua/shared/org';
import type { WorkflowAction } from '@thidua/shared/workflow';
import { z } from 'zod';
import type { ApiClient } from '../../api/client';
import type { UploadTicket } from '../forms/upload';

/**
 * The submissions API as the web app uses it: one function per route, every answer parsed. The
 * schemas are the API's own views (`@thidua/shared/api`, which the Lambdas answer with) or built from the
 * shared domain schemas, so a change of the API shows up here as a type error rather than as a blank screen.
 */

export const Me = z.object({ identity: Identity, user: User.nullable(), unit: Unit.nullable() });
export type Me = z.infer<typeof Me>;

/** What lists show of a submission. */
export { SubmissionSummary };

export const SubmissionPage = pageOf(SubmissionSummary);
export type SubmissionPage = z.infer<typeof SubmissionPage>;

/** One submission with what the caller may do with it now. */
export { SubmissionView };

/** An audit event as the history shows it (the API's entry, hashes and tenancy left unread). */
export const HistoryEvent = HistoryEntry.omit({
  tenantId: true,
  campaignId: true,
  dataHash: true,
  prevHash: true,
  hash: true,
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export const History = z.object({ events: z.array(HistoryEvent) });

export const Diff = DiffResponse;
export type Diff = DiffResponse;

export { CompletenessStatus };
/** The completeness view (its raw state counters left unread). */
export const CompletenessView = CompletenessResponse.omit({ stateCounters: true });
export type CompletenessView = z.infer<typeof CompletenessView>;

export const UnitPage = z.object({ items: z.array(Unit), nextCursor: z.string().nullable() });

export const CampaignList = z.object({ items: z.array(Campaign), nextCursor: z.string().nullable() });

/** An attachment as the API shows it. */
export const AttachmentView = z.object({
  id: Id,
  submissionId: Id,
  name: z.string(),
  contentType: AttachmentRef.shape.contentType,
  declaredSize: z.number().int(),
  size: z.number().int().nullable(),
  status: z.enum(['pending', 'ready']),
  /** Absent from answers of APIs older than issue 12. */
  sha256: z.string().nullable().optional(),
  scanState: z.enum(ATTACHMENT_SCAN_STATES).optional(),
  createdAt: Instant,
});
export type AttachmentView = z.infer<typeof AttachmentView>;
const AttachmentList = z.object({ items: z.array(AttachmentView) });
export const UploadStart = z.object({
  attachment: AttachmentView,
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
});
export const Download = z.object({ url: z.string() });

/** What the form data keeps of an accepted attachment. */
export const toAttachmentRef = (a: AttachmentView): AttachmentRef => ({
  attachmentId: a.id,
  name: a.name,
  size: a.size ?? a.declaredSize,
  contentType: a.contentType,
});

export interface ListQuery {
  scope: 'mine' | 'inbox' | 'subtree';
  root?: string;
  campaignId?: string;
  formKey?: string;
  period?: string;
  status?: string;
  unitId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

const enc = encodeURIComponent;

export const submissionsApi = (api: ApiClient) => ({
  me: () => api.get('/me', Me),
  campaigns: () => api.get('/campaigns', CampaignList, { query: { limit: 100 } }).then((r) => r.items),
  campaign: (id: string) => api.get(`/campaigns/${enc(id)}`, Campaign),
  template: (id: string, version: number) =>
    api.get(`/templates/${enc(id)}/versions/${version}`, FormTemplate),
  list: (q: ListQuery, signal?: AbortSignal) =>
    api.get('/submissions', SubmissionPage, {
      query: { ...q, overdue: q.overdue ? 'true' : undefined },
      ...(signal ? { signal } : {}),
    }),
  get: (id: string) => api.get(`/submissions/${enc(id)}`, SubmissionView),
  history: (id: string) => api.get(`/submissions/${enc(id)}/history`, History).then((r) => r.events),
  diff: (id: string, since: number) => api.get(`/submissions/${enc(id)}/diff`, Diff, { query: { since } }),
  create: (input: { campaignId: string; formKey: string; period: string }, idempotencyKey: string) =>
    api.post('/submissions', input, SubmissionView, { idempotencyKey }),
  save: (id: string, input: { expectedVersion: number; data: Record<string, unknown> }) =>
    api.put(`/submissions/${enc(id)}`, input, SubmissionView),
  act: (id: string, input: { expectedVersion: number; action: WorkflowAction }, idempotencyKey: string) =>
    // The body is the action itself plus the expected version: `{ type: 'return', reason, expectedVersion }`.
    api.post(
      `/submissions/${enc(id)}/actions`,
      { ...input.action, expectedVersion: input.expectedVersion },
      SubmissionView,
      {
        idempotencyKey,
      },
    ),
  startUpload: (
    id: string,
    file: { name: string; size: number; contentType: string },
  ): Promise<UploadTicket> =>
    api
      .post(
        `/submissions/${enc(id)}/attachments`,
        { fileName: file.name, contentType: file.contentType, size: file.size },
        UploadStart,
      )
      .then((r) => ({ attachmentId: r.attachment.id, url: r.upload.url, fields: r.upload.fields })),
  confirmUpload: (id: string, attachmentId: string) =>
    api
      .post(`/submissions/${enc(id)}/attachments/${enc(attachmentId)}/confirm`, {}, AttachmentView)
      .then(toAttachmentRef),
  completeness: (campaignId: string, q: { formKey: string; period: string; unitId?: string }) =>
    api.get(`/campaigns/${enc(campaignId)}/completeness`, CompletenessView, { query: q }),
  units: (root?: string, cursor?: string) =>
    api.get('/units', UnitPage, { query: { root, cursor, limit: 100 } }),
  children: (unitId: string) =>
    api.get(`/units/${enc(unitId)}/children`, UnitPage, { query: { limit: 100 } }).then((r) => r.items),
  attachments: (id: string) =>
    api.get(`/submissions/${enc(id)}/attachments`, AttachmentList).then((r) => r.items),
  download: (id: string, attachmentId: string) =>
    api.get(`/submissions/${enc(id)}/attachments/${enc(attachmentId)}/download`, Download).then((r) => r.url),
});
export type SubmissionsApi = ReturnType<typeof submissionsApi>;
