import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { para } from '../../features/commendations/documents/layout';
import { asn1js, buf, OID, pkijs } from './cms';
import { dssOcsps, embeddedOcsps, OCSP_OID } from './ocsp';
import { keySigner, signPdf } from './pades-sign';
import { verifySignedPdf } from './pades-verify';
import { renderPdf } from './render';
import { type Issued, testCa } from './test-ca';

/**
 * Issue 17 point 5, ADR 0035: OCSP responses carried in the signature count only when signed by the
 * issuer or a delegated responder it issued (id-kp-OCSPSigning), about this certificate, with sane times;
 * "revoked" at or before the signing time is `certificate_revoked`; others are ignored and counted. The
 * online check asks a real local responder (a node HTTP server answering with responses the test CA
 * signs); a responder that cannot be reached is "could not check", never a pass.
 */
const generatedAt = new Date(Date.now() - 3_600_000);
const MIN = 60_000;
let generated: Uint8Array;
let ca: Awaited<ReturnType<typeof testCa>>;
let signer: Issued;

beforeAll(async () => {
  [generated, ca] = await Promise.all([
    renderPdf({ title: 'QĐ', sections: [[para('Quyết định số 09/QĐ-UBND')]] }, { createdAt: generatedAt }),
    testCa('Root CA OCSP'),
  ]);
  signer = await ca.issue('Nguyễn Văn OCSP');
}, 60_000);

const sign = (who: Issued, ocsps: Uint8Array[] = [], at = new Date()) =>
  signPdf(generated, keySigner(who.privateKey, [who.der]), { at, ocsps });

const verify = (signed: Uint8Array, online?: { timeoutMs: number }) =>
  verifySignedPdf({
    signed,
    generated,
    generatedAt,
    trustedRoots: [ca.root.certificate],
    now: new Date(),
    ocspOnline: online,
  });

describe('OCSP responses embedded in the signature', { timeout: 60_000 }, () => {
  it('a "good" answer signed by the issuer is reported; none at all is reported as none', async () => {
    const good = await ca.ocsp(signer.certificate, { status: 'good' });
    expect(await verify(await sign(signer, [good]))).toMatchObject({
      ok: true,
      facts: { ocsp: 'good', ocspSource: 'embedded', ocspIgnored: 0 },
    });
    expect(await verify(await sign(signer))).toMatchObject({
      ok: true,
      facts: { ocsp: 'none', ocspIgnored: 0 },
    });
  });

  it('"revoked" at or before the signing time is refused as certificate_revoked; revoked later is not', async () => {
    const before = await ca.ocsp(signer.certificate, {
      status: 'revoked',
      at: new Date(Date.now() - 10 * MIN),
    });
    const v = await verify(await sign(signer, [before]));
    expect(v).toMatchObject({ ok: false, code: 'certificate_revoked' });
    expect(v.ok ? '' : v.message).toContain('trả lời OCSP');
    const later = await ca.ocsp(signer.certificate, {
      status: 'revoked',
      at: new Date(Date.now() + 10 * MIN),
    });
    expect(await verify(await sign(signer, [later]))).toMatchObject({ ok: true, facts: { ocsp: 'good' } });
  });

  it('a delegated responder with id-kp-OCSPSigning counts; one without it, or of another CA, is ignored', async () => {
    const revoked = { status: 'revoked', at: new Date(Date.now() - 10 * MIN) } as const;
    const delegated = await ca.issue('OCSP Responder', { ocspSigning: true });
    const byDelegate = await ca.ocsp(signer.certificate, revoked, { responder: delegated });
    expect(await verify(await sign(signer, [byDelegate]))).toMatchObject({
      ok: false,
      code: 'certificate_revoked',
    });

    const plain = await ca.issue('OCSP Responder');
    const byPlain = await ca.ocsp(signer.certificate, revoked, { responder: plain });
    const stranger = await testCa('Root CA OCSP'); // same name as the issuer, another key
    const byStranger = await ca.ocsp(signer.certificate, revoked, { responder: stranger.root });
    const strangerDelegate = await stranger.issue('OCSP Responder', { ocspSigning: true });
    const byStrangerDelegate = await ca.ocsp(signer.certificate, revoked, { responder: strangerDelegate });
    expect(await verify(await sign(signer, [byPlain, byStranger, byStrangerDelegate]))).toMatchObject({
      ok: true,
      facts: { ocsp: 'none', ocspIgnored: 3 },
    });
  });

  it('ignores an answer about another certificate, a stale one and one from the future', async () => {
    const someone = await ca.issue('Người khác');
    const other = await ca.ocsp(someone.certificate, {
      status: 'revoked',
      at: new Date(Date.now() - 10 * MIN),
    });
    const stale = await ca.ocsp(
      signer.certificate,
      { status: 'good' },
      {
        thisUpdate: new Date(Date.now() - 3 * 86_400_000),
        nextUpdate: new Date(Date.now() - 2 * 86_400_000),
      },
    );
    const future = await ca.ocsp(
      signer.certificate,
      { status: 'revoked', at: new Date(Date.now() - 10 * MIN) },
      { thisUpdate: new Date(Date.now() + 86_400_000), nextUpdate: null },
    );
    expect(await verify(await sign(signer, [other, stale, future]))).toMatchObject({
      ok: true,
      facts: { ocsp: 'none', ocspIgnored: 3 },
    });
    // A "good" without nextUpdate said shortly before signing still speaks for the signing time.
    const recent = await ca.ocsp(
      signer.certificate,
      { status: 'good' },
      { thisUpdate: new Date(Date.now() - 2 * MIN), nextUpdate: null },
    );
    expect(await verify(await sign(signer, [recent]))).toMatchObject({ ok: true, facts: { ocsp: 'good' } });
  });

  it('reads responses from CMS otherRevocationInfo and from the PDF’s /DSS /OCSPs', async () => {
    const der = await ca.ocsp(signer.certificate, { status: 'good' });
    const sd = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      crls: [
        new pkijs.OtherRevocationInfoFormat({
          otherRevInfoFormat: OCSP_OID.riOcspResponse,
          otherRevInfo: asn1js.fromBER(buf(der)).result,
        }),
      ],
    });
    const parsed = new pkijs.SignedData({ schema: asn1js.fromBER(sd.toSchema(true).toBER()).result });
    expect(embeddedOcsps(parsed, new pkijs.SignerInfo())).toHaveLength(1);

    const doc = await PDFDocument.load(generated);
    const stream = doc.context.register(doc.context.flateStream(der));
    doc.catalog.set(PDFName.of('DSS'), doc.context.obj({ OCSPs: [stream] }));
    const [fromDss] = await dssOcsps(await doc.save({ useObjectStreams: false }));
    expect(fromDss?.tbsResponseData.responses).toHaveLength(1);
  });
});

