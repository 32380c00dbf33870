import { describe, expect, it } from 'vitest';
import { excelSerialOf, excelWorkbook } from '../../../tests/support/excel-workbook';
import { commendationConfig2023 } from '../commendation/config-2023';
import { buildXlsx, readFirstSheetRows } from '../xlsx';
import {
  checkNomineeSheet,
  MAX_NOMINEE_ROWS,
  type NomineeImportContext,
  nomineeColumns,
  nomineeFormData,
  nomineeImportTemplate,
  offeredAwardTypes,
  parseSheetDate,
} from '.';

/**
 * Issue 17, point 6: the nominee list a commune's office keeps in Excel — a merged title, a two-row merged
 * header, a numbering row, dates as serials and as text — read into nominations, every problem reported
 * with its row and column before anything is written.
 */
const ctx: NomineeImportContext = {
  units: [
    { id: 'xa-an-binh', name: 'Ủy ban nhân dân xã An Bình' },
    { id: 'truong-th-an-binh', name: 'Trường Tiểu học An Bình' },
    { id: 'thon-1', name: 'Thôn 1' },
    { id: 'thon-1b', name: 'Thôn 1' },
  ],
  awardTypes: offeredAwardTypes(commendationConfig2023('c1')),
  today: '2026-12-06',
};

const title = 'ỦY BAN NHÂN DÂN XÃ AN BÌNH';
const list = 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026';
const gk = 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã';

