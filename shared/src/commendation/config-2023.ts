import type { AwardType, CommendationConfig, IssuingBody, LegalBasis, RuleSet } from './award-types';
import type { CertificateBlank } from './certificate';
import { decree91, decree98, decree152, law2003, law2022, lolg2015, lolg2025 } from './legal-bases';

/**
 * The commendation configuration of the seed's 2023 campaign (Plan 38/KH-UBND of 07/02/2023) as DATA.
 * Figures marked `toVerify` were not checked against the official texts: they are configuration, to be
 * confirmed by the province's Ban Thi đua - Khen thưởng, and can be changed without touching code.
 */

const plan38: LegalBasis = {
  ref: 'Kế hoạch số 38/KH-UBND ngày 07 tháng 02 năm 2023 của Ủy ban nhân dân tỉnh phát động phong trào thi đua thực hiện công tác phòng chống tội phạm, tệ nạn xã hội; công tác chuyển hóa địa bàn năm 2023',
  article: '',
  effectiveFrom: '2023-02-07',
  effectiveTo: null,
  toVerify: false,
};

/**
 * The province's issuing bodies, named after the province (`Bình Phước`, `Đồng Nai`), with dated
 * competence bases: the 2015 Law on Organisation of Local Government until 30/6/2025, the 2025 law from
 * 1/7/2025. A document takes the edition in force on its date (`issuingBodyOn`).
 */
export const provincialIssuingBodies = (province: string): IssuingBody[] => {
  const upper = province.toLocaleUpperCase('vi');
  const lolgEditions = (extra: LegalBasis[] = []) => [
    { effectiveFrom: '2016-01-01', effectiveTo: '2025-06-30', bases: [lolg2015, ...extra] },
    { effectiveFrom: '2025-07-01', effectiveTo: null, bases: [lolg2025, ...extra] },
  ];
  return [
    {
      id: 'ubnd-tinh',
      // One body's name on two lines, both bold (Decree 30/2020, Appendix I, II.3).
      headerLines: ['ỦY BAN NHÂN DÂN', `TỈNH ${upper}`],
      superiorLines: 0,
      shortName: `UBND TỈNH ${upper}`,
      name: `Ủy ban nhân dân tỉnh ${province}`,
      decisionSymbol: 'QĐ-UBND',
      minutesSymbol: 'BB-HĐTĐKT',
      place: province,
      // Provincial awards are decided by the Chairman personally (Law 06/2022/QH15, Art. 80): no "TM.".
      signatureOnBehalf: '',
      signerTitle: 'CHỦ TỊCH',
      authorityLine: `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ${upper}`,
      competenceBases: [lolg2015.ref],
      editions: lolgEditions(),
    },
    {
      id: 'bcd-tinh',
      // The superior body (the province's UBND) upright, the Ban Chỉ đạo bold.
      headerLines: [`UBND TỈNH ${upper}`, 'BAN CHỈ ĐẠO PCTP, TNXH', 'VÀ XÂY DỰNG PTTDBVANTQ'],
      superiorLines: 1,
      shortName: `UBND TỈNH ${upper}`,
      name: `Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh ${province}`,
      decisionSymbol: 'QĐ-BCĐ',
      minutesSymbol: 'BB-BCĐ',
      place: province,
      signatureOnBehalf: 'TM. BAN CHỈ ĐẠO',
      signerTitle: 'TRƯỞNG BAN',
      authorityLine: `TRƯỞNG BAN CHỈ ĐẠO PCTP, TNXH VÀ XÂY DỰNG PTTDBVANTQ TỈNH ${upper}`,
      competenceBases: ['Quy chế hoạt động của Ban Chỉ đạo tỉnh'],
    },
  ];
};

export const issuingBodies2023: IssuingBody[] = provincialIssuingBodies('Bình Phước');