describe('OCSP asked online (deployment setting)', { timeout: 60_000 }, () => {
  type Answer = 'good' | 'revoked' | 'hang';
  let server: Server;
  let url = '';
  let answer: Answer = 'good';
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        asked.push(`${req.method} ${req.headers['content-type']}`);
        if (answer === 'hang') return; // never answers: the client's timeout must end it
        const request = pkijs.OCSPRequest.fromBER(buf(new Uint8Array(Buffer.concat(chunks))));
        const serial = request.tbsRequest.requestList[0]?.reqCert.serialNumber;
        const about = serial?.isEqual(signer.certificate.serialNumber) ? signer.certificate : undefined;
        if (!about) {
          res.writeHead(400).end();
          return;
        }
        const der = await ca.ocsp(
          about,
          answer === 'good' ? { status: 'good' } : { status: 'revoked', at: new Date(Date.now() - 10 * MIN) },
        );
        res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(der));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocsp`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('asks the AIA responder by POST when enabled: good, then revoked (refused); off, it asks nothing', async () => {
    signer = await ca.issue('Nguyễn Văn Trực Tuyến', { ocspUrl: url });
    const signed = await sign(signer);
    asked.length = 0;
    expect(await verify(signed)).toMatchObject({ ok: true, facts: { ocsp: 'none' } });
    expect(asked).toEqual([]);
    answer = 'good';
    expect(await verify(signed, { timeoutMs: 5_000 })).toMatchObject({
      ok: true,
      facts: { ocsp: 'good', ocspSource: 'online' },
    });
    expect(asked).toEqual(['POST application/ocsp-request']);
    answer = 'revoked';
    expect(await verify(signed, { timeoutMs: 5_000 })).toMatchObject({
      ok: false,
      code: 'certificate_revoked',
    });
  });

  it('a responder that does not answer in time, or cannot be reached, is "could not check"', async () => {
    signer = await ca.issue('Nguyễn Văn Chờ', { ocspUrl: url });
    answer = 'hang';
    const started = Date.now();
    expect(await verify(await sign(signer), { timeoutMs: 300 })).toMatchObject({
      ok: true,
      facts: { ocsp: 'could_not_check' },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    // A port nobody listens on.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    signer = await ca.issue('Nguyễn Văn Mất Mạng', { ocspUrl: `http://127.0.0.1:${port}/ocsp` });
    expect(await verify(await sign(signer), { timeoutMs: 2_000 })).toMatchObject({
      ok: true,
      facts: { ocsp: 'could_not_check' },
    });
  });
});
