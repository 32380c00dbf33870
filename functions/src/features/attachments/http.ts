import { createHash } from 'node:crypto';
import type { AttachmentView } from '@thidua/shared/api';
import { attachmentContracts as c } from '@thidua/shared/contracts';
import { sensitiveAttachmentIds } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import { isEditable, type WorkflowEvent } from '@thidua/shared/workflow';
import { requireAllowed, submissionResource } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { Conflict, NotFound, PayloadTooLarge, RuleViolation } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { requireApplied } from '../../kernel/outcomes';
import type { StoredSubmission } from '../submissions/repository';
import { loadReadable, refuseClassified, templateOf } from '../submissions/use-cases';
import { readsSensitive, submissionView } from '../submissions/views';
import { type InspectionFailure, inspectFile } from './inspect';
import { detectContentType, HEAD_BYTES, sanitizeFileName, TAIL_BYTES } from './magic';
import type { Attachment } from './repository';
import { initialScanState } from './scan';
import { evidenceKey, uploadKey } from './storage';

const view = ({ objectKey: _key, storedKey: _stored, tenantId: _tenant, ...a }: Attachment): AttachmentView =>
  a;

/** What the user reads when the structural check refuses a file. */
const INSPECTION_MESSAGES: Readonly<Record<InspectionFailure, string>> = {
  executable: 'Tệp có chứa chương trình thực thi; không được nhận làm minh chứng',
  not_pdf: 'Tệp PDF bị hỏng hoặc không đúng cấu trúc PDF',
  pdf_trailing_data: 'Tệp PDF có dữ liệu lạ sau phần kết thúc; hãy xuất lại tệp',
  not_zip: 'Tệp không đúng cấu trúc DOCX/XLSX',
  zip_hidden_data: 'Tệp DOCX/XLSX có dữ liệu lạ ngoài danh mục tệp; hãy lưu lại bằng Word/Excel',
  not_office: 'Tệp không phải văn bản Word (DOCX) hoặc bảng tính Excel (XLSX) hợp lệ',
  office_macros: 'Tệp Word/Excel có macro hoặc tệp chương trình đính kèm; hãy lưu dạng DOCX/XLSX thường',
  not_png: 'Ảnh PNG bị hỏng hoặc có dữ liệu lạ sau phần kết thúc',
  not_jpeg: 'Ảnh JPEG bị hỏng hoặc có dữ liệu lạ sau phần kết thúc',
};

/** The chain event of a confirmation: no change of state, the checked file and its hash recorded. */
const attachEvent = (
  s: StoredSubmission,
  file: NonNullable<WorkflowEvent['attachment']>,
  actor: Identity,
  now: Date,
): WorkflowEvent => {
  const position = { state: s.state, level: s.level };
  return {
    submissionId: s.id,
    action: 'attach',
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    actorRoles: actor.roles,
    at: now.toISOString(),
    from: position,
    to: position,
    reason: null,
    attachment: file,
  };
};

/** Files of sensitive file fields, for a reader the template does not name (none for one it does). */
export const hiddenAttachments = async (
  d: Pick<Deps, 'attachments' | 'config' | 'files' | 'submissions' | 'units' | 'templates'>,
  identity: Identity,
  s: StoredSubmission,
): Promise<Set<string>> => {
  const template = await templateOf(d, s);
  return readsSensitive(identity, s, template) ? new Set() : sensitiveAttachmentIds(template, s.data);
};

const megabytes = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * Evidence files. Bytes never pass through the API: the browser posts them to S3 with a presigned POST to
 * a one-time `upload/` key (exact size and type fixed in the policy). `confirm` reads what arrived once,
 * parses it, hashes it, keeps those bytes under `evidence/` — which no upload policy names, so a re-sent
 * POST changes nothing — and records the hash in the submission's audit chain. Downloads are short-lived
 * links to the `evidence/` object, issued after an authorization check.
 */
