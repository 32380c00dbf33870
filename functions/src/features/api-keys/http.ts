import { apiKeyContracts as c } from '@thidua/shared/contracts';
import { transactWriteRetryingConflicts } from '../../kernel/data/transact';
import { created, ok } from '../../kernel/http/response';
import { apiKeyRoute, type RouteImpl, userRoute } from '../../kernel/http/route';
import { registerView } from '../commendations/decisions';
import { reserveInRegister } from '../commendations/register';
import {
  type ApiKeyDeps,
  createApiKey,
  keyUseItems,
  listApiKeys,
  requireKeyScope,
  revokeApiKey,
} from './use-cases';

/**
 * The administrator's key routes and the two routes a key opens (ADR 0034). A key's request reaches
 * only these: every other route is `user` (the gateway's JWT authorizer refuses a request without a
 * token) or `public`; here the shared policy's `authorizeApiKey` decides from the key's scopes.
 */
export const apiKeyRouteImpls = (d: ApiKeyDeps): RouteImpl[] => [
  userRoute(c.createApiKey, async (req) =>
    created(
      await createApiKey(d, req.identity, req.body, req.now, (answer) => req.remember(created(answer))),
    ),
  ),
  userRoute(c.listApiKeys, async ({ identity }) => ok({ items: await listApiKeys(d, identity) })),
  userRoute(c.revokeApiKey, async (req) =>
    ok(await revokeApiKey(d, req.identity, req.params.keyId, req.now, (answer) => req.remember(ok(answer)))),
  ),

  apiKeyRoute(c.reserveRegisterNumberByKey, async (req) => {
    requireKeyScope(req.key, 'create');
    const result = await reserveInRegister(d, req.key.tenantId, req.body, req.now, async (r) => [
      ...req.remember(created(r)),
      ...(await keyUseItems(
        d,
        req.key,
        'reserve',
        `Giữ số ${r.numberText} năm ${req.body.year} (${req.body.issuingBodyId}) cho văn bản «${req.body.ref}»`,
        req.now,
      )),
    ]);
    return created(result);
  }),
  apiKeyRoute(c.getRegisterByKey, async (req) => {
    requireKeyScope(req.key, 'read');
    const view = await registerView(d, req.key.tenantId, req.query.year);
    // A read is a use too: audited before the register is handed over.
    await transactWriteRetryingConflicts(
      d.commendations.ref.client,
      await keyUseItems(d, req.key, 'read', `Đọc sổ đăng ký năm ${req.query.year}`, req.now),
      3,
    );
    return ok(view);
  }),
];
