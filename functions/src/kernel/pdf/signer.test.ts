import { verify, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { para } from '../../features/commendations/documents/layout';
import { certificatesFromPem, toPem } from './cms';
import { signPdf } from './pades-sign';
import { verifySignedPdf } from './pades-verify';
import { renderPdf } from './render';
import { type KmsSignInput, kmsSigner, softwareSigner } from './signer';
import { type Issued, testCa } from './test-ca';

/**
 * Issue 17 point 5, the server-side signer (ADR 0032): one `Signer` interface that signs a SHA-256 digest.
 * The software key signs digests that the standard verifier (OpenSSL through node:crypto) accepts; the KMS
 * adapter sends KMS exactly a DIGEST request and its CMS assembly yields a PAdES signature the verifier
 * accepts — here KMS's side is played by the software key (no AWS here: the real KMS call is not run).
 */
const generatedAt = new Date(Date.now() - 3_600_000);
let generated: Uint8Array;
let ca: Awaited<ReturnType<typeof testCa>>;
let ec: Issued;
let rsa: Issued;

beforeAll(async () => {
  [generated, ca] = await Promise.all([
    renderPdf({ title: 'QĐ', sections: [[para('Quyết định số 09/QĐ-UBND')]] }, { createdAt: generatedAt }),
    testCa('Root CA ký máy chủ'),
  ]);
  [ec, rsa] = await Promise.all([
    ca.issue('Máy chủ ký số (EC)'),
    ca.issue('Máy chủ ký số (RSA)', { kind: 'rsa' }),
  ]);
}, 60_000);

const verifyPdf = (signed: Uint8Array) =>
  verifySignedPdf({
    signed,
    generated,
    generatedAt,
    trustedRoots: certificatesFromPem(toPem(ca.root.der)),
    now: new Date(),
  });

describe('Signer: software key and KMS adapter', { timeout: 60_000 }, () => {
  it('the software key signs a digest that OpenSSL verifies as SHA-256 over the message (EC and RSA)', async () => {
    const message = new TextEncoder().encode('các thuộc tính được ký');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', message));
    for (const who of [ec, rsa]) {
      const signer = softwareSigner(who.privateKey, [who.der]);
      const sig = await signer.sign(digest);
      const pub = new X509Certificate(Buffer.from(who.der)).publicKey;
      expect(verify('sha256', message, pub, sig)).toBe(true);
      // Another message does not verify: the signature is over this digest only.
      expect(verify('sha256', new TextEncoder().encode('khác'), pub, sig)).toBe(false);
    }
    await expect(softwareSigner(ec.privateKey, [ec.der]).sign(new Uint8Array(20))).rejects.toThrow(
      '32 bytes',
    );
  });

  it('the KMS adapter asks KMS to sign a DIGEST and its CMS is a PAdES signature the verifier accepts', async () => {
    for (const [who, algorithm, kmsAlgorithm] of [
      [ec, 'ecdsa-sha256', 'ECDSA_SHA_256'],
      [rsa, 'rsa-sha256', 'RSASSA_PKCS1_V1_5_SHA_256'],
    ] as const) {
      const requests: KmsSignInput[] = [];
      const key = softwareSigner(who.privateKey, [who.der]);
      // KMS's side: the key behind the key id signs what it is sent, as KMS Sign(DIGEST) does.
      const kms = {
        async send(command: { input: KmsSignInput }) {
          requests.push(command.input);
          return { Signature: await key.sign(command.input.Message) };
        },
      };
      const signer = kmsSigner(kms, 'alias/thidua-signer', algorithm, [who.der], (input) => ({ input }));
      const signed = await signPdf(generated, signer, { at: new Date() });
      expect(await verifyPdf(signed)).toMatchObject({
        ok: true,
        facts: { signerName: who === ec ? 'Máy chủ ký số (EC)' : 'Máy chủ ký số (RSA)' },
      });
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        KeyId: 'alias/thidua-signer',
        MessageType: 'DIGEST',
        SigningAlgorithm: kmsAlgorithm,
      });
      expect(requests[0]?.Message).toHaveLength(32);
    }
  });
});