/**
 * Every commune's and ward's own UBND (after the 2025 reorganisation communes issue most of December's
 * awards): one configured body made concrete per issuing unit (`issuingBodyOfUnit`: "ỦY BAN NHÂN DÂN /
 * XÃ AN BÌNH", a register per commune). The Chairman decides personally (no "TM."). Its bases are the
 * 2025 Law on Organisation of Local Government; the layout follows the province's.
 */
export const communeIssuingBody: IssuingBody = {
  id: 'ubnd-xa',
  unitScoped: true,
  level: 'commune',
  headerLines: ['ỦY BAN NHÂN DÂN', '{UNIT}'],
  superiorLines: 0,
  shortName: 'UBND {UNIT}',
  name: 'Ủy ban nhân dân {unit}',
  decisionSymbol: 'QĐ-UBND',
  minutesSymbol: 'BB-HĐTĐKT',
  place: '{unit}',
  signatureOnBehalf: '',
  signerTitle: 'CHỦ TỊCH',
  authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN {UNIT}',
  competenceBases: [lolg2025.ref],
  editions: [{ effectiveFrom: '2025-07-01', effectiveTo: null, bases: [lolg2025] }],
};

/**
 * Starting layouts of the two usual blanks, to be measured on the province's own paper with the test
 * print (positions differ by supplier): Bằng khen on A3 landscape, Giấy khen on A4 landscape.
 */
export const defaultCertificateBlanks: CertificateBlank[] = [
  {
    id: 'bang-khen-a3',
    name: 'Phôi Bằng khen (A3 ngang)',
    awardTypeIds: ['bang_khen_chu_tich_ubnd_tinh'],
    widthMm: 420,
    heightMm: 297,
    offsetXMm: 0,
    offsetYMm: 0,
    slots: [
      {
        field: 'nomineeName',
        xMm: 60,
        yMm: 128,
        widthMm: 300,
        fontPt: 24,
        align: 'center',
        bold: true,
        uppercase: false,
      },
      {
        field: 'nomineeTitle',
        xMm: 60,
        yMm: 145,
        widthMm: 300,
        fontPt: 16,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'nomineeUnitName',
        xMm: 60,
        yMm: 156,
        widthMm: 300,
        fontPt: 16,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'achievement',
        xMm: 60,
        yMm: 172,
        widthMm: 300,
        fontPt: 15,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'decisionNumber',
        xMm: 40,
        yMm: 222,
        widthMm: 140,
        fontPt: 13,
        align: 'left',
        bold: false,
        uppercase: false,
      },
      {
        field: 'decisionDate',
        xMm: 220,
        yMm: 205,
        widthMm: 170,
        fontPt: 14,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'signerTitle',
        xMm: 220,
        yMm: 214,
        widthMm: 170,
        fontPt: 14,
        align: 'center',
        bold: true,
        uppercase: false,
      },
      {
        field: 'signerName',
        xMm: 220,
        yMm: 262,
        widthMm: 170,
        fontPt: 15,
        align: 'center',
        bold: true,
        uppercase: false,
      },
    ],
  },
  {
    id: 'giay-khen-a4',
    name: 'Phôi Giấy khen (A4 ngang)',
    awardTypeIds: [
      'giay_khen_chu_tich_ubnd_xa',
      'giay_khen_bcd_tinh',
      'lao_dong_tien_tien',
      'tap_the_lao_dong_tien_tien',
    ],
    widthMm: 297,
    heightMm: 210,
    offsetXMm: 0,
    offsetYMm: 0,
    slots: [
      {
        field: 'nomineeName',
        xMm: 40,
        yMm: 88,
        widthMm: 217,
        fontPt: 20,
        align: 'center',
        bold: true,
        uppercase: false,
      },
      {
        field: 'nomineeTitle',
        xMm: 40,
        yMm: 100,
        widthMm: 217,
        fontPt: 14,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'nomineeUnitName',
        xMm: 40,
        yMm: 108,
        widthMm: 217,
        fontPt: 14,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'achievement',
        xMm: 40,
        yMm: 120,
        widthMm: 217,
        fontPt: 13,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'decisionNumber',
        xMm: 25,
        yMm: 160,
        widthMm: 110,
        fontPt: 12,
        align: 'left',
        bold: false,
        uppercase: false,
      },
      {
        field: 'decisionDate',
        xMm: 150,
        yMm: 146,
        widthMm: 125,
        fontPt: 13,
        align: 'center',
        bold: false,
        uppercase: false,
      },
      {
        field: 'signerTitle',
        xMm: 150,
        yMm: 153,
        widthMm: 125,
        fontPt: 13,
        align: 'center',
        bold: true,
        uppercase: false,
      },
      {
        field: 'signerName',
        xMm: 150,
        yMm: 186,
        widthMm: 125,
        fontPt: 14,
        align: 'center',
        bold: true,
        uppercase: false,
      },
    ],
  },
];

