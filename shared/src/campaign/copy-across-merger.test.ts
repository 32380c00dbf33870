import { describe, expect, it } from 'vitest';
import { deriveChain } from '../org/chain';
import { indexUnits } from '../org/tree';
import { authorizeCampaignCopy } from '../policy/inherited';
import { identity, threeTierWorld, twoTierWorld } from '../testing/worlds';
import { campaign2023 } from './campaign-2023';
import {
  chainRulesOfTree,
  copyAcrossMerger,
  type MergerOfCopy,
  mergerCopyDate,
  templateKey,
} from './copy-across-merger';
import type { Campaign } from './schema';

const old = threeTierWorld();
const now = twoTierWorld();
const merger: MergerOfCopy = {
  predecessorTenantId: 'binh-phuoc',
  predecessorName: 'Tỉnh Bình Phước',
  successorTenantId: 'dong-nai',
  successorName: 'Tỉnh Đồng Nai',
  successorRootId: 'dn',
  effectiveFrom: '2025-07-01',
  legalBasis: 'Nghị quyết số 202/2025/QH15',
  unitMap: [
    { from: 'tan-phu', to: 'p-binh-phuoc' },
    { from: 'tan-binh', to: 'p-binh-phuoc' },
    { from: 'so-y-te-cu', to: 'so-y-te' },
  ],
};
const successorUnits = now.units.map((u) => ({ ...u, tenantId: 'dong-nai' }));
const source: Campaign = {
  ...campaign2023,
  tenantId: 'binh-phuoc',
  participants: {
    unitKinds: ['department', 'district', 'commune'],
    unitIds: ['tan-phu', 'tan-binh', 'dong-xoai'],
    excludedUnitIds: ['an-loc'],
  },
};
const allTemplates = new Map(
  campaign2023.forms.map((f) => [
    templateKey(f.templateId, f.templateVersion),
    { templateId: f.templateId, templateVersion: 1, note: `mẫu ${f.templateId}` },
  ]),
);
const copyOf = (templates = allTemplates) =>
  copyAcrossMerger({
    source,
    target: { id: 'kh38-2026', year: 2026 },
    merger,
    predecessorUnits: old.byId,
    successorUnits,
    templates,
  });

