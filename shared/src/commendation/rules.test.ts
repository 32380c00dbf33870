import { describe, expect, it } from 'vitest';
import { AwardType, CommendationConfig, matchTitle } from './award-types';
import { commendationConfig2023 } from './config-2023';
import { type NominationFacts, nominationFacts, nomineeKey } from './nomination';
import { type CampaignNomination, checkNominationRules, type PastAward } from './rules';

const config = commendationConfig2023('kh38-2023');

const facts = (over: Partial<NominationFacts> = {}): NominationFacts => ({
  id: 'nom1',
  campaignId: 'kh38-2023',
  unitId: 'tan-phu',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'collective',
  nomineeName: 'Công an phường Tân Phú',
  nomineeTitle: '',
  nomineeUnitName: 'Phường Tân Phú',
  awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
  achievementSummary: 'Thành tích xuất sắc',
  dossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban'],
  priorAwards: [],
  meeting: { date: null, members: null, votesFor: null, votesAgainst: null },
  openedOn: '2023-11-20',
  ...over,
});
const check = (
  n: NominationFacts,
  campaign: CampaignNomination[] = [],
  past: PastAward[] = [],
  proposer?: string,
) =>
  checkNominationRules({
    config,
    nomination: n,
    campaignNominations: campaign,
    pastAwards: past,
    ...(proposer ? { proposingUnitId: proposer } : {}),
  });
const codes = (r: ReturnType<typeof check>) => r.violations.map((v) => v.code);

describe('configuration', () => {
  it('is valid data: every award type and the whole config parse', () => {
    expect(CommendationConfig.safeParse(config).success).toBe(true);
    for (const rs of config.ruleSets) for (const a of rs.awardTypes) expect(AwardType.parse(a)).toEqual(a);
  });
  it('the rule set follows the opening date of the dossier', () => {
    expect(check(facts({ openedOn: '2023-11-20' })).ruleSetId).toBe('tdkt-2017');
    expect(check(facts({ openedOn: '2024-03-01' })).ruleSetId).toBe('tdkt-2024');
    expect(check(facts({ openedOn: '2025-07-01' })).ruleSetId).toBe('tdkt-2025');
  });
});

