import { Identity, Role } from '@thidua/shared/org';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { Unauthorized } from './errors';

/**
 * API Gateway HTTP APIs hand JWT claims over as strings; an array claim such as `cognito:groups` arrives
 * as `"[admin reviewer]"`. Locally the gateway builds claims the same way, but arrays and JSON strings are
 * accepted too so the parser does not depend on which of them produced the event.
 */
export const parseGroups = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  const s = value.trim();
  if (s.startsWith('[') && s.endsWith(']')) {
    const inner = s.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        return z.array(z.string()).parse(JSON.parse(s));
      } catch {
        return [];
      }
    }
    return inner.split(/[\s,]+/).filter((g) => g.length > 0);
  }
  return s.split(/[\s,]+/).filter((g) => g.length > 0);
};

const Claims = z.object({
  sub: z.string().min(1),
  token_use: z.literal('id'),
  email: z.string().default(''),
  name: z.string().default(''),
  'custom:tenant_id': z.string(),
  'custom:unit_id': z.string(),
  'cognito:groups': z.unknown().optional(),
});

type JwtEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

/** The caller, from the verified ID token's claims; 401 when they are missing or not an ID token's. */
export const identityFromEvent = (event: APIGatewayProxyEventV2): Identity => {
  const claims = (event as JwtEvent).requestContext?.authorizer?.jwt?.claims;
  const parsed = Claims.safeParse(claims ?? {});
  if (!parsed.success) throw new Unauthorized('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại');
  const c = parsed.data;
  // Groups that are not roles (e.g. Cognito's own) are ignored rather than refused.
  const roles = parseGroups(c['cognito:groups']).flatMap((g) => {
    const r = Role.safeParse(g);
    return r.success ? [r.data] : [];
  });
  const identity = Identity.safeParse({
    userId: c.sub,
    email: c.email,
    name: c.name,
    tenantId: c['custom:tenant_id'],
    unitId: c['custom:unit_id'],
    roles: [...new Set(roles)],
  });
  if (!identity.success) throw new Unauthorized('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại');
  return identity.data;
};