const workbook = () =>
  excelWorkbook({
    rows: [
      [title, title, title, title, title, title, title, title, title],
      [list, null, null, null, null, null, null, null, null],
      [
        'STT',
        'Đối tượng đề nghị',
        null,
        null,
        null,
        null,
        'Đơn vị công tác',
        'Hình thức khen thưởng',
        'Thành tích',
      ],
      [null, 'Cá nhân/Tập thể', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', null, null, null],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
      [
        1,
        'Cá nhân',
        'Nguyễn Thị Lan',
        'Nữ',
        { serial: excelSerialOf('1985-02-07'), format: 'builtin14' },
        'Chuyên viên',
        'Ủy ban nhân dân xã An Bình',
        gk,
        'Hoàn thành xuất sắc nhiệm vụ',
      ],
      [
        2,
        'cá nhân',
        'Trần Văn Hùng',
        'Nam',
        '12/5/1979',
        'Giáo viên',
        'truong-th-an-binh',
        'Lao động tiên tiến',
        'Giáo viên dạy giỏi cấp huyện',
      ],
      [
        3,
        'Tập thể',
        'Tổ dân phố 3',
        null,
        null,
        null,
        'Ủy ban nhân dân xã An Bình',
        'Tập thể lao động tiên tiến',
        'Dẫn đầu phong trào',
      ],
      [
        4,
        'Cá nhân',
        'Lê Văn Ba',
        'Nam',
        { serial: excelSerialOf('1990-10-02'), format: 'ddmmyyyy' },
        'Trưởng thôn',
        'Trường Tiểu học An Bình',
        'Chiến sĩ thi đua cơ sở',
        'Hoàn thành xuất sắc',
      ],
    ],
    merges: ['A1:I1', 'A2:I2', 'A3:A4', 'B3:F3', 'G3:G4', 'H3:H4', 'I3:I4'],
  });

describe('the nominee list import', () => {
  it('reads an Excel-saved list (merged title and header, numbering row, dates as serials and text)', () => {
    const sheet = readFirstSheetRows(workbook());
    const r = checkNomineeSheet(sheet, ctx);
    expect(r.issues).toEqual([]);
    expect(r.rowCount).toBe(4);
    expect(
      r.rows.map((x) => [x.row, x.kind, x.name, x.gender, x.birthDate, x.unitId, x.awardTypeId]),
    ).toEqual([
      [6, 'individual', 'Nguyễn Thị Lan', 'female', '1985-02-07', 'xa-an-binh', 'giay_khen_chu_tich_ubnd_xa'],
      [7, 'individual', 'Trần Văn Hùng', 'male', '1979-05-12', 'truong-th-an-binh', 'lao_dong_tien_tien'],
      [8, 'collective', 'Tổ dân phố 3', undefined, undefined, 'xa-an-binh', 'tap_the_lao_dong_tien_tien'],
      [9, 'individual', 'Lê Văn Ba', 'male', '1990-10-02', 'truong-th-an-binh', 'chien_si_thi_dua_co_so'],
    ]);
    expect(nomineeFormData(r.rows[0] ?? (undefined as never))).toEqual({
      nominee: {
        kind: 'individual',
        fullName: 'Nguyễn Thị Lan',
        position: 'Chuyên viên',
        gender: 'female',
        birthDate: '1985-02-07',
        unitName: 'Ủy ban nhân dân xã An Bình',
        awardTypeId: 'giay_khen_chu_tich_ubnd_xa',
      },
      achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ' },
    });
    expect(nomineeFormData(r.rows[2] ?? (undefined as never)).nominee).toEqual({
      kind: 'collective',
      collectiveName: 'Tổ dân phố 3',
      unitName: 'Ủy ban nhân dân xã An Bình',
      awardTypeId: 'tap_the_lao_dong_tien_tien',
    });
  });

  it('reports every problem by row and column in Vietnamese, and keeps no row of a faulty file', () => {
    const head = nomineeColumns.map((c) => c.header);
    const row = (...cells: string[]) => cells;
    const r = checkNomineeSheet(
      [
        head,
        row('Cá nhân', 'Nguyễn Thị Lan', 'Nữ', '07/02/1985', 'Chuyên viên', 'xa-an-binh', gk, 'Xuất sắc'),
        row('Cá nhân', '', 'X', '31/02/1990', '', 'Xã Không Có', 'Huân chương Lao động hạng Ba', ''),
        row('Tập thể', 'Tổ 5', '', '', '', 'Thôn 1', 'Lao động tiên tiến', 'Tốt'),
        row('Nhóm', 'Tổ 6', '', '', '', 'xa-an-binh', gk, 'Tốt'),
        row(
          'cá nhân',
          'nguyễn thị  lan',
          'Nữ',
          '1985-02-07',
          'Chuyên viên',
          'Ủy ban nhân dân xã An Bình',
          gk,
          'Xuất sắc',
        ),
        row(
          'Cá nhân',
          'Phan Văn Tư',
          'Nam',
          '01/01/2030',
          'Cán bộ',
          'xa-an-binh',
          'Tập thể lao động tiên tiến',
          'Tốt',
        ),
      ],
      ctx,
    );
    expect(r.rows).toHaveLength(1);
    expect(r.issues).toEqual([
      { row: 3, column: 'Họ tên/Tên tập thể', message: 'Không được để trống' },
      { row: 3, column: 'Giới tính', message: 'Ghi "Nam" hoặc "Nữ"' },
      { row: 3, column: 'Ngày sinh', message: 'Ngày không hợp lệ: "31/02/1990" (ghi dd/mm/yyyy)' },
      { row: 3, column: 'Chức vụ', message: 'Không được để trống' },
      {
        row: 3,
        column: 'Đơn vị',
        message: 'Không có đơn vị "Xã Không Có" trong danh mục (đơn vị của bạn hoặc trực thuộc)',
      },
      {
        row: 3,
        column: 'Danh hiệu/Hình thức',
        message: 'Phong trào không có danh hiệu/hình thức "Huân chương Lao động hạng Ba"',
      },
      { row: 3, column: 'Thành tích', message: 'Không được để trống' },
      { row: 4, column: 'Đơn vị', message: 'Nhiều đơn vị cùng tên này; ghi mã đơn vị' },
      { row: 4, column: 'Danh hiệu/Hình thức', message: 'Lao động tiên tiến không dành cho tập thể' },
      { row: 5, column: 'Cá nhân/Tập thể', message: 'Ghi "Cá nhân" hoặc "Tập thể"' },
      { row: 6, column: '', message: 'Trùng với dòng 2 (cùng tên, đơn vị, ngày sinh)' },
      { row: 7, column: 'Ngày sinh', message: 'Ngày sinh sau ngày hôm nay' },
      { row: 7, column: 'Danh hiệu/Hình thức', message: 'Tập thể lao động tiên tiến không dành cho cá nhân' },
    ]);
  });

  it('names a missing column, a sheet without a header, an empty list and too many rows', () => {
    const head = nomineeColumns.filter((c) => c.key !== 'award').map((c) => c.header);
    expect(checkNomineeSheet([head], ctx).issues).toEqual([
      { row: 1, column: 'Danh hiệu/Hình thức', message: 'Thiếu cột này ở dòng tiêu đề' },
    ]);
    expect(checkNomineeSheet([['a', 'b']], ctx).issues[0]?.message).toMatch(/^Không tìm thấy dòng tiêu đề/);
    expect(checkNomineeSheet([nomineeColumns.map((c) => c.header)], ctx).issues).toEqual([
      { row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào' },
    ]);
    const many = Array.from({ length: MAX_NOMINEE_ROWS + 1 }, (_, i) => [
      'Tập thể',
      `Tổ ${i}`,
      '',
      '',
      '',
      'xa-an-binh',
      gk,
      'Tốt',
    ]);
    const r = checkNomineeSheet([nomineeColumns.map((c) => c.header), ...many], ctx);
    expect(r.issues).toEqual([
      {
        row: 1,
        column: '',
        message: `Tệp có ${MAX_NOMINEE_ROWS + 1} dòng; mỗi lần nhập tối đa ${MAX_NOMINEE_ROWS} dòng, hãy chia thành nhiều tệp`,
      },
    ]);
  });

  it('the downloadable template reads back clean (its example rows import as they are)', () => {
    const bytes = buildXlsx(nomineeImportTemplate(ctx.awardTypes, 'Ủy ban nhân dân xã An Bình'));
    const r = checkNomineeSheet(readFirstSheetRows(bytes), ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.kind)).toEqual(['individual', 'collective']);
  });

  it('dates: serials, text in three separators, ISO; refuses days that do not exist', () => {
    expect(parseSheetDate('31047')).toBe('1984-12-31');
    expect(parseSheetDate('7.2.1985')).toBe('1985-02-07');
    expect(parseSheetDate('07-02-1985')).toBe('1985-02-07');
    expect(parseSheetDate('1985-02-07')).toBe('1985-02-07');
    expect(parseSheetDate('29/02/2023')).toBeNull();
    expect(parseSheetDate('1985')).toBeNull();
    expect(parseSheetDate('ngày 7')).toBeNull();
  });
});

describe('a workbook that unpacks too big', () => {
  it('is refused from its declared sizes, before anything is inflated (a zip bomb)', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': strToU8('<x/>'),
    });
    // The central directory says what each part unpacks to: claim 60 MB for the sheet.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 46 <= bytes.length; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 60 * 1024 * 1024, true);
    expect(() => readFirstSheetRows(bytes)).toThrow(/quá lớn khi giải nén/);
  });
});
