import type { ApiKeyPrincipal } from '@thidua/shared/policy';
import { Unauthorized } from '../../kernel/http/errors';
import type { ApiKeyCheck } from '../../kernel/http/route';
import type { ApiKeyRepository } from './repository';
import { parseApiKey, secretMatches } from './secret';

const REFUSED = 'Khóa API không hợp lệ hoặc đã bị thu hồi';

/**
 * The key check of `api_key` routes: on AWS the gateway lets these routes through without an authorizer
 * (a JWT authorizer cannot read `X-Api-Key`), so this is the check — read fresh on every request (one
 * consistent GetItem), so a revocation holds from the next request on. Every refusal reads the same.
 */
export const createApiKeyCheck = (keys: Pick<ApiKeyRepository, 'get'>): ApiKeyCheck => ({
  async resolve(header): Promise<ApiKeyPrincipal> {
    const parsed = parseApiKey(header);
    if (!parsed) throw new Unauthorized(REFUSED, 'invalid_api_key');
    const stored = await keys.get(parsed.tenantId, parsed.keyId);
    if (!stored || stored.revokedAt !== null || !secretMatches(parsed.secret, stored.secretHash))
      throw new Unauthorized(REFUSED, 'invalid_api_key');
    return {
      kind: 'api_key',
      tenantId: stored.tenantId,
      keyId: stored.id,
      name: stored.name,
      scopes: stored.scopes,
    };
  },
});
