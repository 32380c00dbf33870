import { describe, expect, it } from 'vitest';
import { excelSerialOf, excelWorkbook, type FixtureCell } from '../support/excel-workbook';
import { expectStatus, units } from './api-world';
import { addUnit, COMMEND_CAMPAIGN, useCommendationWorld } from './commendations-world';

/**
 * Issue 17, point 6: a unit imports its nominee list from Excel into the campaign. The report (row,
 * column, problem in Vietnamese) comes BEFORE anything is written; a faulty file writes nothing; the
 * confirmed import makes one nomination draft per row, and a retry with the same Idempotency-Key writes
 * nothing more. The workbook is written as Excel saves one (tests/support/excel-workbook.ts: no spreadsheet
 * program is installed here).
 */
const world = useCommendationWorld();
const URL = `/commendations/campaigns/${COMMEND_CAMPAIGN}/nominee-imports`;
const GROUP = 'tdp-9-tan-phu';
const BK = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';

const header: FixtureCell[] = [
  'STT',
  'Cá nhân/Tập thể',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Chức vụ',
  'Đơn vị công tác',
  'Hình thức khen thưởng',
  'Thành tích',
];
const file = (rows: FixtureCell[][]) =>
  Buffer.from(
    excelWorkbook({
      rows: [
        ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', null, null, null, null, null, null, null, null],
        header,
        ...rows,
      ],
      merges: ['A1:I1'],
    }),
  ).toString('base64');

const good = file([
  [
    1,
    'Cá nhân',
    'Nguyễn Thị Lan',
    'Nữ',
    { serial: excelSerialOf('1985-02-07'), format: 'builtin14' },
    'Chuyên viên',
    units.commune,
    BK,
    'Hoàn thành xuất sắc nhiệm vụ năm 2026',
  ],
  [2, 'Cá nhân', 'Trần Văn Hùng', 'Nam', '12/05/1979', 'Tổ trưởng', 'Tổ dân phố 9', BK, 'Dẫn đầu phong trào'],
  [
    3,
    'Tập thể',
    'Tổ dân phố 9',
    null,
    null,
    null,
    'Tổ dân phố 9',
    'Tập thể lao động xuất sắc',
    'Tập thể tiêu biểu',
  ],
]);

const faulty = file([
  [1, 'Cá nhân', 'Nguyễn Thị Lan', 'Nữ', '30/02/1985', 'Chuyên viên', 'Xã Không Có', BK, 'Tốt'],
  [
    2,
    'Cá nhân',
    'Trần Văn Hùng',
    'Nam',
    '12/05/1979',
    'Tổ trưởng',
    units.commune,
    'Huân chương Lao động',
    'Tốt',
  ],
  [3, 'Tập thể', 'Tổ dân phố 9', null, null, null, 'Tổ dân phố 9', 'Tập thể lao động xuất sắc', 'Tốt'],
  [4, 'Tập thể', 'tổ dân phố  9', null, null, null, GROUP, 'Tập thể lao động xuất sắc', 'Tốt'],
]);

const myNominations = async () => {
  const w = world();
  const page = expectStatus(
    await w.as.communeSubmitter.get(`/submissions?scope=mine&campaignId=${COMMEND_CAMPAIGN}&limit=100`),
    200,
  );
  return (page.items as { id: string; formKey: string }[]).filter((s) => s.formKey === 'nomination');
};

