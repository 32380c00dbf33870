import * as z from 'zod';
import { AttachmentView } from '../api';
import { Id } from '../common';
import { ATTACHMENT_CONTENT_TYPES } from '../forms';
import { defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

export const AttachmentParams = SubmissionParams.extend({ attachmentId: Id });

export const CreateUploadBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES, { error: 'Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG' }),
  size: z.number().int().min(1),
});

export const createAttachmentUpload = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/attachments',
  group: 'attachments',
  auth: 'user',
  operationId: 'createAttachmentUpload',
  summary: 'Start an upload: a presigned POST limited in size and type',
  params: SubmissionParams,
  body: CreateUploadBody,
  status: 201,
  response: z.object({
    attachment: AttachmentView,
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: z.string() }),
  }),
  errors: [403, 404, 409, 413, 422],
  description:
    'POST đa phần (multipart) trực tiếp lên S3 với các trường trả về; giới hạn dung lượng và loại tệp.',
});

export const listAttachments = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/attachments',
  group: 'attachments',
  auth: 'user',
  operationId: 'listAttachments',
  summary: 'Attachments of a submission',
  params: SubmissionParams,
  response: z.object({ items: z.array(AttachmentView) }),
  errors: [404],
});

export const confirmAttachment = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/attachments/{attachmentId}/confirm',
  group: 'attachments',
  auth: 'user',
  operationId: 'confirmAttachment',
  summary: 'Check an uploaded file (size, magic bytes) and accept it',
  params: AttachmentParams,
  response: AttachmentView,
  errors: [403, 404, 409, 413, 422],
  description:
    'Đọc tệp một lần, phân tích cấu trúc (PDF, DOCX/XLSX, PNG, JPEG; từ chối tệp lai và chương trình), tính SHA-256 (ghi vào chuỗi nhật ký) và chuyển tệp vào vùng lưu trữ không tải lên được.',
});

export const getAttachmentDownload = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/attachments/{attachmentId}/download',
  group: 'attachments',
  auth: 'user',
  operationId: 'getAttachmentDownload',
  summary: 'A short-lived download link, after an authorization check',
  params: AttachmentParams,
  response: z.object({
    url: z.string(),
    expiresAt: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().nullable(),
  }),
  errors: [404, 409],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const attachmentContracts = {
  createAttachmentUpload,
  listAttachments,
  confirmAttachment,
  getAttachmentDownload,
};
