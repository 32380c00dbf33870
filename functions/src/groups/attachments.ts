import type { AttachmentView } from '@thidua/shared/api';
import { attachmentContracts as c } from '@thidua/shared/contracts';
import { isEditable } from '@thidua/shared/workflow';
import { requireAllowed, submissionResource } from '../app/access';
import { loadReadable } from '../app/submissions';
import { submissionView } from '../app/views';
import type { Attachment } from '../data/attachments';
import type { Deps } from '../deps';
import { detectContentType, HEAD_BYTES, sanitizeFileName, TAIL_BYTES } from '../files/magic';
import { Conflict, NotFound, PayloadTooLarge, RuleViolation } from '../http/errors';
import { created, ok } from '../http/response';
import { type RouteImpl, userRoute } from '../http/route';
import { newId } from '../ids';

const view = ({ objectKey: _key, tenantId: _tenant, ...a }: Attachment): AttachmentView => a;
const megabytes = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * Evidence files. Bytes never pass through the API: the browser posts them to S3 with a presigned POST
 * (size range and type fixed in the policy); the server then checks what arrived before the file can be
 * referenced from the form, and hands out short-lived download links after an authorization check.
 */
export const attachmentRoutes = (d: Deps): RouteImpl[] => [
  userRoute(c.createAttachmentUpload, async ({ identity, params, body, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    requireAllowed(identity, 'save', submissionResource(identity.tenantId, s));
    if (!isEditable(s.state)) {
      throw new Conflict(
        'Chỉ đính kèm được khi báo cáo đang soạn hoặc bị trả lại',
        submissionView(s, identity, now),
        'invalid_state',
      );
    }
    const max = d.config.maxUploadBytes;
    if (body.size > max) throw new PayloadTooLarge(`Tệp vượt quá dung lượng cho phép (${megabytes(max)} MB)`);
    const id = newId(now);
    const attachment: Attachment = {
      tenantId: identity.tenantId,
      id,
      submissionId: s.id,
      name: sanitizeFileName(body.fileName, body.contentType),
      contentType: body.contentType,
      declaredSize: body.size,
      size: null,
      status: 'pending',
      objectKey: `${identity.tenantId}/submissions/${s.id}/${id}`,
      uploadedBy: identity.userId,
      createdAt: now.toISOString(),
      confirmedAt: null,
    };
    const upload = await d.files.presignUpload(attachment.objectKey, attachment.contentType, max, now);
    const response = created({ attachment: view(attachment), upload });
    await d.attachments.create(attachment, remember(response));
    return response;
  }),

  userRoute(c.listAttachments, async ({ identity, params }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const items = await d.attachments.list(identity.tenantId, s.id);
    return ok({ items: items.map(view) });
  }),

  userRoute(c.confirmAttachment, async ({ identity, params, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    requireAllowed(identity, 'save', submissionResource(identity.tenantId, s));
    const a = await d.attachments.get(identity.tenantId, s.id, params.attachmentId);
    if (!a) throw new NotFound('Không tìm thấy tệp đính kèm');
    if (a.status === 'ready') return ok(view(a));
    const stored = await d.files.head(a.objectKey);
    if (!stored)
      throw new Conflict('Chưa nhận được tệp; hãy tải lên trước khi xác nhận', view(a), 'not_uploaded');
    if (stored.size > d.config.maxUploadBytes) {
      throw new PayloadTooLarge(
        `Tệp vượt quá dung lượng cho phép (${megabytes(d.config.maxUploadBytes)} MB)`,
      );
    }
    if (stored.size !== a.declaredSize) {
      throw new RuleViolation('Dung lượng tệp khác với khai báo', [], 'size_mismatch');
    }
    const [head, tail] = await Promise.all([
      d.files.readRange(a.objectKey, { start: 0, end: HEAD_BYTES - 1 }),
      d.files.readRange(a.objectKey, { suffix: Math.min(TAIL_BYTES, stored.size) }),
    ]);
    if (detectContentType(head, tail) !== a.contentType) {
      throw new RuleViolation(
        'Nội dung tệp không đúng loại đã khai báo (PDF, DOCX, XLSX, JPEG, PNG)',
        [],
        'content_mismatch',
      );
    }
    const confirmed: Attachment = {
      ...a,
      status: 'ready',
      size: stored.size,
      confirmedAt: now.toISOString(),
    };
    const response = ok(view(confirmed));
    await d.attachments.confirm(confirmed, remember(response));
    return response;
  }),

  userRoute(c.getAttachmentDownload, async ({ identity, params, now }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const a = await d.attachments.get(identity.tenantId, s.id, params.attachmentId);
    if (!a) throw new NotFound('Không tìm thấy tệp đính kèm');
    if (a.status !== 'ready') throw new Conflict('Tệp chưa được kiểm tra xong', view(a), 'not_ready');
    const link = await d.files.presignDownload(a.objectKey, a.name, a.contentType, now);
    return ok({ ...link, name: a.name, contentType: a.contentType, size: a.size });
  }),
];
