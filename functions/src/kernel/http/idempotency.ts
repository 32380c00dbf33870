import { createHash } from 'node:crypto';
import { IdempotencyKey } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { IdempotencyStore, StoredResponse } from '../data/idempotency-store';
import type { TxItem } from '../data/transact';
import { AppError, BadRequest, RuleViolation } from './errors';
import type { HttpResult } from './response';

/**
 * `Idempotency-Key` on write routes. The first answer is stored by the write itself, in the same
 * transaction (so a stored answer always means the write happened, and the other way round). A replay
 * runs into that record: either the write's conditions refuse it (the state moved on, or the record
 * exists) and the refusal is swapped for the stored answer here, or — for routes with effects outside the
 * table — the record is looked up before anything runs. A replay therefore writes nothing.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KeyFormat = IdempotencyKey;

export interface IdempotencyHandle {
  key: string;
  fingerprint: string;
  tenantId: string;
  userId: string;
}

export const idempotencyHandle = (
  event: APIGatewayProxyEventV2,
  caller: { tenantId: string; userId: string } | null,
): IdempotencyHandle | null => {
  const raw = event.headers?.[IDEMPOTENCY_HEADER];
  if (raw === undefined || caller === null) return null;
  const r = KeyFormat.safeParse(raw);
  if (!r.success) {
    throw new BadRequest('Idempotency-Key không hợp lệ', [
      { path: `header.${IDEMPOTENCY_HEADER}`, message: r.error.issues[0]?.message ?? 'Không hợp lệ' },
    ]);
  }
  return { key: r.data, fingerprint: fingerprintOf(event), tenantId: caller.tenantId, userId: caller.userId };
};

/** Same route, same path parameters, same body bytes: the same request. */
const fingerprintOf = (event: APIGatewayProxyEventV2): string => {
  const params = Object.entries(event.pathParameters ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const body = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  return createHash('sha256')
    .update(`${event.routeKey}\n${JSON.stringify(params)}\n${body}`)
    .digest('hex');
};

export const storedToResult = (stored: StoredResponse): HttpResult => ({
  statusCode: stored.statusCode,
  headers: { ...stored.headers, 'idempotent-replayed': 'true' },
  body: stored.body,
});

/** The stored answer for this handle, or a 422 when the key was used for a different request. */
export const replayOf = async (
  store: IdempotencyStore,
  h: IdempotencyHandle,
): Promise<HttpResult | undefined> => {
  const stored = await store.find(h.tenantId, h.userId, h.key);
  if (!stored) return undefined;
  if (stored.fingerprint !== h.fingerprint) {
    throw new RuleViolation(
      'Idempotency-Key này đã được dùng cho một yêu cầu khác',
      [{ path: `header.${IDEMPOTENCY_HEADER}`, message: 'Đã dùng cho yêu cầu khác' }],
      'idempotency_key_reused',
    );
  }
  return storedToResult(stored);
};

/** Refusals a replay can run into once the first request has been written. */
export const mayBeReplay = (err: unknown): boolean =>
  err instanceof AppError && [403, 404, 409, 422].includes(err.status);

/**
 * The items that record a request's answer under its `Idempotency-Key`, built from the use case's result.
 * They go into the use case's last, effect-bearing transaction, so the answer is stored if and only if
 * the effect is: of N identical requests one writes, the others are refused and answer what it stored.
 */
export type Seal<T> = (result: T) => TxItem[];

export const rememberItems = (
  store: IdempotencyStore,
  h: IdempotencyHandle | null,
  response: HttpResult,
  now: Date,
): TxItem[] =>
  h === null
    ? []
    : [
        store.recordItem(
          h.tenantId,
          h.userId,
          h.key,
          {
            fingerprint: h.fingerprint,
            statusCode: response.statusCode,
            headers: response.headers,
            body: typeof response.body === 'string' ? response.body : '',
          },
          now,
        ),
      ];
