import { ATTACHMENT_EXTENSIONS, type AttachmentContentType } from '@thidua/shared/forms';

/** How many bytes of the head and the tail of a file the content check reads (two ranged GETs). */
export const HEAD_BYTES = 16;
export const TAIL_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The type a file really is, from its bytes: what the uploader claimed does not count. DOCX and XLSX are
 * both ZIP files; they differ by the parts their central directory (at the end of the file) names.
 */
export const detectContentType = (head: Uint8Array, tail: Uint8Array): AttachmentContentType | null => {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, ZIP)) {
    const names = Buffer.from(tail).toString('latin1');
    if (names.includes('word/document.xml')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
    if (names.includes('xl/workbook.xml')) {
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
  }
  return null;
};

const MAX_NAME = 200;

/**
 * A file name safe to show and to send back in Content-Disposition: Unicode normalized (Vietnamese
 * letters kept), no path, no control or reserved characters, no leading dots, bounded length, and the
 * extension of its real type.
 */
export const sanitizeFileName = (raw: string, contentType: AttachmentContentType): string => {
  const ext = ATTACHMENT_EXTENSIONS[contentType];
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const currentExt = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const sameKind = currentExt === ext || (ext === '.jpg' && currentExt === '.jpeg');
  name = `${(stem || 'tep-dinh-kem').slice(0, MAX_NAME - ext.length - 1).trim()}${sameKind ? currentExt : ext}`;
  return name;
};

/** RFC 6266/5987 header value: an ASCII fallback and the UTF-8 name. */
export const contentDisposition = (name: string): string => {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};
