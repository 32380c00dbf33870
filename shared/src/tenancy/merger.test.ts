import { describe, expect, it } from 'vitest';
import type { Identity, Unit } from '../org/schema';
import { indexUnits } from '../org/tree';
import { authorizeInherited, inheritedResource } from '../policy/inherited';
import { checkUnitMap, predecessorUnitsOf, successorUnitOf, type TenantMerger } from './merger';

const unit = (
  tenantId: string,
  id: string,
  kind: string,
  path: string[],
  closedOn: string | null = null,
): Unit => ({
  tenantId,
  id,
  kind,
  name: id,
  parentId: path.at(-1) ?? null,
  path,
  openedOn: id.startsWith('dn-') ? '2025-07-01' : '1997-01-01',
  closedOn,
  successorId: null,
});

// Bình Phước (three tiers) into Đồng Nai (two tiers) on 1/7/2025.
const bp = indexUnits([
  unit('binh-phuoc', 'binh-phuoc', 'province', [], '2025-07-01'),
  unit('binh-phuoc', 'dong-xoai', 'district', ['binh-phuoc'], '2025-07-01'),
  unit('binh-phuoc', 'tan-phu', 'commune', ['binh-phuoc', 'dong-xoai'], '2025-07-01'),
  unit('binh-phuoc', 'tan-dong', 'commune', ['binh-phuoc', 'dong-xoai'], '2025-07-01'),
  unit('binh-phuoc', 'so-tu-phap', 'department', ['binh-phuoc'], '2025-07-01'),
]);
const dn = indexUnits([
  unit('dong-nai', 'dong-nai', 'province', []),
  unit('dong-nai', 'dn-binh-phuoc', 'commune', ['dong-nai']),
  unit('dong-nai', 'dn-tran-bien', 'commune', ['dong-nai']),
  unit('dong-nai', 'dn-so-tu-phap', 'department', ['dong-nai']),
]);

const merger: TenantMerger = {
  successorTenantId: 'dong-nai',
  successorName: 'Tỉnh Đồng Nai',
  successorRootId: 'dong-nai',
  predecessorTenantId: 'binh-phuoc',
  predecessorName: 'Tỉnh Bình Phước',
  predecessorRootId: 'binh-phuoc',
  effectiveFrom: '2025-07-01',
  legalBasis: 'Nghị quyết số 202/2025/QH15',
  unitMap: [
    { from: 'tan-phu', to: 'dn-binh-phuoc' },
    { from: 'tan-dong', to: 'dn-binh-phuoc' },
    { from: 'so-tu-phap', to: 'dn-so-tu-phap' },
  ],
  unitMapHash: 'h',
  linkHash: 'l',
  mergedBy: 'admin',
  mergedAt: '2026-12-01T00:00:00.000Z',
};

const who = (unitId: string, ...roles: Identity['roles']): Identity => ({
  userId: `u-${unitId}`,
  email: 'x@y.vn',
  name: 'x',
  tenantId: 'dong-nai',
  unitId,
  roles,
});

const tanPhuReport = {
  type: 'submission' as const,
  tenantId: 'binh-phuoc',
  unitId: 'tan-phu',
  unitPath: ['binh-phuoc', 'dong-xoai'],
};

