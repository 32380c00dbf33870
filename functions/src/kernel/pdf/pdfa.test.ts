import { defaultCertificateBlanks, sampleCertificateValues } from '@thidua/shared/commendation';
import { templates2023 } from '@thidua/shared/forms';
import { beforeAll, describe, expect, it } from 'vitest';
import { para } from '../../features/commendations/documents/layout';
import { submissionDocument } from '../../features/documents/submission-doc';
import { renderCertificatesPdf } from './certificate';
import { keySigner, signPdf } from './pades-sign';
import { srgbIcc, srgbToLinear } from './pdfa';
import { iccProblems, pdfaReport } from './pdfa-check';
import { readPdf } from './read';
import { renderPdf } from './render';
import { testCa, verifierFor } from './test-ca';

/**
 * Issue 17 point 5, ADR 0035: every PDF the product renders is PDF/A-2b as far as these markers read
 * (XMP pdfaid 2/B consistent with /Info, an sRGB OutputIntent with a valid ICC profile, fonts embedded,
 * /ID, no encryption, no JavaScript or transparency); the decision, tờ trình, biên bản and revocation are
 * checked in documents.test.ts. Signing keeps the markers, and the signature still verifies.
 */
const createdAt = new Date('2026-12-06T03:04:05.678Z');

const clean = async (bytes: Uint8Array) => {
  const r = await pdfaReport(bytes);
  expect(r.problems).toEqual([]);
  expect(r.fonts).toBeGreaterThan(0);
  return r;
};

describe('the sRGB ICC profile built in code', () => {
  it('has a valid v2 display header, the nine tags, primaries adding up to D50 and the sRGB curve', () => {
    const icc = srgbIcc();
    expect(iccProblems(icc)).toEqual([]);
    expect(icc[8]).toBe(2);
    // The tone curve at mid-grey: the sRGB value 0.5 is 21.4 % linear light.
    const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
    const trc = [...Array(view.getUint32(128)).keys()]
      .map((i) => 132 + 12 * i)
      .find((e) => String.fromCharCode(...icc.subarray(e, e + 4)) === 'gTRC');
    const at = view.getUint32((trc ?? 0) + 4);
    const n = view.getUint32(at + 8);
    const mid = view.getUint16(at + 12 + 2 * Math.round((n - 1) / 2)) / 65535;
    expect(mid).toBeCloseTo(srgbToLinear(0.5), 3);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });

  it('the checker refuses a damaged profile (wrong size, signature, colour space, missing tag)', () => {
    const icc = srgbIcc().slice();
    icc[37] = 0x41; // "aAsp"
    icc[16] = 0x43; // "CGB "
    expect(iccProblems(icc)).toEqual(
      expect.arrayContaining(['ICC: no acsp signature', 'ICC: colour space is not RGB']),
    );
    expect(iccProblems(srgbIcc().subarray(0, 200))).toContain('ICC: the header size is not the profile size');
  });
});

describe('PDF/A-2b markers of every rendered PDF', { timeout: 60_000 }, () => {
  it('a document model (Vietnamese title in UTF-8 XMP, dates to the second as in /Info)', async () => {
    const title = 'Quyết định <số 07> & "khen thưởng"';
    const bytes = await renderPdf({ title, sections: [[para('Quyết định số 07/QĐ-UBND')]] }, { createdAt });
    await clean(bytes);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(text).toContain('Quyết định &lt;số 07&gt; &amp; &quot;khen thưởng&quot;');
    expect(text).toContain('<xmp:CreateDate>2026-12-06T03:04:05Z</xmp:CreateDate>');
  });

  it('the certificates and the test print of a blank', async () => {
    const [blank] = defaultCertificateBlanks;
    if (!blank) throw new Error('no blank');
    for (const testPrint of [false, true])
      await clean(
        await renderCertificatesPdf(blank, [sampleCertificateValues], {
          title: 'Giấy khen',
          createdAt,
          testPrint,
        }),
      );
  });

  it('the submission document (a 2023 report template)', async () => {
    const [template] = templates2023;
    if (!template) throw new Error('no template');
    const model = submissionDocument({
      data: {},
      redacted: [],
      template,
      campaignTitle: 'Phong trào thi đua 2023',
      period: '2023',
      state: 'under_review',
      unitName: 'Phường Tân Phú',
      parentName: 'Thành phố Đồng Xoài',
      attachments: [],
      preparedBy: 'Nguyễn Văn An',
      printedOn: '2026-12-06',
      submissionId: 's1',
      version: 1,
    });
    await clean(await renderPdf(model, { createdAt }));
  });

  it('the checker reports a file without the markers (pdf-lib’s plain output)', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const plain = await PDFDocument.create();
    plain.addPage().drawText('x', { font: await plain.embedFont(StandardFonts.Helvetica), opacity: 0.5 });
    const r = await pdfaReport(await plain.save());
    expect(r.problems).toEqual(
      expect.arrayContaining([
        '6.1.3: no file identifier (/ID) in the trailer',
        '6.6.2: no XMP metadata stream',
        '6.2.3: no GTS_PDFA1 OutputIntent with a profile',
        '6.2.11.4: font /Helvetica is not embedded',
        '6.4: constant opacity below 1',
      ]),
    );
  });
});

describe('PAdES over PDF/A-2b', { timeout: 60_000 }, () => {
  let generated: Uint8Array;
  let ca: Awaited<ReturnType<typeof testCa>>;
  beforeAll(async () => {
    [generated, ca] = await Promise.all([
      renderPdf({ title: 'QĐ', sections: [[para('Quyết định số 08/QĐ-UBND')]] }, { createdAt }),
      testCa('Root CA PDF/A'),
    ]);
  });

  it('the signed file (an incremental update) keeps every marker, verifies, and reads as the same text', async () => {
    const signer = await ca.issue('Trần Tuệ Hiền');
    const signed = await signPdf(generated, keySigner(signer.privateKey, [signer.der]), { at: new Date() });
    await clean(signed);
    const verify = verifierFor({ root: () => ca.root, generated: () => generated, generatedAt: createdAt });
    expect(await verify(signed)).toMatchObject({ ok: true });
    const [page = []] = await readPdf(signed);
    expect(page.map((l) => l.text)).toContain('Quyết định số 08/QĐ-UBND');
  });
});
