import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import type { PolicyAction, PolicyDecision, PolicyResource } from './policy';

/**
 * API keys: how a document-management system (DMS) of the văn thư reaches the register without a person's
 * account (issue 17, point 4; ADR 0034). A key is a principal of its own kind — not a user, no unit, no
 * role — whose scopes name the only things it may do. The policy below is its whole authority.
 */
export const apiKeyScopes = ['register:reserve', 'register:read'] as const;
export const ApiKeyScope = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const apiKeyScopeLabels: Readonly<Record<ApiKeyScope, string>> = {
  'register:reserve': 'Giữ số trong sổ đăng ký văn bản',
  'register:read': 'Xem sổ đăng ký văn bản',
};

/** The caller of a request that carried a valid, unrevoked key. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  tenantId: string;
  keyId: string;
  /** The name its administrator gave it ("Hệ thống quản lý văn bản iDesk"): what the audit trail shows. */
  name: string;
  scopes: readonly ApiKeyScope[];
}

/** A key as stored and listed: never its secret, only the secret's hash (kept apart, see ADR 0034). */
export const ApiKeyView = z.object({
  tenantId: TenantId,
  id: Id,
  name: z.string(),
  scopes: z.array(ApiKeyScope),
  createdAt: Instant,
  createdBy: z.string(),
  /** The first characters of the key, to recognise it in the DMS's configuration. */
  prefix: z.string(),
  revokedAt: Instant.nullable(),
  revokedBy: z.string().nullable(),
  lastUsedAt: Instant.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyInput = z.object({
  name: z.string().trim().min(3, 'Tên khóa ít nhất 3 ký tự').max(100, 'Tên khóa tối đa 100 ký tự'),
  scopes: z
    .array(ApiKeyScope)
    .min(1, 'Chọn ít nhất một quyền')
    .refine((s) => new Set(s).size === s.length, 'Mỗi quyền chỉ chọn một lần'),
});
export type ApiKeyInput = z.infer<typeof ApiKeyInput>;

const allow: PolicyDecision = { allowed: true };
const deny = (reason: string): PolicyDecision => ({ allowed: false, reason });

/** What each scope lets a key do: one action on one resource type, in its own tenant. */
const scopeGrants: Readonly<Record<ApiKeyScope, { action: PolicyAction; type: PolicyResource['type'] }>> = {
  'register:reserve': { action: 'create', type: 'register' },
  'register:read': { action: 'read', type: 'register' },
};

/**
 * THE decision for a request made with an API key: allowed only where one of its scopes grants exactly
 * this action on this resource type in its tenant. Everything else — submissions, decisions, users, even
 * reading what its own reservations became — is refused.
 */
export function authorizeApiKey(
  key: ApiKeyPrincipal,
  action: PolicyAction,
  resource: Pick<PolicyResource, 'type' | 'tenantId'>,
): PolicyDecision {
  if (key.tenantId !== resource.tenantId) return deny('Khóa API không thuộc tỉnh này');
  const granted = key.scopes.some((s) => {
    const g = scopeGrants[s];
    return g.action === action && g.type === resource.type;
  });
  return granted ? allow : deny('Khóa API không có quyền thực hiện thao tác này');
}
