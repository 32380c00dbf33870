import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SIGNING_ROOTS_KEY } from '../src/features/documents/http';
import { certificatesFromPem, toPem } from '../src/kernel/pdf/cms';
import { testCa } from '../src/kernel/pdf/test-ca';

/**
 * The local platform's server-side signer (ADR 0032): what a CA-issued key in AWS KMS is on AWS, here a
 * software key of a test CA made on the data directory's first start (file 0600, never checked in), with
 * its chain in the same PEM file. Its root is added to the local deployment's trusted roots, so decisions
 * the local server signs verify as they would on AWS with the Government CA.
 */
export const ensureLocalServerSigner = async (file: string): Promise<string> => {
  if (!existsSync(file)) {
    const ca = await testCa('Thi đua Local Signing Root (thử nghiệm)');
    const who = await ca.issue('Máy chủ ký số của triển khai thử');
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', who.privateKey)).toString('base64');
    const key = `-----BEGIN PRIVATE KEY-----\n${(pkcs8.match(/.{1,64}/g) ?? []).join('\n')}\n-----END PRIVATE KEY-----\n`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${key}${toPem(who.der)}${toPem(ca.root.der)}`, { mode: 0o600 });
  }
  const root = certificatesFromPem(await readFile(file, 'utf8')).find((c) => c.subject.isEqual(c.issuer));
  if (!root) throw new Error(`${file} holds no root certificate`);
  return toPem(new Uint8Array(root.toSchema(true).toBER(false)));
};

/** Adds `pem` to the PEM bundle at `key` of the bucket unless it is there already. */
export const trustRoot = async (s3: S3Client, bucket: string, pem: string, key = SIGNING_ROOTS_KEY) => {
  const current = await s3
    .send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    .then((r) => r.Body?.transformToString() ?? '')
    .catch(() => '');
  if (current.includes(pem.trim())) return;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${current}${pem}` }));
};
