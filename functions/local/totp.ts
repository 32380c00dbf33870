import { createHmac } from 'node:crypto';

/**
 * RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits), from the
 * base32 secret Cognito's AssociateSoftwareToken returns: what tests type where a person would read
 * their phone, and what a developer without an authenticator app can print (`npm run totp -- <secret>`).
 * Checked against the RFC's own test vectors (totp.test.ts).
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The HOTP value (RFC 4226) of `key` at `counter`, `digits` long. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code shown at `atMs` (default now); `stepOffset` +1 is the next 30-second window's code. */
export function totp(secret: string, atMs = Date.now(), stepOffset = 0, digits = 6): string {
  return hotp(base32Decode(secret), Math.floor(atMs / 1000 / 30) + stepOffset, digits);
}

// `npm run totp -- <secret>`: the current code and the next one.
if (process.argv[1]?.endsWith('totp.ts') && process.argv[2]) {
  console.log(`${totp(process.argv[2])} (next: ${totp(process.argv[2], Date.now(), 1)})`);
}
