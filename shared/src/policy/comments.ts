import type { Identity, Role } from '../org/schema';
import type { PolicyDecision } from './policy';

/** What the decisions read of a submission: where it stands and whose it is. */
export interface CommentedSubmission {
  unitId: string;
  state: string;
  level: number | null;
  chain: readonly { unitId: string }[];
  classified?: boolean | undefined;
}

const reviewerRoles: readonly Role[] = ['reviewer', 'secretariat'];
const authorRoles: readonly Role[] = ['submitter', 'unit_head'];
const hasAny = (who: Identity, roles: readonly Role[]) => who.roles.some((r) => roles.includes(r));

/**
 * Who may comment on the fields of a submission: the reviewer of the level on turn, while it reviews
 * (its comments go back with a return). Not the author unit, not a level that is not on turn.
 */
export function authorizeFieldComment(who: Identity, s: CommentedSubmission): PolicyDecision {
  if (s.state !== 'under_review' || s.level === null)
    return { allowed: false, reason: 'Chỉ nhận xét khi báo cáo đang được xét duyệt' };
  if (s.chain[s.level]?.unitId !== who.unitId)
    return { allowed: false, reason: 'Chưa đến lượt đơn vị của bạn xem xét báo cáo này' };
  if (!hasAny(who, reviewerRoles)) return { allowed: false, reason: 'Bạn không có quyền xét duyệt' };
  return { allowed: true };
}

/**
 * Who may answer a comment: the author unit's officers, while the report is back with the unit
 * (returned, or a draft again after a withdrawal) — the answer goes with the corrected report.
 */
export function authorizeCommentAnswer(who: Identity, s: CommentedSubmission): PolicyDecision {
  if (who.unitId !== s.unitId)
    return { allowed: false, reason: 'Chỉ đơn vị lập báo cáo mới trả lời nhận xét' };
  if (!hasAny(who, authorRoles)) return { allowed: false, reason: 'Bạn không có quyền lập báo cáo' };
  if (s.state !== 'returned' && s.state !== 'draft' && s.state !== 'withdrawn')
    return { allowed: false, reason: 'Chỉ trả lời khi báo cáo đang ở đơn vị' };
  if (s.classified) return { allowed: false, reason: 'Báo cáo "Mật" không nhận thêm nội dung' };
  return { allowed: true };
}