/** The awards communes and wards issue themselves (from 1/1/2024, Law 06/2022/QH15). */
const GRASSROOTS_AWARDS = [
  'giay_khen_chu_tich_ubnd_xa',
  'lao_dong_tien_tien',
  'tap_the_lao_dong_tien_tien',
  'chien_si_thi_dua_co_so',
] as const;

/** The award types, parameterised by the bases of the rule set they belong to. */
const awardTypesUnder = (
  bases: { law: LegalBasis; decree: LegalBasis },
  from: string,
  to: string | null,
  provincialFighterVote: { thresholdPercent: number; toVerify: boolean },
  /** Whether communes issue their own awards through this product under this rule set. */
  grassroots = false,
): AwardType[] => {
  const vote = (
    thresholdPercent: number,
    denominator: 'present' | 'all_members',
    toVerify: boolean,
    allowAbstain = false,
  ) => ({
    thresholdPercent,
    comparison: 'gte' as const,
    quorumPercent: 66.67,
    denominator,
    allowAbstain,
    legalBasis: { ...bases.decree, toVerify: bases.decree.toVerify || toVerify },
  });
  const verify = (b: LegalBasis, article: string): LegalBasis => ({ ...b, article, toVerify: true });
  return [
    {
      id: 'co_thi_dua_ubnd_tinh',
      name: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
      rank: 90,
      level: 'province',
      for: 'collective',
      awardedHere: true,
      issuingBodyId: 'ubnd-tinh',
      legalBases: [bases.law, bases.decree],
      effectiveFrom: from,
      effectiveTo: to,
      voteRule: vote(50, 'present', true),
      disclosureWorkingDays: 10,
      prerequisites: [
        {
          kind: 'consecutive_years',
          titleIds: ['tap_the_lao_dong_xuat_sac'],
          years: 1,
          endingIn: 'previous_year',
          legalBasis: verify(bases.law, 'Điều 27'),
        },
      ],
      quotas: [
        { kind: 'absolute', max: 1, scope: 'proposing_unit', legalBasis: verify(plan38, '') },
        {
          kind: 'share_of',
          percent: 20,
          ofTitleIds: ['tap_the_lao_dong_xuat_sac'],
          scope: 'campaign',
          legalBasis: verify(bases.decree, ''),
        },
      ],
      requiredDossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'evidence'],
    },
    {
      id: 'chien_si_thi_dua_cap_tinh',
      name: 'Chiến sĩ thi đua cấp tỉnh',
      rank: 80,
      level: 'province',
      for: 'individual',
      awardedHere: true,
      issuingBodyId: 'ubnd-tinh',
      legalBases: [bases.law, bases.decree],
      effectiveFrom: from,
      effectiveTo: to,
      voteRule: vote(provincialFighterVote.thresholdPercent, 'all_members', provincialFighterVote.toVerify),
      disclosureWorkingDays: 10,
      prerequisites: [
        {
          kind: 'consecutive_years',
          titleIds: ['chien_si_thi_dua_co_so'],
          years: 3,
          endingIn: 'campaign_year',
          legalBasis: verify(bases.law, 'Điều 23'),
        },
      ],
      quotas: [{ kind: 'absolute', max: 2, scope: 'proposing_unit', legalBasis: verify(plan38, '') }],
      requiredDossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'evidence'],
    },
    {
      id: 'bang_khen_chu_tich_ubnd_tinh',
      name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      rank: 70,
      level: 'province',
      for: 'both',
      awardedHere: true,
      issuingBodyId: 'ubnd-tinh',
      legalBases: [bases.law, bases.decree, plan38],
      effectiveFrom: from,
      effectiveTo: to,
      // The council's working rules let a member abstain on a Bằng khen (configuration, to verify).
      voteRule: vote(50, 'present', true, true),
      disclosureWorkingDays: 5,
      prerequisites: [],
      quotas: [{ kind: 'absolute', max: 5, scope: 'proposing_unit', legalBasis: verify(plan38, '') }],
      requiredDossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban'],
    },
    {
      id: 'tap_the_lao_dong_xuat_sac',
      name: 'Tập thể lao động xuất sắc',
      rank: 60,
      level: 'province',
      for: 'collective',
      awardedHere: true,
      issuingBodyId: 'ubnd-tinh',
      legalBases: [bases.law, bases.decree],
      effectiveFrom: from,
      effectiveTo: to,
      voteRule: vote(50, 'present', true),
      disclosureWorkingDays: 5,
      prerequisites: [],
      quotas: [],
      requiredDossierParts: ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban'],
    },
    {
      id: 'chien_si_thi_dua_co_so',
      name: 'Chiến sĩ thi đua cơ sở',
      rank: 50,
      level: 'grassroots',
      for: 'individual',
      // Before 2024 known here only as a prerequisite of the provincial title; from then on communes
      // award it themselves, with their own council's vote (the figures are configuration to verify).
      awardedHere: grassroots,
      issuingBodyId: grassroots ? 'ubnd-xa' : null,
      legalBases: grassroots ? [verify(bases.law, 'Điều 23; Điều 74')] : [bases.law],
      effectiveFrom: from,
      effectiveTo: to,
      voteRule: grassroots ? vote(50, 'present', true) : null,
      decidedBy: 'council',
      disclosureWorkingDays: 0,
      prerequisites: [],
      quotas: [],
      requiredDossierParts: grassroots ? ['bao_cao_thanh_tich', 'bien_ban'] : [],
    },
    {
      id: 'giay_khen_bcd_tinh',
      name: 'Giấy khen của Ban Chỉ đạo tỉnh',
      rank: 40,
      level: 'steering_committee',
      for: 'both',
      awardedHere: true,
      issuingBodyId: 'bcd-tinh',
      legalBases: [bases.law, plan38],
      effectiveFrom: from,
      effectiveTo: to,
      voteRule: vote(50, 'present', true),
      disclosureWorkingDays: 0,
      prerequisites: [],
      quotas: [],
      requiredDossierParts: ['to_trinh', 'bao_cao_thanh_tich'],
    },
    ...(grassroots ? headDecidedGrassroots(bases.law, from, to) : []),
  ];
};

