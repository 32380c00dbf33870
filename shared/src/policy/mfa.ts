import * as z from 'zod';
import { Role, roles } from '../org';

/**
 * Second factor and session revocation, decided once for the API (functions/src/http/identity.ts) and
 * the browser (the sign-in page leads a user to enrolment). A tenant names the roles that must use TOTP;
 * the default, when a province has not chosen, is the roles that sign, publish or administer.
 */
export const defaultMfaRoles: readonly Role[] = ['admin', 'secretariat', 'chair'];

export const TenantSecurity = z.object({
  /** Roles whose holders must sign in with a TOTP code; empty: nobody is required to. */
  mfaRequiredRoles: z
    .array(Role)
    .max(roles.length)
    .refine((rs) => new Set(rs).size === rs.length, 'Vai trò bị lặp'),
});
export type TenantSecurity = z.infer<typeof TenantSecurity>;

export const defaultTenantSecurity: TenantSecurity = { mfaRequiredRoles: [...defaultMfaRoles] };

/** Whether someone holding `held` must use a second factor under the tenant's settings. */
export function mfaRequired(held: readonly Role[], settings: TenantSecurity): boolean {
  return held.some((role) => settings.mfaRequiredRoles.includes(role));
}

/** What the account record says about the session's authentication (epoch seconds). */
export interface SessionFacts {
  roles: readonly Role[];
  /** When the person authenticated (the ID token's `auth_time`, kept across refreshes). */
  authTime: number;
  /** When TOTP was confirmed enrolled for this account; absent when never. */
  mfaEnrolledAt?: number | undefined;
  /** Sessions authenticated at or before this second are signed out ("sign out everywhere"). */
  tokensValidAfter?: number | undefined;
}

export type SessionVerdict =
  | { kind: 'allowed' }
  /** The session was ended everywhere: sign in again. */
  | { kind: 'revoked' }
  /** The roles require TOTP and the account has none: enrol first. */
  | { kind: 'mfa_enrolment_required' }
  /** Enrolled, but this session began before enrolment (no TOTP was asked): sign in again with a code. */
  | { kind: 'mfa_sign_in_required' };

/**
 * Cognito's ID tokens say when the user authenticated (`auth_time`) but not how (no `amr`). Once TOTP is
 * enabled for a user, every sign-in with a password is challenged for a code; so a session that began at
 * or after the enrolment was made with TOTP, and one that began before it was not.
 */
export function sessionVerdict(facts: SessionFacts, settings: TenantSecurity): SessionVerdict {
  if (facts.tokensValidAfter !== undefined && facts.authTime <= facts.tokensValidAfter) {
    return { kind: 'revoked' };
  }
  if (!mfaRequired(facts.roles, settings)) return { kind: 'allowed' };
  if (facts.mfaEnrolledAt === undefined) return { kind: 'mfa_enrolment_required' };
  if (facts.authTime < facts.mfaEnrolledAt) return { kind: 'mfa_sign_in_required' };
  return { kind: 'allowed' };
}
