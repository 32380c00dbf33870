import { mergerAdminContracts as c, historyContracts as h } from '@thidua/shared/contracts';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { type HistoryDeps, inheritedSubmission, unitHistory } from './history';
import {
  consentToMerger,
  type MergerDeps,
  mergerCandidates,
  mergerView,
  mergeTenant,
  verifyLink,
} from './use-cases';

/** Merging provinces (admin group): the absorbed province consents, the merged one merges (ADR 0017). */
export const mergerAdminRoutes = (d: MergerDeps): RouteImpl[] => [
  userRoute(c.consentToMerger, async ({ identity, body, now, remember }) =>
    ok(await consentToMerger(d, identity, body, now, (consent) => remember(ok(consent)))),
  ),
  userRoute(c.mergeTenant, async ({ identity, body, now, remember }) =>
    created(await mergeTenant(d, identity, body, now, (view) => remember(created(view)))),
  ),
  userRoute(c.getMergerCandidates, async ({ identity, query }) =>
    ok(await mergerCandidates(d, identity, query.predecessorTenantId)),
  ),
];

/** Reading an absorbed province's history (org group): read-only, with the origin of every item. */
export const historyRoutes = (d: HistoryDeps): RouteImpl[] => [
  userRoute(h.listPredecessors, async ({ identity }) => {
    const mergers = await d.mergers.predecessorsOf(identity.tenantId);
    return ok({ items: await Promise.all(mergers.map(async (m) => mergerView(m, await verifyLink(d, m)))) });
  }),
  userRoute(h.getUnitHistory, async ({ identity, params, now }) =>
    ok(await unitHistory(d, identity, params.unitId, now)),
  ),
  userRoute(h.getInheritedSubmission, async ({ identity, params, now }) =>
    ok(await inheritedSubmission(d, identity, params.tenantId, params.submissionId, now)),
  ),
];
