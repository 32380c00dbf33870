import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LOOPBACK } from './processes';

/**
 * Closes one gap between cognito-local and Cognito. Cognito puts the user's readable standard attributes
 * (`name`, ...) into every ID token; cognito-local puts only `email`, `email_verified` and the `custom:*`
 * attributes. cognito-local does run a PreTokenGeneration trigger, invoking it over the Lambda Invoke API
 * at a configurable endpoint — so this tiny endpoint answers that one call with the missing standard
 * attributes, and ID tokens look like the real ones (the web app shows `name` from the token).
 */
export const PRE_TOKEN_FUNCTION = 'thidua-local-standard-claims';

/** Standard attributes Cognito copies into ID tokens that cognito-local leaves out. */
const STANDARD_ATTRIBUTES = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'phone_number',
  'phone_number_verified',
  'locale',
  'zoneinfo',
];

export interface CognitoTriggers {
  endpoint: string;
  stop(): Promise<void>;
}

interface PreTokenEvent {
  triggerSource?: string;
  request?: { userAttributes?: Record<string, string> };
  response?: Record<string, unknown>;
}

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

export async function startCognitoTriggers(): Promise<CognitoTriggers> {
  const server = createServer((req, res) => {
    const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
    if (req.method !== 'POST' || invoke?.[1] !== PRE_TOKEN_FUNCTION) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Function not found: ${req.url}` }));
      return;
    }
    readJson(req).then(
      (body) => {
        const event = (body ?? {}) as PreTokenEvent;
        const attributes = event.request?.userAttributes ?? {};
        const claimsToAddOrOverride = Object.fromEntries(
          STANDARD_ATTRIBUTES.filter((name) => attributes[name] !== undefined).map((name) => [
            name,
            attributes[name],
          ]),
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride } } }));
      },
      (error: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        res.end(JSON.stringify({ errorMessage: `invalid trigger event: ${String(error)}` }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Writes cognito-local's configuration (`<directory>/.cognito/config.json`, read once at its start) so that
 * it calls the endpoint above before issuing tokens and names `issuerDomain` as the tokens' issuer.
 * Rewritten on every start: the ports change.
 */
export async function writeCognitoConfig(
  directory: string,
  triggersEndpoint: string,
  issuerDomain: string,
): Promise<void> {
  const configDir = join(directory, '.cognito');
  await mkdir(configDir, { recursive: true });
  const config = {
    TriggerFunctions: { PreTokenGeneration: PRE_TOKEN_FUNCTION },
    // Tokens name the endpoint clients use (the Cognito gate), not cognito-local's own hidden port.
    TokenConfig: { IssuerDomain: issuerDomain },
    LambdaClient: {
      endpoint: triggersEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
  };
  await writeFile(join(configDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}
