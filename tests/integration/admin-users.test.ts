import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { userItem } from '@thidua/functions/features/org/repository';
import { importTemplate } from '@thidua/shared/admin';
import { buildXlsx, type Cell } from '@thidua/shared/xlsx';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, emulatorClients, signIn } from '../support/platform';
import { latestCodeFor } from '../support/temporary-user';
import { body, expectStatus, units, useApiWorld } from './api-world';

/**
 * The administration routes on the real local platform: the Excel import (refused whole when one row is
 * bad — nothing in the table nor in the user pool — and written whole when all are good), the search
 * (never outside the caller's province), the account actions in Cognito, office holders, and the
 * administration event each writes.
 */
const world = useApiWorld();

const file = (kind: 'units' | 'users', rows: Cell[][]): string => {
  const header = importTemplate(kind)[0]?.rows[0] ?? [];
  return Buffer.from(buildXlsx([{ name: 'Dữ liệu', rows: [header, ...rows] }])).toString('base64');
};
/** A user's or unit's audit chain as the secretariat's audit screen reads it, verified. */
const chainOf = async (kind: 'user' | 'unit', id: string) => {
  const got = expectStatus(await world().as.admin.get(`/audit/chains/${kind}/${id}`), 200);
  expect(got.valid).toBe(true);
  return got.events as { action: string; summary: string; actorName: string }[];
};
const issuesOf = (b: Record<string, unknown>) =>
  b.issues as { row: number; column: string; message: string }[];

const cognitoHas = async (email: string): Promise<boolean> => {
  const clients = emulatorClients(world().platform);
  try {
    await clients.cognito.send(
      new AdminGetUserCommand({ UserPoolId: world().platform.userPoolId, Username: email }),
    );
    return true;
  } catch {
    return false;
  } finally {
    clients.destroy();
  }
};

