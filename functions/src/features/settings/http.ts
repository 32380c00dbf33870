import { tenantSettingsContracts as c } from '@thidua/shared/contracts';
import { DEFAULT_SIGNING_MODE } from '@thidua/shared/tenancy';
import { requireAction } from '../../kernel/access';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { provinceResource } from '../commendations/context';

/**
 * The province's settings for its people (issue 15, point 10): the secretariat's contact on the help
 * pages. Read by everyone of the tenant, kept by its administrator (shared policy, `tenant_settings`);
 * a change is the item, its audit event and the Idempotency-Key record in ONE transaction.
 */
/** A setting, its Idempotency-Key record and its audit event: one transaction; a lost race is 409. */
const writeSetting = async (d: Pick<Deps, 'clients'>, items: TxItem[], what: string): Promise<void> => {
  try {
    await transactWrite(d.clients.doc, items);
  } catch (err) {
    if (err instanceof TransactionRefused)
      throw new Conflict(`${what} vừa được người khác thay đổi; hãy tải lại`, undefined, 'version_conflict');
    throw err;
  }
};

export const tenantSettingsRoutes = (
  d: Pick<Deps, 'audit' | 'clients' | 'tenantSettings' | 'units'>,
): RouteImpl[] => [
  userRoute(c.getTenantContact, async ({ identity }) => {
    requireAction(identity, 'read', { type: 'tenant_settings', tenantId: identity.tenantId });
    const stored = await d.tenantSettings.contact(identity.tenantId);
    if (!stored) return ok({ contact: null });
    const { tenantId: _t, ...contact } = stored;
    return ok({ contact });
  }),

  userRoute(c.putTenantContact, async ({ identity, body, remember, now }) => {
    requireAction(identity, 'administer', await provinceResource(d, identity.tenantId, 'tenant_settings'));
    const before = await d.tenantSettings.contact(identity.tenantId);
    const contact = { ...body, updatedAt: now.toISOString(), updatedByName: identity.name };
    const stored = { tenantId: identity.tenantId, ...contact };
    const response = ok(contact);
    const audit = await d.audit.record(identity, {
      kind: 'tenant_settings',
      subject: stored,
      action: before ? 'updated' : 'created',
      summary: `Đầu mối liên hệ của cơ quan thường trực: ${body.name}, ${body.phone}, ${body.email}`,
    });
    await writeSetting(
      d,
      [d.tenantSettings.contactPutItem(stored), ...remember(response), ...audit],
      'Thông tin liên hệ',
    );
    return response;
  }),

  userRoute(c.getDecisionSigning, async ({ identity }) => {
    requireAction(identity, 'read', { type: 'tenant_settings', tenantId: identity.tenantId });
    const stored = await d.tenantSettings.signing(identity.tenantId);
    if (!stored) return ok({ signing: null, mode: DEFAULT_SIGNING_MODE });
    const { tenantId: _t, ...signing } = stored;
    return ok({ signing, mode: signing.mode });
  }),

  userRoute(c.putDecisionSigning, async ({ identity, body, remember, now }) => {
    requireAction(identity, 'administer', await provinceResource(d, identity.tenantId, 'tenant_settings'));
    const before = await d.tenantSettings.signing(identity.tenantId);
    const signing = {
      mode: body.mode,
      reason: body.reason,
      updatedAt: now.toISOString(),
      updatedByName: identity.name,
    };
    const stored = { tenantId: identity.tenantId, ...signing };
    const response = ok(signing);
    const audit = await d.audit.record(identity, {
      kind: 'tenant_signing',
      subject: stored,
      action: before ? 'updated' : 'created',
      summary:
        body.mode === 'digital'
          ? 'Quyết định chỉ ban hành khi có chữ ký số đã được kiểm tra'
          : `Quyết định ký trên bản giấy (chưa dùng chữ ký số): ${body.reason}`,
    });
    await writeSetting(
      d,
      [d.tenantSettings.signingPutItem(stored), ...remember(response), ...audit],
      'Cách ký quyết định',
    );
    return response;
  }),
];
