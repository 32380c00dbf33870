import { buf, pkijs, revocationArchival } from './cms';
import { dssItems } from './ocsp';

/**
 * Revocation evidence for a signature (issue 17 point 5, ADR 0032): certificate revocation lists the
 * deployment configures beside its trusted roots, and those the signer's tool embedded — in the signed
 * attribute adbe-revocationInfoArchival (what Adobe and most Vietnamese signing tools write), in the CMS
 * `crls` field, or in the PDF's Document Security Store (/DSS /CRLs, PAdES-LT). A list counts only if its
 * signature verifies with the certificate of the issuer it names; then a certificate it lists as revoked
 * at or before the signing time is refused. OCSP responses: `ocsp.ts` (ADR 0035).
 */

/** Every CRL of a PEM bundle ("-----BEGIN X509 CRL-----"). */
export const crlsFromPem = (pem: string): pkijs.CertificateRevocationList[] =>
  [...pem.matchAll(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g)].flatMap((m) => {
    const der = new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
    const crl = crlFromDer(der);
    return crl ? [crl] : [];
  });

export const crlFromDer = (der: Uint8Array): pkijs.CertificateRevocationList | undefined => {
  try {
    return pkijs.CertificateRevocationList.fromBER(buf(der));
  } catch {
    return undefined;
  }
};

export const crlToPem = (der: Uint8Array): string =>
  `-----BEGIN X509 CRL-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END X509 CRL-----\n`;

/** CRLs embedded in the CMS: the adbe-revocationInfoArchival signed attribute and the `crls` field. */
export const embeddedCrls = (
  signed: pkijs.SignedData,
  signer: pkijs.SignerInfo,
): pkijs.CertificateRevocationList[] => {
  const out: pkijs.CertificateRevocationList[] = [];
  for (const c of signed.crls ?? []) if (c instanceof pkijs.CertificateRevocationList) out.push(c);
  for (const der of revocationArchival(signer, 'crl')) {
    const crl = crlFromDer(der);
    if (crl) out.push(crl);
  }
  return out;
};

/** CRLs of the PDF's Document Security Store (/DSS /CRLs), if the file has one. */
export const dssCrls = async (pdf: Uint8Array): Promise<pkijs.CertificateRevocationList[]> =>
  (await dssItems(pdf, 'CRLs')).flatMap((der) => crlFromDer(der) ?? []);

/**
 * Whether a certificate of the path (issued by `issuer`) is listed as revoked, at or before `at`, by a
 * CRL whose signature `issuer` verifies. Lists of other issuers and unverifiable lists are ignored.
 */
export const revokedAt = async (
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  crls: readonly pkijs.CertificateRevocationList[],
  at: Date,
): Promise<boolean> => {
  for (const crl of crls) {
    if (!crl.issuer.isEqual(cert.issuer)) continue;
    const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
    if (!entry || entry.revocationDate.value > at) continue;
    if (await crl.verify({ issuerCertificate: issuer }).catch(() => false)) return true;
  }
  return false;
};
