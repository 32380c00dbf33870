import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/**
 * The PDF/A-2b markers a produced file carries, read back from its bytes with pdf-lib (tests; veraPDF is
 * not available offline — ADR 0035 lists which clauses this reads and which it does not). Each problem is
 * a sentence naming the clause; an empty list means every marker read here is present.
 */

const u32 = (b: Uint8Array, at: number): number =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
const sig = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4));
const s15 = (b: Uint8Array, at: number): number => (u32(b, at) | 0) / 65536;

/** ICC.1 header and tag table of a display RGB matrix/TRC profile (what an sRGB OutputIntent needs). */
export const iccProblems = (icc: Uint8Array): string[] => {
  const p: string[] = [];
  if (icc.length < 132 || u32(icc, 0) !== icc.length) p.push('ICC: the header size is not the profile size');
  if (sig(icc, 36) !== 'acsp') p.push('ICC: no acsp signature');
  if ((icc[8] ?? 0) !== 2 && (icc[8] ?? 0) !== 4) p.push('ICC: version is neither 2 nor 4');
  if (sig(icc, 12) !== 'mntr') p.push('ICC: not a display (mntr) profile');
  if (sig(icc, 16) !== 'RGB ') p.push('ICC: colour space is not RGB');
  if (sig(icc, 20) !== 'XYZ ') p.push('ICC: PCS is not XYZ');
  const count = u32(icc, 128);
  const tags = new Map<string, { at: number; size: number }>();
  for (let i = 0; i < count; i++) {
    const e = 132 + 12 * i;
    const t = { at: u32(icc, e + 4), size: u32(icc, e + 8) };
    if (t.at % 4 !== 0 || t.at + t.size > icc.length)
      p.push(`ICC: tag ${sig(icc, e)} lies outside the profile`);
    tags.set(sig(icc, e), t);
  }
  const types: Record<string, string> = {
    desc: 'desc',
    cprt: 'text',
    wtpt: 'XYZ ',
    rXYZ: 'XYZ ',
    gXYZ: 'XYZ ',
    bXYZ: 'XYZ ',
    rTRC: 'curv',
    gTRC: 'curv',
    bTRC: 'curv',
  };
  for (const [tag, type] of Object.entries(types)) {
    const t = tags.get(tag);
    if (!t) p.push(`ICC: required tag ${tag} missing`);
    else if (sig(icc, t.at) !== type) p.push(`ICC: tag ${tag} is not of type ${type}`);
  }
  // Colorimetry: the primaries add up to the D50 white (what a matrix/TRC profile maps RGB 1,1,1 to).
  const xyz = (tag: string) => {
    const at = tags.get(tag)?.at ?? 0;
    return [s15(icc, at + 8), s15(icc, at + 12), s15(icc, at + 16)];
  };
  const sum = [0, 1, 2].map((i) => ['rXYZ', 'gXYZ', 'bXYZ'].reduce((a, t) => a + (xyz(t)[i] ?? 0), 0));
  if ([0.9642, 1, 0.8249].some((w, i) => Math.abs((sum[i] ?? 0) - w) > 0.002))
    p.push('ICC: the primaries do not add up to D50');
  return p;
};

const textOf = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFHexString || o instanceof PDFString ? o.decodeText() : undefined;

const streamBytes = (o: PDFObject | undefined): Uint8Array | undefined =>
  o instanceof PDFRawStream ? decodePDFRawStream(o).decode() : undefined;

