import { describe, expect, it } from 'vitest';
import { expectStatus } from './api-world';
import { COMMEND_CAMPAIGN, useCommendationWorld } from './commendations-world';

/**
 * Issue 17, point 4 (ADR 0034): a document-management system reserves register numbers with an API key
 * the province's administrator created — not with a person's account. The key is shown once and stored
 * hashed, opens only the register routes its scopes name, every use is audited with its name, and a
 * revoked key is refused from the next request on. PARITY: on AWS these routes have no authorizer at the
 * gateway (a JWT authorizer cannot read `X-Api-Key`) and the function checks the key; the local gateway
 * does the same, so what is refused here is refused there.
 */
const world = useCommendationWorld();
const YEAR = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));

const reservation = (number: number) => ({
  campaignId: COMMEND_CAMPAIGN,
  issuingBodyId: 'bcd-tinh',
  number,
  year: YEAR,
  ref: `iDesk-${number}`,
});

describe('API keys of document-management systems', () => {
  let secret = '';
  let keyId = '';
  let readOnly = '';

  it('the administrator creates a key (shown once, stored hashed); nobody else may', async () => {
    const w = world();
    // The steering committee's văn thư keeps its own register.
    const config = expectStatus(
      await w.as.admin.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`),
      200,
    );
    const bodies = (config.issuingBodies as Record<string, unknown>[]).map((b) =>
      b.id === 'bcd-tinh' ? { ...b, registerMode: 'external' } : b,
    );
    expectStatus(
      await w.as.admin.put(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`, {
        ...config,
        issuingBodies: bodies,
      }),
      200,
    );
    const body = { name: 'Hệ thống quản lý văn bản iDesk', scopes: ['register:reserve', 'register:read'] };
    // Keys are not even visible to anyone else (404, as an unknown route's answer would read).
    expect((await w.as.secretariat.post('/commendations/api-keys', body)).status).toBe(404);
    const bad = await w.as.admin.post('/commendations/api-keys', {
      name: 'x',
      scopes: ['submissions:write'],
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('scopes');

    const made = expectStatus(
      await w.as.admin.post('/commendations/api-keys', body, { 'idempotency-key': 'api-key-create-1' }),
      201,
    );
    secret = String(made.secret);
    const key = made.key as Record<string, unknown>;
    keyId = String(key.id);
    expect(secret).toMatch(new RegExp(`^${String(key.prefix).replaceAll('.', '\\.')}\\.[A-Za-z0-9_-]{43}$`));
    expect(key).toMatchObject({ name: body.name, scopes: body.scopes, revokedAt: null });
    expect(JSON.stringify(key)).not.toContain('secretHash');
    // A replay answers the key, never its secret again: no copy of the secret is kept anywhere.
    const replay = expectStatus(
      await w.as.admin.post('/commendations/api-keys', body, { 'idempotency-key': 'api-key-create-1' }),
      201,
    );
    expect(replay.secret).toBe('');
    expect((replay.key as Record<string, unknown>).id).toBe(keyId);
    const list = expectStatus(await w.as.admin.get('/commendations/api-keys'), 200);
    expect(JSON.stringify(list)).not.toContain(secret.split('.').at(-1));
    expect((list.items as { id: string }[]).map((k) => k.id)).toContain(keyId);
    expect((await w.as.secretariat.get('/commendations/api-keys')).status).toBe(404);

    const ro = expectStatus(
      await w.as.admin.post('/commendations/api-keys', { name: 'Cổng đọc sổ', scopes: ['register:read'] }),
      201,
    );
    readOnly = String(ro.secret);
  });

  it('the key reserves a number and reads the register, each use audited with the key’s name', async () => {
    const w = world();
    const key = { 'x-api-key': secret };
    const reserved = expectStatus(
      await w.anonymous.post('/integrations/register/reservations', reservation(21), {
        ...key,
        'idempotency-key': 'idesk-reserve-21',
      }),
      201,
    );
    expect(reserved).toMatchObject({ number: 21, numberText: '21/QĐ-BCĐ', state: 'reserved' });
    // A lost answer sent again answers the same; the same number for another request is taken.
    const again = expectStatus(
      await w.anonymous.post('/integrations/register/reservations', reservation(21), {
        ...key,
        'idempotency-key': 'idesk-reserve-21',
      }),
      201,
    );
    expect(again).toEqual(reserved);
    const taken = await w.anonymous.post('/integrations/register/reservations', reservation(21), key);
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('number_taken');
    const register = expectStatus(await w.anonymous.get(`/integrations/register?year=${YEAR}`, key), 200);
    expect(register.year).toBe(YEAR);

    // A read-only key reads, but reserves nothing.
    expectStatus(
      await w.anonymous.get(`/integrations/register?year=${YEAR}`, { 'x-api-key': readOnly }),
      200,
    );
    const refused = await w.anonymous.post('/integrations/register/reservations', reservation(22), {
      'x-api-key': readOnly,
    });
    expect(refused.status).toBe(403);

    const chain = expectStatus(await w.as.admin.get(`/audit/chains/api_key/${keyId}`), 200);
    const events = chain.events as { action: string; actorName: string; summary: string }[];
    expect(events.map((e) => e.action)).toEqual(['created', 'reserve', 'read']);
    expect(events[1]?.actorName).toBe('Khóa API «Hệ thống quản lý văn bản iDesk»');
    expect(events[1]?.summary).toContain('21/QĐ-BCĐ');
    expect(chain.valid).toBe(true);
  });

  it('a key reaches no other route; a forged or missing key is refused', async () => {
    const w = world();
    const key = { 'x-api-key': secret };
    // Every other route wants a person's token (the gateway's JWT authorizer answers 401 before any code).
    for (const path of [
      '/commendations/register?year=2026',
      '/me',
      `/commendations/campaigns/${COMMEND_CAMPAIGN}/config`,
    ])
      expect((await w.anonymous.get(path, key)).status, path).toBe(401);
    expect(
      (await w.anonymous.post('/commendations/register/reservations', reservation(23), key)).status,
    ).toBe(401);
    expect(
      (
        await w.anonymous.post(
          '/commendations/api-keys',
          { name: 'Khóa thêm', scopes: ['register:read'] },
          key,
        )
      ).status,
    ).toBe(401);
    const forged = `${secret.slice(0, -4)}AAAA`;
    for (const h of [{}, { 'x-api-key': forged }, { 'x-api-key': 'tdk.demo.x.y' }] as Record<
      string,
      string
    >[]) {
      const r = await w.anonymous.post('/integrations/register/reservations', reservation(24), h);
      expect(r.status).toBe(401);
      expect(r.text).toContain('invalid_api_key');
    }
  });

  it('once revoked (audited), the key is refused from the next request on', async () => {
    const w = world();
    expect((await w.as.secretariat.post(`/commendations/api-keys/${keyId}/revocation`)).status).toBe(404);
    const revoked = expectStatus(await w.as.admin.post(`/commendations/api-keys/${keyId}/revocation`), 200);
    expect(revoked.revokedAt).not.toBeNull();
    expect((await w.as.admin.post(`/commendations/api-keys/${keyId}/revocation`)).status).toBe(409);
    const after = await w.anonymous.post('/integrations/register/reservations', reservation(25), {
      'x-api-key': secret,
    });
    expect(after.status).toBe(401);
    expect(
      (await w.anonymous.get(`/integrations/register?year=${YEAR}`, { 'x-api-key': secret })).status,
    ).toBe(401);
    const chain = expectStatus(await w.as.admin.get(`/audit/chains/api_key/${keyId}`), 200);
    expect((chain.events as { action: string }[]).at(-1)?.action).toBe('revoked');
    expect(chain.valid).toBe(true);
  });
});
