import { addDays, toCalendarDate } from '@thidua/shared/common';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/platform';
import {
  type ApiWorld,
  createReport,
  createUserWithPassword,
  expectStatus,
  units,
  useApiWorld,
  validReport,
} from './api-world';

/**
 * The dated organisation through the API (issue 13, points 3 and 7): read access follows lineage (a
 * successor and the reviewers above it read, a stranger gets the 404 of an unknown id), a unit moved
 * from a date gets its new chain for new reports while one in flight keeps its snapshot, splits and
 * mergers close the old units and link them, and what would break the tree is refused with its field.
 */
const getWorld = useApiWorld();
const PASSWORD = 'ThiDua@2026!';
const today = () => toCalendarDate(new Date().toISOString());

const errorOf = (b: Record<string, unknown>) =>
  b.error as { code: string; message: string; details: { path: string }[] };

const createUnit = async (w: ApiWorld, id: string, parentId: string, kind = 'commune') =>
  expectStatus(
    await w.as.admin.post('/admin/units', {
      id,
      kind,
      name: `Đơn vị ${id}`,
      parentId,
      openedOn: '2024-01-01',
    }),
    201,
  );

/** An officer of `unitId` created by the administrator, signed in. */
const officerOf = async (w: ApiWorld, unitId: string, roles: ('submitter' | 'reviewer' | 'unit_head')[]) => {
  const email = `${unitId}.${roles.join('-')}@test.thidua.vn`;
  await createUserWithPassword(w, { email, name: `Cán bộ ${unitId}`, unitId, roles }, PASSWORD);
  return api(w.platform, (await signIn(w.platform, email, PASSWORD)).idToken);
};

const chainOf = (b: Record<string, unknown>) => (b.chain as { unitId: string }[]).map((l) => l.unitId);

describe('dated scope: read access follows lineage', () => {
  it('a successor ward and the reviewer above it read the predecessor commune’s report; a stranger gets 404', async () => {
    const w = getWorld();
    const filed = await createReport(w.as.communeSubmitter, '2026-Q3', validReport(7));
    // The ward that takes the commune over sits under the other district, whose reviewer read nothing of it.
    await createUnit(w, 'phuong-ke-thua', units.otherDistrict);
    const ward = await officerOf(w, 'phuong-ke-thua', ['submitter']);
    const unknown = expectStatus(await ward.get('/submissions/khong-ton-tai'), 404);
    expect(expectStatus(await ward.get(`/submissions/${filed.id}`), 404)).toEqual(unknown);
    expectStatus(await w.as.otherDistrictReviewer.get(`/submissions/${filed.id}`), 404);

    const merged = expectStatus(
      await w.as.admin.post('/admin/unit-successions', {
        predecessorIds: [units.commune],
        successorIds: ['phuong-ke-thua'],
        from: today(),
      }),
      201,
    );
    expect((merged.event as { action: string; unitIds: string[] }).unitIds.sort()).toEqual(
      [units.commune, 'phuong-ke-thua'].sort(),
    );

    for (const reader of [ward, w.as.otherDistrictReviewer]) {
      const seen = expectStatus(await reader.get(`/submissions/${filed.id}`), 200);
      expect(seen.data).toEqual(filed.data);
      expect(seen.actions).toEqual([]);
      expect(seen.origin).toMatchObject({
        relation: 'predecessor',
        unitId: units.commune,
        heirUnitId: 'phuong-ke-thua',
      });
    }
    // Whoever read it directly still does, without an origin.
    expect(
      expectStatus(await w.as.districtReviewer.get(`/submissions/${filed.id}`), 200).origin,
    ).toBeUndefined();
    // A stranger — another unit's officer, a reviewer elsewhere — gets exactly the unknown id's answer.
    expect(expectStatus(await w.as.departmentSubmitter.get(`/submissions/${filed.id}`), 404)).toEqual(
      unknown,
    );
    // Reading is all: the successor cannot edit or act on the predecessor's report.
    const save = await ward.put(`/submissions/${filed.id}`, {
      data: validReport(1),
      expectedVersion: filed.version,
    });
    expect(save.status, save.text).toBe(404);
    const submit = await ward.post(`/submissions/${filed.id}/actions`, {
      type: 'submit',
      expectedVersion: filed.version,
    });
    expect(submit.status, submit.text).toBe(404);
    // The lineage is read by key from the successor.
    const lineage = expectStatus(await ward.get('/units/phuong-ke-thua/lineage'), 200);
    expect((lineage.predecessors as { id: string }[]).map((u) => u.id)).toEqual([units.commune]);
  });
});

