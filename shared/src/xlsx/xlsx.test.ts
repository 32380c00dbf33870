import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, columnName, safeSheetNames } from './index';

describe('xlsx writer', () => {
  it('writes a valid package with text, numbers and a bold header', () => {
    const bytes = buildXlsx([
      {
        name: 'Báo cáo định kỳ',
        rows: [
          ['Đơn vị', 'Số vụ', 'Ghi chú'],
          ['Phường Tân Phú', 12, 'A & B <c>'],
          ['Xã Tiến Hưng', 0, null],
        ],
        widths: [30, 10, 20],
      },
      { name: 'Tổng hợp', rows: [['Trạng thái', 'Số lượng']] },
    ]);
    // A ZIP starts with PK.
    expect(bytes[0]).toBe(0x50);
    expect(bytes[1]).toBe(0x4b);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const wb = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect(wb).toContain('<sheet name="Báo cáo định kỳ" sheetId="1" r:id="rId1"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Đơn vị</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('<c r="B3"><v>0</v></c>');
    expect(sheet).toContain('A &amp; B &lt;c&gt;');
    expect(sheet).toContain('state="frozen"');
    expect(sheet).not.toContain('r="C3"');
  });

  it('writes the workbook in the font asked for, Calibri 11 otherwise', () => {
    const styles = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/styles.xml'] ?? new Uint8Array());
    const rows = [['STT'], [1]];
    expect(styles(buildXlsx([{ name: 'a', rows }]))).toContain('<b/><sz val="11"/><name val="Calibri"/>');
    const tnr = styles(buildXlsx([{ name: 'a', rows }], { font: { name: 'Times New Roman', size: 12 } }));
    expect(tnr).toContain('<font><sz val="12"/><name val="Times New Roman"/></font>');
    expect(tnr).toContain('<font><b/><sz val="12"/><name val="Times New Roman"/></font>');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetNames(['a/b', 'x'.repeat(40), 'Tổng hợp', 'tổng hợp'])).toEqual([
      'a b',
      'x'.repeat(31),
      'Tổng hợp',
      'tổng hợp (2)',
    ]);
  });
});
