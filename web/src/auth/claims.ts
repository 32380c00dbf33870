import { type Role, roles } from '@thidua/shared/org';

/** The claims the app reads from the Cognito ID token (the API verifies it; we only display). */
export interface IdClaims {
  sub: string;
  email: string;
  name: string;
  tenantId: string;
  unitId: string;
  roles: Role[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function isRole(v: string): v is Role {
  return (roles as readonly string[]).includes(v);
}

function base64UrlDecode(segment: string): string {
  const b64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** `cognito:groups` is an array in the token; API Gateway flattens it to `"[a b]"` — accept both. */
export function parseGroups(value: unknown): Role[] {
  let items: string[] = [];
  if (Array.isArray(value)) items = value.map(String);
  else if (typeof value === 'string') items = value.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return items.filter(isRole);
}

export function decodeIdToken(token: string): IdClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  const raw: unknown = JSON.parse(base64UrlDecode(payload));
  if (typeof raw !== 'object' || raw === null) throw new Error('Bad JWT payload');
  const c = raw as Record<string, unknown>;
  const str = (k: string): string => (typeof c[k] === 'string' ? String(c[k]) : '');
  return {
    sub: str('sub'),
    email: str('email'),
    name: str('name') || str('email'),
    tenantId: str('custom:tenant_id'),
    unitId: str('custom:unit_id'),
    roles: parseGroups(c['cognito:groups']),
    exp: typeof c.exp === 'number' ? c.exp : Number(c.exp ?? 0),
  };
}