describe('Excel import', () => {
  it('refuses a file with one bad row whole: the report lists every bad row, nothing is written', async () => {
    const w = world();
    const rows: Cell[][] = [
      ['xa-nhap-1', 'Xã Nhập Một', 'Cấp xã', units.district, '01/07/2025'],
      ['xa-nhap-2', '', 'commune', 'xa-nhap-1', '2025-07-01'],
      ['xa-nhap-3', 'Xã Nhập Ba', 'commune', 'khong-co', '31/02/2025'],
      ['xa-nhap-1', 'Trùng', 'commune', units.district, '2025-07-01'],
    ];
    const dry = expectStatus(
      await w.as.admin.post('/admin/imports', { kind: 'units', file: file('units', rows), dryRun: true }),
      200,
    );
    expect(dry).toMatchObject({ rowCount: 4, written: false, created: [] });
    // Every bad row, in row order; a row whose cells are bad is not checked further against the table.
    expect(issuesOf(dry).map((i) => [i.row, i.column])).toEqual([
      [3, 'Tên đơn vị'],
      [4, 'Ngày thành lập'],
      [5, 'Mã đơn vị'],
    ]);
    const refused = expectStatus(
      await w.as.admin.post('/admin/imports', { kind: 'units', file: file('units', rows) }),
      422,
    );
    expect((refused.error as { details: unknown[] }).details).toHaveLength(3);
    for (const id of ['xa-nhap-1', 'xa-nhap-2', 'xa-nhap-3'])
      expect((await w.as.admin.get(`/units/${id}`)).status).toBe(404);

    const users: Cell[][] = [
      ['Người Nhập Một', 'nhap.mot@demo.thidua.vn', '', units.commune, 'Cán bộ nhập liệu'],
      ['Người Đã Có', 'canbo.tanphu@demo.thidua.vn', '', units.commune, 'submitter'],
    ];
    const bad = expectStatus(
      await w.as.admin.post('/admin/imports', { kind: 'users', file: file('users', users) }),
      422,
    );
    expect((bad.error as { details: { path: string; message: string }[] }).details).toEqual([
      { path: 'rows.3.Thư điện tử', message: 'Địa chỉ này đã có tài khoản' },
    ]);
    expect(await cognitoHas('nhap.mot@demo.thidua.vn')).toBe(false);
    const q = expectStatus(await w.as.admin.get('/admin/users?q=nhap.mot'), 200);
    expect(q.items).toEqual([]);
    // Not a workbook at all: a report, not a 500.
    const junk = expectStatus(
      await w.as.admin.post('/admin/imports', {
        kind: 'users',
        file: Buffer.from('a,b').toString('base64'),
        dryRun: true,
      }),
      200,
    );
    expect(issuesOf(junk)).toEqual([{ row: 1, column: '', message: expect.stringContaining('.xlsx') }]);
  });

  it('writes a good file whole, parents before children, once per Idempotency-Key, and invites the users', async () => {
    const w = world();
    const unitsFile = file('units', [
      ['phuong-nhap', 'Phường Nhập', 'Cấp xã', units.province, '01/07/2025'],
      ['phuong-nhap-khu-1', 'Khu phố 1', 'commune', 'phuong-nhap', '2025-07-01'],
    ]);
    const key = { 'idempotency-key': 'import-units-0001' };
    const done = expectStatus(
      await w.as.admin.post('/admin/imports', { kind: 'units', file: unitsFile }, key),
      200,
    );
    expect(done).toMatchObject({ written: true, created: ['phuong-nhap', 'phuong-nhap-khu-1'], issues: [] });
    const again = await w.as.admin.post('/admin/imports', { kind: 'units', file: unitsFile }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const child = expectStatus(await w.as.admin.get('/units/phuong-nhap-khu-1'), 200);
    expect(child).toMatchObject({ parentId: 'phuong-nhap', path: [units.province, 'phuong-nhap'] });

    const usersFile = file('users', [
      ['Phạm Thị Nhập', 'pham.nhap@demo.thidua.vn', 'Công chức', 'phuong-nhap', 'Cán bộ nhập liệu'],
      ['Lê Văn Nhập', 'le.nhap@demo.thidua.vn', '', 'phuong-nhap', 'unit_head, submitter'],
    ]);
    const made = expectStatus(
      await w.as.admin.post('/admin/imports', { kind: 'users', file: usersFile }),
      200,
    );
    expect(made).toMatchObject({ written: true, rowCount: 2 });
    const listed = expectStatus(await w.as.admin.get('/admin/users?unitId=phuong-nhap'), 200);
    expect((listed.items as { email: string }[]).map((u) => u.email).sort()).toEqual([
      'le.nhap@demo.thidua.vn',
      'pham.nhap@demo.thidua.vn',
    ]);
    // Invited after the commit: the temporary password leads to the new-password challenge.
    const temporary = await latestCodeFor(w.platform, 'pham.nhap@demo.thidua.vn');
    expect(await challengeOf('pham.nhap@demo.thidua.vn', temporary)).toBe('NEW_PASSWORD_REQUIRED');
    const events = await chainOf('user', String((made.created as string[])[0]));
    expect(events).toEqual([
      expect.objectContaining({
        action: 'created',
        summary: expect.stringContaining('Nhập từ Excel'),
        actorName: expect.any(String),
      }),
    ]);
  });
});

/** The challenge (or 'TOKENS') a sign-in with `password` meets, or the error's name. */
async function challengeOf(email: string, password: string): Promise<string> {
  try {
    await signIn(world().platform, email, password);
    return 'TOKENS';
  } catch (err) {
    // signIn names the challenge it met instead of tokens; otherwise Cognito's error name.
    return /challenge (\w+)/.exec((err as Error).message)?.[1] ?? (err as Error).name;
  }
}

describe('user search', () => {
  it('finds by name without accents and by e-mail prefix, never a user of another province', async () => {
    const w = world();
    expectStatus(
      await w.as.admin.post('/admin/users', {
        email: 'tim.kiem@demo.thidua.vn',
        name: 'Võ Thị Tìm Kiếm',
        unitId: units.commune,
        roles: ['submitter'],
      }),
      201,
    );
    // The same name in another province's partition of the same table.
    const clients = emulatorClients(w.platform);
    await DynamoDBDocumentClient.from(clients.dynamo).send(
      new PutCommand({
        TableName: w.platform.tableName,
        Item: userItem({
          tenantId: 'dong-nai',
          id: 'other-1',
          email: 'tim.kiem@dongnai.example',
          name: 'Võ Thị Tìm Kiếm',
          title: '',
          unitId: 'dong-nai',
          roles: ['submitter'],
          active: true,
        }),
      }),
    );
    clients.destroy();
    for (const q of ['vo thi tim', 'Võ Thị Tìm', 'tim.kiem']) {
      const found = expectStatus(await w.as.admin.get(`/admin/users?q=${encodeURIComponent(q)}`), 200);
      expect((found.items as { email: string }[]).map((u) => u.email)).toEqual(['tim.kiem@demo.thidua.vn']);
    }
    const inUnit = expectStatus(await w.as.admin.get(`/admin/users?unitId=${units.commune}&q=tim`), 200);
    expect((inUnit.items as { email: string }[]).map((u) => u.email)).toEqual(['tim.kiem@demo.thidua.vn']);
    expect((await w.as.admin.get('/admin/users?q=a')).status).toBe(400);
    expect((await w.as.secretariat.get('/admin/users?q=tim')).status).toBe(403);
  });
});

describe('account actions', () => {
  it('resends an invitation with a new temporary password until the user has set one, then resets the password', async () => {
    const w = world();
    const email = 'moi.moi@demo.thidua.vn';
    const user = expectStatus(
      await w.as.admin.post('/admin/users', {
        email,
        name: 'Người Được Mời',
        unitId: units.commune,
        roles: ['submitter'],
      }),
      201,
    );
    const first = await latestCodeFor(w.platform, email);
    const resent = expectStatus(await w.as.admin.post(`/admin/users/${user.id}/invitation`), 200);
    expect(resent.message).toContain(email);
    const second = await latestCodeFor(w.platform, email, { not: first });
    expect(await challengeOf(email, first)).toBe('NotAuthorizedException');
    expect(await challengeOf(email, second)).toBe('NEW_PASSWORD_REQUIRED');
    // Not yet signed in: a password reset is refused with what to do instead.
    expect(body(await w.as.admin.post(`/admin/users/${user.id}/password-reset`)).error).toMatchObject({
      code: 'account_state',
    });

    // A demo user who has a password: the reset makes it stop working and sends a code.
    const officer = expectStatus(
      await w.as.admin.get(`/admin/users?q=${encodeURIComponent('canbo.sotuphap')}`),
      200,
    );
    const officerId = (officer.items as { id: string }[])[0]?.id;
    expectStatus(await w.as.admin.post(`/admin/users/${officerId}/password-reset`), 200);
    expect(await challengeOf('canbo.sotuphap@demo.thidua.vn', DEMO_PASSWORD)).toBe(
      'PasswordResetRequiredException',
    );
    expect(await latestCodeFor(w.platform, 'canbo.sotuphap@demo.thidua.vn')).toMatch(/\S+/);
    expect((await w.as.admin.post(`/admin/users/${officerId}/invitation`)).status).toBe(409);
    expect((await w.as.admin.post('/admin/users/nobody/invitation')).status).toBe(404);
    await expect(signIn(w.platform, 'canbo.sotuphap@demo.thidua.vn')).rejects.toThrow();
  });

  it('deactivates and reactivates with an administration event each', async () => {
    const w = world();
    const listed = expectStatus(
      await w.as.admin.get(`/admin/users?q=${encodeURIComponent('truong.sotuphap')}`),
      200,
    );
    const id = String((listed.items as { id: string }[])[0]?.id);
    expectStatus(await w.as.admin.put(`/admin/users/${id}`, { active: false }), 200);
    expectStatus(await w.as.admin.put(`/admin/users/${id}`, { active: true, unitId: units.department }), 200);
    const events = await chainOf('user', id);
    expect(events.map((e) => e.action).slice(-2)).toEqual(['deactivated', 'reactivated']);
  });
});

describe('office holders', () => {
  it('replaces the dated list; two heads at once are refused with the field path', async () => {
    const w = world();
    const head = {
      id: 'ct-1',
      role: 'head',
      name: 'Nguyễn Văn Chủ',
      title: 'CHỦ TỊCH',
      from: '2021-07-01',
      to: null,
    };
    const deputy = {
      id: 'pct-1',
      role: 'deputy',
      name: 'Trần Thị Phó',
      title: 'PHÓ CHỦ TỊCH',
      from: '2021-07-01',
      to: null,
    };
    const saved = expectStatus(
      await w.as.admin.put(`/admin/units/${units.commune}/office-holders`, { officeHolders: [head, deputy] }),
      200,
    );
    expect(saved.officeHolders).toEqual([head, deputy]);
    const clash = expectStatus(
      await w.as.admin.put(`/admin/units/${units.commune}/office-holders`, {
        officeHolders: [head, { ...head, id: 'ct-2', from: '2025-01-01' }],
      }),
      422,
    );
    expect((clash.error as { details: { path: string }[] }).details[0]?.path).toBe(
      'body.officeHolders.1.from',
    );
    expect(
      (await w.as.secretariat.put(`/admin/units/${units.commune}/office-holders`, { officeHolders: [] }))
        .status,
    ).toBe(403);
  });
});
