import {
  createPrivateKey,
  constants as cryptoConstants,
  type KeyObject,
  privateEncrypt,
  randomBytes,
} from 'node:crypto';
import { asn1js, buf } from './cms';

/**
 * THE signing interface of the PAdES signer (issue 17 point 5, ADR 0032): a key that signs a SHA-256
 * digest and the certificate chain that names it. What is signed is the digest of the CMS signed
 * attributes (hash-then-sign), so a key that never leaves its store — AWS KMS (`MessageType: DIGEST`), an
 * HSM — signs exactly what a software key does. Implementations: `softwareSigner` (a key in memory: tests,
 * the local platform, the test CA) and `kmsSigner` (AWS KMS asymmetric key).
 */
export interface Signer {
  /** DER certificates: the signer's first, then intermediates (the root is the verifier's to trust). */
  certificates: Uint8Array[];
  /** RSA PKCS#1 v1.5 or ECDSA P-256, both over SHA-256. */
  algorithm: 'rsa-sha256' | 'ecdsa-sha256';
  /** The signature of a 32-byte SHA-256 digest: PKCS#1 v1.5 bytes, or ECDSA as DER SEQUENCE { r, s }. */
  sign(digest: Uint8Array): Promise<Uint8Array>;
}

/** DigestInfo prefix of SHA-256 (RFC 8017 §9.2 note 1): what PKCS#1 v1.5 pads and signs. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

// P-256 (FIPS 186-4 D.1.2.3): field prime, order, generator; a = -3.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Point = [bigint, bigint] | null;
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
const inv = (a: bigint, m: bigint): bigint => {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
};
const add = (p: Point, q: Point): Point => {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l =
    p[0] === q[0] && p[1] === q[1]
      ? mod((3n * p[0] * p[0] - 3n) * inv(2n * p[1], P), P)
      : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
};
const times = (k: bigint, p: Point): Point => {
  let r: Point = null;
  let q = p;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) r = add(r, q);
    q = add(q, q);
  }
  return r;
};
const toBig = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const derInt = (v: bigint) => {
  const hex = v.toString(16).padStart(64, '0');
  const bytes = new Uint8Array(Buffer.from(hex, 'hex'));
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return new asn1js.Integer({
    valueHex: buf((trimmed[0] ?? 0) & 0x80 ? new Uint8Array([0, ...trimmed]) : trimmed),
  });
};

/** ECDSA P-256 over a given digest (SEC 1 §4.1.3), `d` the private scalar: DER SEQUENCE { r, s }. */
export const ecdsaSignDigest = (d: bigint, digest: Uint8Array): Uint8Array => {
  const e = toBig(digest.subarray(0, 32));
  for (;;) {
    const k = mod(toBig(randomBytes(40)), N - 1n) + 1n;
    const R = times(k, G);
    if (!R) continue;
    const r = mod(R[0], N);
    const s = mod(inv(k, N) * (e + r * d), N);
    if (r === 0n || s === 0n) continue;
    return new Uint8Array(new asn1js.Sequence({ value: [derInt(r), derInt(s)] }).toBER());
  }
};

/** A signer over a private key held in this process (PKCS#8 PEM/DER, JWK, or an extractable CryptoKey). */
export const softwareSigner = (key: KeyObject | CryptoKey, certificates: Uint8Array[]): Signer => {
  const object = async (): Promise<KeyObject> =>
    'extractable' in key
      ? createPrivateKey({ key: (await crypto.subtle.exportKey('jwk', key)) as never, format: 'jwk' })
      : key;
  const ecdsa = 'extractable' in key ? key.algorithm.name === 'ECDSA' : key.asymmetricKeyType === 'ec';
  let loaded: Promise<KeyObject> | undefined;
  return {
    certificates,
    algorithm: ecdsa ? 'ecdsa-sha256' : 'rsa-sha256',
    async sign(digest) {
      if (digest.length !== 32) throw new Error('a SHA-256 digest has 32 bytes');
      loaded ??= object();
      const k = await loaded;
      if (!ecdsa)
        return new Uint8Array(
          privateEncrypt(
            { key: k, padding: cryptoConstants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, digest]),
          ),
        );
      const jwk = k.export({ format: 'jwk' });
      if (jwk.crv !== 'P-256' || !jwk.d) throw new Error('only P-256 EC keys are supported');
      return ecdsaSignDigest(toBig(new Uint8Array(Buffer.from(jwk.d, 'base64url'))), digest);
    },
  };
};

/** What `kmsSigner` asks KMS `Sign` for: the digest, never the message. */
export interface KmsSignInput {
  KeyId: string;
  Message: Uint8Array;
  MessageType: 'DIGEST';
  SigningAlgorithm: 'ECDSA_SHA_256' | 'RSASSA_PKCS1_V1_5_SHA_256';
}

/**
 * A signer over an AWS KMS asymmetric key (ECC_NIST_P256 or RSA_2048, key usage SIGN_VERIFY): KMS `Sign`
 * with `MessageType: DIGEST`, so the 32-byte digest is sent and the key never leaves KMS. The certificate
 * is the one the CA issued for the key's public key (`GetPublicKey` → CSR → CA), stored by the operator.
 * KMS returns ECDSA signatures DER-encoded and RSA ones raw — both what CMS wants.
 */
export const kmsSigner = <C>(
  kms: { send(command: C): Promise<{ Signature?: Uint8Array | undefined }> },
  keyId: string,
  algorithm: Signer['algorithm'],
  certificates: Uint8Array[],
  /** `(input) => new SignCommand(input)` (the SDK stays out of this module). */
  signCommand: (input: KmsSignInput) => C,
): Signer => ({
  certificates,
  algorithm,
  async sign(digest) {
    const out = await kms.send(
      signCommand({
        KeyId: keyId,
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: algorithm === 'ecdsa-sha256' ? 'ECDSA_SHA_256' : 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    if (!out.Signature) throw new Error(`KMS Sign with ${keyId} returned no signature`);
    return out.Signature;
  },
});