describe('a unit moved from a date', () => {
  it('a report created after the move climbs the new chain; one in flight keeps its snapshot', async () => {
    const w = getWorld();
    await createUnit(w, 'xa-chuyen', units.district);
    const officer = await officerOf(w, 'xa-chuyen', ['submitter', 'unit_head']);
    const before = await createReport(officer, '2026-Q1');
    expect(chainOf(before)).toEqual([units.district, units.province]);

    const moved = expectStatus(
      await w.as.admin.post('/admin/units/xa-chuyen/changes', {
        type: 'move',
        parentId: units.otherDistrict,
        from: today(),
      }),
      201,
    );
    expect(
      (moved.changed as { id: string; path: string[] }[]).find((u) => u.id === 'xa-chuyen')?.path,
    ).toEqual([units.province, units.otherDistrict]);

    const after = await createReport(officer, '2026-Q2');
    expect(chainOf(after)).toEqual([units.otherDistrict, units.province]);
    expect(after.unitPath).toEqual([units.province, units.otherDistrict]);
    const inFlight = expectStatus(await officer.get(`/submissions/${before.id}`), 200);
    expect(chainOf(inFlight)).toEqual([units.district, units.province]);
    expect(inFlight.unitPath).toEqual([units.province, units.district]);
    // Each district reviewer reads the report whose chain it is on, not the other.
    expectStatus(await w.as.districtReviewer.get(`/submissions/${before.id}`), 200);
    expectStatus(await w.as.districtReviewer.get(`/submissions/${after.id}`), 404);
    expectStatus(await w.as.otherDistrictReviewer.get(`/submissions/${after.id}`), 200);

    // The tree as of a date: under the old district the day before, under the new one from the move.
    const parentOn = async (asOf: string) => {
      const tree = expectStatus(await w.as.districtReviewer.get(`/org/tree?asOf=${asOf}`), 200);
      return (tree.rows as { unit: { id: string; parentId: string } }[]).find(
        (r) => r.unit.id === 'xa-chuyen',
      )?.unit.parentId;
    };
    expect(await parentOn(addDays(today(), -1))).toBe(units.district);
    expect(await parentOn(today())).toBe(units.otherDistrict);
  });
});

