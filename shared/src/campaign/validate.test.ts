import { describe, expect, it } from 'vitest';
import { chainConfig2025 } from '../org/chain';
import { threeTierWorld, twoTierWorld } from '../testing/worlds';
import { campaign2023 } from './campaign-2023';
import { Campaign } from './schema';
import { type CampaignCheckContext, checkCampaign, previewChain } from './validate';

const published = new Map(campaign2023.forms.map((f) => [f.templateId, [f.templateVersion]]));
const ctx2023 = (): CampaignCheckContext => {
  const w = threeTierWorld();
  return { units: w.units, unitsById: w.byId, asOf: '2023-03-01', publishedTemplates: published };
};
const ctx2026 = (): CampaignCheckContext => {
  const w = twoTierWorld();
  return { units: w.units, unitsById: w.byId, asOf: '2026-02-01', publishedTemplates: published };
};
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

/** The 2023 campaign copied into 2026 for the merged province, as the builder's "copy" starts it. */
const copyInto2026 = (overrides: Partial<Campaign> = {}): Campaign =>
  Campaign.parse({
    ...campaign2023,
    tenantId: 'dn',
    id: 'kh-2026',
    year: 2026,
    periods: ['2026-M01', '2026-Q1', '2026-9M', '2026-Y'],
    forms: campaign2023.forms.map((f) => ({
      ...f,
      periods: ['2026-Y'],
      deadlines: [],
      entryWindows: [],
      lockExceptions: [],
    })),
    ...overrides,
  });

describe('campaign check before publication', () => {
  it('passes the 2023 campaign of Plan 38/KH-UBND on the 2023 tree', () => {
    expect(checkCampaign(campaign2023, ctx2023()).errors).toEqual([]);
  });

  it('a 2023 copy on the 2026 two-tier tree names the district tier that no longer exists', () => {
    const { errors } = checkCampaign(copyInto2026({ tenantId: 'binh-phuoc' }), ctx2026());
    expect(paths(errors)).toContain('participants.unitKinds.1');
    expect(errors.find((e) => e.path === 'participants.unitKinds.1')?.message).toBe(
      'Cây đơn vị ngày 2026-02-01 không còn cấp "district"',
    );
  });

  it('the same copy with the two-tier chain and participants passes', () => {
    const c = copyInto2026({
      tenantId: 'binh-phuoc',
      participants: { unitKinds: ['commune', 'department'], unitIds: [], excludedUnitIds: [] },
      chainConfigs: [{ ...chainConfig2025, effectiveFrom: '2026-01-01' }],
    });
    expect(checkCampaign(c, ctx2026()).errors).toEqual([]);
  });

  it('refuses deadlines out of order, windows that close before they open, and unjustified exceptions', () => {
    const base = campaign2023.forms[1];
    if (!base) throw new Error('form');
    const c = Campaign.parse({
      ...campaign2023,
      forms: [
        {
          ...base,
          entryWindows: [
            { period: '2023-Q1', opensAt: '2023-04-10T00:00:00.000Z', closesAt: '2023-04-01T00:00:00.000Z' },
          ],
          lockExceptions: [
            { unitId: 'bp', period: '2023-Q1', closesAt: '2023-05-01T00:00:00.000Z', reason: '' },
          ],
          deadlines: [
            { period: '2023-Q1', stage: 'submit', dueAt: '2023-04-20T00:00:00.000Z' },
            {
              period: '2023-Q1',
              stage: 'review',
              reviewerKind: 'district',
              dueAt: '2023-04-15T00:00:00.000Z',
            },
            {
              period: '2023-Q1',
              stage: 'review',
              reviewerKind: 'province',
              dueAt: '2023-04-12T00:00:00.000Z',
            },
            { period: '2023-H2', stage: 'submit', dueAt: '2023-04-20T00:00:00.000Z' },
          ],
        },
        ...campaign2023.forms.filter((f) => f !== base),
      ],
    });
    const messages = Object.fromEntries(checkCampaign(c, ctx2023()).errors.map((e) => [e.path, e.message]));
    expect(messages['forms.0.entryWindows.0.closesAt']).toBe('Hạn nhập phải sau ngày mở');
    expect(messages['forms.0.lockExceptions.0.unitId']).toBe(
      'Đơn vị được gia hạn không phải nộp biểu mẫu này',
    );
    expect(messages['forms.0.lockExceptions.0.reason']).toBe('Cần ghi lý do gia hạn');
    expect(messages['forms.0.deadlines.1.dueAt']).toBe(
      'Hạn bước sau (review) sớm hơn hạn bước trước (submit)',
    );
    expect(messages['forms.0.deadlines.2.dueAt']).toBe(
      'Hạn thẩm định cấp "province" sớm hơn hạn cấp "district" bên dưới',
    );
    expect(messages['forms.0.deadlines.3.period']).toBe('Kỳ 2023-H2 không thuộc biểu mẫu');
  });

  it('refuses an unpublished template version and a form nobody files', () => {
    const c = Campaign.parse({
      ...campaign2023,
      forms: campaign2023.forms.map((f, i) =>
        i === 0 ? { ...f, templateVersion: 9, unitKinds: ['province'] } : f,
      ),
    });
    const { errors } = checkCampaign(c, ctx2023());
    expect(paths(errors)).toEqual(expect.arrayContaining(['forms.0.templateVersion', 'forms.0.unitKinds']));
  });

  it('previews the chain a unit will get on a date', () => {
    const w = threeTierWorld();
    expect(previewChain(campaign2023, w.byId, 'tan-phu', '2023-03-01')).toEqual({
      ok: true,
      chain: [
        { unitId: 'dong-xoai', unitName: 'Thành phố Đồng Xoài', unitKind: 'district' },
        { unitId: 'bp', unitName: 'Tỉnh Bình Phước', unitKind: 'province' },
      ],
    });
    const two = twoTierWorld();
    const c = copyInto2026({ chainConfigs: [{ ...chainConfig2025, effectiveFrom: '2026-01-01' }] });
    expect(previewChain(c, two.byId, 'p-dong-xoai', '2026-03-01')).toEqual({
      ok: true,
      chain: [{ unitId: 'dn', unitName: 'Tỉnh Đồng Nai', unitKind: 'province' }],
    });
  });
});
