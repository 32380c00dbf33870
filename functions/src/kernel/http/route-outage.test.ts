import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRoute } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fileTelemetry } from '../../../local/telemetry-file';
import { dynamoCallCounter } from '../data/call-counter';
import { createTelemetry, setTelemetryFactory } from '../observability/telemetry';
import { ok } from './response';
import { createGroupHandler, userRoute } from './route';

/**
 * The outage decision of the route kernel: a DynamoDB failure that proves nothing was written twice is a
 * 503 with Retry-After; after a write that may have been applied without the Idempotency-Key record it is
 * 500 `outcome_unknown`. The write attempts go through the client's real attempt middleware
 * (`dynamoCallCounter.attemptMiddleware`), failing as the node HTTP handler fails on a reset connection.
 */
const contract = defineRoute({
  method: 'POST',
  path: '/probe',
  group: 'system',
  auth: 'user',
  operationId: 'probeWrite',
  summary: 'probe',
  body: z.object({ form: z.record(z.string(), z.unknown()) }),
  response: z.object({ ok: z.boolean() }),
  errors: [400],
});

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
/** One write attempt through the real middleware, whose request is sent and whose answer is lost. */
const lostWrite = (commandName: string, input: unknown) =>
  dynamoCallCounter.attemptMiddleware()(
    async () => {
      throw reset();
    },
    { commandName } as never,
  )({ input, request: {} } as never);

let behaviour: () => Promise<unknown> = async () => undefined;
let dir = '';
let handler: ReturnType<typeof createGroupHandler>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-route-outage-'));
  setTelemetryFactory(fileTelemetry(join(dir, 'api.log')));
  handler = createGroupHandler(
    { probeWrite: contract },
    [
      userRoute(contract, async () => {
        await behaviour();
        return ok({ ok: true });
      }),
    ],
    // The probe's caller is its token: the record check is another test's subject.
    { telemetry: createTelemetry('system', {}), accounts: { resolve: async (token) => token } },
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const event = (): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /probe',
    rawPath: '/probe',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'probe-key-1' },
    body: JSON.stringify({ form: { note: 'bí mật 42', email: 'nguoi.dung@demo.thidua.vn' } }),
    isBase64Encoded: false,
    requestContext: {
      requestId: `req-${Math.random()}`,
      authorizer: {
        jwt: {
          claims: {
            sub: 'sub-123',
            token_use: 'id',
            email: 'nguoi.dung@demo.thidua.vn',
            name: 'Nguyễn Văn A',
            'custom:tenant_id': 'binh-phuoc',
            'custom:unit_id': 'dong-xoai',
          },
          scopes: [],
        },
      },
    },
  }) as unknown as APIGatewayProxyEventV2;

const errorOf = (body: unknown) => (JSON.parse(String(body)) as { error: { code: string } }).error;

describe('a DynamoDB outage in a write route', () => {
  it('before any write: 503 unavailable with Retry-After', async () => {
    behaviour = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    };
    const r = await handler(event());
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
    expect(errorOf(r.body).code).toBe('unavailable');
  });

  it('after a lost transaction that carried the Idempotency-Key record: still 503 (a retry replays)', async () => {
    behaviour = () =>
      lostWrite('TransactWriteItemsCommand', {
        TransactItems: [
          { Put: { Item: { pk: { S: 'x' } } } },
          { Put: { Item: { type: { S: 'Idempotency' } } } },
        ],
      });
    const r = await handler(event());
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
  });

  it('after a lost write without the record: 500 outcome_unknown, never a 503 inviting a second write', async () => {
    behaviour = () => lostWrite('PutItemCommand', { Item: { pk: { S: 'x' } } });
    const r = await handler(event());
    expect(r.statusCode).toBe(500);
    expect(r.headers['retry-after']).toBeUndefined();
    expect(errorOf(r.body).code).toBe('outcome_unknown');
  });

  it('logs one line per request with ids and codes, without the e-mail, the name or the form', async () => {
    const log = await readFile(join(dir, 'api.log'), 'utf8');
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.message === 'request');
    expect(requests.map((l) => [l.status, l.code])).toEqual([
      [503, 'unavailable'],
      [503, 'unavailable'],
      [500, 'outcome_unknown'],
    ]);
    for (const l of requests) {
      expect(l).toMatchObject({
        routeKey: 'POST /probe',
        tenantId: 'binh-phuoc',
        userId: 'sub-123',
        level: 'ERROR',
      });
      expect((l.error as { name?: string }).name).toBe('Error');
    }
    expect(lines.filter((l) => l._aws !== undefined)).toHaveLength(3);
    expect(log).not.toContain('nguoi.dung');
    expect(log).not.toContain('Nguyễn');
    expect(log).not.toContain('bí mật');
  });
});
