import { describe, expect, it } from 'vitest';
import type { ProxiedRequest } from './proxy';
import { asCallerWithoutListBucket, checkPostPolicy, s3Error } from './s3-gate';
import { signString } from './sigv4';

/**
 * The POST policy rules the parity suite does not reach through the API's own uploads: `starts-with`,
 * conditions written as objects, `x-amz-meta-*` fields, `x-ignore-*`, and the case of field names
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).
 */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const scope = { accessKeyId: 'S3RVER', date: '20261206', region: 'ap-southeast-1', service: 's3' };
const NOW = new Date('2026-12-06T07:00:00Z');

function form(conditions: unknown[], fields: Record<string, string>, file = 'hello'): ProxiedRequest {
  const policy = Buffer.from(JSON.stringify({ expiration: '2026-12-06T08:00:00Z', conditions })).toString(
    'base64',
  );
  const all: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `S3RVER/${scope.date}/${scope.region}/s3/aws4_request`,
    'X-Amz-Date': `${scope.date}T070000Z`,
    Policy: policy,
    'X-Amz-Signature': signString('S3RVER', scope, policy),
    ...fields,
  };
  const boundary = 'gate-test-boundary';
  const parts = Object.entries(all).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n--${boundary}--\r\n`;
  return {
    method: 'POST',
    rawUrl: '/bucket',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.from(body),
  };
}

const signedFields = [
  { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
  { 'x-amz-credential': `S3RVER/${scope.date}/${scope.region}/s3/aws4_request` },
  { 'x-amz-date': `${scope.date}T070000Z` },
];

describe('checkPostPolicy', () => {
  const conditions = [
    { bucket: 'bucket' },
    ['starts-with', '$key', 'uploads/unit-1/'],
    ['starts-with', '$Content-Type', 'image/'],
    { 'x-amz-meta-unit': 'unit-1' },
    ...signedFields,
  ];

  it('accepts fields within the conditions, whatever the case of their names, and x-ignore-*', () => {
    const request = form(conditions, {
      key: 'uploads/unit-1/a.png',
      'content-type': 'image/png',
      'X-Amz-Meta-Unit': 'unit-1',
      'x-ignore-note': 'anything',
    });
    expect(checkPostPolicy(request, 'bucket', credentials, NOW)).toBeUndefined();
  });

  it.each([
    ['a key outside the prefix', { key: 'uploads/unit-2/a.png', 'Content-Type': 'image/png' }, 'key'],
    [
      'a type outside the prefix',
      { key: 'uploads/unit-1/a.png', 'Content-Type': 'text/html' },
      'Content-Type',
    ],
    [
      'another metadata value',
      { key: 'uploads/unit-1/a', 'Content-Type': 'image/png', 'x-amz-meta-unit': 'u2' },
      'x-amz-meta-unit',
    ],
  ])('refuses %s', (_what, fields, named) => {
    const withMeta = { 'x-amz-meta-unit': 'unit-1', ...fields };
    const answer = checkPostPolicy(form(conditions, withMeta), 'bucket', credentials, NOW);
    expect(answer?.status).toBe(403);
    expect(answer?.body.toString()).toContain(`$${named}`);
  });

  it('refuses another bucket, a missing field, and a policy past its expiration', () => {
    const fields = { key: 'uploads/unit-1/a.png', 'Content-Type': 'image/png', 'x-amz-meta-unit': 'unit-1' };
    expect(checkPostPolicy(form(conditions, fields), 'other-bucket', credentials, NOW)?.status).toBe(403);
    const { 'x-amz-meta-unit': _dropped, ...missing } = fields;
    expect(checkPostPolicy(form(conditions, missing), 'bucket', credentials, NOW)?.status).toBe(403);
    const late = checkPostPolicy(
      form(conditions, fields),
      'bucket',
      credentials,
      new Date('2026-12-06T08:00:01Z'),
    );
    expect(late?.body.toString()).toContain('Policy expired');
  });

  it('refuses a file smaller than content-length-range allows', () => {
    const answer = checkPostPolicy(
      form([['content-length-range', 10, 20], { key: 'k' }, ...signedFields], { key: 'k' }, 'tiny'),
      'bucket',
      credentials,
      NOW,
    );
    expect(answer?.status).toBe(400);
    expect(answer?.body.toString()).toContain('EntityTooSmall');
  });
});

describe('a missing object, for a caller without s3:ListBucket', () => {
  const req = (method: string, rawUrl: string): ProxiedRequest => ({
    method,
    rawUrl,
    headers: {},
    body: Buffer.alloc(0),
  });
  const notFound = s3Error(404, 'NoSuchKey', 'The specified key does not exist.');

  it('is 403 AccessDenied on GET and HEAD of an object, as S3 answers', () => {
    for (const method of ['GET', 'HEAD']) {
      const answer = asCallerWithoutListBucket(req(method, '/bucket/a/b.pdf?x-id=GetObject'), notFound);
      expect(answer.status).toBe(403);
      expect(answer.body.toString()).toContain('<Code>AccessDenied</Code>');
    }
  });

  it('leaves bucket-level answers, other methods and found objects as they are', () => {
    expect(asCallerWithoutListBucket(req('GET', '/bucket?list-type=2'), notFound).status).toBe(404);
    expect(asCallerWithoutListBucket(req('DELETE', '/bucket/a.pdf'), notFound).status).toBe(404);
    const found = { status: 200, headers: {}, body: Buffer.from('x') };
    expect(asCallerWithoutListBucket(req('GET', '/bucket/a.pdf'), found)).toBe(found);
  });
});
