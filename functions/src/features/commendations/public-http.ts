import { createHmac, timingSafeEqual } from 'node:crypto';
import { publicContracts as c } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFound } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { publicRoute, type RouteImpl } from '../../kernel/http/route';
import type { CommendationDeps } from './context';
import { loadDecision, publicDecision } from './decisions-read';
import { publicDisclosure, receiveComment } from './disclosures';

/** Added by CloudFront (origin request policy): the viewer's address and port, `198.51.100.7:4711`, `2001:db8::7:4711`. */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';
/** Added by CloudFront as a custom origin header whose value is a secret: proof the request passed CloudFront. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The address to count a public comment against. Behind CloudFront the TCP peer is an edge server shared
 * by thousands of viewers, so the viewer's own address comes from `CloudFront-Viewer-Address` — trusted only
 * when the request carries the origin secret (anyone calling the API's origin directly could write the
 * header). Without a configured secret (the local gateway, which sets the header from its socket) it is
 * trusted as is. The last value counts: it is the one the nearest proxy wrote.
 */
export const clientAddress = (
  event: APIGatewayProxyEventV2,
  originVerifySecret: string | undefined,
): string => {
  const headers = event.headers ?? {};
  const viaEdge =
    originVerifySecret === undefined || sameSecret(headers[ORIGIN_VERIFY_HEADER] ?? '', originVerifySecret);
  const viewer = headers[VIEWER_ADDRESS_HEADER]?.split(',').pop()?.trim();
  const portAt = viewer?.lastIndexOf(':') ?? -1;
  if (viaEdge && viewer && portAt > 0) return viewer.slice(0, portAt);
  return event.requestContext?.http?.sourceIp ?? 'unknown';
};

/** A keyed hash of the address: without the salt (configuration, not source) the 2^32 IPv4 addresses cannot be tried. */
export const rateLimitKey = (address: string, salt: string): string =>
  createHmac('sha256', salt).update(address).digest('base64url');

/** Public routes: no sign-in; the tenant is in the path; only what the public may read leaves. */
export const publicRouteImpls = (d: CommendationDeps): RouteImpl[] => [
  publicRoute(c.listPublicDisclosures, async ({ params, query, now }) => {
    const page = await d.commendations.publicDisclosures(params.tenantId, {
      limit: query.limit,
      cursor: query.cursor,
    });
    return ok({ items: page.items.map((x) => publicDisclosure(x, now)), nextCursor: page.nextCursor });
  }),
  publicRoute(c.getPublicDisclosure, async ({ params, now }) => {
    const x = await d.commendations.getDisclosure(params.tenantId, params.disclosureId);
    if (!x) throw new NotFound('Không tìm thấy danh sách công khai');
    return ok(publicDisclosure(x, now));
  }),
  publicRoute(c.postPublicComment, async ({ params, body, event, now }) => {
    const client = rateLimitKey(clientAddress(event, d.config.originVerifySecret), d.config.rateLimitSalt);
    const comment = await receiveComment(d, params.tenantId, params.disclosureId, body, client, now);
    return created({ id: comment.id, receivedAt: comment.receivedAt });
  }),
  publicRoute(c.listPublicDecisions, async ({ params, query }) => {
    const page = await d.commendations.publicDecisions(params.tenantId, {
      limit: query.limit,
      cursor: query.cursor,
    });
    const revs = await Promise.all(page.items.map((x) => d.commendations.revocations(params.tenantId, x.id)));
    return ok({
      items: page.items.map((x, i) => publicDecision(x, revs[i] ?? [])),
      nextCursor: page.nextCursor,
    });
  }),
  publicRoute(c.getPublicDecision, async ({ params }) => {
    const x = await loadDecision(d, null, params.tenantId, params.decisionId);
    return ok(publicDecision(x, await d.commendations.revocations(params.tenantId, x.id)));
  }),
];
