import type { Identity, Unit, UnitChangeEvent } from '@thidua/shared/org';
import { newId } from '../../kernel/ids';

/**
 * THE call site of the organisation's administration audit: every dated change (create, rename, change
 * of kind, move, close, split, merger, correction) builds its event here and writes it in the same
 * transaction as the change (functions/src/data/org.ts `saveChange`). When the audit chain takes admin
 * events (branch `audit-chain`), its append function is called from here and nowhere else.
 */
export const auditUnitChange = (
  identity: Identity,
  now: Date,
  action: UnitChangeEvent['action'],
  change: Record<string, unknown>,
  written: readonly Unit[],
): UnitChangeEvent => ({
  tenantId: identity.tenantId,
  id: newId(now),
  at: now.toISOString(),
  actorId: identity.userId,
  actorName: identity.name,
  action,
  change,
  unitIds: written.map((u) => u.id),
});
