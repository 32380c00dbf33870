import { type Campaign, campaign2023 } from '@thidua/shared/campaign';
import { resolution202 } from '@thidua/shared/commendation';
import { addDays, startOfDayInVietnam } from '@thidua/shared/common';
import { chainConfig2025, type OfficeHolder, type Unit } from '@thidua/shared/org';
import type { MergerInput } from '@thidua/shared/tenancy';
import { DEMO_TENANT, type DemoUser, demoUnits } from './seed-data';

/**
 * The demo world of December 2026 (issue 13): since 1/7/2025 Bình Phước is part of tỉnh Đồng Nai, with
 * two tiers (province → communes/wards and departments). The Bình Phước tenant (seed-data.ts) keeps its
 * 2023 history untouched; the `dong-nai` tenant below absorbed it by a merger with a unit map, and runs a
 * 2026 campaign. Places are real; people are fictional. Which old communes became which new ward is from
 * Resolution 1662/NQ-UBTVQH15 as secondary sources report it for Đồng Xoài (Phường Bình Phước, Phường
 * Đồng Xoài; `toVerify` in legal-bases.ts); the other groupings are ILLUSTRATIVE (marked below).
 */
export const DONG_NAI_TENANT = 'dong-nai';
export const DONG_NAI_ROOT = 'dong-nai';

/** The merged province's secretariat contact (help pages); telephone, e-mail and address ILLUSTRATIVE. */
export const dongNaiContact = {
  name: 'Phòng Tham mưu, Công an tỉnh Đồng Nai (Cơ quan thường trực Ban Chỉ đạo 138 tỉnh)',
  phone: '0251 3822 138',
  email: 'thuongtruc.bcd138.dongnai@demo.thidua.vn',
  address: 'Đường Phạm Văn Thuận, phường Trấn Biên, tỉnh Đồng Nai',
};
/** The day the merged province and its new communes and wards start. */
export const MERGER_DATE = '2025-07-01';

interface NewUnit {
  id: string;
  kind: 'commune' | 'department';
  name: string;
  /** Bình Phước demo units (ids of seed-data.ts) whose work this unit carries. */
  from: readonly string[];
  /** The grouping is an example, not the resolution's. */
  illustrative?: boolean;
}

/** Bình Phước demo units of one district (ids of seed-data.ts): `of('bu-dang', 'bom-bo')`. */
const of = (district: string, ...communes: string[]): string[] => communes.map((c) => `${district}-${c}`);

/** One unit of the merged province; `EXAMPLE` marks a grouping that is an example, not the resolution's. */
const newUnit =
  (kind: NewUnit['kind']) =>
  (id: string, name: string, from: readonly string[], illustrative = false): NewUnit => ({
    id,
    kind,
    name,
    from,
    ...(illustrative ? { illustrative } : {}),
  });
const commune = newUnit('commune');
const department = newUnit('department');
const EXAMPLE = true;

/** Communes and wards of the merged province (the Bình Phước side, and a few of the old Đồng Nai). */
const communes: readonly NewUnit[] = [
  commune(
    'phuong-binh-phuoc',
    'Phường Bình Phước',
    of('dong-xoai', 'tan-phu', 'tan-dong', 'tan-binh', 'tan-xuan', 'tan-thien', 'tien-hung'),
  ),
  commune('phuong-dong-xoai', 'Phường Đồng Xoài', of('dong-xoai', 'tien-thanh', 'tan-thanh')),
  commune(
    'phuong-binh-long',
    'Phường Bình Long',
    of('binh-long', 'an-loc', 'hung-chien', 'thanh-luong'),
    EXAMPLE,
  ),
  commune(
    'phuong-phuoc-long',
    'Phường Phước Long',
    of('phuoc-long', 'long-thuy', 'thac-mo', 'long-giang'),
    EXAMPLE,
  ),
  commune(
    'phuong-chon-thanh',
    'Phường Chơn Thành',
    of('chon-thanh', 'hung-long', 'minh-hung', 'quang-minh'),
    EXAMPLE,
  ),
  commune('xa-bu-dang', 'Xã Bù Đăng', of('bu-dang', 'duc-phong', 'bom-bo', 'duong-10'), EXAMPLE),
  commune('xa-thien-hung', 'Xã Thiện Hưng', of('bu-dop', 'thanh-binh', 'tan-tien', 'thien-hung'), EXAMPLE),
  // Kept unchanged by the resolution (as secondary sources report it).
  commune('xa-bu-gia-map', 'Xã Bù Gia Mập', of('bu-gia-map', 'bu-gia-map')),
  commune('xa-dak-o', 'Xã Đak Ơ', of('bu-gia-map', 'dak-o')),
  commune('xa-phu-nghia', 'Xã Phú Nghĩa', of('bu-gia-map', 'phu-nghia'), EXAMPLE),
  commune('xa-dong-phu', 'Xã Đồng Phú', of('dong-phu', 'tan-phu', 'tan-lap', 'thuan-loi'), EXAMPLE),
  commune('xa-tan-khai', 'Xã Tân Khai', of('hon-quan', 'tan-khai', 'thanh-an', 'an-khuong'), EXAMPLE),
  commune('xa-loc-ninh', 'Xã Lộc Ninh', of('loc-ninh', 'loc-ninh', 'loc-tan', 'loc-thien'), EXAMPLE),
  commune('xa-phu-rieng', 'Xã Phú Riềng', of('phu-rieng', 'phu-rieng', 'bu-nho', 'long-hung'), EXAMPLE),
  // The old Đồng Nai's side (no Bình Phước predecessor).
  commune('phuong-tran-bien', 'Phường Trấn Biên', []),
  commune('phuong-bien-hoa', 'Phường Biên Hòa', []),
  commune('phuong-long-binh', 'Phường Long Bình', []),
];

