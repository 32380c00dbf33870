/**
 * Runtime configuration, fetched from `/config.json` on the app's own origin at start (written by CDK
 * beside index.html in AWS, served by the dev/e2e servers locally). Validated by hand rather than with zod
 * so the first chunk stays small.
 */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  cognitoEndpoint: string;
}

const KEYS = ['apiUrl', 'region', 'userPoolId', 'clientId', 'cognitoEndpoint'] as const;

export function parseWebConfig(input: unknown): WebConfig {
  if (typeof input !== 'object' || input === null) throw new Error('config.json is not an object');
  const rec = input as Record<string, unknown>;
  const missing = KEYS.filter((k) => typeof rec[k] !== 'string' || rec[k] === '');
  if (missing.length > 0) throw new Error(`config.json lacks ${missing.join(', ')}`);
  return {
    apiUrl: String(rec.apiUrl),
    region: String(rec.region),
    userPoolId: String(rec.userPoolId),
    clientId: String(rec.clientId),
    cognitoEndpoint: String(rec.cognitoEndpoint),
  };
}

export async function loadWebConfig(): Promise<WebConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /config.json answered ${res.status}`);
  return parseWebConfig(await res.json());
}
