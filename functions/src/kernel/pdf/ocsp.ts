import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { asn1js, buf, pkijs, revocationArchival } from './cms';

/**
 * OCSP evidence for a signature (issue 17 point 5, ADR 0035): responses the signer's tool embedded — the
 * `ocsp` [1] of adbe-revocationInfoArchival, CMS `otherRevocationInfo` (id-ri-ocsp-response) and the PDF's
 * /DSS /OCSPs — and, where the deployment enables it, one asked online from the certificate's AIA OCSP URL.
 * A response counts only if its signature verifies with the issuer's key or with a delegated responder's
 * (a certificate the issuer signed, carrying id-kp-OCSPSigning, valid when the response was produced), its
 * CertID names this certificate, and its thisUpdate/nextUpdate bracket the signing time sensibly; any other
 * response is ignored (counted, never trusted).
 */

export const OCSP_OID = {
  basic: '1.3.6.1.5.5.7.48.1.1',
  signing: '1.3.6.1.5.5.7.3.9',
  riOcspResponse: '1.3.6.1.5.5.7.16.2',
  aia: '1.3.6.1.5.5.7.1.1',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  extKeyUsage: '2.5.29.37',
} as const;

/** Allowed clock difference, as for the signing time. */
const SKEW_MS = 5 * 60_000;
/** A response without nextUpdate speaks for at most this long after its thisUpdate. */
const NO_NEXT_UPDATE_MS = 24 * 3_600_000;

/** The BasicOCSPResponse inside an OCSPResponse's DER, if it is a successful basic response. */
export const basicFromOcspResponse = (der: Uint8Array): pkijs.BasicOCSPResponse | undefined => {
  try {
    const r = pkijs.OCSPResponse.fromBER(buf(der));
    if (r.responseStatus.valueBlock.valueDec !== 0 || !r.responseBytes) return undefined;
    if (r.responseBytes.responseType !== OCSP_OID.basic) return undefined;
    return pkijs.BasicOCSPResponse.fromBER(r.responseBytes.response.valueBlock.valueHexView.slice().buffer);
  } catch {
    return undefined;
  }
};

const fromAsn = (node: asn1js.AsnType): pkijs.BasicOCSPResponse | undefined =>
  basicFromOcspResponse(new Uint8Array(node.toBER()));

/** Responses in the CMS: adbe-revocationInfoArchival `ocsp` [1] and `otherRevocationInfo` entries. */
export const embeddedOcsps = (
  signed: pkijs.SignedData,
  signer: pkijs.SignerInfo,
): pkijs.BasicOCSPResponse[] => {
  const out: pkijs.BasicOCSPResponse[] = [];
  for (const c of signed.crls ?? [])
    if (c instanceof pkijs.OtherRevocationInfoFormat && c.otherRevInfoFormat === OCSP_OID.riOcspResponse) {
      const r = c.otherRevInfo instanceof asn1js.BaseBlock ? fromAsn(c.otherRevInfo) : undefined;
      if (r) out.push(r);
    }
  for (const der of revocationArchival(signer, 'ocsp')) {
    const r = basicFromOcspResponse(der);
    if (r) out.push(r);
  }
  return out;
};

/** The DER items of one array of the PDF's Document Security Store (/DSS /CRLs, /DSS /OCSPs). */
export const dssItems = async (pdf: Uint8Array, key: 'CRLs' | 'OCSPs'): Promise<Uint8Array[]> => {
  if (!Buffer.from(pdf).includes('/DSS')) return [];
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const list = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict)?.lookupMaybe(PDFName.of(key), PDFArray);
    return (list?.asArray() ?? []).flatMap((ref) => {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      return stream instanceof PDFRawStream ? [decodePDFRawStream(stream).decode()] : [];
    });
  } catch {
    return [];
  }
};

export const dssOcsps = async (pdf: Uint8Array): Promise<pkijs.BasicOCSPResponse[]> =>
  (await dssItems(pdf, 'OCSPs')).flatMap((der) => basicFromOcspResponse(der) ?? []);

const extension = (c: pkijs.Certificate, oid: string) => c.extensions?.find((e) => e.extnID === oid);

const hasOcspSigning = (c: pkijs.Certificate): boolean => {
  const e = extension(c, OCSP_OID.extKeyUsage);
  try {
    const eku = e ? pkijs.ExtKeyUsage.fromBER(e.extnValue.valueBlock.valueHexView.slice().buffer) : undefined;
    return !!eku?.keyPurposes.includes(OCSP_OID.signing);
  } catch {
    return false;
  }
};

