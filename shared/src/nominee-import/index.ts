import { foldText } from '../admin/fold';
import {
  type AwardType,
  awardTypeAllows,
  type CommendationConfig,
  type NomineeGender,
  type NomineeKind,
} from '../commendation/award-types';
import { nominationFields } from '../commendation/fields';
import type { NomineeImportIssue, NomineeImportRow } from './report';

export * from './report';

/**
 * The Excel import of a nominee list (danh sách đề nghị khen thưởng, collective and individual) into a
 * campaign's nominations, as pure functions the browser and the API both run: the template's columns,
 * finding the header in a sheet as people make it (a title and merged header rows above, a numbering row
 * "(1) (2) (3)" below), every problem of every row in Vietnamese (row, column, reason) BEFORE anything is
 * written, and the form data of each nomination draft. See docs/adr/0033.
 */

/** One transaction per nominee (the unit's list counters allow one change per transaction): bounded. */
export const MAX_NOMINEE_ROWS = 200;

type Need = 'always' | 'individual' | 'optional';

export interface NomineeColumn {
  key: 'kind' | 'name' | 'gender' | 'birthDate' | 'position' | 'unit' | 'award' | 'achievement';
  header: string;
  /** Other headers people write for the column (matched folded: no accents, any case). */
  aliases: readonly string[];
  need: Need;
  hint: string;
  width: number;
}

export const nomineeColumns: readonly NomineeColumn[] = [
  {
    key: 'kind',
    header: 'Cá nhân/Tập thể',
    aliases: ['Loại', 'Loại đối tượng', 'Cá nhân hay tập thể'],
    need: 'always',
    hint: '"Cá nhân" hoặc "Tập thể"',
    width: 14,
  },
  {
    key: 'name',
    header: 'Họ tên/Tên tập thể',
    aliases: ['Họ và tên', 'Họ tên', 'Tên tập thể', 'Tên tập thể, cá nhân', 'Tên tập thể/cá nhân'],
    need: 'always',
    hint: 'Ví dụ: Nguyễn Thị Lan; Tổ dân phố 3',
    width: 30,
  },
  {
    key: 'gender',
    header: 'Giới tính',
    aliases: ['Nam/Nữ', 'Phái'],
    need: 'individual',
    hint: '"Nam" hoặc "Nữ" (in "Ông"/"Bà" trong quyết định); bỏ trống với tập thể',
    width: 10,
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    aliases: ['Ngày tháng năm sinh', 'Sinh ngày'],
    need: 'optional',
    hint: 'dd/mm/yyyy (ô kiểu ngày hoặc chữ); bỏ trống với tập thể',
    width: 14,
  },
  {
    key: 'position',
    header: 'Chức vụ',
    aliases: ['Chức vụ, đơn vị', 'Chức danh', 'Chức vụ/chức danh'],
    need: 'individual',
    hint: 'Ví dụ: Chuyên viên; bỏ trống với tập thể',
    width: 24,
  },
  {
    key: 'unit',
    header: 'Đơn vị',
    aliases: ['Đơn vị công tác', 'Tên đơn vị', 'Mã đơn vị', 'Nơi công tác'],
    need: 'always',
    hint: 'Tên hoặc mã một đơn vị trong danh mục (đơn vị của bạn hoặc trực thuộc)',
    width: 30,
  },
  {
    key: 'award',
    header: 'Danh hiệu/Hình thức',
    aliases: [
      'Hình thức khen thưởng',
      'Danh hiệu thi đua',
      'Danh hiệu, hình thức',
      'Hình thức đề nghị',
      'Danh hiệu/hình thức khen thưởng',
    ],
    need: 'always',
    hint: 'Tên đúng như trong danh mục của phong trào, ví dụ: Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
    width: 40,
  },
  {
    key: 'achievement',
    header: 'Thành tích',
    aliases: ['Tóm tắt thành tích', 'Thành tích đạt được', 'Thành tích chủ yếu'],
    need: 'always',
    hint: 'Tóm tắt thành tích, ví dụ: Hoàn thành xuất sắc nhiệm vụ năm 2026',
    width: 50,
  },
];

