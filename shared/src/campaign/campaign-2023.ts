import { addDays, startOfDayInVietnam } from '../common';
import { chainConfig2023 } from '../org/chain';
import { Campaign, type CampaignContent } from './schema';

/** The five emulation contents of Plan 38/KH-UBND (text verbatim from the province's announcement). */
export const contents2023: CampaignContent[] = [
  {
    no: 1,
    title: 'Triển khai các kế hoạch về phòng, chống tội phạm, tệ nạn xã hội và chuyển hóa địa bàn',
    text: 'Tổ chức triển khai hiệu quả các Kế hoạch của UBND tỉnh về phòng, chống tội phạm, tệ nạn xã hội và thực hiện công tác chuyển hóa địa bàn như: Kế hoạch số 07/KH-UBND ngày 10/01/2022 triển khai thực hiện Quyết định số 1944/QĐ-TTg ngày 18/12/2021 của Thủ tướng Chính phủ phê duyệt Chương trình thực hiện Kết luận số 13-KL/TW của Bộ Chính trị, Kế hoạch số 165/KH-UBND ngày 12/5/2021 triển khai Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021-2025 và định hướng đến năm 2030, Kế hoạch số 15/KH-UBND, Kế hoạch số 14/KH-UBND ngày 11/01/2023 về thực hiện công tác phòng, chống tội phạm, phòng chống mua bán người năm 2023; Kế hoạch số 176/KH-UBND ngày 20/5/2021 về thực hiện công tác chuyển hóa địa bàn trọng điểm phức tạp về TTATXH giai đoạn 2021-2025 và Quyết định số 55/QĐ-BCĐ ngày 11/01/2023 phê duyệt các địa bàn trọng điểm phức tạp về TTATXH đưa vào tập trung chuyển hóa năm 2023…',
  },
  {
    no: 2,
    title: 'Tham mưu huy động cả hệ thống chính trị; giải quyết nguyên nhân, điều kiện phát sinh tội phạm',
    text: 'Chủ động tham mưu với cấp ủy, chính quyền các giải pháp phát huy sức mạnh của cả hệ thống chính trị và toàn dân trong công tác phòng, chống tội phạm và công tác chuyển hóa địa bàn; triển khai đồng bộ, hiệu quả các chính sách phát triển kinh tế - xã hội, giải quyết cơ bản những vấn đề xã hội là nguyên nhân, điều kiện phát sinh tội phạm, như: vấn đề việc làm, thu nhập, dịch chuyển dân cư và người lao động...',
  },
  {
    no: 3,
    title: 'Tuyên truyền, giáo dục pháp luật; phong trào toàn dân bảo vệ ANTQ; nhân rộng mô hình điển hình',
    text: 'Đẩy mạnh, nâng cao hiệu quả công tác tuyên truyền, giáo dục nhận thức pháp luật cho quần chúng nhân dân. Phát động phong trào toàn dân bảo vệ ANTQ. Phát huy, nhân rộng các mô hình điển hình về phòng, chống tội phạm tại địa bàn cơ sở.',
  },
  {
    no: 4,
    title: 'Đấu tranh phản bác quan điểm sai trái; tham gia tấn công trấn áp tội phạm',
    text: 'Đấu tranh, phản bác những quan điểm, tư tưởng sai trái, luận điệu xuyên tạc, thông tin không đúng sự thật về chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước trong công tác phòng chống tội phạm. Tích cực phối hợp tham gia tấn công trấn áp các loại tội phạm...',
  },
  {
    no: 5,
    title: 'Đạt và vượt chỉ tiêu phòng, chống tội phạm và chuyển hóa địa bàn năm 2023',
    text: 'Thực hiện đạt và vượt các chỉ tiêu công tác phòng chống tội phạm, chuyển hóa địa bàn trọng điểm phức tạp về TTATXH năm 2023, đồng thời chuyển hóa thành công địa bàn trọng điểm phức tạp về TTATXH đã được lựa chọn trong năm 2023.',
  },
];

/** The seed's tenant. */
export const TENANT_2023 = 'binh-phuoc';
export const CAMPAIGN_2023_ID = 'kh38-2023';

/** End of a day in Asia/Ho_Chi_Minh, as the exclusive instant the next day starts. */
const endOfDay = (date: string): string => startOfDayInVietnam(addDays(date, 1));

const review = (period: string, district: string, province: string) => [
  { period, stage: 'review' as const, reviewerKind: 'district', dueAt: endOfDay(district) },
  { period, stage: 'review' as const, reviewerKind: 'province', dueAt: endOfDay(province) },
];

