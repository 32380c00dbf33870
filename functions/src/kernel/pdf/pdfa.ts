import { type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * What makes a generated PDF a PDF/A-2b file (ISO 19005-2, level B; issue 17 point 5, ADR 0035) beyond
 * what pdf-lib writes anyway (fonts embedded as subsets, no encryption, no JavaScript, no transparency):
 * the XMP metadata stream declaring pdfaid part 2 / conformance B, consistent with the /Info dictionary
 * (title, creator tool, producer, dates to the second), an sRGB OutputIntent with its ICC profile embedded
 * (the text and lines are DeviceRGB), and a file identifier. No ICC file is vendored: the profile is built
 * here from the sRGB definition (IEC 61966-2-1).
 */

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0) & 0x7f);

/** s15Fixed16Number, big-endian. */
const fixed = (v: number): number[] => {
  const n = Math.round(v * 65536) >>> 0;
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
};
const u32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16 = (n: number): number[] => [(n >>> 8) & 0xff, n & 0xff];
const pad4 = (b: number[]): number[] => [...b, ...new Array((4 - (b.length % 4)) % 4).fill(0)];

/** The PCS illuminant D50 and the sRGB primaries adapted to it (Bradford), as in the ICC's sRGB profiles. */
const D50 = [0.9642, 1, 0.8249] as const;
const PRIMARIES = {
  rXYZ: [0.436066, 0.222488, 0.013916],
  gXYZ: [0.385147, 0.716873, 0.097076],
  bXYZ: [0.143066, 0.060608, 0.714096],
} as const;
const TRC_POINTS = 1024;

/** The sRGB transfer function (encoded → linear), IEC 61966-2-1. */
export const srgbToLinear = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

const xyzTag = (xyz: readonly number[]): number[] => [...ascii('XYZ '), 0, 0, 0, 0, ...xyz.flatMap(fixed)];

/** A display-class ICC v2.1 profile of sRGB: matrix/TRC, nine tags, 1024-point tone curves. */
const buildSrgbIcc = (): Uint8Array => {
  const name = 'sRGB IEC61966-2.1 (Thi đua)'.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  const desc = [
    ...ascii('desc'),
    0,
    0,
    0,
    0,
    ...u32(name.length + 1),
    ...ascii(name),
    0,
    ...u32(0), // Unicode language code
    ...u32(0), // Unicode count
    ...u16(0), // ScriptCode code
    0, // ScriptCode count
    ...new Array(67).fill(0),
  ];
  const cprt = [...ascii('text'), 0, 0, 0, 0, ...ascii('No copyright, use freely'), 0];
  const curve = [
    ...ascii('curv'),
    0,
    0,
    0,
    0,
    ...u32(TRC_POINTS),
    ...Array.from({ length: TRC_POINTS }, (_, i) =>
      u16(Math.round(srgbToLinear(i / (TRC_POINTS - 1)) * 65535)),
    ).flat(),
  ];
  // The three tone curves are one curve: ICC lets tags share their data.
  const data: [string, number[]][] = [
    ['desc', desc],
    ['cprt', cprt],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(PRIMARIES.rXYZ)],
    ['gXYZ', xyzTag(PRIMARIES.gXYZ)],
    ['bXYZ', xyzTag(PRIMARIES.bXYZ)],
    ['rTRC', curve],
  ];
  const tags = [...data.map(([sig]) => sig), 'gTRC', 'bTRC'];
  let offset = 128 + 4 + 12 * tags.length;
  const table: number[] = [...u32(tags.length)];
  const body: number[] = [];
  const at: Record<string, [number, number]> = {};
  for (const [sig, bytes] of data) {
    at[sig] = [offset, bytes.length];
    body.push(...pad4(bytes));
    offset += pad4(bytes).length;
  }
  for (const sig of tags) {
    const [o, n] = at[sig] ?? at.rTRC ?? [0, 0];
    table.push(...ascii(sig), ...u32(o), ...u32(n));
  }
  const size = offset;
  const header = [
    ...u32(size),
    0,
    0,
    0,
    0, // preferred CMM: none
    0x02,
    0x10,
    0,
    0, // version 2.1.0
    ...ascii('mntr'),
    ...ascii('RGB '),
    ...ascii('XYZ '),
    ...[2026, 12, 6, 0, 0, 0].flatMap(u16), // creation date of this definition
    ...ascii('acsp'),
    ...u32(0), // primary platform: none
    ...u32(0), // flags
    ...u32(0), // device manufacturer
    ...u32(0), // device model
    ...u32(0),
    ...u32(0), // device attributes
    ...u32(0), // rendering intent: perceptual
    ...D50.flatMap(fixed),
    ...u32(0), // creator
    ...new Array(44).fill(0),
  ];
  return new Uint8Array([...header, ...table, ...body]);
};

let icc: Uint8Array | undefined;
/** The sRGB ICC profile (built once per instance, ~2.5 KB). */
export const srgbIcc = (): Uint8Array => {
  icc ??= buildSrgbIcc();
  return icc;
};

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** To the second: the /Info dates have no fraction, and PDF/A wants XMP and /Info to say the same. */
const xmpDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export const CREATOR = 'Thi đua';
export const PRODUCER = 'Thi đua (pdf-lib)';

/** The XMP packet: PDF/A-2b identification, and the /Info entries' equivalents. */
export const xmpPacket = (title: string, createdAt: Date): string =>
  `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${xmpDate(createdAt)}</xmp:CreateDate><xmp:ModifyDate>${xmpDate(createdAt)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(createdAt)}</xmp:MetadataDate><xmp:CreatorTool>${CREATOR}</xmp:CreatorTool></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${PRODUCER}</pdf:Producer></rdf:Description>
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

/**
 * Makes a new pdf-lib document a PDF/A-2b one: /Info, XMP (UTF-8, unfiltered as PDF/A requires), the sRGB
 * OutputIntent, language, file identifier. Call before adding content; save without object streams.
 */
export const declarePdfA = async (pdf: PDFDocument, title: string, createdAt: Date): Promise<void> => {
  // /Info holds whole seconds: the same instant as the XMP.
  const at = new Date(Math.floor(createdAt.getTime() / 1000) * 1000);
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setCreator(CREATOR);
  pdf.setProducer(PRODUCER);
  pdf.setLanguage('vi-VN');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const ctx = pdf.context;
  const meta = ctx.stream(new TextEncoder().encode(xmpPacket(title, at)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  pdf.catalog.set(PDFName.of('Metadata'), ctx.register(meta));
  const profile = ctx.register(ctx.flateStream(srgbIcc(), { N: 3 }));
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  // A file identifier (PDF/A requires one): derived from the title and date so the bytes stay reproducible.
  const id = PDFHexString.of(
    Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(title + createdAt.toISOString())),
    )
      .subarray(0, 16)
      .toString('hex'),
  );
  ctx.trailerInfo.ID = ctx.obj([id, id]);
};