const xmpField = (xmp: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>(?:<rdf:Alt><rdf:li[^>]*>)?([^<]*)<`, 'u').exec(xmp)?.[1];

/** "D:20260105030000Z" → ISO to the second. */
const pdfDateIso = (d: string | undefined): string | undefined => {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/u.exec(d ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
};

export interface PdfAReport {
  problems: string[];
  /** How many distinct fonts the pages use (each checked for an embedded program). */
  fonts: number;
}

export const pdfaReport = async (bytes: Uint8Array): Promise<PdfAReport> => {
  const p: string[] = [];
  const raw = Buffer.from(bytes).toString('latin1');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  // 6.1.2 header: a comment of four bytes ≥ 128 on the second line.
  if (!/^%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}/u.test(raw)) p.push('6.1.2: header without the binary comment');
  // 6.1.3 trailer: /ID present, no /Encrypt.
  if (!ctx.trailerInfo.ID) p.push('6.1.3: no file identifier (/ID) in the trailer');
  if (ctx.trailerInfo.Encrypt) p.push('6.1.3: encrypted');
  // 6.6.2: XMP with pdfaid part 2, conformance B, unfiltered, UTF-8, consistent with /Info.
  const metaObj = look(doc.catalog.get(PDFName.of('Metadata')));
  if (!(metaObj instanceof PDFRawStream)) p.push('6.6.2: no XMP metadata stream');
  else {
    if (metaObj.dict.get(PDFName.of('Filter'))) p.push('6.6.2: the metadata stream is filtered');
    const xmp = new TextDecoder('utf-8', { fatal: true }).decode(metaObj.contents);
    if (xmpField(xmp, 'pdfaid:part') !== '2') p.push('6.6.4: pdfaid:part is not 2');
    if (xmpField(xmp, 'pdfaid:conformance') !== 'B') p.push('6.6.4: pdfaid:conformance is not B');
    const info = look(ctx.trailerInfo.Info);
    if (!(info instanceof PDFDict)) p.push('6.6.2.3: no /Info dictionary');
    else {
      const pairs: [string, string, (s: string | undefined) => string | undefined][] = [
        ['Title', 'dc:title', (s) => s],
        ['Creator', 'xmp:CreatorTool', (s) => s],
        ['Producer', 'pdf:Producer', (s) => s],
        ['CreationDate', 'xmp:CreateDate', pdfDateIso],
        ['ModDate', 'xmp:ModifyDate', pdfDateIso],
      ];
      for (const [key, tag, norm] of pairs) {
        const inInfo = norm(textOf(info.get(PDFName.of(key))));
        const unescaped = xmpField(xmp, tag)
          ?.replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        if (inInfo !== undefined && inInfo !== unescaped)
          p.push(`6.6.2.3: /Info ${key} "${inInfo}" differs from XMP ${tag} "${unescaped}"`);
      }
    }
  }
  // 6.2.3: an OutputIntent GTS_PDFA1 whose profile is a valid ICC stream with N = 3 (DeviceRGB is used).
  const intents = look(doc.catalog.get(PDFName.of('OutputIntents')));
  const pdfa = intents instanceof PDFArray ? intents.asArray().map(look) : [];
  const intent = pdfa.find(
    (i): i is PDFDict => i instanceof PDFDict && i.get(PDFName.of('S')) === PDFName.of('GTS_PDFA1'),
  );
  const profile = look(intent?.get(PDFName.of('DestOutputProfile')));
  if (!intent || !(profile instanceof PDFRawStream))
    p.push('6.2.3: no GTS_PDFA1 OutputIntent with a profile');
  else {
    const n = profile.dict.get(PDFName.of('N'));
    if (!(n instanceof PDFNumber) || n.asNumber() !== 3) p.push('6.2.3: the ICC stream does not say N 3');
    p.push(...iccProblems(streamBytes(profile) ?? new Uint8Array()));
  }
  // 6.2.11.4: every font a page uses has its program embedded (FontFile, FontFile2 or FontFile3).
  const fonts = new Set<PDFDict>();
  for (const page of doc.getPages()) {
    const res = page.node.Resources();
    const dict = look(res?.get(PDFName.of('Font')));
    if (dict instanceof PDFDict)
      for (const ref of dict.values()) {
        const f = look(ref);
        if (f instanceof PDFDict) fonts.add(f);
      }
  }
  for (const f of fonts) {
    const descendants = look(f.get(PDFName.of('DescendantFonts')));
    const font = descendants instanceof PDFArray ? look(descendants.get(0)) : f;
    const descriptor = font instanceof PDFDict ? look(font.get(PDFName.of('FontDescriptor'))) : undefined;
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some(
        (k) => look(descriptor.get(PDFName.of(k))) instanceof PDFRawStream,
      );
    if (!embedded) p.push(`6.2.11.4: font ${String(f.get(PDFName.of('BaseFont')))} is not embedded`);
  }
  // 6.1.7 / 6.4 / 6.6.1: no JavaScript, launch or external content, no transparency — read in every object.
  const found = new Set<string>();
  // Every dictionary, direct ones nested in others included (pdf-lib writes ExtGStates inline).
  const dicts: [PDFDict, boolean][] = [];
  const walk = (o: PDFObject, stream = false): void => {
    if (o instanceof PDFRawStream) walk(o.dict, true);
    else if (o instanceof PDFDict) {
      dicts.push([o, stream]);
      for (const v of o.values()) walk(v);
    } else if (o instanceof PDFArray) for (const v of o.asArray()) walk(v);
  };
  for (const [, obj] of ctx.enumerateIndirectObjects()) walk(obj);
  for (const [d, stream] of dicts) {
    const name = (k: string) => d.get(PDFName.of(k));
    const num = (k: string) => (name(k) instanceof PDFNumber ? (name(k) as PDFNumber).asNumber() : 1);
    if (name('JS') || name('JavaScript')) found.add('6.6.1: JavaScript');
    if (name('S') === PDFName.of('Launch')) found.add('6.6.1: a Launch action');
    if (name('S') === PDFName.of('Transparency')) found.add('6.4: a transparency group');
    if (name('SMask') && name('SMask') !== PDFName.of('None')) found.add('6.4: a soft mask');
    if (num('CA') < 1 || num('ca') < 1) found.add('6.4: constant opacity below 1');
    if (stream && (name('F') || name('FFilter'))) found.add('6.1.7: an external stream');
  }
  if (/\/Encrypt\b/u.test(raw.slice(-4096))) found.add('6.1.3: encrypted');
  p.push(...found);
  // 6.3.2: every annotation (the signature widget too) printable and not hidden.
  for (const page of doc.getPages())
    for (const a of page.node.Annots()?.asArray().map(look) ?? []) {
      const flags = a instanceof PDFDict ? a.get(PDFName.of('F')) : undefined;
      const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
      if ((f & 4) === 0 || (f & (1 | 2 | 32)) !== 0) p.push('6.3.2: an annotation not printable or hidden');
    }
  return { problems: p, fonts: fonts.size };
};
