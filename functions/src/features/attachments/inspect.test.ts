import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  concat,
  docx,
  elfExecutable,
  jpeg,
  pdfWithXref,
  peExecutable,
  png,
  polyglots,
  xlsx,
} from './evidence-samples';
import { containsExecutable, inspectFile, zipEntries } from './inspect';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('inspectFile: real evidence files pass', () => {
  it('PDF with xref and startxref, the simplest PDF with a trailer, DOCX, XLSX, PNG, JPEG', () => {
    expect(inspectFile(pdfWithXref(), PDF)).toEqual({ ok: true });
    expect(inspectFile(text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), PDF)).toEqual({ ok: true });
    expect(inspectFile(docx(), DOCX)).toEqual({ ok: true });
    expect(inspectFile(xlsx(), XLSX)).toEqual({ ok: true });
    expect(inspectFile(png(), 'image/png')).toEqual({ ok: true });
    expect(inspectFile(jpeg(), 'image/jpeg')).toEqual({ ok: true });
  });

  it('a DOCX written by Word-compatible tooling (the docx package) and a PNG from another encoder', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Tờ trình khen thưởng')] }] });
    expect(inspectFile(new Uint8Array(await Packer.toBuffer(doc)), DOCX)).toEqual({ ok: true });
    const tiny = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    expect(inspectFile(new Uint8Array(tiny), 'image/png')).toEqual({ ok: true });
  });

  it('a ZIP is read through its central directory', () => {
    expect(zipEntries(docx())?.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });
});

describe('inspectFile: the polyglots of the attack report are refused', () => {
  it('%PDF- followed by an executable', () => {
    expect(inspectFile(polyglots.pdfThenExe(), PDF)).toEqual({ ok: false, reason: 'executable' });
  });
  it('an executable appended after %%EOF, or hidden before a second %%EOF', () => {
    expect(inspectFile(polyglots.pdfWithTail(), PDF)).toEqual({ ok: false, reason: 'executable' });
    expect(inspectFile(polyglots.pdfWithElfInside(), PDF)).toEqual({ ok: false, reason: 'executable' });
    expect(inspectFile(concat(pdfWithXref(), 'junk'), PDF)).toEqual({
      ok: false,
      reason: 'pdf_trailing_data',
    });
  });
  it('PK\\x03\\x04 + MZ + the text word/document.xml', () => {
    expect(inspectFile(polyglots.zipHeaderExe(), DOCX)).toEqual({ ok: false, reason: 'executable' });
    const noExe = concat('PK\x03\x04', 'MZ', 'word/document.xml');
    expect(inspectFile(noExe, DOCX)).toEqual({ ok: false, reason: 'zip_hidden_data' });
  });
  it('a DOCX with an executable before or after it, or inside it, or with macros', () => {
    expect(inspectFile(polyglots.exeThenDocx(), DOCX).ok).toBe(false);
    expect(inspectFile(polyglots.docxWithTail(), DOCX)).toEqual({ ok: false, reason: 'executable' });
    expect(inspectFile(concat(docx(), 'trailing'), DOCX)).toEqual({ ok: false, reason: 'zip_hidden_data' });
    expect(inspectFile(polyglots.docxWithExePart(), DOCX)).toEqual({ ok: false, reason: 'office_macros' });
    expect(inspectFile(polyglots.docxWithMacros(), DOCX)).toEqual({ ok: false, reason: 'office_macros' });
  });
  it('a ZIP without [Content_Types].xml, or of the other Office kind', () => {
    expect(inspectFile(polyglots.zipWithoutContentTypes(), DOCX)).toEqual({
      ok: false,
      reason: 'not_office',
    });
    expect(inspectFile(xlsx(), DOCX)).toEqual({ ok: false, reason: 'not_office' });
    expect(inspectFile(docx(), XLSX)).toEqual({ ok: false, reason: 'not_office' });
  });
  it('images with anything after IEND / EOI, and renamed executables', () => {
    expect(inspectFile(polyglots.pngWithTail(), 'image/png')).toEqual({ ok: false, reason: 'executable' });
    expect(inspectFile(concat(png(), 'x'), 'image/png')).toEqual({ ok: false, reason: 'not_png' });
    expect(inspectFile(polyglots.jpegWithTail(), 'image/jpeg')).toEqual({ ok: false, reason: 'executable' });
    expect(inspectFile(concat(jpeg(), 'x'), 'image/jpeg')).toEqual({ ok: false, reason: 'not_jpeg' });
    for (const type of [PDF, DOCX, XLSX, 'image/png', 'image/jpeg'] as const) {
      expect(inspectFile(polyglots.renamedExe(), type)).toEqual({ ok: false, reason: 'executable' });
      expect(inspectFile(elfExecutable(), type)).toEqual({ ok: false, reason: 'executable' });
    }
  });
  it('a PNG chunk with a wrong CRC, a PDF whose startxref points nowhere', () => {
    const bad = png();
    bad[29] = (bad[29] ?? 0) ^ 0xff; // inside IHDR's CRC
    expect(inspectFile(bad, 'image/png')).toEqual({ ok: false, reason: 'not_png' });
    const pdf = Buffer.from(pdfWithXref())
      .toString('latin1')
      .replace(/startxref\n\d+/, 'startxref\n3');
    expect(inspectFile(text(pdf), PDF)).toEqual({ ok: false, reason: 'not_pdf' });
  });
});

describe('containsExecutable', () => {
  it('needs the header each signature announces, so MZ or ELF in text does not match', () => {
    expect(containsExecutable(text('MZ is a postcode; \x7fELF\x05 is not an ELF header'))).toBe(false);
    expect(containsExecutable(concat('some text ', peExecutable()))).toBe(true);
    expect(containsExecutable(concat('x', elfExecutable()))).toBe(true);
  });
});

describe('containsExecutable: Mach-O', () => {
  it('finds a 64-bit x86 Mach-O header in either byte order', () => {
    expect(
      containsExecutable(new Uint8Array([0x41, 0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 1, 3, 0, 0, 0])),
    ).toBe(true);
    expect(containsExecutable(new Uint8Array([0xfe, 0xed, 0xfa, 0xcf, 1, 0, 0, 0x0c, 0, 0, 0, 0]))).toBe(
      true,
    );
    expect(containsExecutable(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 0x99, 0, 0, 1]))).toBe(false);
  });
});
