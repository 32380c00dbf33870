import {
  type CertificateBlank,
  type CertificateValues,
  certificateFieldNames,
  PT_PER_MM,
  placeCertificate,
} from '@thidua/shared/commendation';
import { type PDFPage, rgb } from 'pdf-lib';
import { newPdf, printable } from './render';

/**
 * Certificates (bằng khen, giấy khen) as a PDF to print on pre-printed blanks: one page per awardee at the
 * blank's paper size, each field where `placeCertificate` puts it (the blank's mm boxes, the printer
 * offset, shrunk to fit). Printed at "actual size", the PDF lands on the paper where the blank was
 * measured, whatever the browser; the HTML stays as the preview.
 *
 * The test print (`testPrint`) adds what calibrating needs, on plain paper laid over a blank against the
 * light: the paper's edge, every box dashed with its field's name above it, and millimetre rulers along
 * the top and left edges (a long tick and the number each centimetre, a mid tick each 5 mm).
 */

const GREY = rgb(0.35, 0.35, 0.35);
const LABEL_PT = 7;

const rulers = (page: PDFPage, wPt: number, hPt: number, font: Parameters<PDFPage['drawText']>[1]) => {
  page.drawRectangle({
    x: 0.5,
    y: 0.5,
    width: wPt - 1,
    height: hPt - 1,
    borderWidth: 0.8,
    borderColor: rgb(0, 0, 0),
  });
  for (let mm = 5; mm * PT_PER_MM < wPt; mm += 5) {
    const x = mm * PT_PER_MM;
    const long = mm % 10 === 0;
    page.drawLine({ start: { x, y: hPt }, end: { x, y: hPt - (long ? 4 : 2) * PT_PER_MM }, thickness: 0.4 });
    if (long) page.drawText(String(mm / 10), { x: x + 1, y: hPt - 4 * PT_PER_MM, size: 6, ...font });
  }
  for (let mm = 5; mm * PT_PER_MM < hPt; mm += 5) {
    const y = hPt - mm * PT_PER_MM;
    const long = mm % 10 === 0;
    page.drawLine({ start: { x: 0, y }, end: { x: (long ? 4 : 2) * PT_PER_MM, y }, thickness: 0.4 });
    if (long) page.drawText(String(mm / 10), { x: 4.5 * PT_PER_MM, y: y - 2, size: 6, ...font });
  }
};

export const renderCertificatesPdf = async (
  blank: CertificateBlank,
  pages: readonly CertificateValues[],
  o: { title: string; createdAt: Date; testPrint?: boolean },
): Promise<Uint8Array> => {
  const { pdf, fonts } = await newPdf(o.title, o.createdAt);
  const wPt = blank.widthMm * PT_PER_MM;
  const hPt = blank.heightMm * PT_PER_MM;
  const measure = (text: string, size: number, bold: boolean) =>
    (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(
      printable(bold ? fonts.bold : fonts.regular, text),
      size,
    );
  for (const values of pages) {
    const page = pdf.addPage([wPt, hPt]);
    if (o.testPrint) rulers(page, wPt, hPt, { font: fonts.regular, color: GREY });
    for (const f of placeCertificate(blank, values, measure)) {
      const font = f.bold ? fonts.bold : fonts.regular;
      if (o.testPrint) {
        page.drawRectangle({
          x: f.box.xPt,
          y: hPt - f.box.topPt - f.box.heightPt,
          width: f.box.widthPt,
          height: f.box.heightPt,
          borderWidth: 0.5,
          borderColor: GREY,
          borderDashArray: [3, 2],
        });
        page.drawText(printable(fonts.italic, certificateFieldNames[f.field]), {
          x: f.box.xPt,
          y: hPt - f.box.topPt + 2,
          size: LABEL_PT,
          font: fonts.italic,
          color: GREY,
        });
      }
      for (const l of f.lines)
        page.drawText(printable(font, l.text), {
          x: l.xPt,
          y: hPt - l.baselinePt,
          size: f.sizePt,
          font,
          color: rgb(0, 0, 0),
        });
    }
  }
  return pdf.save({ useObjectStreams: false });
};
