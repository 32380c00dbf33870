import { checkOfficeHolders } from '@thidua/shared/admin';
import { Campaign } from '@thidua/shared/campaign';
import { toCalendarDate } from '@thidua/shared/common';
import { adminContracts as c } from '@thidua/shared/contracts';
import {
  correctUnit,
  type Identity,
  linkPredecessor,
  pathUnder,
  type Unit,
  type User,
} from '@thidua/shared/org';
import { requireAction } from '../../kernel/access';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { requireSaved, type SaveRefusals } from '../../kernel/outcomes';
import { publishVersion } from '../campaign-builder/http';
import { findUsers } from '../org/user-search';
import { auditTemplatePublication } from '../template-builder/audit';
import { publishableTemplate } from '../template-builder/http';
import { accountRoutes } from './accounts';
import { importRoutes } from './import';

/**
 * Administration (province admin only, decided by the shared policy): units, users and roles,
 * campaigns, template versions. Re-parenting a unit is not offered: the paths of its whole subtree and
 * of every submission below it would have to move (a merger closes the unit and names a successor).
 * Account actions (reset, invitation) are in admin-accounts.ts, the Excel import in admin-import.ts.
 */
export const unitRefusals: SaveRefusals = { exists: 'Đơn vị đã tồn tại', missing: 'Không tìm thấy đơn vị' };
export const userRefusals: SaveRefusals = {
  exists: 'Người dùng đã tồn tại',
  missing: 'Không tìm thấy người dùng',
};
/** The JSON routes publish on whatever version is latest (they carry none), with no note. */
const jsonRoute = (identity: Identity, now: Date, remember: () => TxItem[]) => ({
  identity,
  now,
  baseVersion: 'latest' as const,
  note: '',
  remember,
});

