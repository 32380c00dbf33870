import type { Identity, Role } from '../org/schema';
import { authorize, type PolicyDecision, type PolicyResource } from './policy';

/**
 * Who reads sensitive fields when the template does not say: the unit's own officers (they filled them)
 * and the reviewers of its chain (they check them; the secretariat reviews at the province). Not the
 * council, the chair, the administrator, nor anyone reading a nomination's file without reviewing it.
 */
export const DEFAULT_SENSITIVE_READERS: readonly Role[] = [
  'submitter',
  'unit_head',
  'reviewer',
  'secretariat',
];

/**
 * May `identity` read the sensitive fields of this submission (or nomination)? Only with a role the
 * template names, and only if that role ALONE gives it the read — a council member who is also a
 * submitter of some commune does not read another unit's figures through the submitter role. The public
 * (`null`) never does.
 */
export function authorizeSensitiveRead(
  identity: Identity | null,
  resource: PolicyResource,
  readers: readonly Role[] | undefined,
): PolicyDecision {
  if (identity === null) return { allowed: false, reason: 'Dữ liệu nhạy cảm không công khai' };
  const read = authorize(identity, 'read', resource);
  if (!read.allowed) return read;
  const allowedRoles = readers ?? DEFAULT_SENSITIVE_READERS;
  const named = identity.roles.filter((r) => allowedRoles.includes(r));
  if (named.length > 0 && authorize({ ...identity, roles: named }, 'read', resource).allowed) {
    return { allowed: true };
  }
  return { allowed: false, reason: 'Vai trò của bạn không được xem dữ liệu nhạy cảm của biểu mẫu này' };
}

/**
 * May `identity` flag a submission classified ("Mật") or lift the flag? The reviewers of its chain and
 * the secretariat — the people who judge what a report contains — never the author unit, whose entry the
 * flag stops, nor read-only roles. Setting it is an audited event of the submission.
 */
export function authorizeClassify(identity: Identity, resource: PolicyResource): PolicyDecision {
  if (!authorize(identity, 'read', resource).allowed)
    return { allowed: false, reason: 'Ngoài phạm vi đơn vị' };
  const above = resource.unitId !== identity.unitId && (resource.unitPath ?? []).includes(identity.unitId);
  if (above && identity.roles.some((r) => r === 'reviewer' || r === 'secretariat')) return { allowed: true };
  return { allowed: false, reason: 'Chỉ cán bộ thẩm định hoặc cơ quan thường trực được đánh dấu "Mật"' };
}
