import { type Campaign, campaign2023 } from '@thidua/shared/campaign';
import type { OfficeHolder, Role, Unit } from '@thidua/shared/org';

/**
 * The demo world of `npm start` and of the test suites: Bình Phước province in 2023, its 11
 * district-level units, the communes of Đồng Xoài and a few illustrative communes of every other
 * district, the provincial departments and mass organisations of the crime-prevention steering
 * committee, and one demo user for every role. Names of places are real; people are fictional.
 */
export const DEMO_TENANT = 'binh-phuoc';

/**
 * The secretariat's contact shown on Bình Phước's help pages (the standing agency is the provincial
 * police, domain.md). The office is real; the telephone, e-mail and address are ILLUSTRATIVE.
 */
export const demoContact = {
  name: 'Phòng Tham mưu, Công an tỉnh Bình Phước (Cơ quan thường trực Ban Chỉ đạo 138 tỉnh)',
  phone: '0271 3879 138',
  email: 'thuongtruc.bcd138@demo.thidua.vn',
  address: 'Đường Trần Hưng Đạo, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước',
};

/** One password for every demo user (listed in the README). Satisfies the pool's password policy. */
export const DEMO_PASSWORD = 'ThiDua@2023';

const OPENED_ON = '1997-01-01';

interface UnitSeed {
  id: string;
  kind: 'province' | 'district' | 'commune' | 'department';
  name: string;
  parentId: string | null;
}

export const PROVINCE_ID = 'binh-phuoc';

const province: UnitSeed = { id: PROVINCE_ID, kind: 'province', name: 'Tỉnh Bình Phước', parentId: null };

/** District-level units and their communes (every commune of Đồng Xoài; a few for the others). */
const districts: readonly { id: string; name: string; communes: readonly [string, string][] }[] = [
  {
    id: 'dong-xoai',
    name: 'Thành phố Đồng Xoài',
    communes: [
      ['tan-phu', 'Phường Tân Phú'],
      ['tan-dong', 'Phường Tân Đồng'],
      ['tan-binh', 'Phường Tân Bình'],
      ['tan-xuan', 'Phường Tân Xuân'],
      ['tan-thien', 'Phường Tân Thiện'],
      ['tien-thanh', 'Phường Tiến Thành'],
      ['tan-thanh', 'Xã Tân Thành'],
      ['tien-hung', 'Xã Tiến Hưng'],
    ],
  },
  {
    id: 'binh-long',
    name: 'Thị xã Bình Long',
    communes: [
      ['an-loc', 'Phường An Lộc'],
      ['hung-chien', 'Phường Hưng Chiến'],
      ['thanh-luong', 'Xã Thanh Lương'],
    ],
  },
  {
    id: 'phuoc-long',
    name: 'Thị xã Phước Long',
    communes: [
      ['long-thuy', 'Phường Long Thủy'],
      ['thac-mo', 'Phường Thác Mơ'],
      ['long-giang', 'Xã Long Giang'],
    ],
  },
  {
    id: 'chon-thanh',
    name: 'Thị xã Chơn Thành',
    communes: [
      ['hung-long', 'Phường Hưng Long'],
      ['minh-hung', 'Phường Minh Hưng'],
      ['quang-minh', 'Xã Quang Minh'],
    ],
  },
  {
    id: 'bu-dang',
    name: 'Huyện Bù Đăng',
    communes: [
      ['duc-phong', 'Thị trấn Đức Phong'],
      ['bom-bo', 'Xã Bom Bo'],
      ['duong-10', 'Xã Đường 10'],
    ],
  },
  {
    id: 'bu-dop',
    name: 'Huyện Bù Đốp',
    communes: [
      ['thanh-binh', 'Thị trấn Thanh Bình'],
      ['tan-tien', 'Xã Tân Tiến'],
      ['thien-hung', 'Xã Thiện Hưng'],
    ],
  },
  {
    id: 'bu-gia-map',
    name: 'Huyện Bù Gia Mập',
    communes: [
      ['phu-nghia', 'Xã Phú Nghĩa'],
      ['dak-o', 'Xã Đắk Ơ'],
      ['bu-gia-map', 'Xã Bù Gia Mập'],
    ],
  },
  {
    id: 'dong-phu',
    name: 'Huyện Đồng Phú',
    communes: [
      ['tan-phu', 'Thị trấn Tân Phú'],
      ['tan-lap', 'Xã Tân Lập'],
      ['thuan-loi', 'Xã Thuận Lợi'],
    ],
  },
  {
    id: 'hon-quan',
    name: 'Huyện Hớn Quản',
    communes: [
      ['tan-khai', 'Xã Tân Khai'],
      ['thanh-an', 'Xã Thanh An'],
      ['an-khuong', 'Xã An Khương'],
    ],
  },
  {
    id: 'loc-ninh',
    name: 'Huyện Lộc Ninh',
    communes: [
      ['loc-ninh', 'Thị trấn Lộc Ninh'],
      ['loc-tan', 'Xã Lộc Tấn'],
      ['loc-thien', 'Xã Lộc Thiện'],
    ],
  },
  {
    id: 'phu-rieng',
    name: 'Huyện Phú Riềng',
    communes: [
      ['phu-rieng', 'Xã Phú Riềng'],
      ['bu-nho', 'Xã Bù Nho'],
      ['long-hung', 'Xã Long Hưng'],
    ],
  },
];

