import {
  getSubmissionHistory,
  listSubmissions,
  listUnitChildren,
  submitBatch,
} from '@thidua/shared/contracts';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { HttpError } from './errors';

/** A client whose fetch records each request and answers `answer` (JSON). */
const recording = (answer: unknown, status = 200) => {
  const seen: { method: string; url: string; body: string | null; key: string | null }[] = [];
  const api = createApiClient({
    baseUrl: 'https://api.example/',
    getToken: async () => 'token',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({
        method: String(init?.method),
        url: String(input),
        body: typeof init?.body === 'string' ? init.body : null,
        key: headers.get('Idempotency-Key'),
      });
      return new Response(JSON.stringify(answer), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { api, seen };
};

describe('api.call', () => {
  it("builds the path from the contract's template and serialises the query", async () => {
    // A list's answer (`total` and `byState`: GET /submissions answers them since ADR 0023).
    const { api, seen } = recording({ items: [], nextCursor: null, total: 0, byState: null });
    const page = await api.call(listUnitChildren, { params: { unitId: 'dong xoai' }, query: { limit: 100 } });
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(seen).toEqual([
      {
        method: 'GET',
        url: 'https://api.example/units/dong%20xoai/children?limit=100',
        body: null,
        key: null,
      },
    ]);
    await api.call(listSubmissions, { query: { scope: 'inbox', overdue: 'true', cursor: undefined } });
    expect(seen[1]?.url).toBe('https://api.example/submissions?scope=inbox&overdue=true');
  });

  it('sends the body and the Idempotency-Key of a write', async () => {
    const { api, seen } = recording({});
    // The answer (`{}`) is no tờ trình: the call still fails, after sending what the contract says.
    await expect(
      api.call(submitBatch, {
        params: { batchId: 'b1' },
        body: { expectedVersion: 3 },
        idempotencyKey: 'k-12345678',
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://api.example/commendations/batches/b1/submit',
      body: '{"expectedVersion":3}',
      key: 'k-12345678',
    });
  });

  it("refuses an answer its contract's schema does not parse", async () => {
    const { api } = recording({ events: [{ seq: 'one' }] });
    const err = await api
      .call(getSubmissionHistory, { params: { submissionId: 's1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).kind).toBe('invalid_response');
    expect((err as HttpError).message).toContain('GET /submissions/s1/history');
  });
});
