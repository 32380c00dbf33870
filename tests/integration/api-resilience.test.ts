import { readFile } from 'node:fs/promises';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { loadConfig } from '@thidua/functions/kernel/config';
import { dynamoCallCounter, retryIsSafe } from '@thidua/functions/kernel/data/call-counter';
import { createAwsClients, isDependencyUnavailable } from '@thidua/functions/kernel/data/client';
import { transactWrite } from '@thidua/functions/kernel/data/transact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/platform';
import {
  type ApiWorld,
  act,
  body,
  createReport,
  demoUserByEmail,
  expectStatus,
  logins,
  startApiWorld,
  validReport,
} from './api-world';

/**
 * Outages and damaged data against the real platform (issue 11, point 6): DynamoDB Local frozen with
 * SIGSTOP (a table that accepts connections and never answers), killed (connection refused), and items
 * written behind the API's back. AWS guarantees checked: a request against an unavailable table fails
 * within the SDK's timeouts, well inside API Gateway's 29 s integration limit; a TransactWriteItems that
 * carries the Idempotency-Key record is all-or-nothing, so a retry with the same key writes once.
 * Also the request log (point 5): one JSON line per request, without personal data or form contents.
 */
let w: ApiWorld;
beforeAll(async () => {
  // A DynamoDB Local of its own: this file freezes and kills it.
  w = await startApiWorld({ ownDynamoDbLocal: true });
}, 240_000);
afterAll(async () => {
  await w?.stop();
});

const pid = (): number => {
  const p = w.platform.dynamoPid;
  if (p === undefined) throw new Error('the platform did not report the DynamoDB Local process id');
  return p;
};

const errorOf = (r: { body: unknown }) =>
  (r.body as { error: { code: string; message: string; details: { path: string }[] } }).error;

/** Runs `fn` with DynamoDB Local frozen; it is thawed afterwards whatever happens. */
const frozen = async <T>(fn: () => Promise<T>): Promise<T> => {
  process.kill(pid(), 'SIGSTOP');
  try {
    return await fn();
  } finally {
    process.kill(pid(), 'SIGCONT');
  }
};

const timed = async <T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> => {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
};

/** Every item of the table whose attribute `name` is `value` (a small in-memory test table). */
const itemsWhere = async (name: string, value: string) => {
  const clients = emulatorClients(w.platform);
  try {
    const r = await clients.dynamo.send(
      new ScanCommand({
        TableName: w.platform.tableName,
        FilterExpression: '#n = :v',
        ExpressionAttributeNames: { '#n': name },
        ExpressionAttributeValues: { ':v': { S: value } },
        ConsistentRead: true,
      }),
    );
    return r.Items ?? [];
  } finally {
    clients.destroy();
  }
};

const putRaw = async (item: NonNullable<Awaited<ReturnType<typeof itemsWhere>>[number]>) => {
  const clients = emulatorClients(w.platform);
  try {
    await clients.dynamo.send(new PutItemCommand({ TableName: w.platform.tableName, Item: item }));
  } finally {
    clients.destroy();
  }
};