describe('importing a nominee list from Excel', () => {
  it('reports every problem by row and column before writing, and a faulty file writes nothing', async () => {
    const w = world();
    await addUnit(w, { id: GROUP, kind: 'residential_group', name: 'Tổ dân phố 9', parentId: units.commune });
    const report = expectStatus(await w.as.communeSubmitter.post(URL, { file: faulty, dryRun: true }), 200);
    expect(report.written).toBe(false);
    expect(report.issues).toEqual([
      { row: 3, column: 'Ngày sinh', message: 'Ngày không hợp lệ: "30/02/1985" (ghi dd/mm/yyyy)' },
      {
        row: 3,
        column: 'Đơn vị',
        message: 'Không có đơn vị "Xã Không Có" trong danh mục (đơn vị của bạn hoặc trực thuộc)',
      },
      {
        row: 4,
        column: 'Danh hiệu/Hình thức',
        message: 'Phong trào không có danh hiệu/hình thức "Huân chương Lao động"',
      },
      { row: 6, column: '', message: 'Trùng với dòng 5 (cùng tên, đơn vị)' },
    ]);
    const refused = await w.as.communeSubmitter.post(
      URL,
      { file: faulty },
      { 'idempotency-key': 'nhap-loi-1' },
    );
    expect(refused.status, refused.text).toBe(422);
    expect(refused.text).toContain('rows.3.Ngày sinh');
    expect(refused.text).toContain('import_invalid');
    expect(await myNominations()).toEqual([]);
    // Not a workbook at all: a report, not a 500.
    const junk = expectStatus(
      await w.as.communeSubmitter.post(URL, {
        file: Buffer.from('không phải excel').toString('base64'),
        dryRun: true,
      }),
      200,
    );
    expect(junk.issues).toEqual([{ row: 1, column: '', message: 'Tệp không phải là tệp Excel (.xlsx)' }]);
  });

  it('only a unit’s authors import into their own unit (the policy’s create of a nomination)', async () => {
    const w = world();
    expect((await w.as.districtReviewer.post(URL, { file: good, dryRun: true })).status).toBe(403);
    expect((await w.as.chair.post(URL, { file: good, dryRun: true })).status).toBe(403);
  });

  it('confirmed: one draft per row, all written once; a retry with the same key writes nothing more', async () => {
    const w = world();
    const preview = expectStatus(await w.as.communeSubmitter.post(URL, { file: good, dryRun: true }), 200);
    expect(preview.issues).toEqual([]);
    expect(preview.lines).toEqual([
      { row: 3, kind: 'individual', name: 'Nguyễn Thị Lan', unitName: expect.any(String), awardTypeName: BK },
      { row: 4, kind: 'individual', name: 'Trần Văn Hùng', unitName: 'Tổ dân phố 9', awardTypeName: BK },
      {
        row: 5,
        kind: 'collective',
        name: 'Tổ dân phố 9',
        unitName: 'Tổ dân phố 9',
        awardTypeName: 'Tập thể lao động xuất sắc',
      },
    ]);
    expect(await myNominations()).toEqual([]);

    const noKey = await w.as.communeSubmitter.post(URL, { file: good });
    expect(noKey.status, noKey.text).toBe(400);
    expect(noKey.text).toContain('header.idempotency-key');

    const key = { 'idempotency-key': 'nhap-danh-sach-2026-1' };
    const done = expectStatus(await w.as.communeSubmitter.post(URL, { file: good }, key), 200);
    expect(done.written).toBe(true);
    const ids = done.nominationIds as string[];
    expect(ids).toHaveLength(3);
    const first = expectStatus(await w.as.communeSubmitter.get(`/submissions/${ids[0]}`), 200);
    expect(first.state).toBe('draft');
    expect(first.data).toMatchObject({
      nominee: {
        kind: 'individual',
        fullName: 'Nguyễn Thị Lan',
        gender: 'female',
        birthDate: '1985-02-07',
        position: 'Chuyên viên',
        awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
      },
      achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2026' },
    });
    const collective = expectStatus(await w.as.communeSubmitter.get(`/submissions/${ids[2]}`), 200);
    expect(collective.data).toMatchObject({
      nominee: { kind: 'collective', collectiveName: 'Tổ dân phố 9', unitName: 'Tổ dân phố 9' },
    });

    const again = await w.as.communeSubmitter.post(URL, { file: good }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((again.body as { nominationIds: string[] }).nominationIds).toEqual(ids);
    expect((await myNominations()).map((s) => s.id).sort()).toEqual([...ids].sort());
    // The same key for another file is refused, not silently answered with the first import.
    const other = await w.as.communeSubmitter.post(URL, { file: faulty }, key);
    expect(other.status).toBe(422);
  });

  it('the province secretariat imports on behalf of a unit it picks: the unit’s drafts, audited as its act', async () => {
    const w = world();
    const forWard = file([
      [
        1,
        'Cá nhân',
        'Phạm Thị Mai',
        'Nữ',
        '03/04/1988',
        'Công chức',
        units.commune,
        BK,
        'Dẫn đầu phong trào',
      ],
    ]);
    const body = { file: forWard, unitId: units.commune };
    // Out of policy: the district's reviewer (reads the ward's nominations) 403; a department's officer
    // (reads nothing of the ward's) 404; an unknown unit 404.
    expect((await w.as.districtReviewer.post(URL, { ...body, dryRun: true })).status).toBe(403);
    expect((await w.as.departmentSubmitter.post(URL, { ...body, dryRun: true })).status).toBe(404);
    expect((await w.as.secretariat.post(URL, { ...body, unitId: 'khong-co', dryRun: true })).status).toBe(
      404,
    );
    const preview = expectStatus(await w.as.secretariat.post(URL, { ...body, dryRun: true }), 200);
    expect(preview).toMatchObject({ written: false, issues: [], lines: [{ name: 'Phạm Thị Mai' }] });
    const done = expectStatus(
      await w.as.secretariat.post(URL, body, { 'idempotency-key': 'thuong-truc-nhap-thay-phuong-1' }),
      200,
    );
    const [id] = done.nominationIds as string[];
    // The ward's own draft: its officer sees and completes it; its history names the secretariat.
    const draft = expectStatus(await w.as.communeSubmitter.get(`/submissions/${id}`), 200);
    expect(draft).toMatchObject({ state: 'draft', unitId: units.commune });
    expect((await myNominations()).map((s) => s.id)).toContain(id);
    const audit = expectStatus(
      await w.as.secretariat.get(`/audit/chains/nominee_import/${String(done.importId)}`),
      200,
    );
    const events = JSON.stringify(audit);
    expect(events).toContain('thay mặt Phường Tân Phú');
    expect(events).toContain('"actorRoles":["secretariat"]');
    expect(events).not.toContain(`"actorUnitId":"${units.commune}"`);
  });
});
