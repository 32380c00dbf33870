import { Id } from '@thidua/shared/common';
import { ATTACHMENT_CONTENT_TYPES } from '@thidua/shared/forms';
import * as z from 'zod';
import { Attachment } from '../data/attachments';
import { defineContract } from '../http/contract';
import { SubmissionParams } from './submissions';

export const AttachmentParams = SubmissionParams.extend({ attachmentId: Id });

export const AttachmentView = Attachment.omit({ objectKey: true, storedKey: true, tenantId: true });
export type AttachmentView = z.infer<typeof AttachmentView>;

export const CreateUploadBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES, { error: 'Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG' }),
  size: z.number().int().min(1),
});

export const attachmentContracts = {
  createAttachmentUpload: defineContract({
    operationId: 'createAttachmentUpload',
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
  }),
  listAttachments: defineContract({
    operationId: 'listAttachments',
    params: SubmissionParams,
    response: z.object({ items: z.array(AttachmentView) }),
    errors: [404],
  }),
  confirmAttachment: defineContract({
    operationId: 'confirmAttachment',
    params: AttachmentParams,
    response: AttachmentView,
    errors: [403, 404, 409, 413, 422],
    description:
      'Đọc tệp một lần, phân tích cấu trúc (PDF, DOCX/XLSX, PNG, JPEG; từ chối tệp lai và chương trình), tính SHA-256 (ghi vào chuỗi nhật ký) và chuyển tệp vào vùng lưu trữ không tải lên được.',
  }),
  getAttachmentDownload: defineContract({
    operationId: 'getAttachmentDownload',
    params: AttachmentParams,
    response: z.object({
      url: z.string(),
      expiresAt: z.string(),
      name: z.string(),
      contentType: z.string(),
      size: z.number().int().nullable(),
    }),
    errors: [404, 409],
  }),
};
