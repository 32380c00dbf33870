import { describe, expect, it } from 'vitest';
import { makeUnit, threeTierWorld, twoTierWorld } from '../testing/worlds';
import {
  ChainConfig,
  chainConfig2023,
  chainConfig2025,
  chainConfigsAcrossReform,
  deriveChain,
  selectChainConfig,
} from './chain';
import { indexUnits } from './tree';

const ids = (r: ReturnType<typeof deriveChain>) => (r.ok ? r.chain.map((l) => l.unitId) : r.error.code);

describe('deriveChain', () => {
  const w = threeTierWorld();
  const day = '2023-05-05';

  it('2023: commune → district → province; district → province; department → province', () => {
    expect(ids(deriveChain(chainConfig2023, w.byId, 'tan-phu', day))).toEqual(['dong-xoai', 'bp']);
    expect(ids(deriveChain(chainConfig2023, w.byId, 'an-loc', day))).toEqual(['binh-long', 'bp']);
    expect(ids(deriveChain(chainConfig2023, w.byId, 'dong-xoai', day))).toEqual(['bp']);
    expect(ids(deriveChain(chainConfig2023, w.byId, 'cong-an-tinh', day))).toEqual(['bp']);
    const r = deriveChain(chainConfig2023, w.byId, 'tan-phu', day);
    expect(r.ok && r.chain[0]).toEqual({
      unitId: 'dong-xoai',
      unitName: 'Thành phố Đồng Xoài',
      unitKind: 'district',
    });
  });

  it('2025: commune → province with no district anywhere in the tree', () => {
    const t = twoTierWorld();
    expect(ids(deriveChain(chainConfig2025, t.byId, 'p-dong-xoai', '2025-08-01'))).toEqual(['dn']);
    expect(ids(deriveChain(chainConfig2025, t.byId, 'so-y-te', '2025-08-01'))).toEqual(['dn']);
  });

  it('2025 config on the old three-tier tree skips the district: only the configured kinds review', () => {
    expect(ids(deriveChain(chainConfig2025, w.byId, 'tan-phu', '2025-08-01'))).toEqual(['bp']);
  });

  it('says why when it cannot derive a chain', () => {
    const t = twoTierWorld();
    // A 2023-style config on a tree without districts: no district to review.
    const r = deriveChain(chainConfig2023, t.byId, 'p-dong-xoai', day);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no_reviewer_of_kind');
      expect(r.error.kind).toBe('district');
      expect(r.error.message).toMatch(/district/);
    }
    expect(ids(deriveChain(chainConfig2023, w.byId, 'bp', day))).toBe('no_rule_for_kind');
    expect(ids(deriveChain(chainConfig2023, w.byId, 'nowhere', day))).toBe('unknown_unit');
    expect(ids(deriveChain(chainConfig2025, w.byId, 'tan-phu', '2024-01-01'))).toBe('config_not_effective');
    const closed = { ...w.tanPhu, closedOn: '2023-01-01' };
    expect(ids(deriveChain(chainConfig2023, indexUnits([...w.units, closed]), 'tan-phu', day))).toBe(
      'unit_inactive',
    );
  });

  it('skips an optional kind that the tree lacks, but not a required one', () => {
    const config = ChainConfig.parse({
      ...chainConfig2023,
      rules: [
        { authorKind: 'commune', reviewerKinds: ['district', 'province'], optionalKinds: ['district'] },
      ],
    });
    const t = twoTierWorld();
    expect(ids(deriveChain(config, t.byId, 'p-dong-xoai', day))).toEqual(['dn']);
    expect(ids(deriveChain(config, w.byId, 'tan-phu', day))).toEqual(['dong-xoai', 'bp']);
  });

  it('replaces a closed ancestor by its open successor', () => {
    const province = makeUnit('p', 'province', 'P', null);
    const oldDistrict = makeUnit('d1', 'district', 'D1', province, {
      closedOn: '2023-03-01',
      successorId: 'd2',
    });
    const newDistrict = makeUnit('d2', 'district', 'D2', province, { openedOn: '2023-03-01' });
    const commune = makeUnit('c', 'commune', 'C', oldDistrict);
    const byId = indexUnits([province, oldDistrict, newDistrict, commune]);
    expect(ids(deriveChain(chainConfig2023, byId, 'c', '2023-02-01'))).toEqual(['d1', 'p']);
    expect(ids(deriveChain(chainConfig2023, byId, 'c', '2023-04-01'))).toEqual(['d2', 'p']);
  });

  it('supports kinds a province adds itself', () => {
    const province = makeUnit('p', 'province', 'P', null);
    const cluster = makeUnit('k', 'cluster_lead', 'Cụm thi đua', province);
    const commune = makeUnit('c', 'commune', 'C', cluster);
    const config = ChainConfig.parse({
      id: 'custom',
      name: 'Cụm',
      effectiveFrom: '2023-01-01',
      effectiveTo: null,
      rules: [{ authorKind: 'commune', reviewerKinds: ['cluster_lead', 'province'] }],
    });
    expect(ids(deriveChain(config, indexUnits([province, cluster, commune]), 'c', '2023-05-05'))).toEqual([
      'k',
      'p',
    ]);
  });
});

describe('selectChainConfig', () => {
  it('picks the configuration in force on the date (effectiveTo exclusive)', () => {
    expect(selectChainConfig(chainConfigsAcrossReform, '2025-06-30')?.rules[0]?.reviewerKinds).toEqual([
      'district',
      'province',
    ]);
    expect(selectChainConfig(chainConfigsAcrossReform, '2025-07-01')?.id).toBe(chainConfig2025.id);
    expect(selectChainConfig(chainConfigsAcrossReform, '2022-12-31')).toBeNull();
  });
  it('prefers the latest start on overlap', () => {
    expect(selectChainConfig([chainConfig2023, chainConfig2025], '2026-01-01')?.id).toBe(chainConfig2025.id);
    expect(selectChainConfig([chainConfig2023, chainConfig2025], '2024-01-01')?.id).toBe(chainConfig2023.id);
  });
});
