import * as z from 'zod';
import { CalendarDate, Id } from '../common';
import { Role, UnitKind, unitKindLabels } from '../org/schema';
import { foldText } from './fold';
import type { ImportIssue } from './issue';

/**
 * The Excel import of units and of users, as pure functions both sides run: the columns of the template,
 * reading a sheet's rows into typed rows, and every problem of every row (row number, column, reason in
 * Vietnamese). The browser shows the report of a dry run; the API validates the whole file again and
 * writes all rows or none (docs/adr/0015-admin-screens-and-import.md).
 */
export const importKinds = ['units', 'users'] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * At most this many rows per file: all rows are written in ONE DynamoDB transaction (100 items) beside the
 * Idempotency-Key record, and each row starts its own audit chain (its `created` event and the chain's
 * head): 3 items a row, (100 − 1) / 3 = 33 (ADR 0015 says how a larger import would be staged).
 */
export const MAX_IMPORT_ROWS = 33;

export interface ImportColumn {
  key: string;
  /** The header cell of the template, in Vietnamese (matched without accents and case). */
  header: string;
  /** What to write, shown in the template's guide sheet. */
  hint: string;
  width: number;
}

export const importColumns: Record<ImportKind, readonly ImportColumn[]> = {
  units: [
    {
      key: 'id',
      header: 'Mã đơn vị',
      hint: 'Chữ không dấu, số, "-" hoặc "_"; ví dụ: phuong-tan-phu',
      width: 24,
    },
    { key: 'name', header: 'Tên đơn vị', hint: 'Ví dụ: Phường Tân Phú', width: 36 },
    {
      key: 'kind',
      header: 'Loại đơn vị',
      hint: 'Cấp tỉnh, Cấp xã, Sở, ban, ngành, đoàn thể… hoặc mã loại',
      width: 26,
    },
    {
      key: 'parentId',
      header: 'Mã đơn vị cấp trên',
      hint: 'Mã một đơn vị đã có, hoặc của một dòng phía trên',
      width: 24,
    },
    { key: 'openedOn', header: 'Ngày thành lập', hint: 'dd/mm/yyyy', width: 16 },
  ],
  users: [
    { key: 'name', header: 'Họ và tên', hint: 'Ví dụ: Nguyễn Thị Lan', width: 28 },
    { key: 'email', header: 'Thư điện tử', hint: 'Địa chỉ đăng nhập, mỗi người một địa chỉ', width: 32 },
    { key: 'title', header: 'Chức vụ', hint: 'Có thể để trống', width: 24 },
    { key: 'unitId', header: 'Mã đơn vị', hint: 'Mã một đơn vị đã có', width: 24 },
    { key: 'roles', header: 'Vai trò', hint: 'Một hoặc nhiều vai trò, cách nhau bằng dấu phẩy', width: 36 },
  ],
};

/** Vietnamese names of the roles, accepted in the "Vai trò" column beside the role keys. */
export const roleLabelsVi: Readonly<Record<Role, string>> = {
  submitter: 'Cán bộ nhập liệu',
  unit_head: 'Lãnh đạo đơn vị',
  reviewer: 'Cán bộ thẩm định',
  secretariat: 'Cơ quan thường trực',
  council_member: 'Thành viên Hội đồng',
  chair: 'Chủ tịch',
  admin: 'Quản trị',
};

export { ImportIssue } from './issue';

export const UnitImportRow = z.object({
  row: z.number().int(),
  id: Id,
  name: z.string().trim().min(1).max(200),
  kind: UnitKind,
  parentId: Id,
  openedOn: CalendarDate,
});
export type UnitImportRow = z.infer<typeof UnitImportRow>;

export const UserImportRow = z.object({
  row: z.number().int(),
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  title: z.string().trim().max(200),
  unitId: Id,
  roles: z.array(Role).min(1),
});
export type UserImportRow = z.infer<typeof UserImportRow>;

export type ImportRows = { kind: 'units'; rows: UnitImportRow[] } | { kind: 'users'; rows: UserImportRow[] };