/** The units a file may name (the importer's unit and those under it) and the award types offered. */
export interface NomineeImportContext {
  units: readonly { id: string; name: string }[];
  awardTypes: readonly Pick<AwardType, 'id' | 'name' | 'for'>[];
  /** Today (YYYY-MM-DD): a birth date after it is refused. */
  today: string;
}

/** The award types a campaign offers, with their rules (what the import may name). */
export const offeredAwardTypes = (config: CommendationConfig): AwardType[] => {
  const byId = new Map(config.ruleSets.flatMap((r) => r.awardTypes).map((a) => [a.id, a]));
  return config.offeredAwardTypeIds.flatMap((id) => byId.get(id) ?? []);
};

const matchesHeader = (cell: string, c: NomineeColumn): boolean => {
  const f = foldText(cell).replace(/\s*([/,])\s*/g, '$1');
  return [c.header, ...c.aliases].some((h) => foldText(h).replace(/\s*([/,])\s*/g, '$1') === f);
};

/**
 * Where each column is: the row naming most columns, completed from the rows just above and below it (a
 * two-row header whose group cell is merged across its sub-headers); data starts under the last of them.
 */
const findHeader = (sheet: readonly (readonly string[])[]) => {
  let best = { at: -1, found: 0 };
  for (let i = 0; i < Math.min(sheet.length, 15); i++) {
    const found = nomineeColumns.filter((c) =>
      (sheet[i] ?? []).some((cell) => matchesHeader(cell, c)),
    ).length;
    if (found > best.found) best = { at: i, found };
  }
  if (best.found < 3) return null;
  const position = new Map<NomineeColumn['key'], number>();
  let last = best.at;
  for (const r of [best.at, best.at - 1, best.at + 1]) {
    for (const c of nomineeColumns) {
      if (position.has(c.key)) continue;
      const at = (sheet[r] ?? []).findIndex((cell) => matchesHeader(cell, c));
      if (at >= 0) {
        position.set(c.key, at);
        last = Math.max(last, r);
      }
    }
  }
  return { headerRow: best.at, dataFrom: last + 1, position };
};

const KINDS: Record<string, NomineeKind> = {
  'ca nhan': 'individual',
  individual: 'individual',
  'tap the': 'collective',
  collective: 'collective',
};
const GENDERS: Record<string, NomineeGender> = { nam: 'male', male: 'male', nu: 'female', female: 'female' };

const validDay = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
};

/**
 * A date as a spreadsheet gives it: `yyyy-mm-dd` (the reader's rendering of a date cell), an Excel serial
 * in a General cell, or text `dd/mm/yyyy` (also `-` or `.`). Null when it names no real day.
 */
export const parseSheetDate = (text: string): string | null => {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  // Five digits (from 1927 on): a bare four-digit number is a year someone typed, not a day.
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const d = new Date(Math.round((Number(s) - 25_569) * 86_400_000));
    return validDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
};

/** A numbering row under the header: "(1)", "2", "(3)"... in every filled cell. */
const isNumberingRow = (cells: readonly string[]) => {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 1 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c.trim()));
};

const headerOf = (key: NomineeColumn['key']) => nomineeColumns.find((c) => c.key === key)?.header ?? key;

/**
 * The sheet's rows (as `readFirstSheetRows` gives them) → the rows to import and EVERY problem: a column
 * missing, a field missing (for its kind), an unknown unit or award type, an award not given to that kind,
 * an invalid date, the same nominee twice in the file, too many rows. Nothing is written on any problem.
 */
