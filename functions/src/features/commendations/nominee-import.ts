import { createHash } from 'node:crypto';
import { findFormAssignment } from '@thidua/shared/campaign';
import { NOMINATION_FORM_KEY, type NomineeImport } from '@thidua/shared/commendation';
import { toCalendarDate } from '@thidua/shared/common';
import { documentContracts as c, IdempotencyKey } from '@thidua/shared/contracts';
import {
  checkNomineeSheet,
  type NomineeImportIssue,
  type NomineeImportReport,
  nomineeFormData,
  offeredAwardTypes,
} from '@thidua/shared/nominee-import';
import type { Identity, Unit } from '@thidua/shared/org';
import { createDraft, rulesFor } from '@thidua/shared/workflow';
import { readFirstSheetRows, UnreadableWorkbook } from '@thidua/shared/xlsx';
import { requireAllowed } from '../../kernel/access';
import { absent, equals } from '../../kernel/data/conditions';
import { BadRequest, Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { IDEMPOTENCY_HEADER } from '../../kernel/http/idempotency';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { submissionSearchItems } from '../search/entries';
import { type CommendationDeps, commendationConfigOf } from './context';
import { nomineeImportEntity } from './keys';

/**
 * The Excel import of a nominee list into a campaign (issue 17, point 6; docs/adr/0033). The whole file is
 * read and checked — the sheet's own cells, the units and award types it names, then every row through
 * the same `createDraft` a form-made nomination goes through — and reported BEFORE anything is written.
 * Confirmed, each nominee becomes a nomination draft of the caller's unit: one transaction per nominee
 * (a unit's list counters take one change per transaction), each advancing ONE import record whose id
 * comes from the Idempotency-Key, so a retry resumes where a cut-off request stopped and a finished
 * import is answered from its stored response; the last transaction stores that response and the
 * import's audit event.
 */

const vnToday = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The caller's unit and every open unit under it: what the "Đơn vị" column may name. */
const unitsUnder = async (d: CommendationDeps, unit: Unit): Promise<Unit[]> => {
  const out: Unit[] = [unit];
  let cursor: string | undefined;
  do {
    const page = await d.units.subtree(unit.tenantId, unit, { limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.filter((u) => u.id !== unit.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.filter((u) => u.closedOn === null);
};

/** The import's id from the caller's key (same caller, same key → same import; never shown as a secret). */
const importIdOf = (identity: Identity, key: string) =>
  `imp-${createHash('sha256').update(`${identity.tenantId}\n${identity.userId}\n${key}`).digest('hex').slice(0, 24)}`;

const sheetOf = (bytes: Uint8Array): string[][] | NomineeImportIssue => {
  try {
    return readFirstSheetRows(bytes);
  } catch (err) {
    if (!(err instanceof UnreadableWorkbook)) throw err;
    return { row: 1, column: '', message: err.message };
  }
};

export const nomineeImportRoutes = (d: CommendationDeps): RouteImpl[] => [
  userRoute(c.importNominees, async ({ identity, params, body, event, now, remember }) => {
    const t = identity.tenantId;
    // The list is the caller's own unit's, or (the province secretariat) the unit it picked.
    const picked = body.unitId !== undefined && body.unitId !== identity.unitId;
    const unit = await d.units.get(t, body.unitId ?? identity.unitId);
    if (!unit && picked) throw new NotFound('Không tìm thấy đơn vị');
    if (!unit) throw new RuleViolation('Đơn vị của bạn chưa có trong danh mục', [], 'unknown_unit');
    // Importing is filing the unit's nominations: the policy's `import` of a nomination there.
    requireAllowed(
      identity,
      'import',
      { type: 'nomination', tenantId: t, unitId: unit.id, unitPath: unit.path },
      'Không tìm thấy đơn vị',
    );
    // Not one of the unit's filers (the province secretariat): the drafts are filed at that unit on its
    // behalf, under the caller's own name on every event and in the audit — what the policy just allowed.
    const forOther =
      unit.id !== identity.unitId || !identity.roles.some((r) => r === 'submitter' || r === 'unit_head');
    const actor: Identity = forOther ? { ...identity, unitId: unit.id, roles: ['submitter'] } : identity;
    const { config, campaign } = await commendationConfigOf(d, t, params.campaignId);
    const assignment = findFormAssignment(campaign, NOMINATION_FORM_KEY);
    if (!assignment) throw new NotFound('Phong trào không có hồ sơ đề nghị khen thưởng');
    const period = body.period ?? (assignment.periods.length === 1 ? assignment.periods[0] : undefined);
    if (period === undefined || !assignment.periods.includes(period))
      throw new BadRequest('Chọn kỳ của hồ sơ đề nghị', [
        { path: 'body.period', message: `Một trong: ${assignment.periods.join(', ')}` },
      ]);
    let importId = 'xem-truoc';
    if (!body.dryRun) {
      const key = IdempotencyKey.safeParse(event.headers?.[IDEMPOTENCY_HEADER]);
      if (!key.success)
        throw new BadRequest('Nhập danh sách cần Idempotency-Key (để gửi lại không ghi hai lần)', [
          { path: `header.${IDEMPOTENCY_HEADER}`, message: 'Bắt buộc' },
        ]);
      importId = importIdOf(identity, key.data);
    }
    const [template, units, ancestry] = await Promise.all([
      d.templates.get(t, assignment.templateId, assignment.templateVersion),
      unitsUnder(d, unit),
      d.units.ancestryOn(unit, toCalendarDate(now.toISOString())),
    ]);
    if (!template) throw new RuleViolation('Phong trào chưa có biểu mẫu này', [], 'template_missing');

    const bytes = new Uint8Array(Buffer.from(body.file, 'base64'));
    const sheet = sheetOf(bytes);
    const checked = Array.isArray(sheet)
      ? checkNomineeSheet(sheet, { units, awardTypes: offeredAwardTypes(config), today: vnToday(now) })
      : { rows: [], issues: [sheet], rowCount: 0 };
    // Every row through the form's own draft checks (window, template, participation), still before writing.
    const issues = [...checked.issues];
    const drafts = checked.rows.flatMap((row) => {
      const r = createDraft({
        id: `${importId}-${row.row}`,
        campaign,
        template,
        formKey: NOMINATION_FORM_KEY,
        period,
        unit,
        units: ancestry,
        actor,
        now: now.toISOString(),
        data: nomineeFormData(row),
      });
      if (r.ok) return [{ row, draft: r }];
      const detail = r.error.details?.map((x) => x.message).join('; ');
      issues.push({
        row: row.row,
        column: '',
        message: detail ? `${r.error.message}: ${detail}` : r.error.message,
      });
      return [];
    });
    issues.sort((a, b) => a.row - b.row);
    const report: NomineeImportReport = {
      rowCount: checked.rowCount,
      issues,
      lines: checked.rows.map(({ row, kind, name, unitName, awardTypeName }) => ({
        row,
        kind,
        name,
        unitName,
        awardTypeName,
      })),
      written: false,
      importId: null,
      nominationIds: [],
    };
    if (body.dryRun) return ok(report);
    if (issues.length > 0)
      throw new RuleViolation(
        `Tệp có ${issues.length} lỗi; chưa ghi dòng nào`,
        issues.map((i) => ({ path: `rows.${i.row}.${i.column || 'tệp'}`, message: i.message })),
        'import_invalid',
      );

    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    const imports = nomineeImportEntity.on(d.commendations.ref);
    const stored = await imports.get({ tenantId: t, id: importId }, { consistent: true });
    if (
      stored &&
      (stored.fileSha256 !== fileSha256 || stored.campaignId !== campaign.id || stored.unitId !== unit.id)
    )
      throw new RuleViolation(
        'Idempotency-Key này đã dùng cho một tệp khác',
        [{ path: `header.${IDEMPOTENCY_HEADER}`, message: 'Đã dùng cho tệp khác' }],
        'idempotency_key_reused',
      );
    const nominationIds = drafts.map((x) => x.draft.submission.id);
    const response = ok({ ...report, written: true, importId, nominationIds });
    const record = (written: number): NomineeImport & { tenantId: string } => ({
      tenantId: t,
      id: importId,
      campaignId: campaign.id,
      unitId: unit.id,
      fileSha256,
      rowCount: drafts.length,
      nominationIds,
      written,
      status: written === drafts.length ? 'done' : 'writing',
      createdBy: identity.userId,
      createdAt: stored?.createdAt ?? now.toISOString(),
    });
    for (let i = stored?.written ?? 0; i < drafts.length; i++) {
      const { draft } = drafts[i] as (typeof drafts)[number];
      const rules = rulesFor({ campaign, template, unitId: unit.id, period, formKey: NOMINATION_FORM_KEY });
      // The history says who really acted and from where: the secretariat at the province, for the unit.
      const events = forOther
        ? draft.events.map((e) => ({ ...e, actorUnitId: identity.unitId, actorRoles: [...identity.roles] }))
        : draft.events;
      const write = d.submissions.planCreate({ ...draft.submission, rules }, events);
      const done = i === drafts.length - 1;
      const progress = nomineeImportEntity.put(
        d.config.tableName,
        record(i + 1),
        i === 0 ? absent() : equals('written', i),
      );
      const finish = done
        ? [
            ...remember(response),
            ...(await d.audit.record(identity, {
              kind: 'nominee_import',
              subject: record(drafts.length),
              action: 'created',
              summary:
                `Nhập từ Excel ${drafts.length} hồ sơ đề nghị vào phong trào ${campaign.title}` +
                (forOther ? ` thay mặt ${unit.name}` : ''),
            })),
          ]
        : [];
      const outcome = await d.submissions.apply(write, [
        ...submissionSearchItems(d.config.tableName, null, write.submission, template.title),
        progress,
        ...finish,
      ]);
      if (outcome.kind !== 'written')
        throw new Conflict('Lần nhập này đang được ghi ở một yêu cầu khác; hãy tải lại sau giây lát');
    }
    return response;
  }),
];
