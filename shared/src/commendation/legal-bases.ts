import type { LegalBasis } from './award-types';

/**
 * The legal texts the commendation documents cite, as dated, tagged DATA (never constants in a
 * sentence): each says from when to when it is in force, what kind of text it is (`tag`), and whether it
 * was checked against a public text in this repository's research (`toVerify: false`) or is still to be
 * confirmed by the province's Ban Thi đua - Khen thưởng (`toVerify: true`, printed "cần đối chiếu" on
 * screen). `note` says what was checked, where, and what was not. Checked on 6/12/2026 against public
 * copies found with the repository's search tool; an official gazette copy was not reachable from here.
 */

export const law2003: LegalBasis = {
  ref: 'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013',
  article: '',
  effectiveFrom: '2014-06-01',
  effectiveTo: '2023-12-31',
  toVerify: false,
  tag: 'law_tdkt',
  note: 'Ngày ban hành đối chiếu với các quyết định cấp tỉnh trích dẫn (Phú Yên 31/2020/QĐ-UBND, Cà Mau 471/QĐ-UBND).',
};

export const decree91: LegalBasis = {
  ref: 'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
  article: '',
  effectiveFrom: '2017-10-01',
  effectiveTo: '2023-12-31',
  toVerify: false,
  tag: 'decree_tdkt',
  note: 'Số, ngày và trích yếu đối chiếu với Quyết định 31/2020/QĐ-UBND tỉnh Phú Yên.',
};

export const law2022: LegalBasis = {
  ref: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
  article: '',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  toVerify: false,
  tag: 'law_tdkt',
};

export const decree98: LegalBasis = {
  ref: 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
  article: '',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  toVerify: true,
  tag: 'decree_tdkt',
  note: 'Số và ngày (31/12/2023) đối chiếu với thông báo của Bộ Nội vụ; ngày hết hiệu lực 30/6/2025 (thay bằng Nghị định 152/2025/NĐ-CP) chưa đối chiếu.',
};

export const decree152: LegalBasis = {
  ref: 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
  article: '',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  toVerify: true,
  tag: 'decree_tdkt',
  note: 'Số, ngày 14/6/2025 và trích yếu đối chiếu với thông báo lấy ý kiến của Bộ Nội vụ (bản sao công khai); ngày có hiệu lực 01/7/2025 chưa đối chiếu với Công báo.',
};

export const lolg2015: LegalBasis = {
  ref: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
  article: '',
  effectiveFrom: '2016-01-01',
  effectiveTo: '2025-06-30',
  toVerify: true,
  tag: 'law_lolg',
  note: 'Ngày 19/6/2015 đối chiếu với Quyết định 31/2020/QĐ-UBND tỉnh Phú Yên; luật sửa đổi năm 2019 và ngày hết hiệu lực 30/6/2025 chưa đối chiếu.',
};

export const lolg2025: LegalBasis = {
  ref: 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
  article: '',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  toVerify: true,
  tag: 'law_lolg',
  note: 'Số 72/2025/QH15, ngày 16/6/2025: đối chiếu với Nghị quyết 18/2025/NQ-HĐND tỉnh Thanh Hóa (21/7/2025) và tài liệu hỏi đáp pháp luật; ngày có hiệu lực 01/7/2025 chưa đối chiếu với văn bản gốc.',
};

export const decree30: LegalBasis = {
  ref: 'Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư',
  article: '',
  effectiveFrom: '2020-03-05',
  effectiveTo: null,
  toVerify: true,
  tag: 'decree_documents',
  note: 'Không tìm được bản công khai để đối chiếu trong phiên này.',
};

/** The National Assembly's resolution that merged Bình Phước into Đồng Nai (the merger's basis). */
export const resolution202: LegalBasis = {
  ref: 'Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh',
  article: '',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  toVerify: true,
  tag: 'resolution_merger',
  note: 'Số, ngày và việc Bình Phước nhập vào Đồng Nai từ 01/7/2025 đối chiếu với nguồn thứ cấp (trolyluat.vn, tracuusapnhap.com); chưa đối chiếu văn bản gốc.',
};

/** The Standing Committee's resolution on Đồng Nai's communes and wards (95 after the merger). */
export const resolution1662: LegalBasis = {
  ref: 'Nghị quyết số 1662/NQ-UBTVQH15 ngày 16 tháng 6 năm 2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Nai năm 2025',
  article: '',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  toVerify: true,
  tag: 'resolution_communes',
  note: '95 đơn vị (72 xã, 23 phường); phường Bình Phước từ các phường Tân Phú, Tân Đồng, Tân Bình, Tân Xuân, Tân Thiện và xã Tiến Hưng; phường Đồng Xoài từ phường Tiến Thành và xã Tân Thành — theo nguồn thứ cấp (trolyluat.vn), chưa đối chiếu văn bản gốc.',
};

/** Every basis above, for the screen that lists the configuration and for tests. */
export const legalBasisCatalogue: readonly LegalBasis[] = [
  law2003,
  decree91,
  law2022,
  decree98,
  decree152,
  lolg2015,
  lolg2025,
  decree30,
  resolution202,
  resolution1662,
];
