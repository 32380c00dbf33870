import type { Identity, Unit, UnitChangeEvent } from '@thidua/shared/org';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { newId } from '../../kernel/ids';

/** One sentence for people, in the audit trail: what the change did, from when. */
const summaryOf = (action: UnitChangeEvent['action'], change: Record<string, unknown>): string => {
  const from = String(change.from ?? change.on ?? '');
  switch (action) {
    case 'rename':
      return `Đổi tên thành "${String(change.name)}" từ ngày ${from}`;
    case 'change_kind':
      return `Đổi cấp thành "${String(change.kind)}" từ ngày ${from}`;
    case 'move':
      return `Chuyển ${String(change.unitId)} sang đơn vị cấp trên ${String(change.parentId)} từ ngày ${from}`;
    case 'close':
      return `Giải thể từ ngày ${from}`;
    case 'succession':
      return `Kế thừa từ ngày ${from}: ${String(change.predecessorIds)} → ${String(change.successorIds)}`;
    default:
      return `Thay đổi đơn vị (${action})`;
  }
};

/**
 * THE call site of the organisation's administration audit: every dated change (rename, change of kind,
 * move, close, split, merger) builds here its log event (`UnitChangeEvent`, the units screen's change
 * log) and the audit-chain items of every unit it writes (`d.audit.record`: each unit's own chain, one
 * event per unit whose item changes, so each chain still verifies). Both go in the change's one
 * transaction (features/org/repository.ts `saveChange`).
 */
export const auditUnitChange = async (
  d: Pick<Deps, 'audit'>,
  identity: Identity,
  now: Date,
  action: UnitChangeEvent['action'],
  change: Record<string, unknown>,
  written: readonly Unit[],
): Promise<{ event: UnitChangeEvent; items: TxItem[] }> => {
  const summary = summaryOf(action, change);
  const items = await d.audit.record(
    identity,
    ...written.map((u) => ({ kind: 'unit' as const, subject: u, action, summary })),
  );
  return {
    event: {
      tenantId: identity.tenantId,
      id: newId(now),
      at: now.toISOString(),
      actorId: identity.userId,
      actorName: identity.name,
      action,
      change,
      unitIds: written.map((u) => u.id),
    },
    items,
  };
};
