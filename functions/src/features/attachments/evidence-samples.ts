import { deflateSync } from 'node:zlib';
import { buildXlsx } from '@thidua/shared/xlsx';
import { strToU8, zipSync } from 'fflate';

/**
 * Real evidence files and the polyglots of the issue-12 attack, built in code so the parser tests and the
 * integration tests share them (the attack files must never be checked in as binaries).
 */
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
export const concat = (...parts: (Uint8Array | string)[]): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? bytes(p) : p))));

/** A one-page PDF with a classic cross-reference table reached through `startxref`. */
export const pdfWithXref = (): Uint8Array => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(out);
};

/** The smallest PE image the executable scan must recognise: `MZ`, e_lfanew at 0x3C, `PE\0\0` there. */
export const peExecutable = (): Uint8Array => {
  const b = new Uint8Array(256);
  b.set(bytes('MZ'), 0);
  b.set(bytes('This program cannot be run in DOS mode.'), 0x4e);
  new DataView(b.buffer).setUint32(0x3c, 0x80, true);
  b.set(bytes('PE\0\0'), 0x80);
  return b;
};

export const elfExecutable = (): Uint8Array => concat('\x7fELF\x02\x01\x01\x00', new Uint8Array(56));

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

export const docx = (extra: Record<string, Uint8Array> = {}): Uint8Array =>
  zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES(DOCX_MAIN)),
    'word/document.xml': strToU8(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
    ),
    ...extra,
  });

export const xlsx = (): Uint8Array => buildXlsx([{ name: 'Số liệu', rows: [['Chỉ tiêu', 1]] }]);

const pngChunk = (type: string, data: Uint8Array): Uint8Array => {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(bytes(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32Of(concat(bytes(type), data)));
  return concat(head, data, crc);
};

const crc32Of = (b: Uint8Array): number => {
  let c = 0xffffffff;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
};

/** A 1×1 grey PNG. */
export const png = (): Uint8Array => {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 1);
  v.setUint32(4, 1);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return concat(
    '\x89PNG\r\n\x1a\n',
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array(deflateSync(Buffer.from([0, 0x80])))),
    pngChunk('IEND', new Uint8Array()),
  );
};

/** A baseline JPEG's marker structure: SOI, APP0, DQT, SOF0, DHT, SOS, scan data, EOI. */
export const jpeg = (): Uint8Array => {
  const seg = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...seg(0xc4, [0, ...new Array<number>(16).fill(0).map((_, i) => (i === 0 ? 1 : 0)), 0]),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x00,
    0xff,
    0xd9,
  ]);
};

/** The polyglots of the attack report, and their near relatives. */
export const polyglots = {
  /** `%PDF-` followed by an executable, with just enough PDF around it to pass a sniff. */
  pdfThenExe: () => concat('%PDF-1.4\n', peExecutable(), '\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  /** A real PDF with an executable appended after `%%EOF`. */
  pdfWithTail: () => concat(pdfWithXref(), peExecutable()),
  /** A real PDF with an ELF appended after `%%EOF` and another `%%EOF` after it. */
  pdfWithElfInside: () => concat(pdfWithXref(), elfExecutable(), '\n%%EOF\n'),
  /** `PK\x03\x04` + `MZ` + the text `word/document.xml`: no central directory at all. */
  zipHeaderExe: () => concat('PK\x03\x04', peExecutable(), 'word/document.xml'),
  /** A real DOCX with an executable prepended (self-extracting style: readers find the directory). */
  exeThenDocx: () => concat(peExecutable(), docx()),
  /** A real DOCX with an executable appended after the end record. */
  docxWithTail: () => concat(docx(), peExecutable()),
  /** A DOCX that carries an executable as a part. */
  docxWithExePart: () => docx({ 'word/embeddings/setup.exe': peExecutable() }),
  /** A DOCX with a macro project. */
  docxWithMacros: () => docx({ 'word/vbaProject.bin': strToU8('macro') }),
  /** A ZIP with the Office part names but no `[Content_Types].xml`. */
  zipWithoutContentTypes: () => zipSync({ 'word/document.xml': strToU8('<w:document/>') }),
  pngWithTail: () => concat(png(), peExecutable()),
  jpegWithTail: () => concat(jpeg(), peExecutable()),
  renamedExe: () => peExecutable(),
};
