import { toCalendarDate } from '@thidua/shared/common';
import { orgContracts as c, type UnitChangeBody } from '@thidua/shared/contracts';
import {
  applyUnitChange,
  type Identity,
  indexUnits,
  type OrgIssue,
  treeRowsOn,
  type Unit,
  type UnitChange,
} from '@thidua/shared/org';
import type { PolicyResource } from '@thidua/shared/policy';
import { requireAction } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import { created, type HttpResult, ok } from '../../kernel/http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../../kernel/http/route';
import { requireSaved } from '../../kernel/outcomes';
import { withNextRevision } from './repository';
import { auditUnitChange } from './unit-audit';

/**
 * The organisation as of a date and its dated changes (docs/adr/0016): the tree of a day, a unit's
 * lineage, and the administrator's changes — each one pure `applyUnitChange` over the tenant's units,
 * written in one transaction with its log event. Units are read by everyone of the tenant; changing
 * them is the province administrator's (`administer` unit).
 */

/**
 * A transaction holds 100 items: per unit its Put, its audit event and its chain head; then the log event
 * and the idempotency record.
 */
const MAX_UNITS_PER_CHANGE = 32;

const issuePath = (field: string): string =>
  field === '' ? 'body' : field === 'unitId' ? 'params.unitId' : `body.${field}`;

const refusal = (issues: readonly OrgIssue[]) =>
  new RuleViolation(
    issues[0]?.message ?? 'Không thực hiện được thay đổi',
    issues.map((i) => ({ path: issuePath(i.field), message: i.message })),
    'org_change_refused',
  );

const toChange = (unitId: string, body: UnitChangeBody): UnitChange => {
  switch (body.type) {
    case 'rename':
      return { type: 'rename', unitId, name: body.name, from: body.from };
    case 'change_kind':
      return { type: 'change_kind', unitId, kind: body.kind, from: body.from };
    case 'move':
      return { type: 'move', unitId, parentId: body.parentId, from: body.from };
    case 'close':
      return { type: 'close', unitId, on: body.on };
  }
};

export const orgChangeRoutes = (d: Pick<Deps, 'units' | 'audit'>): RouteImpl[] => {
  /** The tenant's administrator, asked about the tenant's root (province roles sit there). */
  const requireAdministrator = (identity: Identity, units: readonly Unit[]) => {
    const root = units.find((u) => u.parentId === null);
    const resource: PolicyResource = {
      type: 'unit',
      tenantId: identity.tenantId,
      ...(root ? { rootUnitId: root.id } : {}),
    };
    requireAction(identity, 'administer', resource);
  };

  /** Applies a change to the whole organisation and writes what it changed with its audit event. */
  const applyAndSave = async (
    req: Pick<UserRequest<typeof c.recordSuccession>, 'identity' | 'now' | 'remember'>,
    units: readonly Unit[],
    change: UnitChange,
    request: Record<string, unknown>,
  ): Promise<HttpResult> => {
    const result = applyUnitChange(units, change);
    if (!result.ok) throw refusal(result.issues);
    if (result.changed.length > MAX_UNITS_PER_CHANGE) {
      throw new RuleViolation(
        `Thay đổi này ghi ${result.changed.length} đơn vị, quá ${MAX_UNITS_PER_CHANGE} đơn vị một lần`,
        [{ path: 'body', message: 'Hãy chuyển từng nhánh nhỏ hơn' }],
        'org_change_too_large',
      );
    }
    const before = indexUnits(units);
    const changed = withNextRevision(before, result.changed);
    const { event, items } = await auditUnitChange(d, req.identity, req.now, change.type, request, changed);
    const response = created({ event, changed });
    requireSaved(await d.units.saveChange(before, changed, event, [...req.remember(response), ...items]), {
      exists: 'Đơn vị đã tồn tại',
      missing: 'Không tìm thấy đơn vị',
    });
    return response;
  };

  return [
    userRoute(c.getOrgTree, async ({ identity, query, now }) => {
      const asOf = query.asOf ?? toCalendarDate(now.toISOString());
      const rows = treeRowsOn(await d.units.all(identity.tenantId), asOf);
      return ok({ asOf, rows });
    }),

    userRoute(c.getUnitLineage, async ({ identity, params }) => {
      const unit = await d.units.get(identity.tenantId, params.unitId);
      if (!unit) throw new NotFound('Không tìm thấy đơn vị');
      return ok({ unitId: unit.id, predecessors: await d.units.lineage(identity.tenantId, unit.id) });
    }),

    userRoute(c.changeUnit, async (req) => {
      const units = await d.units.all(req.identity.tenantId);
      requireAdministrator(req.identity, units);
      if (!units.some((u) => u.id === req.params.unitId)) throw new NotFound('Không tìm thấy đơn vị');
      return applyAndSave(req, units, toChange(req.params.unitId, req.body), {
        unitId: req.params.unitId,
        ...req.body,
      });
    }),

    userRoute(c.recordSuccession, async (req) => {
      const units = await d.units.all(req.identity.tenantId);
      requireAdministrator(req.identity, units);
      return applyAndSave(req, units, { type: 'succession', ...req.body }, { ...req.body });
    }),

    userRoute(c.listUnitChanges, async ({ identity, query }) => {
      requireAction(identity, 'administer', { type: 'unit', tenantId: identity.tenantId });
      return ok(await d.units.changeLog(identity.tenantId, query));
    }),
  ];
};