export function checkNomineeSheet(
  sheet: readonly (readonly string[])[],
  ctx: NomineeImportContext,
): { rows: NomineeImportRow[]; issues: NomineeImportIssue[]; rowCount: number } {
  const header = findHeader(sheet);
  if (!header)
    return {
      rows: [],
      rowCount: 0,
      issues: [
        {
          row: 1,
          column: '',
          message: `Không tìm thấy dòng tiêu đề; tệp cần các cột: ${nomineeColumns.map((c) => c.header).join(', ')}`,
        },
      ],
    };
  const issues: NomineeImportIssue[] = [];
  for (const c of nomineeColumns)
    if (!header.position.has(c.key) && c.need !== 'optional')
      issues.push({ row: header.headerRow + 1, column: c.header, message: 'Thiếu cột này ở dòng tiêu đề' });
  if (issues.length > 0) return { rows: [], issues, rowCount: 0 };

  const unitsById = new Map(ctx.units.map((u) => [u.id, u]));
  const unitsByName = new Map<string, { id: string; name: string }[]>();
  for (const u of ctx.units)
    unitsByName.set(foldText(u.name), [...(unitsByName.get(foldText(u.name)) ?? []), u]);
  const awardsByName = new Map(ctx.awardTypes.map((a) => [foldText(a.name), a]));

  const rows: NomineeImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  let count = 0;
  sheet.slice(header.dataFrom).forEach((cells, i) => {
    const row = header.dataFrom + i + 1;
    const v = (key: NomineeColumn['key']) =>
      (cells[header.position.get(key) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
    if (nomineeColumns.every((c) => v(c.key) === '') || isNumberingRow(cells)) return;
    count += 1;
    const problems: NomineeImportIssue[] = [];
    const problem = (key: NomineeColumn['key'], message: string) =>
      problems.push({ row, column: headerOf(key), message });

    const kind = KINDS[foldText(v('kind'))];
    if (v('kind') === '') problem('kind', 'Không được để trống');
    else if (!kind) problem('kind', 'Ghi "Cá nhân" hoặc "Tập thể"');
    for (const c of nomineeColumns) {
      const needed = c.need === 'always' || (c.need === 'individual' && kind === 'individual');
      if (needed && c.key !== 'kind' && v(c.key) === '') problem(c.key, 'Không được để trống');
    }
    if (v('name').length > 200) problem('name', 'Tối đa 200 ký tự');
    const gender = v('gender') === '' ? undefined : GENDERS[foldText(v('gender'))];
    if (v('gender') !== '' && !gender) problem('gender', 'Ghi "Nam" hoặc "Nữ"');
    let birthDate: string | undefined;
    if (v('birthDate') !== '') {
      const d = parseSheetDate(v('birthDate'));
      if (!d) problem('birthDate', `Ngày không hợp lệ: "${v('birthDate')}" (ghi dd/mm/yyyy)`);
      else if (d > ctx.today) problem('birthDate', 'Ngày sinh sau ngày hôm nay');
      else birthDate = d;
    }
    if (kind === 'collective' && (gender || birthDate))
      problem(gender ? 'gender' : 'birthDate', 'Tập thể không có giới tính, ngày sinh');

    let unit: { id: string; name: string } | undefined;
    if (v('unit') !== '') {
      const byName = unitsByName.get(foldText(v('unit'))) ?? [];
      unit = unitsById.get(v('unit')) ?? (byName.length === 1 ? byName[0] : undefined);
      if (byName.length > 1) problem('unit', 'Nhiều đơn vị cùng tên này; ghi mã đơn vị');
      else if (!unit)
        problem('unit', `Không có đơn vị "${v('unit')}" trong danh mục (đơn vị của bạn hoặc trực thuộc)`);
    }
    let award: Pick<AwardType, 'id' | 'name' | 'for'> | undefined;
    if (v('award') !== '') {
      award = ctx.awardTypes.find((a) => a.id === v('award')) ?? awardsByName.get(foldText(v('award')));
      if (!award) problem('award', `Phong trào không có danh hiệu/hình thức "${v('award')}"`);
      else if (kind && !awardTypeAllows(award, kind))
        problem('award', `${award.name} không dành cho ${kind === 'individual' ? 'cá nhân' : 'tập thể'}`);
    }
    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    if (!kind || !unit || !award) return;
    const key = [kind, foldText(v('name')), unit.id, birthDate ?? ''].join('|');
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.push({
        row,
        column: '',
        message: `Trùng với dòng ${first} (cùng tên, đơn vị${birthDate ? ', ngày sinh' : ''})`,
      });
      return;
    }
    firstRowOf.set(key, row);
    rows.push({
      row,
      kind,
      name: v('name'),
      ...(kind === 'individual' && gender ? { gender } : {}),
      ...(kind === 'individual' && birthDate ? { birthDate } : {}),
      position: kind === 'individual' ? v('position') : '',
      unitId: unit.id,
      unitName: unit.name,
      awardTypeId: award.id,
      awardTypeName: award.name,
      achievement: v('achievement'),
    });
  });
  if (count === 0)
    issues.push({ row: header.dataFrom + 1, column: '', message: 'Tệp không có dòng dữ liệu nào' });
  if (count > MAX_NOMINEE_ROWS)
    issues.push({
      row: header.headerRow + 1,
      column: '',
      message: `Tệp có ${count} dòng; mỗi lần nhập tối đa ${MAX_NOMINEE_ROWS} dòng, hãy chia thành nhiều tệp`,
    });
  const order = (column: string) => nomineeColumns.findIndex((c) => c.header === column);
  issues.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
  return { rows, issues, rowCount: count };
}

/** The form data of the nomination draft a row becomes (the nomination template's fields). */
export const nomineeFormData = (r: NomineeImportRow): Record<string, Record<string, unknown>> => {
  const f = (path: string) => path.split('.')[1] as string;
  const n = nominationFields;
  return {
    nominee: {
      [f(n.nomineeKind)]: r.kind,
      ...(r.kind === 'individual'
        ? {
            [f(n.fullName)]: r.name,
            [f(n.nomineeTitle)]: r.position,
            ...(r.gender ? { [f(n.gender)]: r.gender } : {}),
            ...(r.birthDate ? { [f(n.birthDate)]: r.birthDate } : {}),
          }
        : { [f(n.collectiveName)]: r.name }),
      [f(n.nomineeUnitName)]: r.unitName,
      [f(n.awardTypeId)]: r.awardTypeId,
    },
    achievement: { [f(n.achievementSummary)]: r.achievement },
  };
};

/** The template: the list sheet (header, one individual, one collective) and a guide with the award types. */
export const nomineeImportTemplate = (
  awardTypes: readonly Pick<AwardType, 'name' | 'for'>[],
  unitName: string,
): { name: string; rows: string[][]; widths: number[] }[] => {
  const forLabel = { individual: 'Cá nhân', collective: 'Tập thể', both: 'Cá nhân và tập thể' } as const;
  const individual = awardTypes.find((a) => a.for !== 'collective')?.name ?? '';
  const collective = awardTypes.find((a) => a.for !== 'individual')?.name ?? '';
  return [
    {
      name: 'Danh sách',
      rows: [
        nomineeColumns.map((c) => c.header),
        [
          'Cá nhân',
          'Nguyễn Thị Lan',
          'Nữ',
          '07/02/1985',
          'Chuyên viên',
          unitName,
          individual,
          'Hoàn thành xuất sắc nhiệm vụ năm 2026',
        ],
        ['Tập thể', 'Tổ dân phố 3', '', '', '', unitName, collective, 'Dẫn đầu phong trào thi đua năm 2026'],
      ],
      widths: nomineeColumns.map((c) => c.width),
    },
    {
      name: 'Hướng dẫn',
      rows: [
        ['Cột', 'Cách ghi'],
        ...nomineeColumns.map((c) => [c.header, c.hint]),
        ['', ''],
        ['Danh hiệu/Hình thức', 'Dành cho'],
        ...awardTypes.map((a) => [a.name, forLabel[a.for]]),
        ['', ''],
        [
          '',
          `Xóa các dòng ví dụ trước khi nhập. Tối đa ${MAX_NOMINEE_ROWS} dòng mỗi tệp; có lỗi thì không dòng nào được ghi.`,
        ],
      ],
      widths: [40, 90],
    },
  ];
};
