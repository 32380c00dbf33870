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
