/**
 * Whether an S3 error means that nothing is stored under the key: 404 (`NoSuchKey`; a HEAD has no body, so
 * `NotFound`), or 403 — what S3 answers for a missing key to a caller without `s3:ListBucket` on the bucket
 * (S3 API reference, GetObject and HeadObject, "Permissions"), which no role here has but the health
 * check's. s3rver answers 404 either way, so a store that knew only 404 passed locally and answered 500
 * on AWS. A real refusal still shows: the write or the answer that follows is refused too.
 */
export const isAbsentKey = (e: unknown): boolean => {
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = (e as { name?: string }).name;
  return status === 404 || status === 403 || name === 'NoSuchKey' || name === 'NotFound';
};
