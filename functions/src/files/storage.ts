import type { S3Client } from '@aws-sdk/client-s3';
import { contentDisposition } from './magic';

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** The attachments bucket, behind the few operations the API needs. */
export interface FileStorage {
  /** A browser upload limited to `maxBytes` and exactly `contentType`, to exactly `key`. */
  presignUpload(key: string, contentType: string, maxBytes: number, now: Date): Promise<PresignedUpload>;
  head(key: string): Promise<{ size: number } | undefined>;
  /** Bytes `[start, end]` (inclusive), or the last `-n` bytes with `suffix`. */
  readRange(key: string, range: { start: number; end: number } | { suffix: number }): Promise<Uint8Array>;
  presignDownload(
    key: string,
    fileName: string,
    contentType: string,
    now: Date,
  ): Promise<{ url: string; expiresAt: string }>;
  put(key: string, body: string, contentType: string): Promise<void>;
}

export const UPLOAD_TTL_SECONDS = 10 * 60;
/** Downloads are short-lived: the link is issued after an authorization check and must not travel far. */
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

const isMissing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** The SDK modules are imported on first use only (cold start of the groups that never touch files). */
const s3Sdk = () => import('@aws-sdk/client-s3');

export const createFileStorage = ({
  bucket,
  s3: client,
}: {
  bucket: string;
  s3: () => Promise<S3Client>;
}): FileStorage => ({
  async presignUpload(key, contentType, maxBytes, now) {
    const [s3, { createPresignedPost }] = await Promise.all([client(), import('@aws-sdk/s3-presigned-post')]);
    const post = await createPresignedPost(s3, {
      Bucket: bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
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
      if (isMissing(err)) return undefined;
      throw err;
    }
  },
  async readRange(key, range) {
    const [s3, { GetObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    const header = 'suffix' in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end}`;
    const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: header }));
    return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
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
