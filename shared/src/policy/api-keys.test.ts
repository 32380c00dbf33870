import { describe, expect, it } from 'vitest';
import { type ApiKeyPrincipal, apiKeyScopes, authorizeApiKey } from './api-keys';
import { policyActions, resourceTypes } from './policy';

const key = (...scopes: ApiKeyPrincipal['scopes']): ApiKeyPrincipal => ({
  kind: 'api_key',
  tenantId: 'binh-phuoc',
  keyId: 'k1',
  name: 'iDesk',
  scopes,
});

const allowed = (k: ApiKeyPrincipal) =>
  resourceTypes.flatMap((type) =>
    policyActions
      .filter((action) => authorizeApiKey(k, action, { type, tenantId: 'binh-phuoc' }).allowed)
      .map((action) => `${action}:${type}`),
  );

describe('the API key principal', () => {
  it('is granted exactly what its scopes name, on the register, and nothing else anywhere', () => {
    expect(allowed(key())).toEqual([]);
    expect(allowed(key('register:read'))).toEqual(['read:register']);
    expect(allowed(key('register:reserve'))).toEqual(['create:register']);
    expect(allowed(key(...apiKeyScopes))).toEqual(['read:register', 'create:register']);
  });

  it('is refused in another tenant, with a reason', () => {
    const d = authorizeApiKey(key(...apiKeyScopes), 'read', { type: 'register', tenantId: 'dong-nai' });
    expect(d).toEqual({ allowed: false, reason: expect.stringContaining('Khóa API') });
  });
});