/**
 * Departments and organisations of the merged province. Since 2025 the labour department's work sits
 * with Sở Nội vụ and the information department's with Sở Khoa học và Công nghệ (illustrative mapping).
 */
const departments: readonly NewUnit[] = [
  department('cong-an-tinh', 'Công an tỉnh', ['cong-an-tinh']),
  department('bchqs-tinh', 'Bộ Chỉ huy Quân sự tỉnh', ['bchqs-tinh']),
  department('bdbp-tinh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', ['bdbp-tinh']),
  department('so-tu-phap', 'Sở Tư pháp', ['so-tu-phap']),
  department('so-noi-vu', 'Sở Nội vụ (Ban Thi đua - Khen thưởng)', ['so-noi-vu', 'so-ldtbxh'], EXAMPLE),
  department('so-gddt', 'Sở Giáo dục và Đào tạo', ['so-gddt']),
  department('so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch', ['so-vhttdl']),
  department('so-khcn', 'Sở Khoa học và Công nghệ', ['so-tttt'], EXAMPLE),
  department('so-y-te', 'Sở Y tế', ['so-y-te']),
  department(
    'ubmttq-tinh',
    'Ủy ban MTTQ Việt Nam tỉnh',
    ['ubmttq-tinh', 'tinh-doan', 'hoi-lhpn-tinh', 'hoi-nong-dan-tinh', 'hoi-ccb-tinh'],
    EXAMPLE,
  ),
  department('ldld-tinh', 'Liên đoàn Lao động tỉnh', ['ldld-tinh']),
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = [
  'Minh Khang',
  'Thu Trang',
  'Quốc Việt',
  'Ngọc Hân',
  'Hữu Phước',
  'Thanh Tâm',
  'Gia Bảo',
  'Kim Ngân',
];

const holders = (id: string, head: string, deputy: string): OfficeHolder[] => [
  { id: `${id}-chu-tich`, role: 'head', name: head, title: 'CHỦ TỊCH', from: MERGER_DATE, to: null },
  {
    id: `${id}-pho-chu-tich`,
    role: 'deputy',
    name: deputy,
    title: 'PHÓ CHỦ TỊCH',
    from: MERGER_DATE,
    to: null,
  },
];

/** Every unit of the merged province, the root first; communes and wards with their (fictional) chairs. */
export function dongNaiUnits(): Unit[] {
  const base = { tenantId: DONG_NAI_TENANT, openedOn: MERGER_DATE, closedOn: null, successorId: null };
  const root: Unit = {
    ...base,
    id: DONG_NAI_ROOT,
    kind: 'province',
    name: 'Tỉnh Đồng Nai',
    parentId: null,
    path: [],
    officeHolders: holders(DONG_NAI_ROOT, 'Nguyễn Minh Khang', 'Lê Thị Thu Trang'),
  };
  return [
    root,
    ...[...communes, ...departments].map((u, i): Unit => {
      const unit: Unit = {
        ...base,
        id: u.id,
        kind: u.kind,
        name: u.name,
        parentId: root.id,
        path: [root.id],
      };
      if (u.kind === 'commune') {
        const name = (k: number) => `${FAMILY[(i + k) % FAMILY.length]} ${GIVEN[(i * 3 + k) % GIVEN.length]}`;
        unit.officeHolders = holders(u.id, name(0), name(5));
      }
      return unit;
    }),
  ];
}

/** The merger of the demo: Bình Phước into Đồng Nai from 1/7/2025, every commune and department mapped. */
export const demoMerger: MergerInput = {
  predecessorTenantId: DEMO_TENANT,
  effectiveFrom: MERGER_DATE,
  legalBasis: resolution202.ref,
  unitMap: [...communes, ...departments].flatMap((u) => u.from.map((from) => ({ from, to: u.id }))),
};

/** Bình Phước demo communes and departments that the unit map leaves out (the test says none). */
export const unmappedBinhPhuocUnits = (): string[] => {
  const mapped = new Set(demoMerger.unitMap.map((e) => e.from));
  return demoUnits()
    .filter((u) => (u.kind === 'commune' || u.kind === 'department') && !mapped.has(u.id))
    .map((u) => u.id);
};

const endOfDay = (date: string): string => startOfDayInVietnam(addDays(date, 1));
const PERIODS_2026 = ['2026-Q1', '2026-H1', '2026-Q3', '2026-Y'];

export const CAMPAIGN_2026_ID = 'kh-2026-dn';

/**
 * The merged province's 2026 campaign: the same five contents and forms, two tiers (communes, wards and
 * departments report straight to the province), unit sign-off on. The plan's number is ILLUSTRATIVE.
 */
export const campaign2026 = (): Campaign => ({
  ...campaign2023,
  tenantId: DONG_NAI_TENANT,
  id: CAMPAIGN_2026_ID,
  number: '45/KH-UBND',
  issuedOn: '2026-02-10',
  year: 2026,
  title:
    'Phong trào thi đua thực hiện công tác phòng chống tội phạm, tệ nạn xã hội; công tác chuyển hóa địa bàn năm 2026',
  issuer: 'Ủy ban nhân dân tỉnh Đồng Nai',
  signer: 'Nguyễn Minh Khang - Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo tỉnh',
  legalBasis: [
    'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
    'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ',
  ],
  participants: { ...campaign2023.participants, unitKinds: ['department', 'commune'] },
  periods: PERIODS_2026,
  forms: campaign2023.forms.map((f) => ({
    ...f,
    periods: f.periods.map((p) => p.replace('2023', '2026')),
    deadlines: f.deadlines
      .filter((x) => x.stage === 'submit' || x.reviewerKind === 'province')
      .map((x) => ({
        ...x,
        period: x.period?.replace('2023', '2026') ?? null,
        dueAt: endOfDay(`2026${x.dueAt.slice(4, 10)}`),
      })),
  })),
  chainConfigs: [chainConfig2025],
  requireUnitSignOff: true,
});

/** New demo logins of the merged province (the README's second table). */
export const dongNaiUsers: readonly DemoUser[] = [
  {
    email: 'quantri.dongnai@demo.thidua.vn',
    name: 'Phan Thị Ngọc Hân',
    title: 'Quản trị hệ thống tỉnh Đồng Nai',
    unitId: DONG_NAI_ROOT,
    roles: ['admin'],
    purpose: 'Administrator of the merged province (merged Bình Phước in on 1/7/2025)',
  },
  {
    email: 'thuongtruc.dongnai@demo.thidua.vn',
    name: 'Trương Văn Lộc',
    title: 'Cơ quan thường trực Ban chỉ đạo tỉnh Đồng Nai',
    unitId: DONG_NAI_ROOT,
    roles: ['secretariat'],
    purpose: "Provincial secretariat: the 2026 campaign, and Bình Phước's history",
  },
  {
    email: 'duyet.dongnai@demo.thidua.vn',
    name: 'Mai Thị Hồng',
    title: 'Chuyên viên thẩm định cấp tỉnh',
    unitId: DONG_NAI_ROOT,
    roles: ['reviewer'],
    purpose: 'Province reviewer: communes, wards and departments report straight to the province',
  },
  {
    email: 'canbo.phuongbinhphuoc@demo.thidua.vn',
    name: 'Lâm Thị Thảo',
    title: 'Cán bộ Công an phường Bình Phước',
    unitId: 'phuong-binh-phuoc',
    roles: ['submitter'],
    purpose:
      "Ward officer of Phường Bình Phước (successor of Phường Tân Phú): 2026 forms, the predecessors' history",
  },
  {
    email: 'truong.phuongbinhphuoc@demo.thidua.vn',
    name: 'Châu Văn Tài',
    title: 'Trưởng Công an phường Bình Phước',
    unitId: 'phuong-binh-phuoc',
    roles: ['unit_head'],
    purpose: 'Ward head of Phường Bình Phước: signs off what the ward sends up',
  },
  {
    email: 'canbo.phuongdongxoai@demo.thidua.vn',
    name: 'Tạ Văn Hiếu',
    title: 'Cán bộ Công an phường Đồng Xoài',
    unitId: 'phuong-dong-xoai',
    roles: ['submitter'],
    purpose: 'Officer of another ward (Phường Đồng Xoài): sees nothing of Phường Tân Phú',
  },
  {
    email: 'chutich.dongnai@demo.thidua.vn',
    name: 'Nguyễn Minh Khang',
    title: 'Chủ tịch UBND tỉnh Đồng Nai - Trưởng Ban chỉ đạo tỉnh',
    unitId: DONG_NAI_ROOT,
    roles: ['chair'],
    purpose: 'Chair: signs the 2026 decisions (headed ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI)',
  },
];
