import type { Identity, User } from '@thidua/shared/org';
import { describe, expect, it } from 'vitest';
import { createAccountCheck } from './identity';

const token: Identity = {
  userId: 'sub-1',
  email: 'canbo@demo.thidua.vn',
  name: 'Cán bộ',
  tenantId: 'binh-phuoc',
  unitId: 'dong-xoai-tan-phu',
  roles: ['submitter'],
};
const record = (change: Partial<User> = {}): User => ({
  tenantId: 'binh-phuoc',
  id: 'sub-1',
  email: 'canbo@demo.thidua.vn',
  name: 'Cán bộ',
  title: '',
  unitId: 'dong-xoai-tan-phu',
  roles: ['submitter'],
  active: true,
  ...change,
});

/** A table of one user, counting reads, and a clock the test moves. */
const world = () => {
  const w = { user: record() as User | undefined, reads: 0, now: 0 };
  const check = (ttlSeconds: number) =>
    createAccountCheck({
      ttlSeconds,
      clock: () => w.now,
      lookup: async () => {
        w.reads += 1;
        return w.user;
      },
    });
  return { w, check };
};

describe('account check: authority comes from the user record', () => {
  it("the record's unit and roles replace the token's", async () => {
    const { w, check } = world();
    w.user = record({ unitId: 'binh-long', roles: ['reviewer'] });
    expect(await check(0).resolve(token)).toMatchObject({ unitId: 'binh-long', roles: ['reviewer'] });
  });

  it('a deactivated account is refused with 401', async () => {
    const { w, check } = world();
    w.user = record({ active: false });
    await expect(check(0).resolve(token)).rejects.toMatchObject({ status: 401, code: 'account_disabled' });
  });

  it('an account without a record (made in the pool by an operator) keeps what its token says', async () => {
    const { w, check } = world();
    w.user = undefined;
    expect(await check(0).resolve(token)).toEqual(token);
    // A record must be the one of the token's subject in the token's tenant to decide anything.
    w.user = record({ tenantId: 'other', unitId: 'x', roles: ['admin'] });
    expect(await check(0).resolve(token)).toEqual(token);
  });

  it('reads once per TTL per caller; a change is seen once the TTL has passed', async () => {
    const { w, check } = world();
    const accounts = check(60);
    await accounts.resolve(token);
    w.now = 59_999;
    w.user = record({ active: false });
    await accounts.resolve(token);
    expect(w.reads).toBe(1);
    w.now = 60_000;
    await expect(accounts.resolve(token)).rejects.toMatchObject({ code: 'account_disabled' });
    expect(w.reads).toBe(2);
  });

  it('never trusts a record longer than 60 s, whatever it is given; 0 reads every time', async () => {
    const { w, check } = world();
    const accounts = check(3600);
    await accounts.resolve(token);
    w.now = 60_000;
    await accounts.resolve(token);
    expect(w.reads).toBe(2);
    const uncached = check(0);
    await uncached.resolve(token);
    await uncached.resolve(token);
    expect(w.reads).toBe(4);
  });

  it('simultaneous requests of one caller share one read', async () => {
    const { w, check } = world();
    const accounts = check(60);
    await Promise.all([accounts.resolve(token), accounts.resolve(token), accounts.resolve(token)]);
    expect(w.reads).toBe(1);
  });
});

describe('account check: second factor and sign-out everywhere', () => {
  const T = 1_800_000_000;
  const session = (authTime: number, mfaExempt = false) => ({ authTime, mfaExempt });

  it('refuses a session begun at or before a sign-out everywhere with 401 session_revoked', async () => {
    const { w, check } = world();
    w.user = record({ tokensValidAfter: T });
    await expect(check(0).resolve(token, session(T))).rejects.toMatchObject({
      status: 401,
      code: 'session_revoked',
    });
    await expect(check(0).resolve(token, session(T + 1))).resolves.toMatchObject({ userId: 'sub-1' });
  });

  it('refuses a role the tenant requires TOTP of with 403, except on the exempt routes', async () => {
    const { w, check } = world();
    w.user = record({ roles: ['secretariat'] });
    await expect(check(0).resolve(token, session(T))).rejects.toMatchObject({
      status: 403,
      code: 'mfa_enrolment_required',
    });
    await expect(check(0).resolve(token, session(T, true))).resolves.toMatchObject({
      roles: ['secretariat'],
    });
    w.user = record({ roles: ['secretariat'], mfaEnrolledAt: T + 10 });
    await expect(check(0).resolve(token, session(T))).rejects.toMatchObject({ code: 'mfa_sign_in_required' });
    await expect(check(0).resolve(token, session(T + 10))).resolves.toMatchObject({ roles: ['secretariat'] });
  });

  it('follows the tenant’s settings; without a session (tools) nothing of this applies', async () => {
    const { w } = world();
    w.user = record({ roles: ['admin'] });
    const relaxed = createAccountCheck({
      ttlSeconds: 0,
      lookup: async () => w.user,
      security: async () => ({ mfaRequiredRoles: ['chair'] }),
    });
    await expect(relaxed.resolve(token, session(T))).resolves.toMatchObject({ roles: ['admin'] });
    const { check } = world();
    await expect(check(0).resolve(token)).resolves.toMatchObject({ userId: 'sub-1' });
  });

  it('reads the record again before refusing, so an enrolment is honoured inside the cache window', async () => {
    const { w, check } = world();
    w.user = record({ roles: ['chair'] });
    const cached = check(60);
    await cached.resolve(token, session(T, true));
    expect(w.reads).toBe(1);
    w.user = record({ roles: ['chair'], mfaEnrolledAt: T + 5 });
    await expect(cached.resolve(token, session(T + 5))).resolves.toMatchObject({ roles: ['chair'] });
    expect(w.reads).toBe(2);
    // An allowed session is served from the cache.
    await cached.resolve(token, session(T + 5));
    expect(w.reads).toBe(2);
  });
});
