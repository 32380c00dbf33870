import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totp } from './totp';

describe('totp (RFC 6238 Appendix B, SHA-1 key "12345678901234567890")', () => {
  // The RFC's vectors are 8 digits; an authenticator shows their last 6.
  const key = Buffer.from('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it('gives the RFC’s codes at its times', () => {
    for (const [seconds, code] of vectors) expect(hotp(key, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('reads the secret as base32, the form Cognito hands out', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(base32Decode(secret)).toEqual(key);
    expect(totp(secret, 59_000, 0, 8)).toBe('94287082');
    expect(totp(secret, 29_000, 1, 8)).toBe('94287082');
    expect(totp(secret, 59_000)).toBe('287082');
  });
});