/**
 * The commune's awards its Chairman decides alone on the proposals of its units (no council vote): the
 * Giấy khen and the titles "Lao động tiên tiến" / "Tập thể lao động tiên tiến". Article references are
 * configuration to verify against Law 06/2022/QH15 and Decree 152/2025/NĐ-CP.
 */
const headDecidedGrassroots = (law: LegalBasis, from: string, to: string | null): AwardType[] => {
  const common = {
    level: 'commune',
    awardedHere: true,
    issuingBodyId: 'ubnd-xa',
    legalBases: [{ ...law, article: 'Điều 74', toVerify: true }],
    effectiveFrom: from,
    effectiveTo: to,
    voteRule: null,
    decidedBy: 'head' as const,
    disclosureWorkingDays: 0,
    prerequisites: [],
    quotas: [],
    requiredDossierParts: ['bao_cao_thanh_tich' as const],
  };
  return [
    {
      ...common,
      id: 'giay_khen_chu_tich_ubnd_xa',
      name: 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
      rank: 45,
      for: 'both',
    },
    {
      ...common,
      id: 'tap_the_lao_dong_tien_tien',
      name: 'Tập thể lao động tiên tiến',
      rank: 31,
      for: 'collective',
    },
    { ...common, id: 'lao_dong_tien_tien', name: 'Lao động tiên tiến', rank: 30, for: 'individual' },
  ];
};

