import { crc32, inflateRawSync } from 'node:zlib';
import type { AttachmentContentType } from '@thidua/shared/forms';

/**
 * The structural check of an uploaded evidence file: the whole container is parsed, not sniffed. A file
 * passes only when it is ONE well-formed container of the claimed type from its first byte to its last:
 * nothing before the header (a leading `MZ`), nothing after the end marker (an appended executable), no
 * executable image anywhere inside, and for DOCX/XLSX a central directory that accounts for every byte
 * and names the Office parts. Polyglots that satisfy a magic-byte check fail here.
 */
export type Inspection = { ok: true } | { ok: false; reason: InspectionFailure };

export type InspectionFailure =
  | 'executable'
  | 'not_pdf'
  | 'pdf_trailing_data'
  | 'not_zip'
  | 'zip_hidden_data'
  | 'not_office'
  | 'office_macros'
  | 'not_png'
  | 'not_jpeg';

const fail = (reason: InspectionFailure): Inspection => ({ ok: false, reason });
const OK: Inspection = { ok: true };

const latin1 = (b: Uint8Array, start = 0, end = b.length): string =>
  Buffer.from(b.buffer, b.byteOffset + start, Math.max(0, Math.min(end, b.length) - start)).toString(
    'latin1',
  );
const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u32be = (b: Uint8Array, at: number): number =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

/** Mach-O magics as they lie on disk, with how to read the CPU type after each. */
const MACH_O: readonly [Buffer, (b: Uint8Array, at: number) => number][] = [
  [Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), u32],
  [Buffer.from([0xce, 0xfa, 0xed, 0xfe]), u32],
  [Buffer.from([0xfe, 0xed, 0xfa, 0xcf]), u32be],
  [Buffer.from([0xfe, 0xed, 0xfa, 0xce]), u32be],
];

/**
 * An executable image anywhere in the file: a DOS/PE header (`MZ` whose e_lfanew points at `PE\0\0`), an
 * ELF header with valid class, byte order and version, or a Mach-O magic. Checking the header each
 * signature announces keeps compressed data (random bytes) from matching by chance.
 */
export const containsExecutable = (b: Uint8Array): boolean => {
  const s = latin1(b);
  for (let i = s.indexOf('MZ'); i >= 0; i = s.indexOf('MZ', i + 1)) {
    const peAt = i + u32(b, i + 0x3c);
    if (peAt > i && peAt + 4 <= b.length && s.startsWith('PE\0\0', peAt)) return true;
  }
  for (let i = s.indexOf('\x7fELF'); i >= 0; i = s.indexOf('\x7fELF', i + 1)) {
    const cls = b[i + 4];
    const order = b[i + 5];
    if ((cls === 1 || cls === 2) && (order === 1 || order === 2) && b[i + 6] === 1) return true;
  }
  // Mach-O, both byte orders, followed by an x86/ARM CPU type (32 or 64-bit). 0xCAFEBABE fat binaries are
  // left out: Java class files share the magic.
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  for (const [magic, cpuAt] of MACH_O) {
    for (let i = buf.indexOf(magic); i >= 0; i = buf.indexOf(magic, i + 1)) {
      const cpu = cpuAt(b, i + 4) & 0xffffff;
      if (cpu === 7 || cpu === 12) return true;
    }
  }
  return false;
};

const isPdfWhitespace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/**
 * PDF (ISO 32000): `%PDF-1.x`/`%PDF-2.0` at byte 0, at least one indirect object, a cross-reference
 * section or stream reached through `startxref` (or, for the simplest files, a `trailer`), and `%%EOF`
 * as the last thing in the file (only whitespace after it).
 */
export const inspectPdf = (b: Uint8Array): Inspection => {
  const head = latin1(b, 0, 16);
  if (!/^%PDF-(1\.[0-7]|2\.0)[\r\n\s%]/.test(head)) return fail('not_pdf');
  let end = b.length;
  while (end > 0 && isPdfWhitespace(b[end - 1])) end--;
  if (latin1(b, end - 5, end) !== '%%EOF') {
    return latin1(b).includes('%%EOF') ? fail('pdf_trailing_data') : fail('not_pdf');
  }
  const s = latin1(b, 0, end);
  if (!/\d+\s+\d+\s+obj\b[\s\S]*?\bendobj\b/.test(s)) return fail('not_pdf');
  const startxref = /startxref\s+(\d+)\s*%%EOF$/.exec(s.slice(-1024));
  if (startxref) {
    const offset = Number(startxref[1]);
    // The offset leads to a classic `xref` table or to a cross-reference stream object.
    const at = s.slice(offset, offset + 64);
    if (offset >= end || !/^(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) return fail('not_pdf');
    return OK;
  }
  return /\btrailer\s*<</.test(s) ? OK : fail('not_pdf');
};

/** One entry of a ZIP central directory, checked against its local header. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  /** First byte after the entry's data (and its data descriptor, when it has one). */
  dataEnd: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

/**
 * The entries of a ZIP whose local entries, central directory and end record tile the file exactly:
 * the first entry at byte 0, each entry right after the previous one, the directory right after the last
 * entry and the end record (with its comment) ending at the last byte. Null for anything else — ZIP64
 * too (evidence files are far below 4 GB).
 */
export const zipEntries = (b: Uint8Array): ZipEntry[] | null => {
  if (b.length < 22 || u32(b, 0) !== LOCAL) return null;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === EOCD && i + 22 + u16(b, i + 20) === b.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || u16(b, eocd + 8) !== count) return null;
  if (count === 0 || cdOffset + cdSize !== eocd) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(b, p) !== CENTRAL) return null;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const compressedSize = u32(b, p + 20);
    const nameLength = u16(b, p + 28);
    const localOffset = u32(b, p + 42);
    const name = Buffer.from(b.subarray(p + 46, p + 46 + nameLength)).toString(
      flags & 0x800 ? 'utf8' : 'latin1',
    );
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
    if (localOffset + 30 > cdOffset || u32(b, localOffset) !== LOCAL) return null;
    const localNameLength = u16(b, localOffset + 26);
    const localName = Buffer.from(b.subarray(localOffset + 30, localOffset + 30 + localNameLength)).toString(
      flags & 0x800 ? 'utf8' : 'latin1',
    );
    if (localName !== name) return null;
    let dataEnd = localOffset + 30 + localNameLength + u16(b, localOffset + 28) + compressedSize;
    if (flags & 0x08) dataEnd += u32(b, dataEnd) === DESCRIPTOR ? 16 : 12;
    entries.push({ name, method, compressedSize, localOffset, dataEnd });
  }
  if (p !== eocd) return null;
  const ordered = [...entries].sort((x, y) => x.localOffset - y.localOffset);
  let expected = 0;
  for (const e of ordered) {
    if (e.localOffset !== expected) return null;
    expected = e.dataEnd;
  }
  return expected === cdOffset ? entries : null;
};

