import { DecisionSigning, TenantContact } from '@thidua/shared/tenancy';
import * as z from 'zod';
import { type TableRef, tenantSettingEntity } from '../../kernel/data/entity';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

/**
 * The tenant's settings shown to its people: the secretariat's contact, one item per tenant beside the
 * security settings (`<tenant>#SETTINGS`, sk `CONTACT`). Every write is a whole new value (an upsert), put
 * in the transaction that also appends its audit event, whose chain head serializes concurrent writers.
 */
export const tenantContactEntity = tenantSettingEntity(
  'TenantContact',
  TenantContact.extend({ tenantId: z.string() }),
  'CONTACT',
);

export type StoredTenantContact = TenantContact & { tenantId: string };

/** How the tenant's decisions are signed (ADR 0032): beside the contact, its own item and audit chain. */
export const decisionSigningEntity = tenantSettingEntity(
  'DecisionSigning',
  DecisionSigning.extend({ tenantId: z.string() }),
  'SIGNING',
);

export type StoredDecisionSigning = DecisionSigning & { tenantId: string };

export interface TenantSettingsRepository {
  contact(tenantId: string): Promise<StoredTenantContact | undefined>;
  contactPutItem(contact: StoredTenantContact): TxItem;
  signing(tenantId: string): Promise<StoredDecisionSigning | undefined>;
  signingPutItem(signing: StoredDecisionSigning): TxItem;
}

export const createTenantSettingsRepository = (ref: TableRef): TenantSettingsRepository => {
  const contacts = tenantContactEntity.on(ref);
  const signings = decisionSigningEntity.on(ref);
  return {
    contact: (tenantId) => contacts.get({ tenantId }),
    contactPutItem: (contact) => tenantContactEntity.put(ref.table, contact),
    signing: (tenantId) => signings.get({ tenantId }, { consistent: true }),
    signingPutItem: (signing) => decisionSigningEntity.put(ref.table, signing),
  };
};

/** `tenantSettings` of a route group's container (kernel/deps.ts). */
export const tenantSettingsDep = defineDep('tenantSettings', (c) => createTenantSettingsRepository(c.ref));