describe('splits, mergers and refusals', () => {
  it('a merger closes the old units and links them to one successor; a split links one to several', async () => {
    const w = getWorld();
    for (const id of ['xa-a', 'xa-b', 'xa-x']) await createUnit(w, id, units.district);
    for (const id of ['phuong-ab', 'phuong-y', 'phuong-z']) await createUnit(w, id, units.otherDistrict);
    const from = addDays(today(), 1);
    expectStatus(
      await w.as.admin.post('/admin/unit-successions', {
        predecessorIds: ['xa-a', 'xa-b'],
        successorIds: ['phuong-ab'],
        from,
      }),
      201,
    );
    expectStatus(
      await w.as.admin.post('/admin/unit-successions', {
        predecessorIds: ['xa-x'],
        successorIds: ['phuong-y', 'phuong-z'],
        from,
      }),
      201,
    );
    expect(expectStatus(await w.as.admin.get('/units/xa-a'), 200)).toMatchObject({
      closedOn: from,
      successorId: 'phuong-ab',
    });
    const x = expectStatus(await w.as.admin.get('/units/xa-x'), 200);
    expect((x.successors as { unitId: string }[]).map((l) => l.unitId)).toEqual(['phuong-y', 'phuong-z']);
    const lineageOf = async (id: string) =>
      (expectStatus(await w.as.admin.get(`/units/${id}/lineage`), 200).predecessors as { id: string }[]).map(
        (u) => u.id,
      );
    expect((await lineageOf('phuong-ab')).sort()).toEqual(['xa-a', 'xa-b']);
    expect(await lineageOf('phuong-z')).toEqual(['xa-x']);

    const idsOn = async (asOf: string) =>
      (
        expectStatus(await w.as.admin.get(`/org/tree?asOf=${asOf}`), 200).rows as { unit: { id: string } }[]
      ).map((r) => r.unit.id);
    expect(await idsOn(today())).toEqual(expect.arrayContaining(['xa-a', 'xa-b', 'xa-x']));
    expect(await idsOn(from)).not.toEqual(expect.arrayContaining(['xa-a']));
    expect(await idsOn(from)).toEqual(expect.arrayContaining(['phuong-ab', 'phuong-y', 'phuong-z']));

    const log = expectStatus(await w.as.admin.get('/admin/unit-changes?limit=5'), 200);
    expect((log.items as { action: string; unitIds: string[] }[])[0]).toMatchObject({ action: 'succession' });
  });

  it('refuses what would break the tree, with the field at fault, and leaves the units as they were', async () => {
    const w = getWorld();
    await createUnit(w, 'xa-con', units.district);
    const district = expectStatus(await w.as.admin.get(`/units/${units.district}`), 200);
    const close = expectStatus(
      await w.as.admin.post(`/admin/units/${units.district}/changes`, {
        type: 'close',
        on: addDays(today(), 1),
      }),
      422,
    );
    expect(errorOf(close).message).toMatch(/còn trực thuộc/);
    const cycle = expectStatus(
      await w.as.admin.post(`/admin/units/${units.district}/changes`, {
        type: 'move',
        parentId: 'xa-con',
        from: today(),
      }),
      422,
    );
    expect(errorOf(cycle).details[0]?.path).toBe('body');
    const manyToMany = expectStatus(
      await w.as.admin.post('/admin/unit-successions', {
        predecessorIds: [units.district, units.otherDistrict],
        successorIds: [units.department, units.commune],
        from: today(),
      }),
      422,
    );
    expect(errorOf(manyToMany).details[0]?.path).toBe('body.successorIds');
    const renameToSame = expectStatus(
      await w.as.admin.post(`/admin/units/${units.district}/changes`, {
        type: 'rename',
        name: district.name,
        from: today(),
      }),
      422,
    );
    expect(errorOf(renameToSame).details[0]?.path).toBe('body.name');
    expect(expectStatus(await w.as.admin.get(`/units/${units.district}`), 200)).toEqual(district);

    expect(
      (await w.as.admin.post('/admin/units/khong-co/changes', { type: 'close', on: today() })).status,
    ).toBe(404);
    expect(
      (await w.as.secretariat.post(`/admin/units/${units.district}/changes`, { type: 'close', on: today() }))
        .status,
    ).toBe(403);
    expect((await w.as.secretariat.get('/admin/unit-changes')).status).toBe(403);
    expect(
      (await w.as.admin.post(`/admin/units/${units.district}/changes`, { type: 'teleport' })).status,
    ).toBe(400);
  });

  it('renames from a date: the tree before shows the old name, after it the new one', async () => {
    const w = getWorld();
    await createUnit(w, 'xa-doi-ten', units.district);
    const from = addDays(today(), 10);
    const r = expectStatus(
      await w.as.admin.post('/admin/units/xa-doi-ten/changes', {
        type: 'rename',
        name: 'Phường Đổi Tên',
        from,
      }),
      201,
    );
    expect(r.changed).toHaveLength(1);
    const nameOn = async (asOf: string) =>
      (
        expectStatus(await w.as.admin.get(`/org/tree?asOf=${asOf}`), 200).rows as {
          unit: { id: string; name: string };
        }[]
      ).find((x) => x.unit.id === 'xa-doi-ten')?.unit.name;
    expect(await nameOn(today())).toBe('Đơn vị xa-doi-ten');
    expect(await nameOn(from)).toBe('Phường Đổi Tên');
  });
});
