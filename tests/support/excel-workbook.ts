import { strToU8, zipSync } from 'fflate';

/**
 * A workbook written the way Excel 2016 saves one (no spreadsheet program is installed here to make a
 * real one, so the parts are written by hand after a file Excel saved): every text in sharedStrings.xml
 * (one entry a rich-text run), dates as serials under the built-in format 14 and a custom `dd/mm/yyyy`,
 * numbers under General, text dates in text cells, a merged title and a two-row merged header,
 * `<dimension>`, `spans`, docProps, the sheet reached through a relationship id that is not rId1 and a
 * part name that is not sheet1.xml. Our own writer (`buildXlsx`) emits none of these.
 */
export type FixtureCell = string | number | { serial: number; format: 'builtin14' | 'ddmmyyyy' } | null;

export interface FixtureSheet {
  rows: FixtureCell[][];
  /** Ranges such as `A1:H1`. */
  merges?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + col(i % 26);

/** Days from Excel's epoch to a calendar day. */
export const excelSerialOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

export const excelWorkbook = (sheet: FixtureSheet): Uint8Array => {
  const strings: string[] = [];
  const sst = (s: string) => {
    const at = strings.indexOf(s);
    if (at >= 0) return at;
    strings.push(s);
    return strings.length - 1;
  };
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const rowsXml = sheet.rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null || v === '') return `<c r="${ref}" s="1"/>`;
          if (typeof v === 'string') return `<c r="${ref}" s="1" t="s"><v>${sst(v)}</v></c>`;
          if (typeof v === 'number') return `<c r="${ref}" s="1"><v>${v}</v></c>`;
          return `<c r="${ref}" s="${v.format === 'builtin14' ? 2 : 3}"><v>${v.serial}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}" spans="1:${width}" x14ac:dyDescent="0.25">${cs}</row>`;
    })
    .join('');
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  // The first string as rich text (two runs, the second bold), as Excel stores a partly bold cell.
  const si = strings
    .map((s, i) =>
      i === 0 && s.length > 3
        ? `<si><r><t>${esc(s.slice(0, 3))}</t></r><r><rPr><b/><sz val="12"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">${esc(s.slice(3))}</t></r></si>`
        : `<si><t>${esc(s)}</t></si>`,
    )
    .join('');
  const dim = `A1:${col(width - 1)}${sheet.rows.length}`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/danhsach.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'docProps/app.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>',
    ),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Văn phòng UBND xã</dc:creator></cp:coreProperties>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${ns}" xmlns:r="${rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets><sheet name="Danh sách" sheetId="1" r:id="rId4"/></sheets><calcPr calcId="191029"/></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${rel}/theme" Target="theme/theme1.xml"/><Relationship Id="rId4" Type="${rel}/worksheet" Target="worksheets/danhsach.xml"/><Relationship Id="rId5" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/theme/theme1.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"/>',
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${si}</sst>`,
    ),
    'xl/worksheets/danhsach.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${ns}" xmlns:r="${rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><dimension ref="${dim}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="${width}" width="20" customWidth="1"/></cols><sheetData>${rowsXml}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`,
    ),
  });
};