export const attachmentRoutes = (
  d: Pick<Deps, 'attachments' | 'config' | 'files' | 'submissions' | 'units' | 'templates'>,
): RouteImpl[] => [
  userRoute(c.createAttachmentUpload, async ({ identity, params, body, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    requireAllowed(identity, 'save', submissionResource(identity.tenantId, s));
    const template = await templateOf(d, s);
    if (!isEditable(s.state)) {
      throw new Conflict(
        'Chỉ đính kèm được khi báo cáo đang soạn hoặc bị trả lại',
        submissionView(s, identity, now, template),
        'invalid_state',
      );
    }
    // Evidence is data entry too: nothing goes into a "Mật" submission.
    refuseClassified(template, s);
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
      objectKey: uploadKey({ tenantId: identity.tenantId, submissionId: s.id, attachmentId: id }),
      storedKey: null,
      sha256: null,
      scanState: 'not_scanned',
      uploadedBy: identity.userId,
      createdAt: now.toISOString(),
      confirmedAt: null,
    };
    // Exactly the announced size: the policy leaves no room for a different file.
    const upload = await d.files.presignUpload(
      attachment.objectKey,
      attachment.contentType,
      { min: body.size, max: body.size },
      now,
    );
    const response = created({ attachment: view(attachment), upload });
    const outcome = await d.attachments.create(attachment, remember(response));
    if (outcome.kind !== 'written') throw new Conflict('Yêu cầu trùng lặp', undefined, 'duplicate_request');
    return response;
  }),

  userRoute(c.listAttachments, async ({ identity, params }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const [items, hidden] = await Promise.all([
      d.attachments.list(identity.tenantId, s.id),
      hiddenAttachments(d, identity, s),
    ]);
    return ok({ items: items.filter((a) => !hidden.has(a.id)).map(view) });
  }),

  userRoute(c.confirmAttachment, async ({ identity, params, now, remember }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    requireAllowed(identity, 'save', submissionResource(identity.tenantId, s));
    const a = await d.attachments.get(identity.tenantId, s.id, params.attachmentId);
    if (!a) throw new NotFound('Không tìm thấy tệp đính kèm');
    if (a.status === 'ready') return ok(view(a));
    const template = await templateOf(d, s);
    refuseClassified(template, s);
    const stored = await d.files.head(a.objectKey);
    if (!stored)
      throw new Conflict('Chưa nhận được tệp; hãy tải lên trước khi xác nhận', view(a), 'not_uploaded');
    if (stored.size > d.config.maxUploadBytes) {
      throw new PayloadTooLarge(
        `Tệp vượt quá dung lượng cho phép (${megabytes(d.config.maxUploadBytes)} MB)`,
      );
    }
    // The bytes checked, hashed and stored are the same bytes: one read, never a second look at the
    // upload key (the browser's POST policy is still valid and could replace it meanwhile).
    const bytes = await d.files.read(a.objectKey);
    if (bytes.length !== a.declaredSize || stored.size !== a.declaredSize) {
      throw new RuleViolation('Dung lượng tệp khác với khai báo', [], 'size_mismatch');
    }
    if (detectContentType(bytes.subarray(0, HEAD_BYTES), bytes.subarray(-TAIL_BYTES)) !== a.contentType) {
      throw new RuleViolation(
        'Nội dung tệp không đúng loại đã khai báo (PDF, DOCX, XLSX, JPEG, PNG)',
        [],
        'content_mismatch',
      );
    }
    const inspection = inspectFile(bytes, a.contentType);
    if (!inspection.ok)
      throw new RuleViolation(INSPECTION_MESSAGES[inspection.reason], [], inspection.reason);
    const storedKey = evidenceKey({ tenantId: a.tenantId, submissionId: a.submissionId, attachmentId: a.id });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await d.files.put(storedKey, bytes, a.contentType);
    const confirmed: Attachment = {
      ...a,
      status: 'ready',
      size: bytes.length,
      storedKey,
      sha256,
      scanState: initialScanState(d.config.malwareScanning),
      confirmedAt: now.toISOString(),
    };
    // The file's hash enters the submission's audit chain in the same transaction as the confirmation.
    const file = { id: a.id, name: a.name, contentType: a.contentType, size: bytes.length, sha256 };
    const response = ok(view(confirmed));
    // A draft saved while the file was read and checked moves the version on; the attach event then goes
    // onto the submission as it is now (same state), rather than failing the upload (at most 3 tries).
    let current = s;
    for (let attempt = 1; ; attempt++) {
      const write = d.submissions.planChange(current, current, [attachEvent(current, file, identity, now)]);
      const outcome = await d.submissions.apply(write, [
        d.attachments.confirmItem(confirmed),
        ...remember(response),
      ]);
      if (outcome.kind === 'conflict' && outcome.current?.state === s.state && attempt < 3) {
        current = outcome.current;
        continue;
      }
      requireApplied(outcome, (c) => submissionView(c, identity, now, template));
      break;
    }
    // Cleanup only: the upload key is never read again once the attachment is ready. Where the function
    // may not delete (the stack grants object Put/Get only), the bucket's lifecycle rule on upload/ does it.
    await d.files.delete(a.objectKey).catch(() => undefined);
    return response;
  }),

  userRoute(c.getAttachmentDownload, async ({ identity, params, now }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    const a = await d.attachments.get(identity.tenantId, s.id, params.attachmentId);
    if (!a || (await hiddenAttachments(d, identity, s)).has(a.id))
      throw new NotFound('Không tìm thấy tệp đính kèm');
    if (a.status !== 'ready') throw new Conflict('Tệp chưa được kiểm tra xong', view(a), 'not_ready');
    if (a.scanState === 'infected')
      throw new Conflict('Tệp nhiễm mã độc, không được tải về', view(a), 'infected');
    // Exactly the object checked at confirm (legacy files, confirmed before evidence/ existed, in place).
    const link = await d.files.presignDownload(a.storedKey ?? a.objectKey, a.name, a.contentType, now);
    return ok({ ...link, name: a.name, contentType: a.contentType, size: a.size });
  }),
];
