import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The key of the audit chain: an HMAC-SHA-256 that the writers can ASK for but never read. On AWS it is a
 * KMS HMAC key (GenerateMac/VerifyMac; the key material never leaves KMS, every call is in CloudTrail);
 * locally a 32-byte key file in the platform's data directory, readable by its owner only (like the local
 * user pool's signing key). docs/adr/0013-keyed-audit-chain.md.
 */
export interface ChainKey {
  /** Where the key lives (`kms:<key id>` or `file:<path>`), for messages only. */
  readonly id: string;
  /** HMAC-SHA-256 of `message`, base64. */
  mac(message: Buffer): Promise<string>;
  verify(message: Buffer, mac: string): Promise<boolean>;
}

const hmac = (key: Buffer, message: Buffer): Buffer => createHmac('sha256', key).update(message).digest();

/** A local key file, created (0600) the first time a data directory is used. */
export const fileKey = (file: string): ChainKey => {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Two processes started at once: whoever wrote first wins.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new Error(`audit key file ${file} holds fewer than 32 bytes`);
  return {
    id: `file:${file}`,
    mac: async (message) => hmac(key, message).toString('base64'),
    async verify(message, mac) {
      const expected = hmac(key, message);
      const given = Buffer.from(mac, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
};

/**
 * A KMS HMAC key. The SDK client is loaded on the first MAC, not at module load: routes that never write
 * an audit event (reads, public pages) do not pay its cold-start cost (measured in the ADR).
 */
export const kmsKey = (keyId: string, region: string): ChainKey => {
  let client: Promise<{
    generate(m: Buffer): Promise<string>;
    verify(m: Buffer, mac: string): Promise<boolean>;
  }>;
  const kms = () => {
    client ??= import('@aws-sdk/client-kms').then(({ KMSClient, GenerateMacCommand, VerifyMacCommand }) => {
      const c = new KMSClient({ region });
      return {
        async generate(message: Buffer) {
          const r = await c.send(
            new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message }),
          );
          if (!r.Mac) throw new Error('KMS GenerateMac answered without a MAC');
          return Buffer.from(r.Mac).toString('base64');
        },
        async verify(message: Buffer, mac: string) {
          try {
            const r = await c.send(
              new VerifyMacCommand({
                KeyId: keyId,
                MacAlgorithm: 'HMAC_SHA_256',
                Message: message,
                Mac: Buffer.from(mac, 'base64'),
              }),
            );
            return r.MacValid === true;
          } catch (err) {
            // KMS answers a MAC that does not verify with KMSInvalidMacException, not with MacValid: false.
            if ((err as { name?: string }).name === 'KMSInvalidMacException') return false;
            throw err;
          }
        },
      };
    });
    return client;
  };
  return {
    id: `kms:${keyId}`,
    mac: async (message) => (await kms()).generate(message),
    verify: async (message, mac) => (await kms()).verify(message, mac),
  };
};

let configured: ChainKey | undefined;

/** Sets the process's chain key (tests that want their own). */
export const useChainKey = (key: ChainKey | undefined): void => {
  configured = key;
};

/**
 * The process's chain key, from the environment on first use: `AUDIT_MAC_KEY_ID` (KMS, on AWS),
 * `AUDIT_MAC_KEY_FILE` (the local platform's data directory). Inside Lambda one of the two is required —
 * a function must never invent a key. Elsewhere (unit tests of the data layer) a key file in the system's
 * temporary folder.
 */
export const chainKey = (env: Record<string, string | undefined> = process.env): ChainKey => {
  if (configured) return configured;
  if (env.AUDIT_MAC_KEY_ID) configured = kmsKey(env.AUDIT_MAC_KEY_ID, env.AWS_REGION ?? 'ap-southeast-1');
  else if (env.AUDIT_MAC_KEY_FILE) configured = fileKey(env.AUDIT_MAC_KEY_FILE);
  else if (env.AWS_LAMBDA_FUNCTION_NAME)
    throw new Error('AUDIT_MAC_KEY_ID is not set: the audit chain cannot be keyed');
  else configured = fileKey(join(tmpdir(), 'thidua-audit-dev.key'));
  return configured;
};
