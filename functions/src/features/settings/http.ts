import { tenantSettingsContracts as c, type RouteContract } from '@thidua/shared/contracts';
import { DEFAULT_SIGNING_MODE } from '@thidua/shared/tenancy';
import { requireAction } from '../../kernel/access';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict } from '../../kernel/http/errors';
import { type HttpResult, ok } from '../../kernel/http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../../kernel/http/route';
import type { AuditChange } from '../audit/chains';
import { provinceResource } from '../commendations/context';

/**
 * A setting replaced by the province's administrator (shared policy, `tenant_settings`): the whole new
 * value, the request's Idempotency-Key record and its audit event (`created` the first time, `updated`
 * after) in ONE transaction; a lost race is 409.
 */
const replaceSetting = async <V extends object>(
  d: Pick<Deps, 'audit' | 'clients' | 'units'>,
  { identity, remember }: Pick<UserRequest<RouteContract>, 'identity' | 'remember'>,
  setting: {
    current: (tenantId: string) => Promise<unknown>;
    value: V;
    put: (stored: V & { tenantId: string }) => TxItem;
    audit: (stored: V & { tenantId: string }, action: 'created' | 'updated') => AuditChange;
    what: string;
  },
): Promise<HttpResult> => {
  requireAction(identity, 'administer', await provinceResource(d, identity.tenantId, 'tenant_settings'));
  const before = await setting.current(identity.tenantId);
  const stored = { tenantId: identity.tenantId, ...setting.value };
  const response = ok(setting.value);
  const audit = await d.audit.record(identity, setting.audit(stored, before ? 'updated' : 'created'));
  try {
    await transactWrite(d.clients.doc, [setting.put(stored), ...remember(response), ...audit]);
  } catch (err) {
    if (err instanceof TransactionRefused)
      throw new Conflict(
        `${setting.what} vừa được người khác thay đổi; hãy tải lại`,
        undefined,
        'version_conflict',
      );
    throw err;
  }
  return response;
};

/**
 * The province's settings for its people (issue 15, point 10): the secretariat's contact on the help
 * pages. Read by everyone of the tenant, kept by its administrator (shared policy, `tenant_settings`);
 * a change is the item, its audit event and the Idempotency-Key record in ONE transaction.
 */
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

  userRoute(c.putTenantContact, async (req) =>
    replaceSetting(d, req, {
      current: d.tenantSettings.contact,
      value: { ...req.body, updatedAt: req.now.toISOString(), updatedByName: req.identity.name },
      put: d.tenantSettings.contactPutItem,
      audit: (subject, action) => ({
        kind: 'tenant_settings',
        subject,
        action,
        summary: `Đầu mối liên hệ của cơ quan thường trực: ${req.body.name}, ${req.body.phone}, ${req.body.email}`,
      }),
      what: 'Thông tin liên hệ',
    }),
  ),

  userRoute(c.getDecisionSigning, async ({ identity }) => {
    requireAction(identity, 'read', { type: 'tenant_settings', tenantId: identity.tenantId });
    const stored = await d.tenantSettings.signing(identity.tenantId);
    if (!stored) return ok({ signing: null, mode: DEFAULT_SIGNING_MODE });
    const { tenantId: _t, ...signing } = stored;
    return ok({ signing, mode: signing.mode });
  }),

  userRoute(c.putDecisionSigning, async (req) =>
    replaceSetting(d, req, {
      current: d.tenantSettings.signing,
      value: {
        mode: req.body.mode,
        reason: req.body.reason,
        updatedAt: req.now.toISOString(),
        updatedByName: req.identity.name,
      },
      put: d.tenantSettings.signingPutItem,
      audit: (subject, action) => ({
        kind: 'tenant_signing',
        subject,
        action,
        summary:
          req.body.mode === 'digital'
            ? 'Quyết định chỉ ban hành khi có chữ ký số đã được kiểm tra'
            : `Quyết định ký trên bản giấy (chưa dùng chữ ký số): ${req.body.reason}`,
      }),
      what: 'Cách ký quyết định',
    }),
  ),
];
