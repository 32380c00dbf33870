import { orgContracts as c } from '@thidua/shared/contracts';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { orgChangeRoutes } from './changes-http';

/** The organisation tree. Units are not secret inside a province (policy: everyone of the tenant reads). */
export const orgRoutes = (d: Pick<Deps, 'units' | 'audit'>): RouteImpl[] => [
  userRoute(c.listUnits, async ({ identity, query }) => {
    const { root, ...page } = query;
    if (root === undefined) return ok(await d.units.subtree(identity.tenantId, null, page));
    const rootUnit = await d.units.get(identity.tenantId, root);
    if (!rootUnit) throw new NotFound('Không tìm thấy đơn vị');
    return ok(await d.units.subtree(identity.tenantId, rootUnit, page));
  }),

  userRoute(c.getUnit, async ({ identity, params }) => {
    const unit = await d.units.get(identity.tenantId, params.unitId);
    if (!unit) throw new NotFound('Không tìm thấy đơn vị');
    return ok(unit);
  }),

  userRoute(c.listUnitChildren, async ({ identity, params, query }) => {
    const unit = await d.units.get(identity.tenantId, params.unitId);
    if (!unit) throw new NotFound('Không tìm thấy đơn vị');
    return ok(await d.units.children(identity.tenantId, unit.id, query));
  }),

  ...orgChangeRoutes(d),
];
