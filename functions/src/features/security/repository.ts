import { TenantSecurity } from '@thidua/shared/policy';
import * as z from 'zod';
import { type TableRef, tenantSettingEntity } from '../../kernel/data/entity';
import type { SaveOutcome } from '../../kernel/data/outcomes';
import { saveEntity } from '../../kernel/data/save';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

/** The tenant's security settings: one item per tenant (absent: the policy's defaults apply). */
export const tenantSecurityEntity = tenantSettingEntity(
  'TenantSecurity',
  TenantSecurity.extend({ tenantId: z.string() }),
  'SECURITY',
);

export type StoredTenantSecurity = TenantSecurity & { tenantId: string };

export interface TenantSecurityRepository {
  /** The tenant's chosen settings, or undefined when it never chose (callers apply the defaults). */
  get(tenantId: string): Promise<TenantSecurity | undefined>;
  /** Creates or replaces the settings, with the request's idempotency record in the same transaction. */
  save(settings: StoredTenantSecurity, extra?: readonly TxItem[]): Promise<SaveOutcome>;
}

export const tenantSecurityItem = tenantSecurityEntity.item;

export const createTenantSecurityRepository = (ref: TableRef): TenantSecurityRepository => {
  const settings = tenantSecurityEntity.on(ref);
  return {
    async get(tenantId) {
      const found = await settings.get({ tenantId });
      return found ? { mfaRequiredRoles: found.mfaRequiredRoles } : undefined;
    },
    // One item per tenant whose every write is a whole new value: a put without condition is the upsert.
    save: (s, extra = []) =>
      saveEntity(ref, { put: (table, w) => tenantSecurityEntity.put(table, w) }, s, 'replace', extra),
  };
};

/** `tenantSecurity` of a route group's container (kernel/deps.ts). */
export const tenantSecurityDep = defineDep('tenantSecurity', (c) => createTenantSecurityRepository(c.ref));
