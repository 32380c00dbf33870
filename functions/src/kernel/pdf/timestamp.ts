import { asn1js, buf, DIGESTS, digest, OID, pkijs } from './cms';

/**
 * RFC 3161 signature time-stamps (issue 17 point 5, ADR 0032): a token a time-stamping authority put in
 * the signer's unsigned attributes (id-aa-signatureTimeStampToken, PAdES-B-T) binds the signature value to
 * a time the signer cannot choose. The token counts only if its TSTInfo's imprint is the hash of this
 * signature value, its own CMS signature verifies, and its TSA certificate chains to the deployment's
 * trusted roots at that time; then that time is the signing time. A token that fails any of these is a
 * refusal, never ignored (it would otherwise fall back to the claimed time silently).
 */
export const TST = {
  token: '1.2.840.113549.1.9.16.2.14',
  info: '1.2.840.113549.1.9.16.1.4',
} as const;

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export type TimeStamp = { ok: true; at: Date } | { ok: false };

/** The signature's time-stamp, if it carries one (undefined when it does not). */
export const signatureTimeStamp = async (
  signer: pkijs.SignerInfo,
  trustedRoots: readonly pkijs.Certificate[],
): Promise<TimeStamp | undefined> => {
  const attr = signer.unsignedAttrs?.attributes.find((a) => a.type === TST.token);
  if (!attr) return undefined;
  try {
    const info = new pkijs.ContentInfo({ schema: attr.values[0] });
    const token = new pkijs.SignedData({ schema: info.content });
    const content = token.encapContentInfo;
    if (content.eContentType !== TST.info || !content.eContent) return { ok: false };
    const tstDer = new Uint8Array(content.eContent.getValue());
    const tst = pkijs.TSTInfo.fromBER(buf(tstDer));
    const alg = DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId];
    if (!alg) return { ok: false };
    const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    const expected = await digest(alg, new Uint8Array(signer.signature.valueBlock.valueHexView));
    if (!same(imprint, expected)) return { ok: false };
    // The token's own signature: messageDigest = hash of the TSTInfo, the TSA's key over the signed
    // attributes. The imprint is checked above, so the TSTInfo is verified as plain content (pkijs's
    // TSTInfo branch wants the time-stamped data instead and re-checks the imprint).
    token.encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID.data });
    const verified = await token.verify({
      signer: 0,
      data: buf(tstDer),
      checkChain: false,
      extendedMode: true,
    });
    if (!verified.signatureVerified) return { ok: false };
    const certs = (token.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    const chain = await new pkijs.CertificateChainValidationEngine({
      trustedCerts: [...trustedRoots],
      certs,
      checkDate: tst.genTime,
    }).verify();
    return chain.result ? { ok: true, at: tst.genTime } : { ok: false };
  } catch {
    return { ok: false };
  }
};

/** A time-stamp token over `signatureValue` at `at`, signed by `tsa` (tests: the test CA's TSA). */
export const makeTimeStampToken = async (
  tsa: { certificate: pkijs.Certificate; privateKey: CryptoKey },
  signatureValue: Uint8Array,
  at: Date,
): Promise<Uint8Array> => {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: buf(await digest('SHA-256', signatureValue)) }),
    }),
    serialNumber: new asn1js.Integer({ value: Date.now() % 1_000_000 }),
    genTime: at,
  });
  const der = new Uint8Array(tst.toSchema().toBER());
  const token = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: TST.info,
      eContent: new asn1js.OctetString({ valueHex: buf(der) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: tsa.certificate.issuer,
          serialNumber: tsa.certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID.contentType,
              values: [new asn1js.ObjectIdentifier({ value: TST.info })],
            }),
            new pkijs.Attribute({
              type: OID.messageDigest,
              values: [new asn1js.OctetString({ valueHex: buf(await digest('SHA-256', der)) })],
            }),
          ],
        }),
      }),
    ],
    certificates: [tsa.certificate],
  });
  await token.sign(tsa.privateKey, 0, 'SHA-256');
  return new Uint8Array(
    new pkijs.ContentInfo({ contentType: OID.signedData, content: token.toSchema(true) }).toSchema().toBER(),
  );
};