/** Provincial departments, forces and mass organisations of the steering committee. */
const departments: readonly [string, string][] = [
  ['cong-an-tinh', 'Công an tỉnh'],
  ['bchqs-tinh', 'Bộ Chỉ huy Quân sự tỉnh'],
  ['bdbp-tinh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-ldtbxh', 'Sở Lao động - Thương binh và Xã hội'],
  ['so-gddt', 'Sở Giáo dục và Đào tạo'],
  ['so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['so-tttt', 'Sở Thông tin và Truyền thông'],
  ['so-y-te', 'Sở Y tế'],
  ['so-noi-vu', 'Sở Nội vụ (Ban Thi đua - Khen thưởng)'],
  ['ubmttq-tinh', 'Ủy ban MTTQ Việt Nam tỉnh'],
  ['tinh-doan', 'Tỉnh Đoàn'],
  ['hoi-lhpn-tinh', 'Hội Liên hiệp Phụ nữ tỉnh'],
  ['hoi-nong-dan-tinh', 'Hội Nông dân tỉnh'],
  ['hoi-ccb-tinh', 'Hội Cựu chiến binh tỉnh'],
  ['ldld-tinh', 'Liên đoàn Lao động tỉnh'],
];

const unitSeeds: readonly UnitSeed[] = [
  province,
  ...districts.flatMap((district): UnitSeed[] => [
    { id: district.id, kind: 'district', name: district.name, parentId: PROVINCE_ID },
    ...district.communes.map(
      ([id, name]): UnitSeed => ({
        id: `${district.id}-${id}`,
        kind: 'commune',
        name,
        parentId: district.id,
      }),
    ),
  ]),
  ...departments.map(([id, name]): UnitSeed => ({ id, kind: 'department', name, parentId: PROVINCE_ID })),
];

/** Fictional family and given names for the office holders of the seed (one per unit, by position). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = [
  'Văn Hải',
  'Thị Lan',
  'Minh Tuấn',
  'Thanh Hương',
  'Quốc Bảo',
  'Thị Mai',
  'Đức Long',
  'Ngọc Anh',
];

/**
 * The chair and one vice-chair of every people's committee of the seed (province, districts, communes),
 * in office since 2021: the signers of tờ trình and decisions. Departments keep none: a document for a
 * unit without a recorded head is refused (`no_office_holder`).
 */
const officeHoldersOf = (seed: UnitSeed, index: number): OfficeHolder[] | undefined => {
  if (seed.kind === 'department') return undefined;
  // The province's chair is the demo chair's login (who signs decisions in the demo).
  const province = ['Huỳnh Văn Quang', 'Trần Tuệ Hiền'];
  const name = (k: number) =>
    seed.id === PROVINCE_ID
      ? (province[k ? 1 : 0] as string)
      : `${FAMILY[(index + k) % FAMILY.length]} ${GIVEN[(index * 3 + k) % GIVEN.length]}`;
  return [
    {
      id: `${seed.id}-chu-tich`,
      role: 'head',
      name: name(0),
      title: 'CHỦ TỊCH',
      from: '2021-07-01',
      to: null,
    },
    {
      id: `${seed.id}-pho-chu-tich`,
      role: 'deputy',
      name: name(5),
      title: 'PHÓ CHỦ TỊCH',
      from: '2021-07-01',
      to: null,
    },
  ];
};

/** Every unit of the demo world, parents before children, with their materialized paths. */
export function demoUnits(tenantId: string = DEMO_TENANT): Unit[] {
  const byId = new Map<string, Unit>();
  for (const [index, seed] of unitSeeds.entries()) {
    const parent = seed.parentId === null ? undefined : byId.get(seed.parentId);
    if (seed.parentId !== null && !parent) throw new Error(`seed: unit ${seed.id} comes before its parent`);
    const unit: Unit = {
      tenantId,
      id: seed.id,
      kind: seed.kind,
      name: seed.name,
      parentId: seed.parentId,
      path: parent ? [...parent.path, parent.id] : [],
      openedOn: OPENED_ON,
      closedOn: null,
      successorId: null,
    };
    const holders = officeHoldersOf(seed, index);
    if (holders) unit.officeHolders = holders;
    byId.set(unit.id, unit);
  }
  return [...byId.values()];
}

/**
 * The demo's 2023 campaign: Plan 38/KH-UBND as written, with unit sign-off on, so the commune head (and a
 * department's head) signs off before a report leaves the unit, as the README's logins describe.
 */
export const demoCampaign = (tenantId: string = DEMO_TENANT): Campaign => ({
  ...campaign2023,
  tenantId,
  requireUnitSignOff: true,
});

export interface DemoUser {
  email: string;
  name: string;
  title: string;
  unitId: string;
  roles: Role[];
  /** What the README's table says this login is for. */
  purpose: string;
}

/** One login for every role (and the second district reviewer for the "other district" journeys). */
export const demoUsers: readonly DemoUser[] = [
  {
    email: 'quantri@demo.thidua.vn',
    name: 'Nguyễn Văn An',
    title: 'Quản trị hệ thống',
    unitId: PROVINCE_ID,
    roles: ['admin'],
    purpose: 'Administrator: units, users, campaigns, templates',
  },
  {
    email: 'thuongtruc@demo.thidua.vn',
    name: 'Trần Thị Bình',
    title: 'Cơ quan thường trực Ban chỉ đạo 138 tỉnh',
    unitId: PROVINCE_ID,
    roles: ['secretariat'],
    purpose: 'Provincial secretariat: campaigns, every submission, council sessions',
  },
  {
    email: 'duyet.tinh@demo.thidua.vn',
    name: 'Lê Văn Cường',
    title: 'Chuyên viên thẩm định cấp tỉnh',
    unitId: PROVINCE_ID,
    roles: ['reviewer'],
    purpose: 'Province reviewer: final approval',
  },
  {
    email: 'duyet.dongxoai@demo.thidua.vn',
    name: 'Phạm Thị Dung',
    title: 'Cán bộ thẩm định Thành phố Đồng Xoài',
    unitId: 'dong-xoai',
    roles: ['reviewer'],
    purpose: 'District reviewer of Thành phố Đồng Xoài (reviews Phường Tân Phú)',
  },
  {
    email: 'duyet.binhlong@demo.thidua.vn',
    name: 'Hoàng Văn Em',
    title: 'Cán bộ thẩm định Thị xã Bình Long',
    unitId: 'binh-long',
    roles: ['reviewer'],
    purpose: 'Reviewer of another district (Thị xã Bình Long): sees nothing of Đồng Xoài',
  },
  {
    email: 'canbo.tanphu@demo.thidua.vn',
    name: 'Võ Thị Phương',
    title: 'Cán bộ Công an phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['submitter'],
    purpose: 'Commune officer of Phường Tân Phú: fills and submits forms',
  },
  {
    email: 'truong.tanphu@demo.thidua.vn',
    name: 'Đặng Văn Giang',
    title: 'Trưởng Công an phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['unit_head'],
    purpose: 'Unit head of Phường Tân Phú: signs off what the unit sends up',
  },
  // The ward's own Hội đồng thi đua, khen thưởng (ADR 0037): its secretary (the ward's TĐKT officer) and
  // members vote the ward's Chiến sĩ thi đua cơ sở; the ward's head signs the decision.
  {
    email: 'thuky.tanphu@demo.thidua.vn',
    name: 'Phan Thị Mai',
    title: 'Công chức Văn hóa - Xã hội phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['secretariat'],
    purpose: "Secretary of Phường Tân Phú's council: opens and closes the ward's council sessions",
  },
  {
    email: 'hoidong1.tanphu@demo.thidua.vn',
    name: 'Lý Văn Phúc',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['council_member'],
    purpose: "Member of Phường Tân Phú's council (secret ballot)",
  },
  {
    email: 'hoidong2.tanphu@demo.thidua.vn',
    name: 'Trịnh Thị Hoa',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['council_member'],
    purpose: "Member of Phường Tân Phú's council (secret ballot)",
  },
  {
    email: 'hoidong3.tanphu@demo.thidua.vn',
    name: 'Mai Văn Tâm',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng phường Tân Phú',
    unitId: 'dong-xoai-tan-phu',
    roles: ['council_member'],
    purpose: "Member of Phường Tân Phú's council (secret ballot)",
  },
  {
    email: 'canbo.sotuphap@demo.thidua.vn',
    name: 'Bùi Thị Hạnh',
    title: 'Chuyên viên Sở Tư pháp',
    unitId: 'so-tu-phap',
    roles: ['submitter'],
    purpose: 'Department officer (Sở Tư pháp): submits straight to the province',
  },
  {
    email: 'truong.sotuphap@demo.thidua.vn',
    name: 'Phan Văn Khải',
    title: 'Giám đốc Sở Tư pháp',
    unitId: 'so-tu-phap',
    roles: ['unit_head'],
    purpose: 'Head of Sở Tư pháp: signs off what the department sends up',
  },
  {
    email: 'hoidong1@demo.thidua.vn',
    name: 'Đỗ Văn Khoa',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh',
    unitId: PROVINCE_ID,
    roles: ['council_member'],
    purpose: 'Council member (secret ballot)',
  },
  {
    email: 'hoidong2@demo.thidua.vn',
    name: 'Ngô Thị Lan',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh',
    unitId: PROVINCE_ID,
    roles: ['council_member'],
    purpose: 'Council member (secret ballot)',
  },
  {
    email: 'hoidong3@demo.thidua.vn',
    name: 'Dương Văn Minh',
    title: 'Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh',
    unitId: PROVINCE_ID,
    roles: ['council_member'],
    purpose: 'Council member (secret ballot)',
  },
  {
    email: 'chutich@demo.thidua.vn',
    name: 'Huỳnh Văn Quang',
    title: 'Chủ tịch UBND tỉnh - Trưởng Ban chỉ đạo tỉnh',
    unitId: PROVINCE_ID,
    roles: ['chair'],
    purpose: 'Chair: signs commendation decisions',
  },
];
