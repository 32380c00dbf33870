import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';

/**
 * The local user pool's signing key: an RSA key pair generated the first time a data directory is used
 * (each test platform its own, `npm start` one kept in `.data/cognito/`), readable by its owner only, never
 * in the repository or a package. cognito-local signs with it (children/cognito-local-keys.cjs) and
 * publishes its public half as the pool's JWKS, the only key the local gateway trusts — as Cognito gives
 * each user pool its own keys.
 */
export interface SigningKey {
  kid: string;
  privatePem: string;
  publicPem: string;
  publicJwk: JWK;
}

export async function ensureSigningKey(file: string): Promise<SigningKey> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as SigningKey;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const key: SigningKey = {
    kid,
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' },
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(key)}\n`, { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  // Whoever wrote first wins; read back what is on disk.
  return JSON.parse(await readFile(file, 'utf8')) as SigningKey;
}
