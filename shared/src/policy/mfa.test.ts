import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../org/schema';
import { defaultTenantSecurity, mfaRequired, sessionVerdict, TenantSecurity } from './mfa';

const T = 1_800_000_000;

describe('mfaRequired', () => {
  it('by default asks admin, secretariat and chair, and nobody else', () => {
    expect(mfaRequired(['admin'], defaultTenantSecurity)).toBe(true);
    expect(mfaRequired(['secretariat'], defaultTenantSecurity)).toBe(true);
    expect(mfaRequired(['reviewer', 'chair'], defaultTenantSecurity)).toBe(true);
    expect(mfaRequired(['submitter', 'unit_head', 'reviewer', 'council_member'], defaultTenantSecurity)).toBe(
      false,
    );
  });

  it('follows the tenant: an empty list requires nobody; any listed role requires its holders', () => {
    fc.assert(
      fc.property(fc.subarray([...roles]), fc.subarray([...roles]), (required, held) => {
        const settings = { mfaRequiredRoles: required as Role[] };
        expect(mfaRequired(held as Role[], settings)).toBe(held.some((r) => required.includes(r)));
      }),
    );
  });

  it('refuses a repeated or unknown role in the setting', () => {
    expect(TenantSecurity.safeParse({ mfaRequiredRoles: ['admin', 'admin'] }).success).toBe(false);
    expect(TenantSecurity.safeParse({ mfaRequiredRoles: ['root'] }).success).toBe(false);
    expect(TenantSecurity.safeParse({ mfaRequiredRoles: [] }).success).toBe(true);
  });
});

describe('sessionVerdict', () => {
  const admin = { roles: ['admin'] as Role[], authTime: T };

  it('leads an admin without TOTP to enrolment, and one enrolled after signing in to sign in again', () => {
    expect(sessionVerdict(admin, defaultTenantSecurity)).toEqual({ kind: 'mfa_enrolment_required' });
    expect(sessionVerdict({ ...admin, mfaEnrolledAt: T + 5 }, defaultTenantSecurity)).toEqual({
      kind: 'mfa_sign_in_required',
    });
    expect(sessionVerdict({ ...admin, mfaEnrolledAt: T }, defaultTenantSecurity)).toEqual({
      kind: 'allowed',
    });
    expect(sessionVerdict({ ...admin, mfaEnrolledAt: T - 60 }, defaultTenantSecurity)).toEqual({
      kind: 'allowed',
    });
  });

  it('lets a role the tenant does not require through without TOTP', () => {
    expect(sessionVerdict({ roles: ['submitter'], authTime: T }, defaultTenantSecurity)).toEqual({
      kind: 'allowed',
    });
    expect(sessionVerdict(admin, { mfaRequiredRoles: [] })).toEqual({ kind: 'allowed' });
  });

  it('refuses every session that began at or before a sign-out everywhere, whatever the roles', () => {
    fc.assert(
      fc.property(
        fc.subarray([...roles]),
        fc.integer({ min: -120, max: 120 }),
        fc.option(fc.integer({ min: T - 1000, max: T + 1000 }), { nil: undefined }),
        (held, offset, enrolled) => {
          const verdict = sessionVerdict(
            { roles: held as Role[], authTime: T + offset, tokensValidAfter: T, mfaEnrolledAt: enrolled },
            defaultTenantSecurity,
          );
          if (offset <= 0) expect(verdict).toEqual({ kind: 'revoked' });
          else expect(verdict.kind).not.toBe('revoked');
        },
      ),
    );
  });
});
