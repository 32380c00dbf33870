import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, dateCell, readFirstSheetRows, UnreadableWorkbook } from '../xlsx';
import { checkImportReferences, importTemplate, MAX_IMPORT_ROWS, readImportRows } from './import';
import { checkOfficeHolders } from './office-holders';

/** A workbook as Excel saves it: shared strings, a rich-text run, a date with a built-in format, a gap. */
const excelStyleWorkbook = (): Uint8Array =>
  zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="r"><sheets><sheet name="Người dùng" sheetId="1" r:id="rId7"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      '<sst><si><t>Họ và tên</t></si><si><r><t>Thư </t></r><r><t xml:space="preserve">điện tử</t></r></si><si><t>Lê &amp; Lan</t></si></sst>',
    ),
    'xl/styles.xml': strToU8(
      '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/data.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3" s="1"><v>45108</v></c><c r="D3" t="b"><v>1</v></c><c r="E3"/></row></sheetData></worksheet>',
    ),
  });

describe('reading an uploaded workbook', () => {
  it('follows the relationships and reads shared strings, runs, dates and gaps as Excel shows them', () => {
    expect(readFirstSheetRows(excelStyleWorkbook())).toEqual([
      ['Họ và tên', 'Thư điện tử'],
      [],
      ['Lê & Lan', '', '2023-07-01', 'TRUE', ''],
    ]);
  });

  it('reads back the template our writer builds, dates included', () => {
    const bytes = buildXlsx([{ name: 'x', rows: [['Ngày'], [dateCell('2025-07-01')], [12]] }]);
    expect(readFirstSheetRows(bytes)).toEqual([['Ngày'], ['2025-07-01'], ['12']]);
  });

  it('names a file that is not a workbook', () => {
    expect(() => readFirstSheetRows(strToU8('a,b,c'))).toThrow(UnreadableWorkbook);
  });
});

const usersHeader = importTemplate('users')[0]?.rows[0] ?? [];
const unitsHeader = importTemplate('units')[0]?.rows[0] ?? [];

describe('import rows', () => {
  it('lists every bad cell of every row with its row number and column, and duplicates', () => {
    const { issues, rows } = readImportRows('users', [
      usersHeader,
      ['Nguyễn Thị Lan', 'LAN@x.vn', 'Chuyên viên', 'tan-phu', 'Cán bộ nhập liệu, lãnh đạo đơn vị'],
      ['', 'not-an-email', '', 'tan phu', 'thu ky'],
      [],
      ['Trần Văn B', 'lan@x.vn', '', 'tan-phu', 'reviewer'],
    ]);
    expect(issues).toEqual([
      { row: 3, column: 'Họ và tên', message: 'Không được để trống' },
      { row: 3, column: 'Thư điện tử', message: 'Địa chỉ thư điện tử không hợp lệ' },
      { row: 3, column: 'Mã đơn vị', message: expect.stringContaining('Mã chỉ gồm') },
      { row: 3, column: 'Vai trò', message: expect.stringContaining('Vai trò không hợp lệ') },
      { row: 5, column: 'Thư điện tử', message: 'Trùng với dòng 2' },
    ]);
    expect(rows.rows[0]).toMatchObject({ email: 'lan@x.vn', roles: ['submitter', 'unit_head'] });
  });

  it('refuses a header without the template columns, and more rows than one transaction holds', () => {
    expect(readImportRows('units', [['Tên đơn vị']]).issues.map((i) => i.column)).toEqual([
      'Mã đơn vị',
      'Loại đơn vị',
      'Mã đơn vị cấp trên',
      'Ngày thành lập',
    ]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [
      `u${i}`,
      `Xã ${i}`,
      'commune',
      'root',
      '01/07/2025',
    ]);
    expect(readImportRows('units', [unitsHeader, ...many]).issues).toEqual([
      { row: 1, column: '', message: expect.stringContaining(`tối đa ${MAX_IMPORT_ROWS} dòng`) },
    ]);
  });

  it('checks references: a parent must exist or come in an earlier row; ids and e-mails not taken', () => {
    const { rows, issues } = readImportRows('units', [
      unitsHeader,
      ['xa-a', 'Xã A', 'Cấp xã', 'xa-b', '1/7/2025'],
      ['xa-b', 'Xã B', 'commune', 'root', '2025-07-01'],
      ['root', 'Trùng', 'commune', 'xa-b', '2025-07-01'],
    ]);
    expect(issues).toEqual([]);
    expect(rows.rows[0]).toMatchObject({ kind: 'commune', openedOn: '2025-07-01' });
    expect(
      checkImportReferences(rows, { existingUnitIds: new Set(['root']), takenEmails: new Set() }),
    ).toEqual([
      { row: 2, column: 'Mã đơn vị cấp trên', message: expect.stringContaining('Không có đơn vị cấp trên') },
      { row: 4, column: 'Mã đơn vị', message: 'Mã đơn vị đã có' },
    ]);
  });
});

describe('office holders', () => {
  const h = (id: string, role: 'head' | 'deputy', from: string, to: string | null) => ({
    id,
    role,
    name: 'Người Giữ Chức',
    title: role === 'head' ? 'CHỦ TỊCH' : 'PHÓ CHỦ TỊCH',
    from,
    to,
  });
  it('allows one head at a time and deputies alongside, refuses overlaps and reversed dates', () => {
    expect(
      checkOfficeHolders([
        h('a', 'head', '2021-01-01', '2025-06-30'),
        h('b', 'head', '2025-07-01', null),
        h('c', 'deputy', '2021-01-01', null),
      ]),
    ).toEqual([]);
    expect(
      checkOfficeHolders([h('a', 'head', '2021-01-01', null), h('b', 'head', '2025-07-01', '2025-01-01')]),
    ).toEqual([
      { path: '1.to', message: expect.any(String) },
      { path: '1.from', message: expect.stringContaining('dòng 1') },
    ]);
  });
});
