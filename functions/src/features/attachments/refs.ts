import type { FormDefinition } from '@thidua/shared/forms';
import type { ErrorDetail } from '../../kernel/http/errors';
import { RuleViolation } from '../../kernel/http/errors';
import type { Attachment } from './repository';
import { attachmentCounts } from './scan';

/** Whether a definition has file fields at all (then saving reads the submission's attachments). */
export const hasFileFields = (definition: FormDefinition): boolean =>
  definition.sections.some((s) => s.fields.some((f) => f.type === 'file'));

/**
 * Evidence in form data must be files uploaded to this submission and checked by the server: each
 * reference is matched with an attachment that counts (ready; not infected; clean when a scanner runs), and its name, size and type are taken from the record
 * (never from the client). Unknown or unchecked references are a 422 with their field paths.
 */
type Data = Record<string, unknown>;

const whyNotCounted = (a: Attachment | undefined): string =>
  a?.scanState === 'infected'
    ? 'Tệp nhiễm mã độc, không được dùng làm minh chứng'
    : a?.status === 'ready'
      ? 'Tệp đang chờ kết quả quét virus'
      : 'Tệp chưa được tải lên hoặc chưa được kiểm tra';
const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

export const resolveAttachmentRefs = (
  definition: FormDefinition,
  data: Data,
  attachments: readonly Attachment[],
  /** Whether a malware scanner is configured: then only `clean` files count. */
  scanning = false,
): Data => {
  const known = new Map(attachments.map((a) => [a.id, a]));
  const ready = new Map(attachments.filter((a) => attachmentCounts(a, scanning)).map((a) => [a.id, a]));
  const issues: ErrorDetail[] = [];
  const out: Data = { ...data };
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (field.type !== 'file') continue;
      const sectionData = data[section.key];
      const value = isRecord(sectionData) ? sectionData[field.key] : undefined;
      if (!Array.isArray(value)) continue;
      const resolved = value.map((ref: unknown, i) => {
        const id =
          typeof ref === 'object' && ref !== null && 'attachmentId' in ref
            ? String(ref.attachmentId)
            : undefined;
        const a = id === undefined ? undefined : ready.get(id);
        if (!a) {
          issues.push({
            path: `body.data.${section.key}.${field.key}.${i}`,
            message: whyNotCounted(id === undefined ? undefined : known.get(id)),
          });
          return ref;
        }
        return {
          attachmentId: a.id,
          name: a.name,
          size: a.size ?? a.declaredSize,
          contentType: a.contentType,
        };
      });
      const current = out[section.key];
      out[section.key] = { ...(isRecord(current) ? current : {}), [field.key]: resolved };
    }
  }
  if (issues.length > 0)
    throw new RuleViolation('Có tệp đính kèm không hợp lệ', issues, 'invalid_attachment');
  return out;
};