describe('copying an absorbed province campaign into the merged province', () => {
  it('lays participants on the tree in force: kinds that exist kept, picked units mapped through the merger', () => {
    const { copy, report } = copyOf();
    expect(copy.tenantId).toBe('dong-nai');
    expect(copy.participants).toEqual({
      unitKinds: ['department', 'commune'],
      unitIds: ['p-binh-phuoc'],
      excludedUnitIds: [],
    });
    expect(report.mapped.map((n) => n.message)).toEqual(
      expect.arrayContaining(['Phường Tân Phú → Phường Bình Phước', 'Phường Tân Bình → Phường Bình Phước']),
    );
  });

  it('lists in Vietnamese what it could not carry: the district kind, an unmapped unit, an exclusion, the issuer', () => {
    const { report } = copyOf();
    const at = (path: string) => report.unresolved.filter((n) => n.path === path).map((n) => n.message);
    expect(at('participants.unitKinds')).toEqual([
      expect.stringMatching(/^Loại đơn vị "Cấp huyện" không còn/),
    ]);
    expect(at('participants.unitIds')).toEqual([
      expect.stringMatching(/^Thành phố Đồng Xoài .*chưa đưa vào/),
    ]);
    expect(at('participants.excludedUnitIds')).toEqual([expect.stringMatching(/^Phường An Lộc bị loại/)]);
    expect(at('issuer')).toHaveLength(1);
    // District review deadlines are left out and said so, per form that had them.
    expect(report.unresolved.some((n) => /forms\.\d+\.deadlines/.test(n.path))).toBe(true);
    expect(report.sourceTenantId).toBe('binh-phuoc');
  });

  it('re-derives the chains from the two-tier tree: commune → province, department → province', () => {
    const { copy } = copyOf();
    const [chain] = copy.chainConfigs;
    expect(copy.chainConfigs).toHaveLength(1);
    expect(chain?.effectiveFrom).toBe('2026-01-01');
    expect(chain?.rules).toEqual([
      { authorKind: 'commune', reviewerKinds: ['province'], optionalKinds: [] },
      { authorKind: 'department', reviewerKinds: ['province'], optionalKinds: [] },
    ]);
    const byId = indexUnits(successorUnits);
    if (!chain) throw new Error('no chain');
    const r = deriveChain(chain, byId, 'p-binh-phuoc', '2026-03-01');
    expect(r.ok && r.chain.map((l) => l.unitId)).toEqual(['dn']);
    // No deadline of a level that no longer exists stays.
    for (const f of copy.forms) expect(f.deadlines.every((d) => d.reviewerKind !== 'district')).toBe(true);
    for (const f of copy.forms) expect(f.unitKinds.includes('district')).toBe(false);
  });

  it('uses the successor templates it is given, and lists a form whose template it could not map', () => {
    const missing = new Map(allTemplates);
    missing.delete(templateKey('scorecard_2023', 1));
    const { copy, report } = copyOf(missing);
    const i = copy.forms.findIndex((f) => f.templateId === 'scorecard_2023');
    expect(report.unresolved.map((n) => n.path)).toContain(`forms.${i}.templateId`);
    expect(report.mapped.map((n) => n.path)).not.toContain(`forms.${i}.templateId`);
  });

  it('reads a three-tier tree as three tiers (nothing names a kind) and starts no earlier than the merger', () => {
    expect(chainRulesOfTree(old.units, '2023-05-05')).toEqual(
      expect.arrayContaining([
        { authorKind: 'commune', reviewerKinds: ['district', 'province'], optionalKinds: [] },
      ]),
    );
    expect(mergerCopyDate(2025, merger)).toBe('2025-07-01');
    expect(mergerCopyDate(2026, merger)).toBe('2026-01-01');
  });
});

describe('who may copy from an absorbed province (authorizeCampaignCopy)', () => {
  const link = [{ predecessorTenantId: 'binh-phuoc', successorTenantId: 'dong-nai' }];
  const dn = (role: 'secretariat' | 'admin' | 'reviewer', unit = 'dn') =>
    identity(`${role}@${unit}`, unit, [role], 'dong-nai');
  it("the successor's campaign builders, through the merger", () => {
    expect(authorizeCampaignCopy(dn('secretariat'), { tenantId: 'binh-phuoc' }, link, 'dn').allowed).toBe(
      true,
    );
    expect(authorizeCampaignCopy(dn('admin'), { tenantId: 'binh-phuoc' }, link, 'dn').allowed).toBe(true);
  });
  it('nobody else: a reviewer, a stranger province, the predecessor copying from its successor, no merger', () => {
    expect(authorizeCampaignCopy(dn('reviewer'), { tenantId: 'binh-phuoc' }, link, 'dn').allowed).toBe(false);
    const stranger = identity('s@tn', 'tn', ['secretariat'], 'tay-ninh');
    expect(authorizeCampaignCopy(stranger, { tenantId: 'binh-phuoc' }, link, 'tn').allowed).toBe(false);
    const bp = identity('s@bp', 'bp', ['secretariat'], 'binh-phuoc');
    expect(authorizeCampaignCopy(bp, { tenantId: 'dong-nai' }, link, 'bp').allowed).toBe(false);
    expect(authorizeCampaignCopy(dn('secretariat'), { tenantId: 'binh-phuoc' }, [], 'dn').allowed).toBe(
      false,
    );
    // A secretariat role held below the province builds nothing.
    expect(
      authorizeCampaignCopy(dn('secretariat', 'p-binh-phuoc'), { tenantId: 'binh-phuoc' }, link, 'dn')
        .allowed,
    ).toBe(false);
  });
});
