import { unmarshall } from '@aws-sdk/util-dynamodb';
import { unitEntity, userEntity } from '@thidua/functions/kernel/data/keys';
import { describe, expect, it } from 'vitest';
import { firstAdminItems, parseArgs } from '../src/first-admin';

const input = {
  tenant: 'binh-phuoc',
  unitId: 'binh-phuoc',
  unitName: 'UBND tỉnh Bình Phước',
  sub: '3f1c2b6e-1111-4a2b-9c3d-5e6f7a8b9c0d',
  email: 'admin@binhphuoc.gov.vn',
  name: 'Nguyễn Văn A',
  openedOn: '2025-07-01',
};

describe('first administrator items', () => {
  it('builds the province root unit and the admin user with the keys the handlers read', () => {
    const items = firstAdminItems(input);
    const unit = unmarshall(items.unitItem);
    const user = unmarshall(items.userItem);
    expect(unit).toMatchObject({
      ...unitEntity.key({ tenantId: 'binh-phuoc', id: 'binh-phuoc' }),
      kind: 'province',
      parentId: null,
      path: [],
    });
    expect(user).toMatchObject({
      ...userEntity.key({ tenantId: 'binh-phuoc', id: input.sub }),
      unitId: 'binh-phuoc',
      roles: ['admin'],
      active: true,
      email: input.email,
    });
    // Key attributes are strings (the table's schema), roles a list (what the document client writes).
    expect(items.userItem.pk).toEqual({ S: `T#binh-phuoc#USER#${input.sub}` });
    expect(items.userItem.roles).toEqual({ L: [{ S: 'admin' }] });
  });

  it('refuses what the shared schemas refuse', () => {
    expect(() => firstAdminItems({ ...input, tenant: 'bình phước' })).toThrow();
    expect(() => firstAdminItems({ ...input, sub: 'not-a-sub' })).toThrow(/Cognito sub/);
    expect(() => firstAdminItems({ ...input, roles: ['superuser' as 'admin'] })).toThrow();
  });

  it('reads --kebab-case flags', () => {
    expect(parseArgs(['--unit-id', 'x', '--unit-name', 'UBND tỉnh'])).toEqual({
      unitId: 'x',
      unitName: 'UBND tỉnh',
    });
    expect(() => parseArgs(['--unit-id'])).toThrow(/--name value pairs/);
  });
});
