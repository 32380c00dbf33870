import type { Batch, CouncilSession } from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import type { PolicyAction } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import { NotFound } from '../../kernel/http/errors';
import { type CommendationDeps, provinceResource } from './context';

/**
 * Loading a tờ trình or a council session with the policy's check. Kept apart from the use cases so a
 * reader (the documents group's PDF routes) does not bundle the document writers they load.
 */

/** One unit's tờ trình for the policy; without a unit, every unit's (the province's lists). */
export const batchResource = (
  d: CommendationDeps,
  tenantId: string,
  unit?: { unitId: string; unitPath?: readonly string[] },
) => provinceResource(d, tenantId, 'batch', unit);

const BATCH_NOT_FOUND = 'Không tìm thấy tờ trình';

/**
 * A tờ trình the caller may `action` (the policy's `batch`): one it may not read answers 404 as an
 * unknown id would; one it reads but may not act on, 403.
 */
export const loadBatch = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  action: PolicyAction = 'read',
): Promise<Batch> => {
  const b = await d.commendations.getBatch(identity.tenantId, id);
  if (!b) throw new NotFound(BATCH_NOT_FOUND);
  requireAllowed(identity, action, await batchResource(d, identity.tenantId, b), BATCH_NOT_FOUND);
  return b;
};

export const sessionResource = (d: Pick<CommendationDeps, 'units'>, tenantId: string) =>
  provinceResource(d, tenantId, 'council_session');

export const loadSession = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
): Promise<CouncilSession> => {
  requireAllowed(identity, 'read', await sessionResource(d, identity.tenantId));
  const s = await d.commendations.getSession(identity.tenantId, id);
  if (!s) throw new NotFound('Không tìm thấy phiên họp');
  return s;
};
