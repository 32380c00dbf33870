import { asn1js, buf, pkijs } from './cms';
import { OCSP_OID } from './ocsp';

/**
 * A certification authority made at run time for tests (no private key is ever checked in): a root, and
 * end-entity certificates it issues with the validity the test asks for. Keys are WebCrypto keys.
 */

export interface Issued {
  der: Uint8Array;
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
}

type KeyKind = 'ecdsa' | 'rsa';

const generate = async (kind: KeyKind): Promise<CryptoKeyPair> =>
  (await crypto.subtle.generateKey(
    kind === 'ecdsa'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;

let serial = Math.floor(Date.now() / 1000);

const name = (cn: string): pkijs.RelativeDistinguishedNames =>
  new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.6',
        value: new asn1js.PrintableString({ value: 'VN' }),
      }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }),
    ],
  });

const make = async (o: {
  subject: string;
  issuer?: Issued;
  ca: boolean;
  from: Date;
  to: Date;
  kind: KeyKind;
  /** Authority Information Access: the OCSP responder's URL. */
  ocspUrl?: string | undefined;
  /** A delegated OCSP responder (extended key usage id-kp-OCSPSigning). */
  ocspSigning?: boolean | undefined;
}): Promise<Issued> => {
  const keys = await generate(o.kind);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  serial += 1;
  cert.serialNumber = new asn1js.Integer({ value: serial });
  cert.subject = name(o.subject);
  cert.issuer = o.issuer ? o.issuer.certificate.subject : name(o.subject);
  cert.notBefore.value = o.from;
  cert.notAfter.value = o.to;
  const basic = new pkijs.BasicConstraints({ cA: o.ca });
  // keyUsage: keyCertSign + cRLSign for a CA; digitalSignature + nonRepudiation for a signer.
  const usage = new asn1js.BitString({ valueHex: buf(new Uint8Array([o.ca ? 0x06 : 0xc0])), unusedBits: 1 });
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: basic.toSchema().toBER(false),
      parsedValue: basic,
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false) }),
    ...(o.ocspSigning
      ? [
          new pkijs.Extension({
            extnID: OCSP_OID.extKeyUsage,
            extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OCSP_OID.signing] }).toSchema().toBER(false),
          }),
        ]
      : []),
    ...(o.ocspUrl
      ? [
          new pkijs.Extension({
            extnID: OCSP_OID.aia,
            extnValue: new pkijs.InfoAccess({
              accessDescriptions: [
                new pkijs.AccessDescription({
                  accessMethod: OCSP_OID.accessOcsp,
                  accessLocation: new pkijs.GeneralName({ type: 6, value: o.ocspUrl }),
                }),
              ],
            })
              .toSchema()
              .toBER(false),
          }),
        ]
      : []),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(o.issuer?.privateKey ?? keys.privateKey, 'SHA-256');
  return {
    der: new Uint8Array(cert.toSchema(true).toBER(false)),
    certificate: cert,
    privateKey: keys.privateKey,
  };
};

const DAY = 86_400_000;

