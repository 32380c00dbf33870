/**
 * What the web app reads from `/config.json` on its own origin at start: written by CDK beside index.html
 * in AWS, by the local platform locally. No zod here, so that the web app's first chunk stays small.
 */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  cognitoEndpoint: string;
}

const KEYS = [
  'apiUrl',
  'region',
  'userPoolId',
  'clientId',
  'cognitoEndpoint',
] as const satisfies readonly (keyof WebConfig)[];

/** Checked by hand: every key a non-empty string, anything else refused with the keys it lacks. */
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
