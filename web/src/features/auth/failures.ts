import type { AuthFailure } from '../../auth/cognito';
import type { MessageKey } from '../../i18n';

/** What the sign-in page says for each failure: one clear sentence a person can act on. */
export const signInFailureMessage: Record<AuthFailure, MessageKey> = {
  invalid_credentials: 'auth.error.invalidCredentials',
  user_disabled: 'auth.error.disabled',
  not_confirmed: 'auth.error.notConfirmed',
  password_change_required: 'auth.error.passwordChange',
  too_many_attempts: 'auth.error.tooMany',
  network: 'auth.error.network',
  session_expired: 'auth.error.sessionExpired',
  service_unavailable: 'auth.error.serviceUnavailable',
  misconfigured: 'auth.error.misconfigured',
  unknown: 'auth.error.unknown',
};
