import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_EXTENSIONS,
  type AttachmentContentType,
  type AttachmentRef,
  FORM_LIMITS,
  normalizeText,
} from '@thidua/shared/forms';

/** A presigned POST: the browser sends the file straight to S3 with these form fields. */
export interface UploadTicket {
  attachmentId: string;
  url: string;
  fields: Record<string, string>;
}

export interface FileFacts {
  name: string;
  size: number;
  contentType: AttachmentContentType;
}

/** The API side of an upload, provided by the page (it knows the submission). */
export interface Uploader {
  /** Asks for a presigned POST for this file. */
  start(file: FileFacts): Promise<UploadTicket>;
  /**
   * After the upload: the server parses the file (PDF, DOCX/XLSX, image structure), hashes it and moves
   * it where no upload can reach; then it is an attachment.
   */
  finish(ticket: UploadTicket, file: FileFacts): Promise<AttachmentRef>;
}

const EXTENSION_TYPES: Record<string, AttachmentContentType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const isAllowed = (t: string): t is AttachmentContentType =>
  (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(t);

/** The content type of a picked file: the browser's when it knows one, else from the extension (phones often send none). */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? file.type;
}

export type FileCheck =
  | { ok: true; facts: FileFacts }
  | { ok: false; reason: 'type' | 'size' | 'empty'; name: string };

/** Checked before any byte is sent: type in the allow-list, size within the limit, not empty. */
export function checkFile(
  file: { name: string; type: string; size: number },
  accept: readonly AttachmentContentType[] = ATTACHMENT_CONTENT_TYPES,
  maxBytes: number = FORM_LIMITS.attachmentMaxBytes,
): FileCheck {
  const type = contentTypeOf(file);
  if (!isAllowed(type) || !accept.includes(type)) return { ok: false, reason: 'type', name: file.name };
  if (file.size === 0) return { ok: false, reason: 'empty', name: file.name };
  if (file.size > maxBytes) return { ok: false, reason: 'size', name: file.name };
  return {
    ok: true,
    facts: {
      // NFC and counted in code points, as the API counts it: a cut never splits a character.
      name: Array.from(normalizeText(file.name)).slice(-FORM_LIMITS.attachmentNameMaxLength).join(''),
      size: file.size,
      contentType: type,
    },
  };
}

/** `.pdf,.docx,…` plus the MIME types, for the file input's `accept`. */
export function acceptAttribute(accept: readonly AttachmentContentType[] = ATTACHMENT_CONTENT_TYPES): string {
  const exts = accept.map((t) => ATTACHMENT_EXTENSIONS[t]);
  if (accept.includes('image/jpeg')) exts.push('.jpeg');
  return [...exts, ...accept].join(',');
}

export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly reason: 'network' | 'refused' | 'aborted',
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

/**
 * Sends the file to the presigned POST with XMLHttpRequest — fetch cannot report upload progress —
 * calling `onProgress(sentBytes, totalBytes)` as it goes.
 */
export function postWithProgress(
  ticket: UploadTicket,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve();
      } else reject(new UploadError('refused', xhr.responseText.slice(0, 500), xhr.status));
    };
    xhr.onerror = () => reject(new UploadError('network', 'network error'));
    xhr.onabort = () => reject(new UploadError('aborted', 'aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
