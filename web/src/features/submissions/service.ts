import { Campaign } from '@thidua/shared/campaign';
import { Id, Instant } from '@thidua/shared/common';
import { AttachmentRef, FormTemplate } from '@thidua/shared/forms';
import { Identity, Unit, User } from '@thidua/shared/org';
import {
  Period,
  Submission,
  SubmissionState,
  type WorkflowAction,
  WorkflowEvent,
} from '@thidua/shared/workflow';
import { z } from 'zod';
import type { ApiClient } from '../../api/client';
import type { UploadTicket } from '../forms/upload';

/**
 * The submissions API as the web app uses it: one function per route, every answer parsed. The
 * schemas are built from the shared domain schemas, so a change of the domain shows up here as a type
 * error rather than as a blank screen.
 */

export const Me = z.object({ identity: Identity, user: User.nullable(), unit: Unit.nullable() });
export type Me = z.infer<typeof Me>;

/** What lists show of a submission. */
export const SubmissionSummary = z.object({
  id: Id,
  campaignId: Id,
  formKey: Id,
  period: Period,
  templateId: Id,
  templateVersion: z.number().int(),
  unitId: Id,
  unitName: z.string(),
  state: SubmissionState,
  level: z.number().int().nullable(),
  onTurnUnitId: Id.nullable(),
  onTurnUnitName: z.string().nullable(),
  returnedFromLevel: z.number().int().nullable(),
  dueAt: Instant.nullable(),
  updatedAt: Instant,
  version: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionPage = z.object({
  items: z.array(SubmissionSummary),
  nextCursor: z.string().nullable(),
});
export type SubmissionPage = z.infer<typeof SubmissionPage>;

export const WorkflowActionType = z.enum([
  'submit',
  'sign_off',
  'approve',
  'return',
  'reject',
  'withdraw',
  'reopen',
]);

/** One submission with what the caller may do with it now. */
export const SubmissionDetail = z.object({
  submission: Submission,
  actions: z.array(WorkflowActionType),
  /** Whether the caller may save the data (author, editable state) or reviewer scores. */
  canSave: z.boolean().optional(),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

export const HistoryEvent = WorkflowEvent.extend({
  seq: z.number().int().optional(),
  actorName: z.string().optional(),
  actorUnitName: z.string().optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export const History = z.object({ events: z.array(HistoryEvent) });

export const Diff = z.object({
  since: z.number().int(),
  /** The data as it was submitted at that version. */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type Diff = z.infer<typeof Diff>;

export const CampaignList = z.object({ items: z.array(Campaign) });

export const UploadStart = z.object({
  attachmentId: Id,
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
});
export const Download = z.object({ url: z.string() });

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
  campaigns: () => api.get('/campaigns', CampaignList).then((r) => r.items),
  campaign: (id: string) => api.get(`/campaigns/${enc(id)}`, Campaign),
  template: (id: string, version: number) =>
    api.get(`/templates/${enc(id)}/versions/${version}`, FormTemplate),
  list: (q: ListQuery, signal?: AbortSignal) =>
    api.get('/submissions', SubmissionPage, {
      query: { ...q, overdue: q.overdue ? 'true' : undefined },
      ...(signal ? { signal } : {}),
    }),
  get: (id: string) => api.get(`/submissions/${enc(id)}`, SubmissionDetail),
  history: (id: string) => api.get(`/submissions/${enc(id)}/history`, History).then((r) => r.events),
  diff: (id: string, since: number) => api.get(`/submissions/${enc(id)}/diff`, Diff, { query: { since } }),
  create: (input: { campaignId: string; formKey: string; period: string }, idempotencyKey: string) =>
    api.post('/submissions', input, SubmissionDetail, { idempotencyKey }),
  save: (id: string, input: { expectedVersion: number; data: Record<string, unknown> }) =>
    api.put(`/submissions/${enc(id)}`, input, SubmissionDetail),
  act: (id: string, input: { expectedVersion: number; action: WorkflowAction }, idempotencyKey: string) =>
    api.post(`/submissions/${enc(id)}/actions`, input, SubmissionDetail, { idempotencyKey }),
  startUpload: (
    id: string,
    file: { name: string; size: number; contentType: string },
  ): Promise<UploadTicket> =>
    api
      .post(`/submissions/${enc(id)}/attachments`, file, UploadStart)
      .then((r) => ({ attachmentId: r.attachmentId, url: r.upload.url, fields: r.upload.fields })),
  confirmUpload: (id: string, attachmentId: string) =>
    api.post(`/submissions/${enc(id)}/attachments/${enc(attachmentId)}/confirm`, {}, AttachmentRef),
  download: (id: string, attachmentId: string) =>
    api.get(`/submissions/${enc(id)}/attachments/${enc(attachmentId)}/download`, Download).then((r) => r.url),
});
export type SubmissionsApi = ReturnType<typeof submissionsApi>;
