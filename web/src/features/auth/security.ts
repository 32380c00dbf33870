import {
  getMySecurity,
  getTenantSecurity,
  type MySecurity,
  putTenantSecurity,
  recordMyMfa,
  signOutEverywhere,
} from '@thidua/shared/contracts';
import type { TenantSecurity } from '@thidua/shared/policy';
import type { ApiClient } from '../../api/client';

/** The API's side of the second factor and of sessions (routes in shared/src/contracts/security.ts). */
export const securityService = (api: ApiClient) => ({
  mine: (): Promise<MySecurity> => api.call(getMySecurity),
  /** After Cognito turned TOTP on: the API checks it with Cognito and dates the enrolment. */
  recordEnrolment: (accessToken: string): Promise<MySecurity> =>
    api.call(recordMyMfa, { body: { accessToken }, idempotencyKey: crypto.randomUUID() }),
  signOutEverywhere: () => api.call(signOutEverywhere, { idempotencyKey: crypto.randomUUID() }),
  tenant: (): Promise<TenantSecurity> => api.call(getTenantSecurity),
  saveTenant: (settings: TenantSecurity): Promise<TenantSecurity> =>
    api.call(putTenantSecurity, { body: settings, idempotencyKey: crypto.randomUUID() }),
});
