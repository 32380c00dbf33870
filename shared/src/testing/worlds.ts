/**
 * Small unit trees for tests (imported by `*.test.ts` only; not part of the public API): a three-tier
 * province as in 2023 and a two-tier one as after 1/7/2025.
 */
import type { Identity, Role, Unit } from '../org/schema';
import { indexUnits, pathUnder } from '../org/tree';

export const TENANT = 'binh-phuoc';

export function makeUnit(
  id: string,
  kind: string,
  name: string,
  parent: Unit | null,
  extra: Partial<Pick<Unit, 'openedOn' | 'closedOn' | 'successorId' | 'tenantId'>> = {},
): Unit {
  return {
    tenantId: extra.tenantId ?? parent?.tenantId ?? TENANT,
    id,
    kind,
    name,
    parentId: parent?.id ?? null,
    path: pathUnder(parent),
    openedOn: extra.openedOn ?? '2000-01-01',
    closedOn: extra.closedOn ?? null,
    successorId: extra.successorId ?? null,
  };
}

export function identity(userId: string, unitId: string, roles: Role[], tenantId = TENANT): Identity {
  return { userId, email: `${userId}@example.vn`, name: userId, tenantId, unitId, roles };
}

/** 2023: province → districts → communes; departments under the province. */
export function threeTierWorld() {
  const province = makeUnit('bp', 'province', 'Tỉnh Bình Phước', null);
  const dongXoai = makeUnit('dong-xoai', 'district', 'Thành phố Đồng Xoài', province);
  const binhLong = makeUnit('binh-long', 'district', 'Thị xã Bình Long', province);
  const tanPhu = makeUnit('tan-phu', 'commune', 'Phường Tân Phú', dongXoai);
  const tanBinh = makeUnit('tan-binh', 'commune', 'Phường Tân Bình', dongXoai);
  const anLoc = makeUnit('an-loc', 'commune', 'Phường An Lộc', binhLong);
  const police = makeUnit('cong-an-tinh', 'department', 'Công an tỉnh', province);
  const justice = makeUnit('so-tu-phap', 'department', 'Sở Tư pháp', province);
  const units = [province, dongXoai, binhLong, tanPhu, tanBinh, anLoc, police, justice];
  return {
    province,
    dongXoai,
    binhLong,
    tanPhu,
    tanBinh,
    anLoc,
    police,
    justice,
    units,
    byId: indexUnits(units),
  };
}

/** After the 2025 reform: communes and departments directly under the province. */
export function twoTierWorld() {
  const province = makeUnit('dn', 'province', 'Tỉnh Đồng Nai', null);
  const dongXoai = makeUnit('p-dong-xoai', 'commune', 'Phường Đồng Xoài', province);
  const binhPhuoc = makeUnit('p-binh-phuoc', 'commune', 'Phường Bình Phước', province);
  const health = makeUnit('so-y-te', 'department', 'Sở Y tế', province);
  const units = [province, dongXoai, binhPhuoc, health];
  return { province, dongXoai, binhPhuoc, health, units, byId: indexUnits(units) };
}
