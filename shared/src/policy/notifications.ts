import type { Identity, Role } from '../org/schema';
import type { PolicyDecision } from './policy';

/** Who sees and replays e-mails that failed every attempt: the administrator (it holds the addresses). */
export function authorizeDeadLetters(identity: Identity): PolicyDecision {
  return identity.roles.includes('admin')
    ? { allowed: true }
    : { allowed: false, reason: 'Chỉ quản trị viên xem và gửi lại thư lỗi' };
}

const REMINDERS: readonly Role[] = ['reviewer', 'unit_head', 'secretariat', 'admin'];

/**
 * Who may press "Nhắc nhở" for the units below `parent` (the completeness page): its reviewers and head, or
 * the province's secretariat and administrator above it. Reminding is the reviewing unit's work only.
 */
export function authorizeRemind(
  identity: Identity,
  parent: { id: string; path: readonly string[] },
): PolicyDecision {
  if (!identity.roles.some((r) => REMINDERS.includes(r)))
    return { allowed: false, reason: 'Vai trò của bạn không nhắc nhở đơn vị' };
  if (identity.unitId === parent.id || parent.path.includes(identity.unitId)) return { allowed: true };
  return { allowed: false, reason: 'Chỉ nhắc nhở được các đơn vị trực thuộc' };
}

/**
 * Who an e-mail's unsubscribe link acts for, without signing in: the person the link's MAC certifies, in
 * the tenant it names, and nobody else — only their own preferences, only to stop mail (never to start
 * it, never to read their notices). `link.valid` is the MAC and expiry check (the caller holds the key).
 */
export function authorizeUnsubscribeLink(
  link: { valid: boolean; tenantId: string; userId: string },
  person: { tenantId: string; id: string } | undefined,
): PolicyDecision {
  if (!link.valid) return { allowed: false, reason: 'Liên kết không hợp lệ hoặc đã bị sửa' };
  if (!person || person.tenantId !== link.tenantId || person.id !== link.userId)
    return { allowed: false, reason: 'Liên kết không dành cho tài khoản này' };
  return { allowed: true };
}
