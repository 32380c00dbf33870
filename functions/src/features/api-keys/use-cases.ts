import type { Identity } from '@thidua/shared/org';
import {
  type ApiKeyInput,
  type ApiKeyPrincipal,
  type ApiKeyView,
  authorizeApiKey,
  type PolicyAction,
} from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import type { TxItem } from '../../kernel/data/transact';
import { Conflict, Forbidden, NotFound } from '../../kernel/http/errors';
import type { Seal } from '../../kernel/http/idempotency';
import { newId } from '../../kernel/ids';
import type { AuditActor } from '../audit/chains';
import { type CommendationDeps, provinceResource } from '../commendations/context';
import { writeOnce } from '../commendations/tx';
import type { ApiKeyRepository, StoredApiKey } from './repository';
import { formatApiKey, hashSecret, keyPrefix, newSecret } from './secret';

export type ApiKeyDeps = CommendationDeps & { apiKeys: ApiKeyRepository };

const NOT_FOUND = 'Không tìm thấy khóa API';

/** What the administrator (and the audit trail's reader) may see of a key: everything but its hash. */
export const viewOf = ({ secretHash: _h, ...view }: StoredApiKey): ApiKeyView => view;

const administer = async (d: ApiKeyDeps, identity: Identity, action: 'read' | 'administer') =>
  requireAllowed(identity, action, await provinceResource(d, identity.tenantId, 'api_key'));

/**
 * The administrator issues a key: its name and scopes stored with the SHA-256 of a fresh secret, audited
 * on the key's own chain. The secret is in this answer only; `remember` gets the answer without it, so
 * no copy of the secret is stored even for a replay (a replay shows the key, not its secret).
 */
export const createApiKey = async (
  d: ApiKeyDeps,
  identity: Identity,
  input: ApiKeyInput,
  now: Date,
  remember: Seal<{ key: ApiKeyView; secret: string }>,
): Promise<{ key: ApiKeyView; secret: string }> => {
  await administer(d, identity, 'administer');
  const id = newId(now);
  const secret = newSecret();
  const stored: StoredApiKey = {
    tenantId: identity.tenantId,
    id,
    name: input.name,
    scopes: input.scopes,
    createdAt: now.toISOString(),
    createdBy: identity.name || identity.email,
    prefix: keyPrefix(identity.tenantId, id),
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    secretHash: hashSecret(secret),
  };
  const key = viewOf(stored);
  await writeOnce(
    d,
    [
      d.apiKeys.putNew(stored),
      ...remember({ key, secret: '' }),
      ...(await d.audit.record(identity, {
        kind: 'api_key',
        subject: stored,
        action: 'created',
        summary: `Tạo khóa API «${stored.name}» (${stored.scopes.join(', ')})`,
      })),
    ],
    'Khóa API',
  );
  return { key, secret: formatApiKey(identity.tenantId, id, secret) };
};

export const listApiKeys = async (d: ApiKeyDeps, identity: Identity): Promise<ApiKeyView[]> => {
  await administer(d, identity, 'read');
  const keys = await d.apiKeys.list(identity.tenantId);
  return keys.map(viewOf).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

/** Revoked for good: the next request with it is 401 (the key check reads the item on every request). */
export const revokeApiKey = async (
  d: ApiKeyDeps,
  identity: Identity,
  keyId: string,
  now: Date,
  remember: Seal<ApiKeyView>,
): Promise<ApiKeyView> => {
  await administer(d, identity, 'administer');
  const current = await d.apiKeys.get(identity.tenantId, keyId);
  if (!current) throw new NotFound(NOT_FOUND);
  const already = () => new Conflict('Khóa API đã bị thu hồi', undefined, 'already_revoked');
  if (current.revokedAt !== null) throw already();
  const revoked: StoredApiKey = {
    ...current,
    revokedAt: now.toISOString(),
    revokedBy: identity.name || identity.email,
  };
  const view = viewOf(revoked);
  await writeOnce(
    d,
    [
      d.apiKeys.putRevoked(revoked),
      ...remember(view),
      ...(await d.audit.record(identity, {
        kind: 'api_key',
        subject: revoked,
        action: 'revoked',
        summary: `Thu hồi khóa API «${revoked.name}»`,
      })),
    ],
    'Khóa API',
    already,
  );
  return view;
};

/** A key as the audit trail names the actor: its name, never a person. */
const actorOf = (key: ApiKeyPrincipal): AuditActor => ({
  userId: `api-key:${key.keyId}`,
  name: `Khóa API «${key.name}»`,
  roles: ['api_key'],
  unitId: null,
});

/** 403 unless one of the key's scopes grants `action` on the register (the shared policy's decision). */
export const requireKeyScope = (key: ApiKeyPrincipal, action: PolicyAction): void => {
  const decision = authorizeApiKey(key, action, { type: 'register', tenantId: key.tenantId });
  if (!decision.allowed) throw new Forbidden(decision.reason);
};

/**
 * One use of a key, audited on its chain with the key's name, and its last use noted: items for the
 * transaction that carries the use's effect (or on their own, for a read). Refused if the key was revoked
 * since the request's check.
 */
export const keyUseItems = async (
  d: ApiKeyDeps,
  key: ApiKeyPrincipal,
  action: string,
  summary: string,
  now: Date,
): Promise<TxItem[]> => {
  const stored = await d.apiKeys.get(key.tenantId, key.keyId);
  if (!stored) throw new NotFound(NOT_FOUND);
  return [
    d.apiKeys.touch(key.tenantId, key.keyId, now.toISOString()),
    ...(await d.audit.record(actorOf(key), { kind: 'api_key', subject: stored, action, summary })),
  ];
};
