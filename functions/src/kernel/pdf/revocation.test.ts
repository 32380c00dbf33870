import { beforeAll, describe, expect, it } from 'vitest';
import { para } from '../../features/commendations/documents/layout';
import { keySigner, signPdf } from './pades-sign';
import { renderPdf } from './render';
import { crlsFromPem, crlToPem } from './revocation';
import { type Issued, testCa, verifierFor } from './test-ca';

/**
 * Issue 17 point 5, revocation (ADR 0032): a certificate a CRL lists as revoked at or before the signing
 * time is refused (`certificate_revoked`), whether the CRL is the deployment's or embedded in the signature
 * (adbe-revocationInfoArchival); revoked after signing, it still verifies; a CRL not signed by the issuer it
 * names is ignored. The CA and its CRLs are made here, at run time.
 */
const generatedAt = new Date(Date.now() - 3_600_000);
let generated: Uint8Array;
let ca: Awaited<ReturnType<typeof testCa>>;
let signer: Issued;

beforeAll(async () => {
  [generated, ca] = await Promise.all([
    renderPdf({ title: 'QĐ', sections: [[para('Quyết định số 07/QĐ-UBND')]] }, { createdAt: generatedAt }),
    testCa('Root CA thu hồi'),
  ]);
  signer = await ca.issue('Nguyễn Văn Thu Hồi');
}, 60_000);

const verify = verifierFor({ root: () => ca.root, generated: () => generated, generatedAt });

const sign = (o: { crls?: Uint8Array[] } = {}) =>
  signPdf(generated, keySigner(signer.privateKey, [signer.der]), { at: new Date(), ...o });

describe('revocation of the signer’s certificate', { timeout: 60_000 }, () => {
  it('refuses a certificate the deployment’s CRL lists as revoked before the signing time', async () => {
    const crl = await ca.crl([{ certificate: signer.certificate, at: new Date(Date.now() - 60_000 * 10) }]);
    const signed = await sign();
    const v = await verify(signed, [crl]);
    expect(v).toMatchObject({ ok: false, code: 'certificate_revoked' });
    expect(v.ok ? '' : v.message).toContain('đã bị thu hồi');
    // Without the list the same file verifies: the CRL is what refused it.
    expect(await verify(signed)).toMatchObject({ ok: true });
    // The PEM bundle the operator configures reads back as the same list.
    expect(crlsFromPem(crlToPem(crl))).toHaveLength(1);
  });

  it('refuses it when the CRL is embedded in the signature (adbe-revocationInfoArchival)', async () => {
    const crl = await ca.crl([{ certificate: signer.certificate, at: new Date(Date.now() - 60_000 * 10) }]);
    expect(await verify(await sign({ crls: [crl] }))).toMatchObject({
      ok: false,
      code: 'certificate_revoked',
    });
  });

  it('accepts a signature made before the revocation, and ignores CRLs of other issuers or forged ones', async () => {
    const later = await ca.crl([{ certificate: signer.certificate, at: new Date(Date.now() + 3_600_000) }]);
    expect(await verify(await sign(), [later])).toMatchObject({ ok: true });
    const other = await testCa('Root CA thu hồi');
    // Same issuer name, but signed by another key: not the issuer's list.
    const forged = await other.crl([{ certificate: signer.certificate, at: new Date(Date.now() - 600_000) }]);
    expect(await verify(await sign(), [forged])).toMatchObject({ ok: true });
    // Another certificate revoked: this one is not.
    const someone = await ca.issue('Người khác');
    const unrelated = await ca.crl([
      { certificate: someone.certificate, at: new Date(Date.now() - 600_000) },
    ]);
    expect(await verify(await sign(), [unrelated])).toMatchObject({ ok: true });
  });
});
