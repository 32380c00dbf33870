import { allContracts } from '@thidua/functions/kernel/openapi/index';
import { routes } from '@thidua/functions/routes';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Api } from '../support/platform';
import {
  type ApiWorld,
  act,
  createReport,
  type Login,
  logins,
  REPORT_FORM,
  REPORT_TEMPLATE,
  startApiWorld,
  TEST_CAMPAIGN,
  units,
} from './api-world';

/**
 * Property: whatever arrives — random or hostile path parameters, query strings, bodies, headers, from
 * any role or none — no route answers 5xx, and every refusal has the one error shape. Every route of
 * the table is fuzzed, commendation and public routes included.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);

let w: ApiWorld;
/** Real ids mixed into the input, so that some requests pass validation and reach deeper code. */
const realIds: string[] = [
  TEST_CAMPAIGN,
  REPORT_TEMPLATE,
  REPORT_FORM,
  units.commune,
  units.district,
  '1',
  'binh-phuoc',
];
beforeAll(async () => {
  w = await startApiWorld();
  const draft = await createReport(w.as.communeSubmitter, '2026-Q1');
  const sent = await act(w.as.communeSubmitter, draft, { type: 'submit' });
  realIds.push(sent.id);
});
afterAll(async () => {
  await w?.stop();
});

const hostileStrings = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '\u0000',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'T#binh-phuoc#SUB#x',
  '#',
  'Đồng Xoài',
  '😀'.repeat(20),
  'a'.repeat(70),
  'a'.repeat(3000),
  '-1',
  '1e309',
  '9007199254740993',
  'NaN',
  'true',
  '[]',
  '{}',
];

const text = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...realIds),
);
/** Path parameters: drawn when a route is fuzzed, so the submission created in beforeAll is among them. */
const anyId = () =>
  fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 80 }), fc.constantFrom(...realIds));

/** Property names a route's body or query knows (random values on known names reach deeper code). */
const knownKeys = (schema: z.ZodType | undefined): string[] => {
  if (!schema) return [];
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
      allOf?: { properties?: Record<string, unknown> }[];
      anyOf?: { properties?: Record<string, unknown> }[];
    };
    const props = [
      json.properties,
      ...(json.allOf ?? []).map((a) => a.properties),
      ...(json.anyOf ?? []).map((a) => a.properties),
    ];
    return [...new Set(props.flatMap((p) => Object.keys(p ?? {})))];
  } catch {
    return [];
  }
};

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(
    'approve',
    'return',
    'submit',
    'draft',
    '2026-Q1',
    'application/pdf',
    'reviewer',
    'commune',
  ),
);
const jsonish = fc.oneof(scalar, fc.jsonValue({ maxDepth: 4 }), fc.array(scalar, { maxLength: 5 }));

const bodyFor = (keys: string[]) =>
  fc.oneof(
    // A body with the route's own property names and random values.
    keys.length > 0
      ? fc
          .dictionary(fc.constantFrom(...keys), jsonish, { maxKeys: keys.length })
          .map((o) => JSON.stringify(o))
      : fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '{',
      '{"a":',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"admin":true}}',
      `{"a":${'['.repeat(2000)}`,
    ),
    fc.constant(JSON.stringify({ data: 'x'.repeat(300 * 1024) })),
  );

const queryFor = (keys: string[]) =>
  fc
    .dictionary(
      fc.oneof(fc.constantFrom(...(keys.length > 0 ? keys : ['limit'])), fc.string({ maxLength: 10 })),
      text,
      {
        maxKeys: 5,
      },
    )
    .map((q) =>
      Object.entries(q)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&'),
    );

const callers = [...(Object.keys(logins) as Login[]), 'anonymous'] as const;

describe('fuzzing every route with invalid input', () => {
  const contracts = allContracts;

  it(`${routes.length} routes × ${RUNS_PER_ROUTE} runs: zero 5xx, always the error shape`, async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const contract = contracts[route.operationId];
      const bodyKeys = knownKeys(contract?.body);
      const queryKeys = knownKeys(contract?.query);
      const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      const outcome = await fc.check(
        fc.asyncProperty(
          fc.tuple(...params.map(() => anyId())),
          queryFor(queryKeys),
          bodyFor(bodyKeys),
          fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
          fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom(...hostileStrings)), {
            nil: undefined,
          }),
          fc.constantFrom(...callers),
          async (values, query, rawBody, contentType, idempotencyKey, caller) => {
            let path = route.path;
            params.forEach((name, i) => {
              path = path.replace(`{${name}}`, encodeURIComponent(values[i] ?? ''));
            });
            const client: Api = caller === 'anonymous' ? w.anonymous : w.as[caller];
            const headers: Record<string, string> = {};
            if (contentType !== '') headers['content-type'] = contentType;
            if (idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(idempotencyKey)) {
              headers['idempotency-key'] = idempotencyKey;
            }
            const url = query === '' ? path : `${path}?${query}`;
            const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
            const r = await client.request(
              route.method,
              url,
              hasBody ? { body: rawBody, headers } : { headers },
            );
            requests++;
            if (r.status >= 500) {
              failures.push(
                `${route.method} ${url.slice(0, 200)} as ${caller} → ${r.status} ${r.text.slice(0, 200)}`,
              );
              return false;
            }
            // The gateway itself answers `{"message":"Not Found"}` when no route matches (as API Gateway does).
            const fromGateway = typeof (r.body as { message?: unknown }).message === 'string';
            const core = route.group !== 'commendations' && route.group !== 'public';
            if (r.status >= 400 && r.status !== 401 && core && !fromGateway) {
              const e = (r.body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
                .error;
              if (typeof e?.code !== 'string' || typeof e.message !== 'string' || !Array.isArray(e.details)) {
                failures.push(
                  `${route.method} ${url.slice(0, 200)} as ${caller} → ${r.status} without the error shape`,
                );
                return false;
              }
            }
            return true;
          },
        ),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      if (outcome.failed && failures.length === 0)
        failures.push(`${route.operationId}: ${String(outcome.errorInstance)}`);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
  }, 170_000);
});
