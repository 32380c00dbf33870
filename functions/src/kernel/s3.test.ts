import { NoSuchKey, NotFound, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { isAbsentKey } from './s3';

const s3Error = (name: string, httpStatusCode: number) =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode } });

describe('isAbsentKey (what S3 answers for a key with nothing under it)', () => {
  it('is the 404 of GetObject (NoSuchKey) and of HeadObject (NotFound)', () => {
    expect(isAbsentKey(new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } }))).toBe(true);
    expect(isAbsentKey(new NotFound({ message: 'gone', $metadata: { httpStatusCode: 404 } }))).toBe(true);
  });

  it('is the 403 S3 answers instead to a role without s3:ListBucket (every role here but the health check)', () => {
    expect(isAbsentKey(s3Error('AccessDenied', 403))).toBe(true);
    expect(isAbsentKey(s3Error('Forbidden', 403))).toBe(true);
  });

  it('is not a throttle, a server error, a conflict or a network failure', () => {
    expect(isAbsentKey(s3Error('SlowDown', 503))).toBe(false);
    expect(isAbsentKey(s3Error('InternalError', 500))).toBe(false);
    expect(isAbsentKey(s3Error('PreconditionFailed', 412))).toBe(false);
    expect(isAbsentKey(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }))).toBe(false);
  });
});
