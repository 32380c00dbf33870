import { usersDep } from '../../features/org/repository';
import { tenantSecurityDep } from '../../features/security/repository';
import { defineDep } from '../deps';
import { createAccountCheck } from './identity';

/**
 * `accounts` of a route group's container: the user record check every user route runs, reading the
 * same container's `users` and `tenantSecurity` (cached per instance, config.accountCacheTtlSeconds).
 */
export const accountsDep = defineDep('accounts', (c) => {
  const users = c.use(usersDep);
  const security = c.use(tenantSecurityDep);
  return createAccountCheck({
    lookup: users.get,
    security: security.get,
    ttlSeconds: c.config.accountCacheTtlSeconds,
    securityTtlSeconds: c.config.mfaPolicyCacheTtlSeconds,
  });
});
