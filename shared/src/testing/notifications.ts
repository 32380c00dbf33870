/**
 * A notification intent for tests (imported by `*.test.ts` only): a submission returned to the commune's
 * officers, with what a test wants to vary (the title, the reason, the field, the deadline) overridden.
 */
import type { ListEntry } from '../commendation/records';
import { NotificationIntent } from '../notifications/schema';

export function returnedIntent(
  over: { id?: string; title?: string; reason?: string; fieldKey?: string; dueAt?: string | null } = {},
): NotificationIntent {
  return NotificationIntent.parse({
    id: over.id ?? 'sub#s1#4#returned#xa',
    tenantId: 'dong-nai',
    kind: 'returned',
    audience: { type: 'unit_roles', unitId: 'xa', roles: ['submitter'] },
    subject: {
      type: 'submission',
      id: 's1',
      title: over.title ?? 'Báo cáo tháng 11/2026 — Phường Bình Phước',
      path: '/submissions/s1',
      ...(over.fieldKey ? { fieldKey: over.fieldKey } : {}),
    },
    reason: over.reason ?? 'Số vụ đã xử lý <lớn hơn> số vụ phát hiện',
    dueAt: over.dueAt ?? null,
    createdAt: '2026-12-05T01:00:00.000Z',
  });
}

/** A line of a tờ trình, disclosure or agenda for tests: a commune's collective nominee for a Bằng khen. */
export const listEntry = (over: Partial<ListEntry> = {}): ListEntry => ({
  nominationId: 'n1',
  unitId: 'tan-phu',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'collective',
  nomineeName: 'Công an phường Tân Phú',
  nomineeTitle: '',
  nomineeUnitName: 'Phường Tân Phú',
  awardTypeId: 'bang_khen',
  awardTypeName: 'Bằng khen của Chủ tịch UBND tỉnh',
  ...over,
});