export const ruleSets: RuleSet[] = [
  {
    id: 'tdkt-2017',
    name: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP',
    effectiveFrom: '2017-10-01',
    effectiveTo: '2023-12-31',
    legalBases: [law2003, decree91],
    // The old rule domain.md quotes: at least 90% of all council members for the provincial title.
    awardTypes: awardTypesUnder({ law: law2003, decree: decree91 }, '2017-10-01', '2023-12-31', {
      thresholdPercent: 90,
      toVerify: false,
    }),
  },
  {
    id: 'tdkt-2024',
    name: 'Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-06-30',
    legalBases: [law2022, decree98],
    awardTypes: awardTypesUnder(
      { law: law2022, decree: decree98 },
      '2024-01-01',
      '2025-06-30',
      { thresholdPercent: 70, toVerify: true },
      true,
    ),
  },
  {
    id: 'tdkt-2025',
    name: 'Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    legalBases: [law2022, decree152],
    awardTypes: awardTypesUnder(
      { law: law2022, decree: decree152 },
      '2025-07-01',
      null,
      { thresholdPercent: 70, toVerify: true },
      true,
    ),
  },
];

/**
 * Days off by year (Tết and the Hùng Kings' day move with the lunar calendar; compensatory days are
 * announced yearly). Source: the government's yearly announcements — verify each year.
 */
export const publicHolidays: string[] = [
  // 2023
  '2023-01-02',
  '2023-01-20',
  '2023-01-23',
  '2023-01-24',
  '2023-01-25',
  '2023-01-26',
  '2023-05-01',
  '2023-05-02',
  '2023-05-03',
  '2023-09-01',
  '2023-09-04',
  // 2024
  '2024-01-01',
  '2024-02-08',
  '2024-02-09',
  '2024-02-12',
  '2024-02-13',
  '2024-02-14',
  '2024-04-18',
  '2024-04-29',
  '2024-04-30',
  '2024-05-01',
  '2024-09-02',
  '2024-09-03',
  // 2025
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];

/** The seed campaign's configuration; the campaign id comes from the seed. */
export const commendationConfig2023 = (campaignId: string, province = 'Bình Phước'): CommendationConfig => ({
  campaignId,
  year: 2023,
  movementTitle:
    'phong trào thi đua thực hiện công tác phòng chống tội phạm, tệ nạn xã hội; công tác chuyển hóa địa bàn năm 2023',
  planBasis: plan38.ref,
  councilName: 'Hội đồng Thi đua - Khen thưởng tỉnh',
  secretariatName: 'Công an tỉnh',
  ruleSets,
  offeredAwardTypeIds: [
    'co_thi_dua_ubnd_tinh',
    'bang_khen_chu_tich_ubnd_tinh',
    'tap_the_lao_dong_xuat_sac',
    'chien_si_thi_dua_cap_tinh',
    'giay_khen_bcd_tinh',
    ...GRASSROOTS_AWARDS,
  ],
  issuingBodies: [...provincialIssuingBodies(province), communeIssuingBody],
  holidays: publicHolidays,
  consolidateAtIntermediateLevels: true,
  certificateBlanks: defaultCertificateBlanks,
});