export const adminRoutes = (
  d: Pick<
    Deps,
    | 'audit'
    | 'clients'
    | 'directory'
    | 'templates'
    | 'units'
    | 'users'
    | 'campaigns'
    | 'campaignHistory'
    | 'mergers'
  >,
): RouteImpl[] => {
  const unitMustExist = async (tenantId: string, unitId: string, path: string): Promise<Unit> => {
    const unit = await d.units.get(tenantId, unitId);
    if (!unit)
      throw new RuleViolation('Không tìm thấy đơn vị', [{ path, message: 'Không tồn tại' }], 'unknown_unit');
    return unit;
  };

  /** A unit the caller administers: 403 for a non-administrator before anything is read, then 404. */
  const administeredUnit = async (identity: Identity, unitId: string): Promise<Unit> => {
    requireAction(identity, 'administer', { type: 'unit', tenantId: identity.tenantId });
    const unit = await d.units.get(identity.tenantId, unitId);
    if (!unit) throw new NotFound('Không tìm thấy đơn vị');
    requireAction(identity, 'administer', {
      type: 'unit',
      tenantId: identity.tenantId,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return unit;
  };

  return [
    userRoute(c.createUnit, async ({ identity, body, remember }) => {
      const t = identity.tenantId;
      requireAction(identity, 'administer', { type: 'unit', tenantId: t });
      const parent = await unitMustExist(t, body.parentId, 'body.parentId');
      requireAction(identity, 'administer', { type: 'unit', tenantId: t, unitPath: pathUnder(parent) });
      const unit = newUnit(t, body, parent);
      const response = created(unit);
      const audit = await d.audit.record(identity, {
        kind: 'unit',
        subject: unit,
        action: 'created',
        summary: `Tạo đơn vị ${unit.name} thuộc ${parent.name}`,
      });
      requireSaved(await d.units.save(unit, 'create', [...remember(response), ...audit]), unitRefusals);
      return response;
    }),

    userRoute(c.updateUnit, async ({ identity, params, body, remember, now }) => {
      const t = identity.tenantId;
      const unit = await administeredUnit(identity, params.unitId);
      if (body.successorId) {
        if (body.successorId === unit.id) {
          throw new RuleViolation('Đơn vị không thể kế thừa chính nó', [
            { path: 'body.successorId', message: 'Trùng' },
          ]);
        }
        await unitMustExist(t, body.successorId, 'body.successorId');
      }
      const closedOn = body.closedOn === undefined ? unit.closedOn : body.closedOn;
      if (closedOn !== null && closedOn < unit.openedOn) {
        throw new RuleViolation('Ngày giải thể trước ngày thành lập', [
          { path: 'body.closedOn', message: 'Không hợp lệ' },
        ]);
      }
      const updated = correctUnit(unit, body, toCalendarDate(now.toISOString()));
      const response = ok(updated);
      // The successor keeps the reverse link, so its lineage is read by key (features/org/repository.ts);
      // its item changes too, so its own chain records it.
      const successor = body.successorId ? await d.units.get(t, body.successorId) : undefined;
      const linked = successor ? linkPredecessor(successor, unit.id) : undefined;
      const audit = await d.audit.record(
        identity,
        {
          kind: 'unit',
          subject: updated,
          action: 'updated',
          summary: changes(unit, updated, {
            name: 'Tên',
            closedOn: 'Ngày giải thể',
            successorId: 'Đơn vị kế thừa',
          }),
        },
        ...(linked
          ? [
              {
                kind: 'unit' as const,
                subject: linked,
                action: 'successor_linked',
                summary: `Kế thừa ${unit.name}`,
              },
            ]
          : []),
      );
      const reverse = linked ? [d.units.putItem(linked, 'replace')] : [];
      requireSaved(
        await d.units.save(updated, 'replace', [...reverse, ...remember(response), ...audit]),
        unitRefusals,
      );
      return response;
    }),

    userRoute(c.listUsers, async ({ identity, query }) => {
      const { unitId, q, ...page } = query;
      const t = identity.tenantId;
      // A unit's list: whoever may read that unit's users; a search across the province: its administrator.
      if (unitId !== undefined) requireAction(identity, 'read', { type: 'user', tenantId: t, unitId });
      else requireAction(identity, 'administer', { type: 'user', tenantId: t });
      return ok(await findUsers(d.users, t, { unitId, q }, page));
    }),

    userRoute(c.createUser, async ({ identity, body, remember }) => {
      const t = identity.tenantId;
      requireAction(identity, 'administer', { type: 'user', tenantId: t });
      await unitMustExist(t, body.unitId, 'body.unitId');
      const roles = [...new Set(body.roles)];
      const id = await d.directory.create({
        tenantId: t,
        email: body.email,
        name: body.name,
        unitId: body.unitId,
        roles,
      });
      const user: User = {
        tenantId: t,
        id,
        email: body.email,
        name: body.name,
        title: body.title,
        unitId: body.unitId,
        roles,
        active: true,
      };
      const response = created(user);
      const audit = await d.audit.record(identity, {
        kind: 'user',
        subject: user,
        action: 'created',
        summary: `Tạo tài khoản ${user.name}, đơn vị ${user.unitId}, vai trò ${roles.join(', ')}`,
      });
      requireSaved(await d.users.save(user, 'create', [...remember(response), ...audit]), userRefusals);
      return response;
    }),

    userRoute(c.updateUser, async ({ identity, params, body, remember }) => {
      const t = identity.tenantId;
      requireAction(identity, 'administer', { type: 'user', tenantId: t });
      const user = await d.users.get(t, params.userId);
      if (!user) throw new NotFound('Không tìm thấy người dùng');
      if (body.unitId !== undefined) await unitMustExist(t, body.unitId, 'body.unitId');
      const roles = body.roles ? [...new Set(body.roles)] : user.roles;
      await d.directory.update(user.email, {
        name: body.name,
        unitId: body.unitId,
        addRoles: roles.filter((r) => !user.roles.includes(r)),
        removeRoles: user.roles.filter((r) => !roles.includes(r)),
        active: body.active,
      });
      const updated: User = {
        ...user,
        name: body.name ?? user.name,
        title: body.title ?? user.title,
        unitId: body.unitId ?? user.unitId,
        roles,
        active: body.active ?? user.active,
      };
      const response = ok(updated);
      const audit = await d.audit.record(identity, {
        kind: 'user',
        subject: updated,
        action: updated.active === user.active ? 'updated' : updated.active ? 'reactivated' : 'deactivated',
        summary: changes(user, updated, {
          name: 'Tên',
          title: 'Chức vụ',
          unitId: 'Đơn vị',
          roles: 'Vai trò',
          active: 'Hoạt động',
        }),
      });
      requireSaved(await d.users.save(updated, 'replace', [...remember(response), ...audit]), userRefusals);
      return response;
    }),

    userRoute(c.updateOfficeHolders, async ({ identity, params, body, remember }) => {
      const unit = await administeredUnit(identity, params.unitId);
      const problems = checkOfficeHolders(body.officeHolders);
      if (problems.length > 0) {
        const details = problems.map((p) => ({ path: `body.officeHolders.${p.path}`, message: p.message }));
        throw new RuleViolation('Danh sách người giữ chức vụ chưa hợp lệ', details, 'invalid_office_holders');
      }
      const updated: Unit = { ...unit, officeHolders: body.officeHolders };
      const response = ok(updated);
      const audit = await d.audit.record(identity, {
        kind: 'unit',
        subject: updated,
        action: 'office_holders_changed',
        summary: `Cập nhật người giữ chức vụ của ${unit.name}: ${
          body.officeHolders.map((h) => `${h.title} ${h.name}`).join('; ') || 'không còn ai'
        }`,
      });
      requireSaved(await d.units.save(updated, 'replace', [...remember(response), ...audit]), unitRefusals);
      return response;
    }),

    ...accountRoutes(d),
    ...importRoutes(d),

    userRoute(c.createCampaign, async ({ identity, body, remember, now }) => {
      requireAction(identity, 'administer', { type: 'campaign', tenantId: identity.tenantId });
      const campaign = Campaign.parse({ ...body, tenantId: identity.tenantId });
      await requireTemplates(d, campaign);
      const response = created(campaign);
      await publishVersion(d, {
        ...jsonRoute(identity, now, () => remember(response)),
        campaign,
        kind: 'created',
      });
      return response;
    }),

    userRoute(c.updateCampaign, async ({ identity, params, body, remember, now }) => {
      requireAction(identity, 'administer', { type: 'campaign', tenantId: identity.tenantId });
      const campaign = Campaign.parse({ ...body, id: params.campaignId, tenantId: identity.tenantId });
      await requireTemplates(d, campaign);
      const response = ok(campaign);
      // A whole replace is an edit after publication like the builder's: a new version, audited.
      await publishVersion(d, {
        ...jsonRoute(identity, now, () => remember(response)),
        campaign,
        kind: 'replaced',
      });
      return response;
    }),

    userRoute(c.createTemplateVersion, async ({ identity, params, body, remember }) => {
      const t = identity.tenantId;
      requireAction(identity, 'administer', { type: 'template', tenantId: t });
      const latest = await d.templates.latest(t, params.templateId);
      const template = publishableTemplate(body, params.templateId, (latest?.version ?? 0) + 1, 'body');
      const response = created({ templateId: template.id, version: template.version });
      const audit = await auditTemplatePublication(d, identity, template);
      // Two admins publishing at once: the second one's conditional Put fails → 409, nothing lost.
      requireSaved(await d.templates.create(t, template, [...remember(response), ...audit]), {
        exists: `Phiên bản ${template.version} của biểu mẫu đã tồn tại`,
        missing: 'Không tìm thấy biểu mẫu',
        current: { version: template.version },
      });
      return response;
    }),
  ];
};

/** "Tên: A → B; Vai trò: x → y": what an administrator changed, for the audit trail. */
const changes = <T extends object>(before: T, after: T, labels: Partial<Record<keyof T, string>>): string => {
  const parts = (Object.entries(labels) as [keyof T, string][])
    .filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map(([k, label]) => `${label}: ${String(before[k] ?? '—')} → ${String(after[k] ?? '—')}`);
  return parts.length > 0 ? parts.join('; ') : 'Lưu lại, không đổi';
};
/** A new open unit under `parent`: the one way units are made (the create route and the Excel import). */
export const newUnit = (
  tenantId: string,
  body: { id?: string | undefined; kind: string; name: string; openedOn: string },
  parent: Unit,
): Unit => ({
  tenantId,
  id: body.id ?? newId(),
  kind: body.kind,
  name: body.name,
  parentId: parent.id,
  path: pathUnder(parent),
  openedOn: body.openedOn,
  closedOn: null,
  successorId: null,
});

/** A campaign may only assign template versions that exist (a draft is created on them). */
const requireTemplates = async (
  d: Pick<Deps, 'audit' | 'directory' | 'templates' | 'units' | 'users'>,
  campaign: Campaign,
): Promise<void> => {
  const missing: { path: string; message: string }[] = [];
  await Promise.all(
    campaign.forms.map(async (f, i) => {
      if (!(await d.templates.get(campaign.tenantId, f.templateId, f.templateVersion))) {
        missing.push({
          path: `body.forms.${i}.templateVersion`,
          message: `Không có biểu mẫu ${f.templateId} phiên bản ${f.templateVersion}`,
        });
      }
    }),
  );
  if (missing.length > 0)
    throw new RuleViolation('Phong trào dùng biểu mẫu chưa có', missing, 'template_missing');
};