/** SHA-1 of the subject public key's bits: the responderID byKey and the CertID's issuerKeyHash. */
const keyHash = async (c: pkijs.Certificate): Promise<Uint8Array> =>
  new Uint8Array(
    await crypto.subtle.digest('SHA-1', buf(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
  );

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the responderID names this certificate (byName or byKey). */
const names = async (id: unknown, c: pkijs.Certificate): Promise<boolean> =>
  id instanceof pkijs.RelativeDistinguishedNames
    ? id.isEqual(c.subject)
    : id instanceof asn1js.OctetString
      ? sameBytes(new Uint8Array(id.valueBlock.valueHexView), await keyHash(c))
      : false;

/** The certificate whose key signed the response: the issuer itself, or a delegated responder it issued. */
const responderOf = async (
  r: pkijs.BasicOCSPResponse,
  issuer: pkijs.Certificate,
): Promise<pkijs.Certificate | undefined> => {
  const id = r.tbsResponseData.responderID;
  if (await names(id, issuer)) return issuer;
  const producedAt = r.tbsResponseData.producedAt;
  for (const c of r.certs ?? []) {
    if (!(await names(id, c))) continue;
    if (!c.issuer.isEqual(issuer.subject) || !hasOcspSigning(c)) return undefined;
    if (c.notBefore.value > producedAt || c.notAfter.value < producedAt) return undefined;
    return (await c.verify(issuer).catch(() => false)) ? c : undefined;
  }
  return undefined;
};

const signatureVerifies = async (r: pkijs.BasicOCSPResponse, by: pkijs.Certificate): Promise<boolean> =>
  pkijs
    .getCrypto(true)
    .verifyWithPublicKey(
      buf(r.tbsResponseData.tbsView),
      r.signature,
      by.subjectPublicKeyInfo,
      r.signatureAlgorithm,
    )
    .catch(() => false);

export type OcspStatus = { status: 'good' } | { status: 'revoked'; at: Date } | { status: 'unknown' };

const statusOf = (s: pkijs.SingleResponse): OcspStatus | undefined => {
  const tag = (s.certStatus as asn1js.BaseBlock | undefined)?.idBlock;
  if (tag?.tagClass !== 3) return undefined;
  if (tag.tagNumber === 0) return { status: 'good' };
  if (tag.tagNumber === 2) return { status: 'unknown' };
  if (tag.tagNumber !== 1) return undefined;
  const time = (s.certStatus as asn1js.Constructed).valueBlock.value[0];
  return time instanceof asn1js.GeneralizedTime ? { status: 'revoked', at: time.toDate() } : undefined;
};

/**
 * What one response says of `cert` at `at` (the signing time), or undefined when it does not count: its
 * signature does not verify with the issuer or a delegated responder, it is about another certificate,
 * or its times do not bracket the signing time (thisUpdate in the future of `now`, after nextUpdate, or
 * — for "good" — a response already stale at the signing time).
 */
export const ocspVerdict = async (
  r: pkijs.BasicOCSPResponse,
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  at: Date,
  now: Date,
): Promise<OcspStatus | undefined> => {
  const by = await responderOf(r, issuer);
  if (!by || !(await signatureVerifies(r, by))) return undefined;
  for (const single of r.tbsResponseData.responses) {
    const hashAlgorithm = single.certID.hashAlgorithm.algorithmId === '1.3.14.3.2.26' ? 'SHA-1' : 'SHA-256';
    const expected = await pkijs.CertID.create(cert, { hashAlgorithm, issuerCertificate: issuer }).catch(
      () => undefined,
    );
    if (!expected?.isEqual(single.certID)) continue;
    const status = statusOf(single);
    const thisUpdate = single.thisUpdate.getTime();
    const nextUpdate = single.nextUpdate?.getTime();
    if (!status || thisUpdate > now.getTime() + SKEW_MS) return undefined;
    if (nextUpdate !== undefined && nextUpdate < thisUpdate) return undefined;
    // A revocation is a fact whenever it was said; "good" or "unknown" must speak for the signing time:
    // said after it, or still current at it.
    if (status.status === 'revoked') return status;
    const until = nextUpdate ?? thisUpdate + NO_NEXT_UPDATE_MS;
    if (thisUpdate + SKEW_MS < at.getTime() && until < at.getTime()) return undefined;
    return status;
  }
  return undefined;
};

/** The certificate's OCSP responder URL (Authority Information Access, id-ad-ocsp), if it names one. */
export const ocspUrlOf = (c: pkijs.Certificate): string | undefined => {
  const e = extension(c, OCSP_OID.aia);
  if (!e) return undefined;
  try {
    const aia = pkijs.InfoAccess.fromBER(e.extnValue.valueBlock.valueHexView.slice().buffer);
    const d = aia.accessDescriptions.find((x) => x.accessMethod === OCSP_OID.accessOcsp);
    const v = d?.accessLocation.type === 6 ? d.accessLocation.value : undefined;
    return typeof v === 'string' && /^https?:\/\//u.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Asks the certificate's responder (HTTP POST, application/ocsp-request, RFC 6960 Appendix A) with a
 * timeout. Undefined when it cannot be asked or did not answer with a successful basic response: the
 * caller reports "could not check", never a pass.
 */
export const askOcsp = async (
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  timeoutMs: number,
): Promise<pkijs.BasicOCSPResponse | undefined> => {
  const url = ocspUrlOf(cert);
  if (!url) return undefined;
  try {
    const req = new pkijs.OCSPRequest();
    await req.createForCertificate(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: new Uint8Array(req.toSchema(true).toBER()),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return undefined;
    return basicFromOcspResponse(new Uint8Array(await res.arrayBuffer()));
  } catch {
    return undefined;
  }
};

/** What the verification result says of OCSP for the signer's path. */
export type OcspReport =
  /** A verified response said "good" (or revoked only after the signing time) for the signer's certificate. */
  | 'good'
  /** A verified response said "unknown": the responder does not know the certificate. */
  | 'unknown'
  /** No response was embedded and none was asked for (online checking off). */
  | 'none'
  /** Online checking is on but the responder could not be reached or gave no verifiable answer. */
  | 'could_not_check';

export interface OcspFacts {
  ocsp: OcspReport;
  /** Where the counted answer came from. */
  ocspSource?: 'embedded' | 'online';
  /** Responses found but not trusted (signature, responder, certificate or times wrong). */
  ocspIgnored: number;
}

export interface OcspOutcome extends OcspFacts {
  /** A certificate of the path a verified response lists as revoked at or before the signing time. */
  revoked: boolean;
}

/**
 * OCSP for a validated path (leaf first): every certificate with an issuer in the path is matched against
 * the responses; the signer's certificate is asked online when `online` is set and nothing embedded spoke
 * for it.
 */
export const checkOcsp = async (o: {
  /** The signer's certificate, and its validated path up to the trusted root. */
  signer: pkijs.Certificate;
  path: readonly pkijs.Certificate[];
  responses: readonly pkijs.BasicOCSPResponse[];
  at: Date;
  now: Date;
  online?: { timeoutMs: number } | undefined;
}): Promise<OcspOutcome> => {
  let ignored = 0;
  const counted = new Set<pkijs.BasicOCSPResponse>();
  let leaf: OcspStatus | undefined;
  let source: 'embedded' | 'online' | undefined;
  let revoked = false;
  const isSigner = (c: pkijs.Certificate) =>
    c.serialNumber.isEqual(o.signer.serialNumber) && c.issuer.isEqual(o.signer.issuer);
  for (const c of o.path) {
    const issuer = o.path.find((x) => x !== c && x.subject.isEqual(c.issuer));
    if (!issuer) continue;
    for (const r of o.responses) {
      const v = await ocspVerdict(r, c, issuer, o.at, o.now);
      if (!v) continue;
      counted.add(r);
      if (v.status === 'revoked' && v.at.getTime() <= o.at.getTime()) revoked = true;
      if (isSigner(c) && (!leaf || leaf.status === 'unknown')) {
        leaf = v.status === 'revoked' && v.at.getTime() > o.at.getTime() ? { status: 'good' } : v;
        source = 'embedded';
      }
    }
  }
  ignored = o.responses.filter((r) => !counted.has(r)).length;
  const signer = o.signer;
  const issuer = o.path.find((x) => !isSigner(x) && x.subject.isEqual(signer.issuer));
  if (!leaf && o.online && issuer) {
    const r = await askOcsp(signer, issuer, o.online.timeoutMs);
    const v = r ? await ocspVerdict(r, signer, issuer, o.at, o.now) : undefined;
    if (!v) return { revoked, ocsp: 'could_not_check', ocspIgnored: ignored + (r ? 1 : 0) };
    if (v.status === 'revoked' && v.at.getTime() <= o.at.getTime()) revoked = true;
    leaf = v.status === 'revoked' && v.at.getTime() > o.at.getTime() ? { status: 'good' } : v;
    source = 'online';
  }
  return {
    revoked,
    ocsp: !leaf ? 'none' : leaf.status === 'unknown' ? 'unknown' : 'good',
    ...(source ? { ocspSource: source } : {}),
    ocspIgnored: ignored,
  };
};
