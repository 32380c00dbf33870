import {
  checkImportReferences,
  type ImportIssue,
  importLookups,
  readImportRows,
  sortIssues,
  type UnitImportRow,
  type UserImportRow,
} from '@thidua/shared/admin';
import { adminContracts as c, type ImportReport } from '@thidua/shared/contracts';
import type { Identity, Unit, User } from '@thidua/shared/org';
import { readFirstSheetRows, UnreadableWorkbook } from '@thidua/shared/xlsx';
import { requireAction } from '../../kernel/access';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict, RuleViolation } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newUnit } from './http';

/**
 * The Excel import of units or users: the whole file read and checked (its own cells, then against what
 * is stored), then every row written in ONE transaction or none (docs/adr/0015). Users also get a Cognito
 * account each: created without invitation first, removed again if anything fails, and invited only once
 * the transaction has committed.
 */
export const importRoutes = (
  d: Pick<Deps, 'audit' | 'clients' | 'directory' | 'units' | 'users'>,
): RouteImpl[] => [
  userRoute(c.importOrganisation, async ({ identity, body, remember }) => {
    const t = identity.tenantId;
    requireAction(identity, 'administer', { type: body.kind === 'units' ? 'unit' : 'user', tenantId: t });
    const checked = await checkFile(d, t, body.kind, body.file);
    const report: ImportReport = {
      kind: body.kind,
      rowCount: checked.rowCount,
      issues: checked.issues,
      written: false,
      created: [],
    };
    if (body.dryRun) return ok(report);
    if (checked.issues.length > 0) {
      throw new RuleViolation(
        `Tệp có ${checked.issues.length} lỗi; chưa ghi dòng nào`,
        checked.issues.map((i) => ({ path: `rows.${i.row}.${i.column || 'tệp'}`, message: i.message })),
        'import_invalid',
      );
    }
    const written = (created: string[]) => ok({ ...report, written: true, created });
    // Each imported unit or account starts its own chain, in the import's all-or-nothing write.
    const imported = (subject: Unit | User) =>
      'email' in subject
        ? {
            kind: 'user' as const,
            subject,
            action: 'created',
            summary: `Nhập từ Excel: tài khoản ${subject.name}`,
          }
        : {
            kind: 'unit' as const,
            subject,
            action: 'created',
            summary: `Nhập từ Excel: đơn vị ${subject.name}`,
          };
    if (checked.rows.kind === 'units') {
      const units = unitsOf(identity, checked.rows.rows, checked.units);
      const response = written(units.map((u) => u.id));
      await writeAll(d, [
        ...units.map((u) => d.units.putItem(u, 'create')),
        ...remember(response),
        ...(await d.audit.record(identity, ...units.map(imported))),
      ]);
      return response;
    }
    const users = await createAccounts(d, t, checked.rows.rows);
    const response = written(users.map((u) => u.id));
    try {
      await writeAll(d, [
        ...users.map((u) => d.users.putItem(u, 'create')),
        ...remember(response),
        ...(await d.audit.record(identity, ...users.map(imported))),
      ]);
    } catch (err) {
      await Promise.allSettled(users.map((u) => d.directory.remove(u.email)));
      throw err;
    }
    // Committed: now each person gets the invitation with a temporary password.
    for (const u of users) await d.directory.resendInvitation(u.email);
    return response;
  }),
];

/** Every problem of the file, in reading order, and what the write needs (rows, the units named). */
async function checkFile(
  d: Pick<Deps, 'audit' | 'clients' | 'directory' | 'units' | 'users'>,
  tenantId: string,
  kind: 'units' | 'users',
  file: string,
) {
  let sheet: string[][];
  try {
    sheet = readFirstSheetRows(Buffer.from(file, 'base64'));
  } catch (err) {
    if (!(err instanceof UnreadableWorkbook)) throw err;
    const issues: ImportIssue[] = [{ row: 1, column: '', message: err.message }];
    return {
      rows: { kind, rows: [] } as ReturnType<typeof readImportRows>['rows'],
      rowCount: 0,
      issues,
      units: new Map<string, Unit>(),
    };
  }
  const read = readImportRows(kind, sheet);
  const lookups = importLookups(read.rows);
  const [units, taken] = await Promise.all([
    d.units.getMany(tenantId, lookups.unitIds),
    Promise.all(
      lookups.emails.map(async (e) =>
        (await d.users.byEmailPrefix(tenantId, `${e}#`, 1)).length > 0 ? e : null,
      ),
    ),
  ]);
  const refs = {
    existingUnitIds: new Set(units.keys()),
    takenEmails: new Set(taken.filter((e): e is string => e !== null)),
  };
  const issues = sortIssues(kind, [...read.issues, ...checkImportReferences(read.rows, refs)]);
  return { rows: read.rows, rowCount: read.rowCount, issues, units };
}

/** The units of the file, each through `newUnit` under a stored parent or one of an earlier row. */
function unitsOf(
  identity: Identity,
  rows: readonly UnitImportRow[],
  stored: ReadonlyMap<string, Unit>,
): Unit[] {
  const known = new Map(stored);
  return rows.map((r) => {
    const parent = known.get(r.parentId);
    if (!parent) throw new Error(`import: parent ${r.parentId} passed the check but is unknown`);
    const unit = newUnit(identity.tenantId, r, parent);
    requireAction(identity, 'administer', { type: 'unit', tenantId: identity.tenantId, unitPath: unit.path });
    known.set(unit.id, unit);
    return unit;
  });
}

/** One Cognito account per row, without invitation; on the first refusal the ones made are removed. */
async function createAccounts(
  d: Pick<Deps, 'audit' | 'clients' | 'directory' | 'units' | 'users'>,
  tenantId: string,
  rows: readonly UserImportRow[],
): Promise<User[]> {
  const made: User[] = [];
  try {
    for (const r of rows) {
      const id = await d.directory.create(
        { tenantId, email: r.email, name: r.name, unitId: r.unitId, roles: r.roles },
        { invite: false },
      );
      made.push({
        tenantId,
        id,
        email: r.email,
        name: r.name,
        title: r.title,
        unitId: r.unitId,
        roles: r.roles,
        active: true,
      });
    }
    return made;
  } catch (err) {
    await Promise.allSettled(made.map((u) => d.directory.remove(u.email)));
    throw err;
  }
}

/** The import's one transaction; a row taken meanwhile (another admin, a replayed key) refuses it whole. */
async function writeAll(
  d: Pick<Deps, 'audit' | 'clients' | 'directory' | 'units' | 'users'>,
  items: readonly TxItem[],
): Promise<void> {
  try {
    await transactWrite(d.clients.doc, items);
  } catch (err) {
    if (err instanceof TransactionRefused) {
      throw new Conflict(
        'Dữ liệu vừa thay đổi trong khi nhập (một mã đã được tạo); chưa ghi dòng nào, hãy kiểm tra lại tệp',
        undefined,
        'import_conflict',
      );
    }
    throw err;
  }
}
