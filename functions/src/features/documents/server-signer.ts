import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Deps } from '../../kernel/deps';
import { certificateFromDer, certificatesFromPem } from '../../kernel/pdf/cms';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

import { kmsSigner, type Signer, softwareSigner } from '../../kernel/pdf/signer';

/** Where the operator keeps the certificate chain the CA issued for the KMS key (signer's first). */
export const SERVER_SIGNER_CHAIN_KEY = 'config/server-signer-chain.pem';

/** The DER certificates of a PEM bundle, self-signed roots left out (the verifier trusts those itself). */
const chainOf = (pem: string): Uint8Array[] =>
  certificatesFromPem(pem)
    .filter((c) => !c.subject.isEqual(c.issuer))
    .map((c) => new Uint8Array(c.toSchema(true).toBER(false)));

const cache = new WeakMap<object, Promise<Signer | undefined>>();

/**
 * The deployment's server-side signer (ADR 0032), or undefined where it has none: an AWS KMS asymmetric
 * key with the chain from the bucket, or — on the local platform — a software key file holding its chain.
 */
export const serverSigner = (d: Pick<Deps, 'config' | 'documents'>): Promise<Signer | undefined> => {
  const cached = cache.get(d);
  if (cached) return cached;
  const made = (async (): Promise<Signer | undefined> => {
    const c = d.config.serverSigner;
    if (!c) return undefined;
    if (c.kind === 'file') {
      const pem = await readFile(c.path, 'utf8');
      return softwareSigner(createPrivateKey(pem), chainOf(pem));
    }
    const chain = chainOf(new TextDecoder().decode((await d.documents.get(SERVER_SIGNER_CHAIN_KEY))?.bytes));
    const first = chain[0];
    if (!first) throw new Error(`${SERVER_SIGNER_CHAIN_KEY} holds no certificate for the KMS key`);
    // The key's algorithm is its certificate's: an EC public key signs ECDSA, an RSA one PKCS#1 v1.5.
    const spki = certificateFromDer(first).subjectPublicKeyInfo.algorithm.algorithmId;
    const { KMSClient, SignCommand } = await import('@aws-sdk/client-kms');
    const kms = new KMSClient({ region: d.config.region });
    return kmsSigner(
      { send: (command: InstanceType<typeof SignCommand>) => kms.send(command) },
      c.keyId,
      spki === EC_PUBLIC_KEY ? 'ecdsa-sha256' : 'rsa-sha256',
      chain,
      (input) => new SignCommand(input),
    );
  })();
  cache.set(d, made);
  made.catch(() => cache.delete(d));
  return made;
};
