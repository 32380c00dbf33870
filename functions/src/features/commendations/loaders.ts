import type { Batch, CouncilSession } from '@thidua/shared/commendation';
import type { Identity, Unit } from '@thidua/shared/org';
import type { PolicyAction, PolicyResource } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import { NotFound } from '../../kernel/http/errors';
import { type CommendationDeps, provinceResource, rootUnit } from './context';

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

/**
 * The unit whose council sits: null for the province's (no unit, or the tenant's root: every session
 * before ADR 0037), otherwise a commune's, ward's, department's own council.
 */
export const councilUnit = async (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  unitId?: string,
): Promise<Unit | null> => {
  if (unitId === undefined || unitId === (await rootUnit(d, tenantId)).id) return null;
  const unit = await d.units.get(tenantId, unitId);
  if (!unit) throw new NotFound('Không tìm thấy đơn vị');
  return unit;
};

/** A council's sessions for the policy: the province's, or a unit's own (its id and path). */
export const councilResource = async (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  unit: Pick<Unit, 'id' | 'path'> | null,
): Promise<PolicyResource> => {
  const province = await provinceResource(d, tenantId, 'council_session');
  return unit ? { ...province, unitId: unit.id, unitPath: unit.path } : province;
};

/** One session for the policy: its council's (the province's when it names no unit). */
export const sessionResource = (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  session?: Pick<CouncilSession, 'unitId'>,
) => councilUnit(d, tenantId, session?.unitId).then((unit) => councilResource(d, tenantId, unit));

const SESSION_NOT_FOUND = 'Không tìm thấy phiên họp';

/**
 * A session the caller may `action`: one of a council it may not read answers 404 as an unknown id would
 * (another unit's council), one it reads but may not act on, 403.
 */
export const loadSession = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  action: PolicyAction = 'read',
): Promise<CouncilSession> => {
  const s = await d.commendations.getSession(identity.tenantId, id);
  if (!s) {
    // An unknown id answers as before units had councils: refused where the caller's own council is.
    requireAllowed(identity, action, await sessionResource(d, identity.tenantId, identity));
    throw new NotFound(SESSION_NOT_FOUND);
  }
  requireAllowed(identity, action, await sessionResource(d, identity.tenantId, s), SESSION_NOT_FOUND);
  return s;
};