/**
 * The 2023 campaign of Plan 38/KH-UBND ngày 07/02/2023 (the seed). Deadlines are those of 2023; no entry
 * window is set, so the demo world stays usable after 2023 (a real campaign adds `entryWindows` and
 * per-unit `lockExceptions` to each form).
 */
export const campaign2023: Campaign = Campaign.parse({
  tenantId: TENANT_2023,
  id: CAMPAIGN_2023_ID,
  number: '38/KH-UBND',
  issuedOn: '2023-02-07',
  year: 2023,
  title:
    'Phong trào thi đua thực hiện công tác phòng chống tội phạm, tệ nạn xã hội; công tác chuyển hóa địa bàn năm 2023',
  kind: 'thematic',
  issuer: 'Ủy ban nhân dân tỉnh Bình Phước',
  signer: 'Trần Tuệ Hiền - Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo tỉnh',
  legalBasis: [
    'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013',
    'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    'Kế hoạch số 14/KH-UBND ngày 11/01/2023 của UBND tỉnh về thực hiện công tác phòng, chống tội phạm, phòng chống mua bán người năm 2023',
    'Quyết định số 55/QĐ-BCĐ ngày 11/01/2023 phê duyệt các địa bàn trọng điểm phức tạp về TTATXH đưa vào tập trung chuyển hóa năm 2023',
  ],
  contents: contents2023,
  participants: { unitKinds: ['department', 'district', 'commune'] },
  periods: ['2023-Q1', '2023-H1', '2023-Q3', '2023-Y'],
  forms: [
    {
      formKey: 'registration',
      templateId: 'registration_2023',
      templateVersion: 1,
      periods: ['2023-Y'],
      deadlines: [
        { period: '2023-Y', stage: 'submit', dueAt: endOfDay('2023-02-28') },
        ...review('2023-Y', '2023-03-07', '2023-03-15'),
      ],
    },
    {
      formKey: 'periodic_report',
      templateId: 'periodic_report_2023',
      templateVersion: 1,
      periods: ['2023-Q1', '2023-H1', '2023-Q3', '2023-Y'],
      deadlines: [
        { period: '2023-Q1', stage: 'submit', dueAt: endOfDay('2023-03-15') },
        ...review('2023-Q1', '2023-03-22', '2023-03-31'),
        { period: '2023-H1', stage: 'submit', dueAt: endOfDay('2023-06-15') },
        ...review('2023-H1', '2023-06-22', '2023-06-30'),
        { period: '2023-Q3', stage: 'submit', dueAt: endOfDay('2023-09-15') },
        ...review('2023-Q3', '2023-09-22', '2023-09-30'),
        { period: '2023-Y', stage: 'submit', dueAt: endOfDay('2023-11-15') },
        ...review('2023-Y', '2023-11-22', '2023-11-30'),
      ],
    },
    {
      formKey: 'scorecard',
      templateId: 'scorecard_2023',
      templateVersion: 1,
      periods: ['2023-Y'],
      deadlines: [
        { period: '2023-Y', stage: 'submit', dueAt: endOfDay('2023-11-20') },
        ...review('2023-Y', '2023-11-27', '2023-12-05'),
      ],
    },
    {
      formKey: 'hotspot_report',
      templateId: 'hotspot_report_2023',
      templateVersion: 1,
      periods: ['2023-H1', '2023-Y'],
      unitKinds: ['commune'],
      deadlines: [
        { period: '2023-H1', stage: 'submit', dueAt: endOfDay('2023-06-15') },
        { period: '2023-Y', stage: 'submit', dueAt: endOfDay('2023-11-15') },
      ],
    },
    {
      formKey: 'nomination',
      templateId: 'nomination_2023',
      templateVersion: 1,
      periods: ['2023-Y'],
      deadlines: [
        { period: '2023-Y', stage: 'submit', dueAt: endOfDay('2023-11-30') },
        ...review('2023-Y', '2023-12-07', '2023-12-15'),
      ],
    },
  ],
  awardTypeIds: [
    'co_thi_dua_ubnd_tinh',
    'bang_khen_chu_tich_ubnd_tinh',
    'tap_the_lao_dong_xuat_sac',
    'chien_si_thi_dua_cap_tinh',
    'giay_khen_bcd_tinh',
  ],
  chainConfigs: [chainConfig2023],
  requireUnitSignOff: false,
  status: 'active',
});
