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

const dx = (id: string) => `dong-xoai-${id}`;

/** Communes and wards of the merged province (the Bình Phước side, and a few of the old Đồng Nai). */
const communes: readonly NewUnit[] = [
  {
    id: 'phuong-binh-phuoc',
    kind: 'commune',
    name: 'Phường Bình Phước',
    from: [dx('tan-phu'), dx('tan-dong'), dx('tan-binh'), dx('tan-xuan'), dx('tan-thien'), dx('tien-hung')],
  },
  {
    id: 'phuong-dong-xoai',
    kind: 'commune',
    name: 'Phường Đồng Xoài',
    from: [dx('tien-thanh'), dx('tan-thanh')],
  },
  {
    id: 'phuong-binh-long',
    kind: 'commune',
    name: 'Phường Bình Long',
    from: ['binh-long-an-loc', 'binh-long-hung-chien', 'binh-long-thanh-luong'],
    illustrative: true,
  },
  {
    id: 'phuong-phuoc-long',
    kind: 'commune',
    name: 'Phường Phước Long',
    from: ['phuoc-long-long-thuy', 'phuoc-long-thac-mo', 'phuoc-long-long-giang'],
    illustrative: true,
  },
  {
    id: 'phuong-chon-thanh',
    kind: 'commune',
    name: 'Phường Chơn Thành',
    from: ['chon-thanh-hung-long', 'chon-thanh-minh-hung', 'chon-thanh-quang-minh'],
    illustrative: true,
  },
  {
    id: 'xa-bu-dang',
    kind: 'commune',
    name: 'Xã Bù Đăng',
    from: ['bu-dang-duc-phong', 'bu-dang-bom-bo', 'bu-dang-duong-10'],
    illustrative: true,
  },
  {
    id: 'xa-thien-hung',
    kind: 'commune',
    name: 'Xã Thiện Hưng',
    from: ['bu-dop-thanh-binh', 'bu-dop-tan-tien', 'bu-dop-thien-hung'],
    illustrative: true,
  },
  // Kept unchanged by the resolution (as secondary sources report it).
  { id: 'xa-bu-gia-map', kind: 'commune', name: 'Xã Bù Gia Mập', from: ['bu-gia-map-bu-gia-map'] },
  { id: 'xa-dak-o', kind: 'commune', name: 'Xã Đak Ơ', from: ['bu-gia-map-dak-o'] },
  {
    id: 'xa-phu-nghia',
    kind: 'commune',
    name: 'Xã Phú Nghĩa',
    from: ['bu-gia-map-phu-nghia'],
    illustrative: true,
  },
  {
    id: 'xa-dong-phu',
    kind: 'commune',
    name: 'Xã Đồng Phú',
    from: ['dong-phu-tan-phu', 'dong-phu-tan-lap', 'dong-phu-thuan-loi'],
    illustrative: true,
  },
  {
    id: 'xa-tan-khai',
    kind: 'commune',
    name: 'Xã Tân Khai',
    from: ['hon-quan-tan-khai', 'hon-quan-thanh-an', 'hon-quan-an-khuong'],
    illustrative: true,
  },
  {
    id: 'xa-loc-ninh',
    kind: 'commune',
    name: 'Xã Lộc Ninh',
    from: ['loc-ninh-loc-ninh', 'loc-ninh-loc-tan', 'loc-ninh-loc-thien'],
    illustrative: true,
  },
  {
    id: 'xa-phu-rieng',
    kind: 'commune',
    name: 'Xã Phú Riềng',
    from: ['phu-rieng-phu-rieng', 'phu-rieng-bu-nho', 'phu-rieng-long-hung'],
    illustrative: true,
  },
  // The old Đồng Nai's side (no Bình Phước predecessor).
  { id: 'phuong-tran-bien', kind: 'commune', name: 'Phường Trấn Biên', from: [] },
  { id: 'phuong-bien-hoa', kind: 'commune', name: 'Phường Biên Hòa', from: [] },
  { id: 'phuong-long-binh', kind: 'commune', name: 'Phường Long Bình', from: [] },
];

/**
 * Departments and organisations of the merged province. Since 2025 the labour department's work sits
 * with Sở Nội vụ and the information department's with Sở Khoa học và Công nghệ (illustrative mapping).
 */
const departments: readonly NewUnit[] = [
  { id: 'cong-an-tinh', kind: 'department', name: 'Công an tỉnh', from: ['cong-an-tinh'] },
  { id: 'bchqs-tinh', kind: 'department', name: 'Bộ Chỉ huy Quân sự tỉnh', from: ['bchqs-tinh'] },
  { id: 'bdbp-tinh', kind: 'department', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', from: ['bdbp-tinh'] },
  { id: 'so-tu-phap', kind: 'department', name: 'Sở Tư pháp', from: ['so-tu-phap'] },
  {
    id: 'so-noi-vu',
    kind: 'department',
    name: 'Sở Nội vụ (Ban Thi đua - Khen thưởng)',
    from: ['so-noi-vu', 'so-ldtbxh'],
    illustrative: true,
  },
  { id: 'so-gddt', kind: 'department', name: 'Sở Giáo dục và Đào tạo', from: ['so-gddt'] },
  { id: 'so-vhttdl', kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch', from: ['so-vhttdl'] },
  {
    id: 'so-khcn',
    kind: 'department',
    name: 'Sở Khoa học và Công nghệ',
    from: ['so-tttt'],
    illustrative: true,
  },
  { id: 'so-y-te', kind: 'department', name: 'Sở Y tế', from: ['so-y-te'] },
  {
    id: 'ubmttq-tinh',
    kind: 'department',
    name: 'Ủy ban MTTQ Việt Nam tỉnh',
    from: ['ubmttq-tinh', 'tinh-doan', 'hoi-lhpn-tinh', 'hoi-nong-dan-tinh', 'hoi-ccb-tinh'],
    illustrative: true,
  },
  { id: 'ldld-tinh', kind: 'department', name: 'Liên đoàn Lao động tỉnh', from: ['ldld-tinh'] },
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