const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const entryText = (b: Uint8Array, e: ZipEntry): string | null => {
  const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
  const raw = b.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return Buffer.from(raw).toString('utf8');
    if (e.method === 8)
      return inflateRawSync(raw, { maxOutputLength: MAX_CONTENT_TYPES_BYTES }).toString('utf8');
  } catch {
    return null;
  }
  return null;
};

const OFFICE_MAIN: Partial<Record<AttachmentContentType, { part: string; type: string }>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    part: 'word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    part: 'xl/workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
};

/** Parts that make an Office file carry code or programs: macros and embedded executables. */
const ACTIVE_PART = /(^|\/)vbaProject\.bin$|\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|msi|sh)$/i;

/**
 * DOCX / XLSX (ECMA-376 Open Packaging): a well-tiled ZIP (above) with `[Content_Types].xml` declaring
 * the main part of the claimed kind, that main part present, and no macro project or executable part.
 */
export const inspectOffice = (b: Uint8Array, claimed: AttachmentContentType): Inspection => {
  const main = OFFICE_MAIN[claimed];
  if (!main) return fail('not_office');
  const entries = zipEntries(b);
  if (!entries) return fail(u32(b, 0) === LOCAL ? 'zip_hidden_data' : 'not_zip');
  const names = new Set(entries.map((e) => e.name));
  const contentTypes = entries.find((e) => e.name === '[Content_Types].xml');
  if (!contentTypes || !names.has(main.part)) return fail('not_office');
  if (entries.some((e) => ACTIVE_PART.test(e.name))) return fail('office_macros');
  const xml = entryText(b, contentTypes);
  if (xml === null || !xml.includes(main.type)) return fail('not_office');
  if (/macroEnabled|vbaProject/i.test(xml)) return fail('office_macros');
  return OK;
};

const PNG_SIGNATURE = '\x89PNG\r\n\x1a\n';

/** PNG: the signature, IHDR first (13 bytes), every chunk's CRC right, IEND last and at the end. */
export const inspectPng = (b: Uint8Array): Inspection => {
  if (latin1(b, 0, 8) !== PNG_SIGNATURE) return fail('not_png');
  let p = 8;
  let first = true;
  while (p + 12 <= b.length) {
    const length = u32be(b, p);
    const type = latin1(b, p + 4, p + 8);
    const next = p + 12 + length;
    if (next > b.length || !/^[A-Za-z]{4}$/.test(type)) return fail('not_png');
    if (first && (type !== 'IHDR' || length !== 13)) return fail('not_png');
    if (crc32(b.subarray(p + 4, p + 8 + length)) !== u32be(b, p + 8 + length)) return fail('not_png');
    first = false;
    if (type === 'IEND') return next === b.length ? OK : fail('not_png');
    p = next;
  }
  return fail('not_png');
};

const isStartOfFrame = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * JPEG: SOI, marker segments with their lengths up to the first scan (a frame header among them), and
 * EOI as the last two bytes of the file.
 */
export const inspectJpeg = (b: Uint8Array): Inspection => {
  if (b[0] !== 0xff || b[1] !== 0xd8) return fail('not_jpeg');
  if (b.length < 4 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return fail('not_jpeg');
  let p = 2;
  let frame = false;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return fail('not_jpeg');
    const marker = b[p + 1] ?? 0;
    if (marker === 0xff) {
      p += 1; // fill byte
      continue;
    }
    const length = ((b[p + 2] ?? 0) << 8) | (b[p + 3] ?? 0);
    if (length < 2 || p + 2 + length > b.length) return fail('not_jpeg');
    if (isStartOfFrame(marker)) frame = true;
    if (marker === 0xda) return frame ? OK : fail('not_jpeg');
    p += 2 + length;
  }
  return fail('not_jpeg');
};

/** The whole check: the claimed type's parser, then the executable scan over every byte. */
export const inspectFile = (b: Uint8Array, claimed: AttachmentContentType): Inspection => {
  const structure =
    claimed === 'application/pdf'
      ? inspectPdf(b)
      : claimed === 'image/png'
        ? inspectPng(b)
        : claimed === 'image/jpeg'
          ? inspectJpeg(b)
          : inspectOffice(b, claimed);
  if (containsExecutable(b)) return fail('executable');
  return structure;
};
