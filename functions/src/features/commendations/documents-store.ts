import type { S3Client } from '@aws-sdk/client-s3';
import { defineDep } from '../../kernel/deps';
import { isAbsentKey } from '../../kernel/s3';

/**
 * Generated documents live in the attachments bucket under `t/<tenant>/commendations/...`. They are
 * written once (a decision's document never changes) and read only through short-lived presigned GETs
 * issued after an authorization check.
 */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOWNLOAD_SECONDS = 300;

export type DocumentKind = 'batch' | 'minutes' | 'decision' | 'draft-decision' | 'awardees' | 'revocation';

/** `model.json`: the document as blocks (kernel/pdf/model.ts), from which the documents group renders the PDF. */
export const documentKey = (
  tenantId: string,
  kind: DocumentKind,
  id: string,
  ext: 'docx' | 'xlsx' | 'pdf' | 'model.json',
): string => `t/${tenantId}/commendations/${kind}/${id}.${ext}`;

/**
 * Where a document's model lies beside its DOCX: the documents group renders the PDF from it (ADR 0024).
 * Here, not beside the DOCX writer, so the documents bundle does not pull in docx.
 */
export const modelKeyOf = (docxKey: string): string => docxKey.replace(/\.docx$/u, '.model.json');

export interface DocumentStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** A presigned GET that downloads the file under `fileName`. */
  downloadUrl(key: string, fileName: string): Promise<string>;
  /** The stored bytes and when they were written, or undefined when there is no such object (`isAbsentKey`). */
  get(key: string): Promise<{ bytes: Uint8Array; lastModified: Date } | undefined>;
  /** Whether something is stored under the key (HeadObject: no bytes read); see `isAbsentKey`. */
  exists(key: string): Promise<boolean>;
  /** Writes only if nothing is stored under the key yet; false when something already is. */
  putOnce(key: string, bytes: Uint8Array, contentType: string): Promise<boolean>;
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
const disposition = (fileName: string): string => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

/** `client` creates the S3 client on first use: the SDK is imported only when a document is touched. */
export const createDocumentStore = (client: () => Promise<S3Client>, bucket: string): DocumentStore => ({
  async put(key, bytes, contentType) {
    const [s3, { PutObjectCommand }] = await Promise.all([client(), import('@aws-sdk/client-s3')]);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
  },
  async get(key) {
    const [s3, { GetObjectCommand }] = await Promise.all([client(), import('@aws-sdk/client-s3')]);
    try {
      const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return {
        bytes: await (r.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
        lastModified: r.LastModified ?? new Date(0),
      };
    } catch (e) {
      if (isAbsentKey(e)) return undefined;
      throw e;
    }
  },
  async exists(key) {
    const [s3, { HeadObjectCommand }] = await Promise.all([client(), import('@aws-sdk/client-s3')]);
    try {
      await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (e) {
      if (isAbsentKey(e)) return false;
      throw e;
    }
  },
  async putOnce(key, bytes, contentType) {
    const [s3, { PutObjectCommand }] = await Promise.all([client(), import('@aws-sdk/client-s3')]);
    try {
      // S3 conditional write: two first readers racing keep ONE file (the one a signer downloads).
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          IfNoneMatch: '*',
        }),
      );
      return true;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return false;
      throw e;
    }
  },
  async downloadUrl(key, fileName) {
    const [s3, { GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      client(),
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    return getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition(fileName) }),
      { expiresIn: DOWNLOAD_SECONDS },
    );
  },
});

/** `documents` of a route group's container (kernel/deps.ts). */
export const documentsDep = defineDep('documents', (c) =>
  createDocumentStore(c.clients.s3, c.config.bucketName),
);