/** The API's request lines (Powertools Logger) and EMF blobs, as CloudWatch Logs would receive them. */
const logLines = async (): Promise<Record<string, unknown>[]> =>
  (await readFile(w.platform.apiLogFile, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const requestLine = async (requestId: string | null) => {
  const line = (await logLines()).find((l) => l.message === 'request' && l.requestId === requestId);
  if (!line) throw new Error(`no log line for request ${requestId}`);
  return line;
};

/** Well within API Gateway's 29 s; the SDK's budget is about 5 s (DYNAMO_TIMEOUTS). */
const OUTAGE_ANSWER_BOUND_MS = 10_000;

describe('the request log', () => {
  it('writes one JSON line per request with route, status, tenant, Cognito sub, latency and DynamoDB calls — no e-mail, no form contents', async () => {
    const who = w.as.communeSubmitter;
    const email = logins.communeSubmitter;
    const secret = 'Nội dung mật 7f3a9c';
    // Form data with a distinctive text and the user's own e-mail in it.
    const r = await who.post('/submissions', {
      campaignId: 'api-test-campaign',
      formKey: 'periodic_report',
      period: '2026-Q1',
      data: { figures: { crimesDetected: 2, drugCases: 1 }, note: `${secret} ${email}` },
    });
    expect([201, 422]).toContain(r.status);
    const line = await requestLine(r.headers.get('apigw-requestid'));
    expect(line).toMatchObject({
      level: expect.any(String),
      message: 'request',
      routeKey: 'POST /submissions',
      status: r.status,
      tenantId: 'binh-phuoc',
      group: 'submissions',
      latencyMs: expect.any(Number),
      dynamoReads: expect.any(Number),
      dynamoWrites: expect.any(Number),
    });
    expect(line.userId).toBeTypeOf('string');
    expect(line.userId).not.toBe(email);
    expect(line.userId).not.toContain('@');
    expect(demoUserByEmail(email).email).toBe(email);
    const file = await readFile(w.platform.apiLogFile, 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(email);
    expect(file).not.toContain('7f3a9c');
  });

  it('tells a version conflict apart in the line and in the EMF metrics (Conflicts by code)', async () => {
    const who = w.as.communeSubmitter;
    const s = await createReport(who, '2026-Q2', validReport(1));
    const r = await who.post(`/submissions/${s.id}/actions`, {
      type: 'submit',
      expectedVersion: s.version + 5,
    });
    expect(r.status).toBe(409);
    const line = await requestLine(r.headers.get('apigw-requestid'));
    expect(line).toMatchObject({ status: 409, code: 'version_conflict', level: 'WARN' });
    const emf = (await logLines()).filter(
      (l) => typeof l._aws === 'object' && (l as { Conflicts?: unknown }).Conflicts !== undefined,
    );
    const withCode = emf.find((l) => l.code === 'version_conflict');
    expect(withCode, 'an EMF blob with Conflicts and code=version_conflict').toBeDefined();
    const aws = withCode?._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] } | undefined;
    const dims = aws?.CloudWatchMetrics[0]?.Dimensions;
    expect(dims).toContainEqual(['service']);
    expect(dims).toContainEqual(['service', 'code']);
  });

  it('counts a workflow transition by action', async () => {
    const who = w.as.communeSubmitter;
    const s = await createReport(who, '2026-Q3', validReport(1));
    await act(who, s, { type: 'submit' });
    const emf = (await logLines()).filter((l) => l.Transitions !== undefined);
    expect(emf.some((l) => l.action === 'submit' && l.Transitions === 1)).toBe(true);
  });
});

describe('a corrupt item', () => {
  it('answers 502 corrupt_item naming the item on the read and audit routes, never 500', async () => {
    const who = w.as.communeSubmitter;
    const s = await createReport(who, '2026-Q4', validReport(1));
    const submitted = await act(who, s, { type: 'submit' });
    const [item] = (await itemsWhere('id', s.id)).filter((i) => i.type?.S === 'Submission');
    if (!item) throw new Error('submission item not found');
    await putRaw({ ...item, version: { S: 'not a number' } });

    const read = await who.get(`/submissions/${s.id}`);
    expect(read.status, read.text).toBe(502);
    const e = errorOf(read);
    expect(e.code).toBe('corrupt_item');
    expect(e.message).toContain(String(item.pk?.S));
    expect(e.details.map((d) => d.path)).toContain('item.version');
    const audit = await w.as.secretariat.get(`/submissions/${s.id}/audit`);
    expect(audit.status, audit.text).toBe(502);
    expect(errorOf(audit).code).toBe('corrupt_item');
    // Put the submission back; then damage one of its audit events.
    await putRaw(item);
    expect((await who.get(`/submissions/${s.id}`)).status).toBe(200);
    const [event] = (await itemsWhere('submissionId', s.id)).filter((i) => i.type?.S === 'AuditEvent');
    if (!event) throw new Error('audit event not found');
    await putRaw({ ...event, seq: { S: 'one' } });
    for (const r of [
      await w.as.secretariat.get(`/submissions/${s.id}/audit`),
      await who.get(`/submissions/${s.id}/history`),
    ]) {
      expect(r.status, r.text).toBe(502);
      expect(errorOf(r).code).toBe('corrupt_item');
      expect(errorOf(r).message).toContain(String(event.sk?.S));
    }
    expect(submitted.state).toBe('under_review');
    const line = await requestLine(read.headers.get('apigw-requestid'));
    expect(line).toMatchObject({ status: 502, code: 'corrupt_item', level: 'ERROR' });
  });
});

/**
 * A TCP proxy in front of DynamoDB Local that forwards every request and throws the answers away: the
 * write is applied, the caller never hears so (a connection reset after commit, as a network fault would).
 */
const answerLosingProxy = async (target: URL): Promise<{ endpoint: string; close(): Promise<void> }> => {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};

describe('a write whose answer is lost', () => {
  it('marks the request unsafe to retry unless the write carried the Idempotency-Key record', async () => {
    const proxy = await answerLosingProxy(new URL(w.platform.dynamoEndpoint));
    const clients = createAwsClients(
      loadConfig({
        TABLE_NAME: w.platform.tableName,
        BUCKET_NAME: 'unused',
        DYNAMODB_ENDPOINT: proxy.endpoint,
      }),
    );
    const put = (pk: string, type: string) => ({
      Put: { TableName: w.platform.tableName, Item: { pk, sk: 'risk', type } },
    });
    const attempt = (doc: typeof clients.doc, items: ReturnType<typeof put>[]) =>
      dynamoCallCounter.measure(async () => {
        const failure = await transactWrite(doc, items).then(
          () => undefined,
          (err: unknown) => err,
        );
        return { failure, risk: dynamoCallCounter.risk() };
      });
    try {
      const plain = (await attempt(clients.doc, [put('TEST#risk#plain', 'Probe')])).result;
      expect(isDependencyUnavailable(plain.failure)).toBe(true);
      expect(plain.risk).toEqual({ keyed: false, unkeyed: true });
      expect(retryIsSafe(plain.risk)).toBe(false);
      // It was applied: exactly the case where a blind retry would write twice.
      expect(await itemsWhere('pk', 'TEST#risk#plain')).toHaveLength(1);

      const keyed = (
        await attempt(clients.doc, [put('TEST#risk#keyed', 'Probe'), put('TEST#risk#key', 'Idempotency')])
      ).result;
      expect(isDependencyUnavailable(keyed.failure)).toBe(true);
      expect(keyed.risk).toEqual({ keyed: true, unkeyed: false });
      expect(retryIsSafe(keyed.risk)).toBe(true);
    } finally {
      clients.doc.destroy();
      await proxy.close();
    }

    // Nobody listening: the request never left, nothing can have been written.
    const refused = createAwsClients(
      loadConfig({
        TABLE_NAME: w.platform.tableName,
        BUCKET_NAME: 'unused',
        DYNAMODB_ENDPOINT: proxy.endpoint,
      }),
    );
    try {
      const r = (await attempt(refused.doc, [put('TEST#risk#refused', 'Probe')])).result;
      expect(r.failure).toBeDefined();
      expect(isDependencyUnavailable(r.failure)).toBe(true);
      expect(r.risk).toEqual({ keyed: false, unkeyed: false });
    } finally {
      refused.doc.destroy();
    }
  }, 60_000);
});

describe('DynamoDB frozen, then killed', () => {
  it('a frozen table answers 503 with Retry-After within the bound, and a retry with the same key after SIGCONT writes once', async () => {
    const who = w.as.communeSubmitter;
    const s = await createReport(who, '2026-H1', validReport(1));
    const key = { 'idempotency-key': `resilience-submit-${s.id}` };

    const read = await frozen(() => timed(() => who.get(`/submissions/${s.id}`)));
    expect(read.result.status, read.result.text).toBe(503);
    expect(read.result.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(errorOf(read.result).code).toBe('unavailable');
    expect(read.ms).toBeLessThan(OUTAGE_ANSWER_BOUND_MS);

    const write = await frozen(() =>
      timed(() =>
        who.post(`/submissions/${s.id}/actions`, { type: 'submit', expectedVersion: s.version }, key),
      ),
    );
    expect(write.result.status, write.result.text).toBe(503);
    expect(write.result.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(write.ms).toBeLessThan(OUTAGE_ANSWER_BOUND_MS);
    const line = await requestLine(write.result.headers.get('apigw-requestid'));
    expect(line).toMatchObject({ status: 503, code: 'unavailable', level: 'ERROR' });

    // Thawed: the same request with the same key, twice: one submit, the same answer.
    const again = await who.post(
      `/submissions/${s.id}/actions`,
      { type: 'submit', expectedVersion: s.version },
      key,
    );
    const replay = await who.post(
      `/submissions/${s.id}/actions`,
      { type: 'submit', expectedVersion: s.version },
      key,
    );
    expect(again.status, again.text).toBe(200);
    expect(replay.status).toBe(200);
    expect(body(replay)).toEqual(body(again));
    const history = expectStatus(await who.get(`/submissions/${s.id}/history`), 200) as {
      events: { action: string }[];
    };
    expect(history.events.filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(body(again).version).toBe(s.version + 1);
  }, 60_000);

  it('a killed table answers 503 with Retry-After at once, never 500 (runs last: the table is gone)', async () => {
    const who = w.as.communeSubmitter;
    const s = await createReport(who, '2026-H2', validReport(1));
    process.kill(pid(), 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    for (const r of [
      await timed(() => who.get(`/submissions/${s.id}`)),
      await timed(() =>
        who.post(
          `/submissions/${s.id}/actions`,
          { type: 'submit', expectedVersion: s.version },
          { 'idempotency-key': `resilience-killed-${s.id}` },
        ),
      ),
    ]) {
      expect(r.result.status, r.result.text).toBe(503);
      expect(r.result.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.ms).toBeLessThan(OUTAGE_ANSWER_BOUND_MS);
    }
  }, 60_000);
});