export const testCa = async (subject = 'Thi đua Test Root CA', kind: KeyKind = 'ecdsa') => {
  const now = Date.now();
  const root = await make({
    subject,
    ca: true,
    from: new Date(now - 365 * DAY),
    to: new Date(now + 3650 * DAY),
    kind,
  });
  return {
    root,
    /** A signer's certificate issued by this root, valid from `from` to `to` (default: a year around now). */
    issue: (
      cn: string,
      o: { from?: Date; to?: Date; kind?: KeyKind; ocspUrl?: string; ocspSigning?: boolean } = {},
    ) =>
      make({
        subject: cn,
        issuer: root,
        ca: false,
        from: o.from ?? new Date(now - 30 * DAY),
        to: o.to ?? new Date(now + 365 * DAY),
        kind: o.kind ?? 'ecdsa',
        ocspUrl: o.ocspUrl,
        ocspSigning: o.ocspSigning,
      }),
    /**
     * A DER OCSPResponse about `cert`, signed by `responder` (default this root; a delegated responder it
     * issued with `ocspSigning`; or anyone, to make a wrong one).
     */
    ocsp: (
      cert: pkijs.Certificate,
      status: { status: 'good' } | { status: 'unknown' } | { status: 'revoked'; at: Date },
      o: { responder?: Issued; thisUpdate?: Date; nextUpdate?: Date | null } = {},
    ) => ocspResponse(cert, root, o.responder ?? root, status, o),
    /** A CRL of this root listing `revoked` certificates with their revocation times (DER). */
    crl: async (revoked: { certificate: pkijs.Certificate; at: Date }[], issuedAt = new Date()) => {
      const crl = new pkijs.CertificateRevocationList();
      crl.version = 1;
      crl.issuer = root.certificate.subject;
      crl.thisUpdate = new pkijs.Time({ type: 0, value: issuedAt });
      crl.nextUpdate = new pkijs.Time({ type: 0, value: new Date(issuedAt.getTime() + 7 * DAY) });
      crl.revokedCertificates = revoked.map(
        (r) =>
          new pkijs.RevokedCertificate({
            userCertificate: r.certificate.serialNumber,
            revocationDate: new pkijs.Time({ type: 0, value: r.at }),
          }),
      );
      await crl.sign(root.privateKey, 'SHA-256');
      return new Uint8Array(crl.toSchema(true).toBER(false));
    },
  };
};

/**
 * The verifier as a deployment trusting `root` runs it on `generated` (made at `generatedAt`), with the
 * given DER CRLs configured: what the tests of signatures, revocation and time-stamps call.
 */
export const verifierFor =
  (o: { root: () => Issued; generated: () => Uint8Array; generatedAt: Date }) =>
  async (signed: Uint8Array, crls: Uint8Array[] = []) => {
    const [{ verifySignedPdf }, { crlFromDer }] = await Promise.all([
      import('./pades-verify'),
      import('./revocation'),
    ]);
    return verifySignedPdf({
      signed,
      generated: o.generated(),
      generatedAt: o.generatedAt,
      trustedRoots: [o.root().certificate],
      crls: crls.flatMap((c) => crlFromDer(c) ?? []),
      now: new Date(),
    });
  };

/** A successful basic OCSP response (RFC 6960) about `cert` (issued by `issuer`), signed by `responder`. */
export const ocspResponse = async (
  cert: pkijs.Certificate,
  issuer: Issued,
  responder: Issued,
  s: { status: 'good' } | { status: 'unknown' } | { status: 'revoked'; at: Date },
  o: { thisUpdate?: Date; nextUpdate?: Date | null } = {},
): Promise<Uint8Array> => {
  const thisUpdate = o.thisUpdate ?? new Date();
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = responder.certificate.subject;
  basic.tbsResponseData.producedAt = thisUpdate;
  const single = new pkijs.SingleResponse({
    certID: await pkijs.CertID.create(cert, {
      hashAlgorithm: 'SHA-1',
      issuerCertificate: issuer.certificate,
    }),
    thisUpdate,
    certStatus:
      s.status === 'revoked'
        ? new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 1 },
            value: [new asn1js.GeneralizedTime({ valueDate: s.at })],
          })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: s.status === 'good' ? 0 : 2 } }),
  });
  const next = o.nextUpdate === undefined ? new Date(thisUpdate.getTime() + DAY) : o.nextUpdate;
  if (next) single.nextUpdate = next;
  basic.tbsResponseData.responses.push(single);
  if (responder !== issuer) basic.certs = [responder.certificate];
  await basic.sign(responder.privateKey, 'SHA-256');
  return new Uint8Array(
    new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: OCSP_OID.basic,
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
      }),
    })
      .toSchema()
      .toBER(false),
  );
};
