import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Object identifiers the PAdES signer and verifier read. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** Adobe's signed attribute carrying the CRLs/OCSP responses the signer's tool fetched. */
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const DIGESTS: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

export const buf = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;

export const digest = async (alg: string, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(alg, buf(data)));

export const certificateFromDer = (der: Uint8Array): pkijs.Certificate => pkijs.Certificate.fromBER(buf(der));

/** Every certificate of a PEM bundle (the deployment's trusted roots). */
export const certificatesFromPem = (pem: string): pkijs.Certificate[] =>
  [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    certificateFromDer(new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'))),
  );

export const toPem = (der: Uint8Array): string =>
  `-----BEGIN CERTIFICATE-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END CERTIFICATE-----\n`;

/** "CN=Nguyễn Văn A, O=..." of a name, for people to read. */
export const nameText = (n: pkijs.RelativeDistinguishedNames): string => {
  const short: Record<string, string> = {
    '2.5.4.3': 'CN',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
    '2.5.4.6': 'C',
  };
  return n.typesAndValues
    .map((tv) => `${short[tv.type] ?? tv.type}=${(tv.value.valueBlock as { value?: unknown }).value ?? ''}`)
    .join(', ');
};

export const commonName = (n: pkijs.RelativeDistinguishedNames): string =>
  String(
    (
      n.typesAndValues.find((tv) => tv.type === '2.5.4.3')?.value.valueBlock as
        | { value?: unknown }
        | undefined
    )?.value ?? '',
  );

/** The attribute's first value, or undefined. */
export const attribute = (si: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined =>
  si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];

/**
 * The DER items of the signer's adbe-revocationInfoArchival attribute under one field:
 * RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL OPTIONAL,
 *   ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] ... }
 */
export const revocationArchival = (si: pkijs.SignerInfo, field: 'crl' | 'ocsp'): Uint8Array[] => {
  const archival = attribute(si, OID.adbeRevocationInfoArchival);
  if (!(archival instanceof asn1js.Sequence)) return [];
  const tag = field === 'crl' ? 0 : 1;
  return archival.valueBlock.value.flatMap((tagged) => {
    if (tagged.idBlock.tagClass !== 3 || tagged.idBlock.tagNumber !== tag) return [];
    const inner = (tagged as asn1js.Constructed).valueBlock.value[0];
    return inner instanceof asn1js.Sequence
      ? inner.valueBlock.value.map((i) => new Uint8Array(i.toBER()))
      : [];
  });
};

export { asn1js, pkijs };
