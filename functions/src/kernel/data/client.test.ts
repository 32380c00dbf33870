import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createAwsClients, lazy } from './client';

describe('lazy', () => {
  it('makes the value once and shares it between concurrent and later calls', async () => {
    let made = 0;
    const get = lazy(async () => ({ n: ++made }));
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(made).toBe(1);
  });

  it('does not cache a failure: the next call tries again', async () => {
    let calls = 0;
    const get = lazy(async () => {
      calls++;
      if (calls === 1) throw new Error('first import failed');
      return calls;
    });
    await expect(get()).rejects.toThrow('first import failed');
    expect(await get()).toBe(2);
  });
});

describe('createAwsClients', () => {
  const config = (extra: Record<string, string> = {}) =>
    loadConfig({
      TABLE_NAME: 't',
      BUCKET_NAME: 'b',
      AWS_REGION: 'ap-southeast-1',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      ...extra,
    });

  it('creates one S3 client on first use, path-style for the local endpoint', async () => {
    const clients = createAwsClients(config());
    const s3 = await clients.s3();
    expect(await clients.s3()).toBe(s3);
    expect(await s3.config.forcePathStyle).toBe(true);
    expect(clients.cognito).toBeUndefined();
  });

  it('offers Cognito only with a user pool, the same client on every call', async () => {
    const clients = createAwsClients(config({ USER_POOL_ID: 'ap-southeast-1_x' }));
    const cognito = clients.cognito;
    if (!cognito) throw new Error('expected a Cognito client with a user pool');
    expect(await cognito()).toBe(await cognito());
  });
});
