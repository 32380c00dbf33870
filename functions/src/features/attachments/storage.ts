import type { S3Client } from '@aws-sdk/client-s3';
import { defineDep } from '../../kernel/deps';
import { isAbsentKey } from '../../kernel/s3';
import { contentDisposition } from './magic';

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * Browsers upload only under `upload/` (one key per attachment, named in the POST policy); the API moves
 * the checked bytes under `evidence/`, which no upload policy ever names, so a re-sent POST cannot touch
 * a confirmed file.
 */
export const UPLOAD_PREFIX = 'upload/';
export const EVIDENCE_PREFIX = 'evidence/';

export interface EvidenceRef {
  tenantId: string;
  submissionId: string;
  attachmentId: string;
}

export const uploadKey = (r: EvidenceRef): string =>
  `${UPLOAD_PREFIX}${r.tenantId}/submissions/${r.submissionId}/${r.attachmentId}`;
export const evidenceKey = (r: EvidenceRef): string =>
  `${EVIDENCE_PREFIX}${r.tenantId}/submissions/${r.submissionId}/${r.attachmentId}`;

/** The attachment an evidence key belongs to (a scanner's verdict names the object only). */
export const parseEvidenceKey = (key: string): EvidenceRef | null => {
  const m = /^evidence\/([^/]+)\/submissions\/([^/]+)\/([^/]+)$/.exec(key);
  return m?.[1] && m[2] && m[3] ? { tenantId: m[1], submissionId: m[2], attachmentId: m[3] } : null;
};

/** The attachments bucket, behind the few operations the API needs. */
export interface FileStorage {
  /**
   * A browser upload to exactly `key` (under `upload/` only), of exactly `contentType`, between
   * `size.min` and `size.max` bytes.
   */
  presignUpload(
    key: string,
    contentType: string,
    size: { min: number; max: number },
    now: Date,
  ): Promise<PresignedUpload>;
  head(key: string): Promise<{ size: number } | undefined>;
  /** The whole object (evidence files are at most MAX_UPLOAD_BYTES). */
  read(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
  presignDownload(
    key: string,
    fileName: string,
    contentType: string,
    now: Date,
  ): Promise<{ url: string; expiresAt: string }>;
  put(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
}

export const UPLOAD_TTL_SECONDS = 10 * 60;
/** Downloads are short-lived: the link is issued after an authorization check and must not travel far. */
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

/** The SDK modules are imported on first use only (cold start of the groups that never touch files). */
const s3Sdk = () => import('@aws-sdk/client-s3');

export const createFileStorage = ({
  bucket,
  s3: client,
}: {
  bucket: string;
  s3: () => Promise<S3Client>;
}): FileStorage => ({
  async presignUpload(key, contentType, size, now) {
    if (!key.startsWith(UPLOAD_PREFIX))
      throw new Error(`upload policies name keys under ${UPLOAD_PREFIX} only`);
    const [s3, { createPresignedPost }] = await Promise.all([client(), import('@aws-sdk/s3-presigned-post')]);
    const post = await createPresignedPost(s3, {
      Bucket: bucket,
      Key: key,
      // The SDK adds the exact-key condition `{ key }` itself.
      Conditions: [
        ['content-length-range', size.min, size.max],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: UPLOAD_TTL_SECONDS,
    });
    return {
      url: post.url,
      fields: post.fields,
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  },
  async head(key) {
    const [s3, { HeadObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    try {
      const r = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: r.ContentLength ?? 0 };
    } catch (err) {
      if (isAbsentKey(err)) return undefined;
      throw err;
    }
  },
  async read(key) {
    const [s3, { GetObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
  },
  async delete(key) {
    const [s3, { DeleteObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },
  async presignDownload(key, fileName, contentType, now) {
    const [s3, { GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      client(),
      s3Sdk(),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: contentDisposition(fileName),
        ResponseContentType: contentType,
      }),
      { expiresIn: DOWNLOAD_TTL_SECONDS },
    );
    return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() };
  },
  async put(key, body, contentType) {
    const [s3, { PutObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  },
});

/** `files` of a route group's container (kernel/deps.ts). */
export const filesDep = defineDep('files', (c) =>
  createFileStorage({ bucket: c.config.bucketName, s3: c.clients.s3 }),
);
