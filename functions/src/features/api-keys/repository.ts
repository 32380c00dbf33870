import { ApiKeyView } from '@thidua/shared/policy';
import * as z from 'zod';
import { absent, isNull } from '../../kernel/data/conditions';
import { defineEntity, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

/**
 * The API keys of a tenant (ADR 0034): one item per key in the tenant's key partition. The secret itself is
 * never stored — only its SHA-256 (the secret is 32 random bytes, so a fast hash suffices: there is nothing
 * to brute-force as there is with a password).
 */
export const StoredApiKey = ApiKeyView.extend({ secretHash: z.string().regex(/^[0-9a-f]{64}$/) });
export type StoredApiKey = z.infer<typeof StoredApiKey>;

export const apiKeyEntity = defineEntity({
  type: 'ApiKey',
  schema: StoredApiKey,
  pk: (k: { tenantId: string }) => `${t(k.tenantId)}#APIKEYS`,
  sk: sortKey('KEY#', (k: { id: string }) => k.id),
});

export interface ApiKeyRepository {
  get(tenantId: string, id: string): Promise<StoredApiKey | undefined>;
  list(tenantId: string): Promise<StoredApiKey[]>;
  /** A new key: written only if its id is new. */
  putNew(key: StoredApiKey): TxItem;
  /** The revoked key, conditioned on it not being revoked already (a second revocation is refused). */
  putRevoked(key: StoredApiKey): TxItem;
  /** When it was last used (not audited state: the use itself is the audited event). */
  touch(tenantId: string, id: string, at: string): TxItem;
}

export const createApiKeyRepository = (ref: TableRef): ApiKeyRepository => {
  const keys = apiKeyEntity.on(ref);
  return {
    get: (tenantId, id) => keys.get({ tenantId, id }, { consistent: true }),
    list: (tenantId) => keys.all('primary', { tenantId }),
    putNew: (key) => apiKeyEntity.put(ref.table, key, absent()),
    putRevoked: (key) => apiKeyEntity.put(ref.table, key, isNull('revokedAt')),
    touch: (tenantId, id, at) =>
      apiKeyEntity.update(ref.table, { tenantId, id }, { set: { lastUsedAt: at } }, isNull('revokedAt')),
  };
};

/** `apiKeys` of a route group's container (the commendations group: the register's keys). */
export const apiKeysDep = defineDep('apiKeys', (c) => createApiKeyRepository(c.ref));
