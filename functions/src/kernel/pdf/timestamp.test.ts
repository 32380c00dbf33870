import { beforeAll, describe, expect, it } from 'vitest';
import { para } from '../../features/commendations/documents/layout';
import { keySigner, signPdf } from './pades-sign';
import { renderPdf } from './render';
import { type Issued, testCa, verifierFor } from './test-ca';
import { makeTimeStampToken } from './timestamp';

/**
 * Issue 17 point 5, time-stamps (ADR 0032): a signature carrying a valid RFC 3161 token (PAdES-B-T) has
 * the TSA's time as its signing time — so a CRL revocation between the claim and the real time is caught;
 * a token over another signature, or from a TSA the deployment does not trust, is refused. The CA and the
 * TSA are made here, at run time.
 */
const generatedAt = new Date(Date.now() - 3_600_000);
let generated: Uint8Array;
let ca: Awaited<ReturnType<typeof testCa>>;
let signer: Issued;
let tsa: Issued;

beforeAll(async () => {
  [generated, ca] = await Promise.all([
    renderPdf({ title: 'QĐ', sections: [[para('Quyết định số 11/QĐ-UBND')]] }, { createdAt: generatedAt }),
    testCa('Root CA dấu thời gian'),
  ]);
  [signer, tsa] = await Promise.all([ca.issue('Người ký có dấu thời gian'), ca.issue('TSA thử nghiệm')]);
}, 60_000);

const verify = verifierFor({ root: () => ca.root, generated: () => generated, generatedAt });

const sign = (claimed: Date, stampAt: Date | null, by: Issued = tsa, over?: Uint8Array) =>
  signPdf(generated, keySigner(signer.privateKey, [signer.der]), {
    at: claimed,
    ...(stampAt ? { timeStamp: (sig: Uint8Array) => makeTimeStampToken(by, over ?? sig, stampAt) } : {}),
  });

describe('RFC 3161 signature time-stamps', { timeout: 60_000 }, () => {
  it('takes the TSA’s time as the signing time', async () => {
    const at = new Date(Date.now() - 20 * 60_000);
    const v = await verify(await sign(new Date(), at));
    expect(v).toMatchObject({ ok: true, facts: { timestamped: true } });
    // The TSA's time, not the claim (now): 20 minutes earlier, to the second.
    expect(Math.abs(Date.parse(v.ok ? v.facts.signedAt : '') - at.getTime())).toBeLessThan(1000);
    expect(await verify(await sign(new Date(), null))).toMatchObject({
      ok: true,
      facts: { timestamped: false },
    });
  });

  it('a back-dated claim does not escape a revocation: the time-stamp says when it was really signed', async () => {
    const revokedAt = new Date(Date.now() - 30 * 60_000);
    const crl = await ca.crl([{ certificate: signer.certificate, at: revokedAt }]);
    // Claimed 40 minutes ago (before the revocation), really signed now: without the token the claim wins.
    const claimed = new Date(Date.now() - 40 * 60_000);
    expect(await verify(await sign(claimed, null), [crl])).toMatchObject({ ok: true });
    expect(await verify(await sign(claimed, new Date()), [crl])).toMatchObject({
      ok: false,
      code: 'certificate_revoked',
    });
  });

  it('refuses a token over another signature, or from an untrusted TSA', async () => {
    const over = await sign(new Date(), new Date(), tsa, new Uint8Array([1, 2, 3]));
    expect(await verify(over)).toMatchObject({ ok: false, code: 'timestamp_invalid' });
    const strangerCa = await testCa('TSA không tin cậy');
    const stranger = await strangerCa.issue('TSA lạ');
    const v = await verify(await sign(new Date(), new Date(), stranger));
    expect(v).toMatchObject({ ok: false, code: 'timestamp_invalid' });
    expect(v.ok ? '' : v.message).toContain('Dấu thời gian');
  });
});
