import {
  actOnSubmission,
  addComment,
  answerComment,
  classifySubmission,
  confirmAttachment,
  createAttachmentUpload,
  createSubmission,
  getAttachmentDownload,
  getCompleteness,
  getSubmission,
  getSubmissionDiff,
  getSubmissionHistory,
  getTemplateVersion,
  listAttachments,
  listComments,
  listSubmissions,
  listUnitChildren,
  listUnits,
  type RequestOf,
  type ResponseOf,
  saveSubmission,
} from '@thidua/shared/contracts';
import type { AttachmentRef } from '@thidua/shared/forms';
import type { WorkflowAction } from '@thidua/shared/workflow';
import type { ApiClient } from '../../api/client';
import type { UploadTicket } from '../forms/upload';

/**
 * The submissions API as the web app uses it: one function per route, each a call of the route's contract
 * (`@thidua/shared/contracts`, which the Lambdas parse and answer with), so a change of the API shows up
 * here as a type error rather than as a blank screen. The types below are the contracts' own answers.
 */

/** What lists show of a submission. */
export type SubmissionSummary = ResponseOf<typeof listSubmissions>['items'][number];
/** One submission with what the caller may do with it now. */
export type SubmissionView = ResponseOf<typeof getSubmission>;
/** An audit event as the history shows it (hashes and tenancy left unread). */
export type HistoryEvent = Omit<
  ResponseOf<typeof getSubmissionHistory>['events'][number],
  'tenantId' | 'campaignId' | 'dataHash' | 'prevHash' | 'hash'
>;
export type Diff = ResponseOf<typeof getSubmissionDiff>;
/** A reviewer's comment on a field or row, with the unit's answer. */
export type FieldComment = ResponseOf<typeof listComments>['comments'][number];
/** The completeness view (its raw state counters left unread). */
export type CompletenessView = Omit<ResponseOf<typeof getCompleteness>, 'stateCounters'>;
export type CompletenessStatus = CompletenessView['units'][number]['status'];
type AttachmentView = ResponseOf<typeof confirmAttachment>;

/** What the form data keeps of an accepted attachment. */
export const toAttachmentRef = (a: AttachmentView): AttachmentRef => ({
  attachmentId: a.id,
  name: a.name,
  size: a.size ?? a.declaredSize,
  contentType: a.contentType,
});

/** The list filters as the screens hold them (`overdue` a boolean, not the query string's 'true'). */
export type ListQuery = Omit<RequestOf<typeof listSubmissions>['query'], 'overdue'> & { overdue?: boolean };

export const submissionsApi = (api: ApiClient) => ({
  template: (templateId: string, version: number) =>
    api.call(getTemplateVersion, { params: { templateId, version } }),
  list: (q: ListQuery, signal?: AbortSignal) =>
    api.call(listSubmissions, {
      query: { ...q, overdue: q.overdue ? 'true' : undefined },
      ...(signal ? { signal } : {}),
    }),
  get: (submissionId: string) => api.call(getSubmission, { params: { submissionId } }),
  history: (submissionId: string) =>
    api.call(getSubmissionHistory, { params: { submissionId } }).then((r) => r.events),
  comments: (submissionId: string) =>
    api.call(listComments, { params: { submissionId } }).then((r) => r.comments),
  comment: (
    submissionId: string,
    body: { path: string; text: string; withReturn?: boolean },
    idempotencyKey: string,
  ) => api.call(addComment, { params: { submissionId }, body, idempotencyKey }),
  answer: (submissionId: string, commentId: string, text: string, idempotencyKey: string) =>
    api.call(answerComment, { params: { submissionId, commentId }, body: { text }, idempotencyKey }),
  /** Any two kept versions (each submitted one and the current one). */
  diffBetween: (submissionId: string, from: number, to: number) =>
    api.call(getSubmissionDiff, { params: { submissionId }, query: { from, to } }),
  diff: (submissionId: string, since: number) =>
    api.call(getSubmissionDiff, { params: { submissionId }, query: { since } }),
  create: (body: { campaignId: string; formKey: string; period: string }, idempotencyKey: string) =>
    api.call(createSubmission, { body, idempotencyKey }),
  save: (submissionId: string, body: RequestOf<typeof saveSubmission>['body']) =>
    api.call(saveSubmission, { params: { submissionId }, body }),
  act: (
    submissionId: string,
    input: { expectedVersion: number; action: WorkflowAction },
    idempotencyKey: string,
  ) =>
    // The body is the action itself plus the expected version: `{ type: 'return', reason, expectedVersion }`.
    api.call(actOnSubmission, {
      params: { submissionId },
      body: { ...input.action, expectedVersion: input.expectedVersion },
      idempotencyKey,
    }),
  classify: (
    submissionId: string,
    body: { classified: boolean; reason: string; expectedVersion: number },
    idempotencyKey: string,
  ) => api.call(classifySubmission, { params: { submissionId }, body, idempotencyKey }),
  startUpload: (
    submissionId: string,
    file: { name: string; size: number; contentType: string },
  ): Promise<UploadTicket> =>
    api
      .call(createAttachmentUpload, {
        params: { submissionId },
        body: {
          fileName: file.name,
          contentType: file.contentType as AttachmentRef['contentType'],
          size: file.size,
        },
      })
      .then((r) => ({ attachmentId: r.attachment.id, url: r.upload.url, fields: r.upload.fields })),
  confirmUpload: (submissionId: string, attachmentId: string) =>
    api.call(confirmAttachment, { params: { submissionId, attachmentId } }).then(toAttachmentRef),
  completeness: (campaignId: string, query: { formKey: string; period: string; unitId?: string }) =>
    api.call(getCompleteness, { params: { campaignId }, query }),
  units: (root?: string, cursor?: string) => api.call(listUnits, { query: { root, cursor, limit: 100 } }),
  children: (unitId: string) =>
    api.call(listUnitChildren, { params: { unitId }, query: { limit: 100 } }).then((r) => r.items),
  attachments: (submissionId: string) =>
    api.call(listAttachments, { params: { submissionId } }).then((r) => r.items),
  download: (submissionId: string, attachmentId: string) =>
    api.call(getAttachmentDownload, { params: { submissionId, attachmentId } }).then((r) => r.url),
});