describe('the unit map of a merger', () => {
  it('accepts communes onto wards and departments onto departments', () => {
    expect(checkUnitMap(merger, bp, dn)).toEqual([]);
  });

  it('names every bad row by its field path', () => {
    const issues = checkUnitMap(
      {
        effectiveFrom: '2025-07-01',
        unitMap: [
          { from: 'tan-phu', to: 'dn-so-tu-phap' },
          { from: 'tan-phu', to: 'dn-binh-phuoc' },
          { from: 'nowhere', to: 'dn-binh-phuoc' },
          { from: 'dong-xoai', to: 'dn-tran-bien' },
          { from: 'tan-dong', to: 'missing' },
        ],
      },
      bp,
      dn,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'body.unitMap[0].to',
      'body.unitMap[1].from',
      'body.unitMap[2].from',
      'body.unitMap[3].to',
      'body.unitMap[4].to',
    ]);
  });

  it('refuses a successor unit that does not yet exist on the date and a predecessor closed before it', () => {
    const late = { ...merger, effectiveFrom: '2025-06-01' };
    expect(checkUnitMap(late, bp, dn).every((i) => i.path.endsWith('.to'))).toBe(true);
    const closedEarly = indexUnits([unit('binh-phuoc', 'tan-phu', 'commune', ['binh-phuoc'], '2024-01-01')]);
    expect(
      checkUnitMap(
        { effectiveFrom: '2025-07-01', unitMap: [merger.unitMap[0] ?? { from: '', to: '' }] },
        closedEarly,
        dn,
      ),
    ).toEqual([{ path: 'body.unitMap[0].from', message: 'Đơn vị không hoạt động ngày 2025-06-30' }]);
  });

  it('reads both ways; an unmapped unit (a district) falls to the successor root', () => {
    expect(successorUnitOf(merger, 'tan-phu')).toBe('dn-binh-phuoc');
    expect(successorUnitOf(merger, 'dong-xoai')).toBe('dong-nai');
    expect(predecessorUnitsOf(merger, 'dn-binh-phuoc')).toEqual(['tan-phu', 'tan-dong']);
  });
});

describe('reading a predecessor tenant (the policy on the successor side)', () => {
  it('places the predecessor unit where its successor stands', () => {
    expect(inheritedResource(merger, tanPhuReport, dn)).toEqual({
      type: 'submission',
      tenantId: 'dong-nai',
      unitId: 'dn-binh-phuoc',
      unitPath: ['dong-nai'],
      rootUnitId: 'dong-nai',
    });
  });

  it('lets the successor ward and the province read; another ward, another tenant and writers not', () => {
    const read = (identity: Identity, r = tanPhuReport) =>
      authorizeInherited(identity, 'read', merger, r, dn).allowed;
    expect(read(who('dn-binh-phuoc', 'submitter'))).toBe(true);
    expect(read(who('dong-nai', 'secretariat'))).toBe(true);
    expect(read(who('dong-nai', 'reviewer'))).toBe(true);
    expect(read(who('dn-tran-bien', 'submitter'))).toBe(false);
    expect(read(who('dn-tran-bien', 'unit_head'))).toBe(false);
    expect(read({ ...who('dn-binh-phuoc', 'submitter'), tenantId: 'tay-ninh' })).toBe(false);
    expect(read(who('dn-binh-phuoc', 'submitter'), { ...tanPhuReport, tenantId: 'tay-ninh' })).toBe(false);
    expect(
      authorizeInherited(who('dn-binh-phuoc', 'submitter'), 'act', merger, tanPhuReport, dn).allowed,
    ).toBe(false);
  });

  it('follows the dated lineage inside the merged province: an heir of the mapped ward reads too', () => {
    const heirs = [{ unitId: 'dn-tran-bien', unitPath: ['dong-nai'] }];
    const heir = who('dn-tran-bien', 'submitter');
    expect(authorizeInherited(heir, 'read', merger, tanPhuReport, dn).allowed).toBe(false);
    expect(authorizeInherited(heir, 'read', merger, tanPhuReport, dn, heirs).allowed).toBe(true);
  });

  it("keeps a district's own filings for the province roles only", () => {
    const district = {
      type: 'submission' as const,
      tenantId: 'binh-phuoc',
      unitId: 'dong-xoai',
      unitPath: ['binh-phuoc'],
    };
    expect(authorizeInherited(who('dn-binh-phuoc', 'unit_head'), 'read', merger, district, dn).allowed).toBe(
      false,
    );
    expect(authorizeInherited(who('dong-nai', 'secretariat'), 'read', merger, district, dn).allowed).toBe(
      true,
    );
  });
});
