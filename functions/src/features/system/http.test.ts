import { systemContracts } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../kernel/config';
import { createBase, groupDeps } from '../../kernel/deps';
import { accountsDep } from '../../kernel/http/accounts';
import { createGroupHandler } from '../../kernel/http/route';
import { unitsDep, usersDep } from '../org/repository';
import { systemRoutes } from './http';

// Nothing listens on port 9: the table and the bucket cannot answer.
const unreachable = loadConfig({
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  AWS_REGION: 'ap-southeast-1',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  S3_ENDPOINT: 'http://127.0.0.1:9',
});

const event = (routeKey: string) =>
  ({
    routeKey,
    rawPath: '/',
    headers: {},
    requestContext: { requestId: 'r' },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('the system group without its backends', () => {
  const deps = groupDeps([unitsDep, usersDep, accountsDep], createBase(unreachable));
  const handler = createGroupHandler(systemContracts, systemRoutes(deps), { accounts: deps.accounts });

  it('GET /health answers 503 with what failed', async () => {
    const r = await handler(event('GET /health'));
    expect(r.statusCode).toBe(503);
    expect(JSON.parse(String(r.body))).toEqual({
      status: 'unavailable',
      checks: { table: 'error', bucket: 'error' },
    });
  }, 30_000);

  it('GET /me without claims is a 401; an unknown route a 404 in the one error shape', async () => {
    expect((await handler(event('GET /me'))).statusCode).toBe(401);
    const r = await handler(event('GET /nope'));
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(String(r.body)).error.code).toBe('not_found');
  });
});

describe('configuration', () => {
  it('fails loudly, naming the variables, when required ones are missing', () => {
    expect(() => loadConfig({ TABLE_NAME: 'x' })).toThrowError(/BUCKET_NAME/);
    expect(() => loadConfig({ TABLE_NAME: 'x', BUCKET_NAME: 'y', MAX_UPLOAD_BYTES: 'lots' })).toThrowError(
      /MAX_UPLOAD_BYTES/,
    );
    expect(loadConfig({ TABLE_NAME: 'x', BUCKET_NAME: 'y', S3_ENDPOINT: '' }).maxUploadBytes).toBe(
      20 * 1024 * 1024,
    );
  });
});