const byFolded = (labels: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(
    Object.entries(labels).flatMap(([key, label]) => [[foldText(label), key] as const, [key, key] as const]),
  );
const kindByLabel = byFolded(unitKindLabels);
const roleByLabel = byFolded(roleLabelsVi);

/** `07/02/2023`, `7/2/2023` or `2023-02-07` → `2023-02-07`; anything else unchanged (the schema names it). */
const isoDate = (s: string): string => {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return vn ? `${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}` : s;
};

const cellsOf = (kind: ImportKind, cells: Record<string, string>): Record<string, unknown> => {
  if (kind === 'units') {
    const kindCell = cells.kind ?? '';
    return {
      ...cells,
      kind: kindByLabel.get(foldText(kindCell)) ?? kindCell,
      openedOn: isoDate(cells.openedOn ?? ''),
    };
  }
  const roleCells = (cells.roles ?? '')
    .split(/[,;\n]/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
  return {
    ...cells,
    email: (cells.email ?? '').trim().toLowerCase(),
    roles: [...new Set(roleCells.map((r) => roleByLabel.get(foldText(r)) ?? r))],
  };
};

const MESSAGES: Record<string, string> = {
  id: 'Mã chỉ gồm chữ không dấu, số, "-" hoặc "_" (tối đa 64 ký tự)',
  parentId: 'Mã chỉ gồm chữ không dấu, số, "-" hoặc "_" (tối đa 64 ký tự)',
  unitId: 'Mã chỉ gồm chữ không dấu, số, "-" hoặc "_" (tối đa 64 ký tự)',
  name: 'Không được để trống (tối đa 200 ký tự)',
  kind: 'Loại đơn vị không hợp lệ',
  openedOn: 'Ngày không hợp lệ (dd/mm/yyyy)',
  email: 'Địa chỉ thư điện tử không hợp lệ',
  title: 'Tối đa 200 ký tự',
  roles: `Vai trò không hợp lệ; dùng: ${Object.values(roleLabelsVi).join(', ')}`,
};

/**
 * The sheet's rows (header first, as text) → the typed rows and every problem found in the file itself:
 * a missing column, a bad cell, the same unit id or e-mail twice, too many rows. References to what is
 * stored (a parent unit, an e-mail already used) are checked by `checkImportReferences`.
 */
export function readImportRows(
  kind: ImportKind,
  sheet: readonly (readonly string[])[],
): { rows: ImportRows; issues: ImportIssue[]; rowCount: number } {
  const columns = importColumns[kind];
  const issues: ImportIssue[] = [];
  const header = (sheet[0] ?? []).map((h) => foldText(h));
  const position = new Map(columns.map((c) => [c.key, header.indexOf(foldText(c.header))]));
  for (const c of columns) {
    if (position.get(c.key) === -1)
      issues.push({ row: 1, column: c.header, message: 'Thiếu cột này ở dòng tiêu đề' });
  }
  const typed: (UnitImportRow | UserImportRow)[] = [];
  if (issues.length > 0) return { rows: { kind, rows: [] } as ImportRows, issues, rowCount: 0 };
  const schema = kind === 'units' ? UnitImportRow : UserImportRow;
  let count = 0;
  sheet.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const values = Object.fromEntries(
      columns.map((c) => [c.key, (cells[position.get(c.key) ?? -1] ?? '').trim()]),
    );
    if (Object.values(values).every((v) => v === '')) return;
    count += 1;
    const parsed = schema.safeParse({ row, ...cellsOf(kind, values) });
    if (parsed.success) {
      typed.push(parsed.data);
      return;
    }
    const bad = new Set(parsed.error.issues.map((x) => String(x.path[0] ?? '')));
    for (const c of columns) {
      if (!bad.has(c.key)) continue;
      const empty = values[c.key] === '' && c.key !== 'title';
      issues.push({
        row,
        column: c.header,
        message: empty ? 'Không được để trống' : (MESSAGES[c.key] ?? 'Không hợp lệ'),
      });
    }
  });
  if (count === 0) issues.push({ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào' });
  if (count > MAX_IMPORT_ROWS) {
    issues.push({
      row: 1,
      column: '',
      message: `Tệp có ${count} dòng; mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng, hãy chia thành nhiều tệp`,
    });
  }
  const key = kind === 'units' ? 'id' : 'email';
  const column = columns.find((c) => c.key === key)?.header ?? '';
  const firstRow = new Map<string, number>();
  for (const r of typed) {
    const value = kind === 'units' ? (r as UnitImportRow).id : (r as UserImportRow).email;
    const first = firstRow.get(value);
    if (first === undefined) firstRow.set(value, r.row);
    else issues.push({ row: r.row, column, message: `Trùng với dòng ${first}` });
  }
  return { rows: { kind, rows: typed } as ImportRows, issues, rowCount: count };
}

/** What is stored, as far as the file refers to it (the API reads exactly these keys). */
export interface ImportReferences {
  /** Units that exist in the tenant, among the ids the file names. */
  existingUnitIds: ReadonlySet<string>;
  /** E-mails that already have an account, among those the file names. */
  takenEmails: ReadonlySet<string>;
}

/** The unit ids and e-mails a file names: what the API looks up before `checkImportReferences`. */
export function importLookups(rows: ImportRows): { unitIds: string[]; emails: string[] } {
  if (rows.kind === 'units')
    return { unitIds: [...new Set(rows.rows.flatMap((r) => [r.id, r.parentId]))], emails: [] };
  return { unitIds: [...new Set(rows.rows.map((r) => r.unitId))], emails: rows.rows.map((r) => r.email) };
}

/**
 * Problems against what is stored: a unit id already used, a parent that neither exists nor comes in an
 * earlier row, a user's unit that does not exist, an e-mail that already has an account.
 */
export function checkImportReferences(rows: ImportRows, refs: ImportReferences): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const header = (key: string) => importColumns[rows.kind].find((c) => c.key === key)?.header ?? key;
  if (rows.kind === 'units') {
    const earlier = new Set<string>();
    for (const r of rows.rows) {
      if (refs.existingUnitIds.has(r.id))
        issues.push({ row: r.row, column: header('id'), message: 'Mã đơn vị đã có' });
      if (!refs.existingUnitIds.has(r.parentId) && !earlier.has(r.parentId)) {
        issues.push({
          row: r.row,
          column: header('parentId'),
          message: 'Không có đơn vị cấp trên này (phải có sẵn hoặc ở một dòng phía trên)',
        });
      }
      earlier.add(r.id);
    }
    return issues;
  }
  for (const r of rows.rows) {
    if (!refs.existingUnitIds.has(r.unitId))
      issues.push({ row: r.row, column: header('unitId'), message: 'Không có đơn vị này' });
    if (refs.takenEmails.has(r.email))
      issues.push({ row: r.row, column: header('email'), message: 'Địa chỉ này đã có tài khoản' });
  }
  return issues;
}

/** Issues in reading order (row, then column order of the template). */
export function sortIssues(kind: ImportKind, issues: readonly ImportIssue[]): ImportIssue[] {
  const order = (column: string) => importColumns[kind].findIndex((c) => c.header === column);
  return [...issues].sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
}

/** The template: the header row, one example row, and a guide sheet (column, what to write). */
export function importTemplate(kind: ImportKind): { name: string; rows: string[][]; widths: number[] }[] {
  const columns = importColumns[kind];
  const example =
    kind === 'units'
      ? ['phuong-vi-du', 'Phường Ví Dụ', 'Cấp xã', 'ma-don-vi-cap-tren', '01/07/2025']
      : ['Nguyễn Thị Lan', 'lan.nguyen@example.gov.vn', 'Chuyên viên', 'ma-don-vi', 'Cán bộ nhập liệu'];
  const guide = [
    ['Cột', 'Cách ghi'],
    ...columns.map((c) => [c.header, c.hint]),
    ...(kind === 'users'
      ? Object.entries(roleLabelsVi).map(([key, label]) => [`Vai trò: ${label}`, `hoặc mã "${key}"`])
      : []),
    [
      '',
      `Xóa dòng ví dụ trước khi nhập. Tối đa ${MAX_IMPORT_ROWS} dòng mỗi tệp; hoặc nhập hết, hoặc không nhập dòng nào.`,
    ],
  ];
  return [
    {
      name: kind === 'units' ? 'Đơn vị' : 'Người dùng',
      rows: [columns.map((c) => c.header), example],
      widths: columns.map((c) => c.width),
    },
    { name: 'Hướng dẫn', rows: guide, widths: [30, 80] },
  ];
}
