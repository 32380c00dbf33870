import { publicContracts as c } from '@thidua/shared/contracts';
import { NotFound } from '../http/errors';
import { created, ok, redirect } from '../http/response';
import { publicRoute, type RouteImpl } from '../http/route';
import type { CommendationDeps } from './context';
import { loadDecision, publicDecision } from './decisions-read';
import { publicDisclosure, receiveComment } from './disclosures';

const fileSafe = (s: string): string => s.replace(/[/\\]/g, '-');

/** Public routes: no sign-in; the tenant is in the path; only what the public may read leaves. */
export const publicRouteImpls = (d: CommendationDeps): RouteImpl[] => [
  publicRoute(c.listPublicDisclosures, async ({ params, query, now }) => {
    const page = await d.repo.publicDisclosures(params.tenantId, {
      limit: query.limit,
      cursor: query.cursor,
    });
    return ok({ items: page.items.map((x) => publicDisclosure(x, now)), nextCursor: page.nextCursor });
  }),
  publicRoute(c.getPublicDisclosure, async ({ params, now }) => {
    const x = await d.repo.getDisclosure(params.tenantId, params.disclosureId);
    if (!x) throw new NotFound('Không tìm thấy danh sách công khai');
    return ok(publicDisclosure(x, now));
  }),
  publicRoute(c.postPublicComment, async ({ params, body, event, now }) => {
    const ip = event.requestContext?.http?.sourceIp ?? 'unknown';
    const comment = await receiveComment(d, params.tenantId, params.disclosureId, body, ip, now);
    return created({ id: comment.id, receivedAt: comment.receivedAt });
  }),
  publicRoute(c.listPublicDecisions, async ({ params, query }) => {
    const page = await d.repo.publicDecisions(params.tenantId, { limit: query.limit, cursor: query.cursor });
    const revs = await Promise.all(page.items.map((x) => d.repo.revocations(params.tenantId, x.id)));
    return ok({
      items: page.items.map((x, i) => publicDecision(x, revs[i] ?? [])),
      nextCursor: page.nextCursor,
    });
  }),
  publicRoute(c.getPublicDecision, async ({ params }) => {
    const x = await loadDecision(d, null, params.tenantId, params.decisionId);
    return ok(publicDecision(x, await d.repo.revocations(params.tenantId, x.id)));
  }),
  publicRoute(c.downloadPublicDecision, async ({ params }) => {
    const x = await loadDecision(d, null, params.tenantId, params.decisionId);
    return redirect(
      await d.documents.downloadUrl(x.documentKey, `Quyet-dinh-${fileSafe(x.numberText)}.docx`),
    );
  }),
];