describe('checkNominationRules', () => {
  it('a complete Bằng khen nomination passes', () => {
    const r = check(facts());
    expect(r.violations).toEqual([]);
    expect(r.awardType?.name).toBe('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
  });
  it('names every missing dossier part', () => {
    const r = check(facts({ dossierParts: ['to_trinh'] }));
    expect(codes(r)).toEqual(['missing_dossier_part', 'missing_dossier_part']);
    expect(r.violations.map((v) => v.path)).toEqual(['dossier.achievementReport', 'dossier.minutes']);
    expect(r.violations[0]?.message).toContain('Báo cáo thành tích');
  });
  it('refuses an award type for the wrong kind of nominee, and unknown ones', () => {
    expect(
      codes(check(facts({ nomineeKind: 'individual', awardTypeId: 'tap_the_lao_dong_xuat_sac' }))),
    ).toContain('wrong_nominee_kind');
    expect(codes(check(facts({ awardTypeId: 'chien_si_thi_dua_co_so' })))).toEqual(['unknown_award_type']);
    expect(codes(check(facts({ awardTypeId: 'khong_co' })))).toEqual(['unknown_award_type']);
  });
  it('prerequisites: Chiến sĩ thi đua cấp tỉnh needs three consecutive years of the grassroots title', () => {
    const person = {
      nomineeKind: 'individual' as const,
      nomineeName: 'Nguyễn Văn An',
      nomineeTitle: 'Trưởng Công an phường',
      awardTypeId: 'chien_si_thi_dua_cap_tinh',
      dossierParts: [
        'to_trinh',
        'bao_cao_thanh_tich',
        'bien_ban',
        'evidence',
      ] as NominationFacts['dossierParts'],
    };
    const declared = (years: number[]) => years.map((year) => ({ year, titleId: 'chien_si_thi_dua_co_so' }));
    const missing = check(facts({ ...person, priorAwards: declared([2021, 2023]) }));
    expect(codes(missing)).toEqual(['prerequisite_not_met']);
    expect(missing.violations[0]?.message).toContain('thiếu năm 2022');
    expect(check(facts({ ...person, priorAwards: declared([2021, 2022, 2023]) })).violations).toEqual([]);
    // Years recorded by this product's own decisions count as well.
    const key = nomineeKey(facts(person));
    const past: PastAward[] = [2021, 2022].map((year) => ({
      nomineeKey: key,
      titleId: 'chien_si_thi_dua_co_so',
      year,
      campaignId: null,
      decisionNumber: null,
    }));
    expect(check(facts({ ...person, priorAwards: declared([2023]) }), [], past).violations).toEqual([]);
  });
  it('quotas: an absolute cap per proposing unit counts the batch unit, this nomination once', () => {
    const same = (i: number, unitId: string): CampaignNomination => ({
      nominationId: `o${i}`,
      nomineeKey: `collective|x${i}`,
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
      unitId,
    });
    const four = [1, 2, 3, 4].map((i) => same(i, 'dong-xoai'));
    expect(check(facts(), four, [], 'dong-xoai').violations).toEqual([]);
    expect(
      check(facts(), [...four, { ...same(1, 'dong-xoai'), nominationId: 'nom1' }], [], 'dong-xoai')
        .violations,
    ).toEqual([]);
    const r = check(facts(), [...four, same(5, 'dong-xoai')], [], 'dong-xoai');
    expect(codes(r)).toEqual(['quota_exceeded']);
    expect(r.violations[0]?.message).toContain('tối đa 5, hiện có 6');
    expect(check(facts(), [...four, same(5, 'bu-dang')], [], 'dong-xoai').violations).toEqual([]);
  });
  it('quotas: Cờ thi đua at most 20% of the Tập thể lao động xuất sắc nominations of the campaign', () => {
    const flag = facts({
      awardTypeId: 'co_thi_dua_ubnd_tinh',
      dossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'evidence'],
      priorAwards: [{ year: 2022, titleId: 'tap_the_lao_dong_xuat_sac' }],
    });
    const ttldxs = (n: number): CampaignNomination[] =>
      Array.from({ length: n }, (_, i) => ({
        nominationId: `t${i}`,
        nomineeKey: `collective|t${i}`,
        awardTypeId: 'tap_the_lao_dong_xuat_sac',
        unitId: `u${i}`,
      }));
    expect(codes(check(flag, ttldxs(4)))).toEqual(['quota_exceeded']);
    expect(check(flag, ttldxs(5)).violations).toEqual([]);
  });
  it('one achievement, one award: a second form in the same campaign is refused; other years warn', () => {
    const key = nomineeKey(facts());
    const other: CampaignNomination = {
      nominationId: 'nom2',
      nomineeKey: key,
      awardTypeId: 'giay_khen_bcd_tinh',
      unitId: 'tan-phu',
    };
    const r = check(facts(), [other]);
    expect(codes(r)).toEqual(['duplicate_award_same_campaign']);
    expect(r.violations[0]?.message).toContain('Giấy khen của Ban Chỉ đạo tỉnh');
    // Same name with different spacing and case is the same nominee.
    expect(nomineeKey(facts({ nomineeName: '  công an  phường TÂN PHÚ ' }))).toBe(key);
    const lastYear: PastAward = {
      nomineeKey: key,
      titleId: 'bang_khen_chu_tich_ubnd_tinh',
      year: 2022,
      campaignId: 'kh-2022',
      decisionNumber: '15/QĐ-UBND',
    };
    const w = check(facts(), [], [lastYear]);
    expect(w.violations).toEqual([]);
    expect(w.warnings.map((x) => x.code)).toEqual(['award_in_other_year']);
    expect(w.warnings[0]?.message).toContain('15/QĐ-UBND');
    expect(codes(check(facts(), [], [{ ...lastYear, campaignId: 'kh38-2023', year: 2023 }]))).toEqual([
      'duplicate_award_same_campaign',
    ]);
  });
  it('reads the facts out of the nomination form data (keyed by section)', () => {
    const r = nominationFacts(
      {
        id: 'nom9',
        campaignId: 'kh38-2023',
        unitId: 'tan-phu',
        unitName: 'Phường Tân Phú',
        createdAt: '2023-11-19T18:00:00.000Z',
        data: {
          nominee: {
            kind: 'individual',
            fullName: 'Trần Thị Bình',
            collectiveName: 'ignored',
            position: 'Cán bộ',
            awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
          },
          achievement: {
            summary: 'Thành tích',
            previousAwards: [
              { year: 2022, award: 'Chiến sĩ thi đua cơ sở năm 2022', decision: '12/QĐ' },
              { year: 2021, award: 'Giấy khen của Giám đốc', decision: '3/QĐ' },
              { year: 'x', award: 'Chiến sĩ thi đua cơ sở' },
            ],
          },
          dossier: {
            toTrinh: [{ id: 'att1' }],
            achievementReport: ['att2'],
            minutes: [],
            evidence: [{ id: 'att3' }],
          },
          meeting: { votesFor: 9 },
        },
      },
      matchTitle(config),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.facts.nomineeName).toBe('Trần Thị Bình');
    expect(r.facts.dossierParts).toEqual(['to_trinh', 'bao_cao_thanh_tich', 'evidence']);
    expect(r.facts.openedOn).toBe('2023-11-20');
    expect(r.facts.nomineeUnitName).toBe('Phường Tân Phú');
    expect(r.facts.meeting.votesFor).toBe(9);
    expect(r.facts.priorAwards).toEqual([{ year: 2022, titleId: 'chien_si_thi_dua_co_so' }]);
    expect(matchTitle(config)('Chiến sĩ thi đua cấp tỉnh')).toBe('chien_si_thi_dua_cap_tinh');
    const empty = {
      id: 'x',
      campaignId: 'c',
      unitId: 'u',
      unitName: 'U',
      createdAt: '2023-01-01T00:00:00Z',
      data: {},
    };
    expect(nominationFacts(empty).ok).toBe(false);
  });
});
