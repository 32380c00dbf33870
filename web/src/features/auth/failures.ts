import type { AuthFailure } from '../../auth/cognito';
import type { MessageKey } from '../../i18n';

/** What the sign-in page says for each failure: one clear sentence a person can act on. */
export const signInFailureMessage: Record<AuthFailure, MessageKey> = {
  invalid_credentials: 'auth.error.invalidCredentials',
  user_disabled: 'auth.error.disabled',
  not_confirmed: 'auth.error.notConfirmed',
  password_change_required: 'auth.error.passwordChange',
  password_policy: 'auth.error.passwordPolicy',
  code_mismatch: 'auth.error.codeMismatch',
  code_expired: 'auth.error.codeExpired',
  challenge_expired: 'auth.error.challengeExpired',
  totp_mismatch: 'auth.error.totpMismatch',
  mfa_challenge_expired: 'auth.error.mfaChallengeExpired',
  too_many_attempts: 'auth.error.tooMany',
  network: 'auth.error.network',
  session_expired: 'auth.error.sessionExpired',
  service_unavailable: 'auth.error.serviceUnavailable',
  misconfigured: 'auth.error.misconfigured',
  unknown: 'auth.error.unknown',
};

/**
 * The strictest password policy among the pools (AWS: 12 characters, lower, upper, digit, symbol; the local
 * pool asks 8), checked before the call so a person learns the rule at once; Cognito still decides.
 */
export function meetsPasswordPolicy(password: string): boolean {
  return (
    password.length >= 12 &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[0-9]/.test(password) &&
    /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password)
  );
}
