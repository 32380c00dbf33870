import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildXlsx,
  columnName,
  dateCell,
  dateTimeCell,
  excelSerial,
  readXlsx,
  safeSheetNames,
} from './index';

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

  it('writes dates as dates: a serial number in a dd/mm/yyyy format, the time of an instant in Vietnam', () => {
    const bytes = buildXlsx([
      {
        name: 'Ngày',
        rows: [
          ['Ngày họp', 'Cập nhật', 'Ghi chú'],
          [dateCell('2023-12-05'), dateTimeCell('2023-03-10T02:00:00.000Z'), dateCell('chưa rõ')],
        ],
      },
    ]);
    const [sheet] = readXlsx(bytes);
    const [meeting, updated, note] = sheet?.rows[1] ?? [];
    // 05/12/2023 is day 45265 of Excel's calendar; 02:00 UTC is 09:00 in Vietnam.
    expect(meeting).toMatchObject({ value: 45265, format: 'dd/mm/yyyy', shown: '05/12/2023' });
    expect(updated).toMatchObject({ format: 'dd/mm/yyyy hh:mm', shown: '10/03/2023 09:00' });
    expect(updated?.value).toBeCloseTo(44995 + 9 / 24, 6);
    // Text that is not a date stays text, never a wrong date.
    expect(note).toMatchObject({ value: 'chưa rõ', format: null });
    expect(sheet?.rows[0]?.[0]).toMatchObject({ value: 'Ngày họp', bold: true });
    expect(excelSerial({ kind: 'date', date: '1900-03-01' })).toBe(61);
  });

  it('prints on A4 with the header row on every page; landscape and one page wide when asked', () => {
    const rows = [
      ['Đơn vị', 'Số vụ'],
      ['Phường Tân Phú', 1],
    ];
    const [plain, wide] = readXlsx(
      buildXlsx([
        { name: 'Dọc', rows },
        { name: "Báo cáo 'ngang'", rows, page: { orientation: 'landscape', fitToWidth: true } },
      ]),
    );
    expect(plain?.page).toEqual({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: false,
      fitToWidth: null,
      fitToHeight: null,
    });
    expect(plain?.printTitles).toBe('$1:$1');
    expect(wide?.name).toBe("Báo cáo 'ngang'");
    expect(wide?.page).toEqual({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(wide?.printTitles).toBe('$1:$1');
    expect(wide?.frozenRows).toBe(1);
  });
});
