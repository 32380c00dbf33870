import { contents2023 } from '../campaign/campaign-2023';
import { FormTemplate, type FormTemplateInput } from './schema';

/**
 * The form templates of the 2023 campaign (Plan 38/KH-UBND), in Vietnamese. Data, not code: an
 * administrator can publish a version 2 of any of them without touching the program.
 */

const content = (no: number): string => {
  const c = contents2023.find((x) => x.no === no);
  return c === undefined ? `Nội dung ${no}` : `Nội dung ${no}: ${c.title}`;
};
const contentText = (no: number): string => contents2023.find((x) => x.no === no)?.text ?? '';

const count = (key: string, label: string, required = true, help?: string) => ({
  key,
  type: 'integer' as const,
  label,
  required,
  min: 0,
  ...(help === undefined ? {} : { help }),
});

const percent = (key: string, label: string, required = false) => ({
  key,
  type: 'decimal' as const,
  label,
  required,
  min: 0,
  max: 100,
  scale: 1,
  unit: '%',
});

const evidence = (key: string, label: string, required = false, help?: string) => ({
  key,
  type: 'file' as const,
  label,
  required,
  maxFiles: 10,
  help: help ?? 'Tệp PDF, DOCX, XLSX, JPEG hoặc PNG, tối đa 20 MB mỗi tệp.',
});

const registration: FormTemplateInput = {
  id: 'registration_2023',
  version: 1,
  kind: 'registration',
  title: 'Bản đăng ký thi đua năm 2023',
  description:
    'Đơn vị đăng ký chỉ tiêu, nhiệm vụ thi đua theo năm nội dung của Kế hoạch số 38/KH-UBND ngày 07/02/2023.',
  sections: [
    {
      key: 'general',
      title: 'Thông tin chung',
      fields: [
        {
          key: 'representative',
          type: 'text',
          label: 'Họ tên người đại diện đơn vị',
          required: true,
          maxLength: 200,
        },
        { key: 'position', type: 'text', label: 'Chức vụ', required: true, maxLength: 200 },
        {
          key: 'registeredOn',
          type: 'date',
          label: 'Ngày đăng ký',
          required: true,
          min: '2023-01-01',
          max: '2023-12-31',
        },
        {
          key: 'emulationTitle',
          type: 'select',
          label: 'Danh hiệu thi đua đăng ký',
          required: true,
          options: [
            { value: 'co_thi_dua_ubnd_tinh', label: 'Cờ thi đua của UBND tỉnh' },
            { value: 'tap_the_lao_dong_xuat_sac', label: 'Tập thể lao động xuất sắc' },
            { value: 'tap_the_lao_dong_tien_tien', label: 'Tập thể lao động tiên tiến' },
          ],
        },
      ],
    },
    ...[1, 2, 3, 4, 5].map((no) => ({
      key: `content${no}`,
      title: content(no),
      description: contentText(no),
      fields: [
        {
          key: 'targets',
          type: 'long_text' as const,
          label: 'Chỉ tiêu, nhiệm vụ đăng ký',
          required: true,
          minLength: 10,
          maxLength: 5000,
        },
        {
          key: 'measures',
          type: 'long_text' as const,
          label: 'Giải pháp thực hiện',
          required: false,
          maxLength: 5000,
        },
        ...(no === 3
          ? [
              count('propagandaSessionsTarget', 'Số buổi tuyên truyền đăng ký tổ chức'),
              count('modelsTarget', 'Số mô hình điển hình về phòng, chống tội phạm đăng ký xây dựng mới'),
            ]
          : []),
        ...(no === 5
          ? [
              percent('clearanceRateTarget', 'Tỷ lệ điều tra, khám phá án hình sự đăng ký (%)', true),
              percent(
                'seriousClearanceRateTarget',
                'Tỷ lệ khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng (%)',
                true,
              ),
              count('hotspotsToTransform', 'Số địa bàn trọng điểm phức tạp đăng ký chuyển hóa', false),
            ]
          : []),
      ],
    })),
    {
      key: 'commitment',
      title: 'Cam kết',
      fields: [
        {
          key: 'committed',
          type: 'yes_no',
          label: 'Đơn vị cam kết thực hiện đầy đủ các nội dung đã đăng ký',
          required: true,
        },
      ],
    },
  ],
  workflow: { rejectIsTerminal: false, requireChildrenApproved: false },
};

const periodicReport: FormTemplateInput = {
  id: 'periodic_report_2023',
  version: 1,
  kind: 'report',
  title: 'Báo cáo kết quả phong trào thi đua phòng, chống tội phạm, tệ nạn xã hội và chuyển hóa địa bàn',
  description: 'Báo cáo định kỳ (quý, 6 tháng, năm) theo Kế hoạch số 38/KH-UBND ngày 07/02/2023.',
  sections: [
    {
      key: 'figures',
      title: 'Kết quả phòng, chống tội phạm (nội dung 1, 4, 5)',
      description: 'Số liệu trong kỳ báo cáo. Đây là số liệu nhạy cảm, không công khai.',
      sensitive: true,
      fields: [
        count('crimesDetected', 'Số vụ phạm tội hình sự phát hiện (không kể ma túy, mua bán người)'),
        count('crimesCleared', 'Số vụ phạm tội hình sự đã điều tra làm rõ'),
        count(
          'seriousCrimesDetected',
          'Trong đó: án rất nghiêm trọng, đặc biệt nghiêm trọng phát hiện',
          false,
        ),
        count('seriousCrimesCleared', 'Trong đó: án rất nghiêm trọng, đặc biệt nghiêm trọng làm rõ', false),
        count('drugCases', 'Số vụ phạm tội về ma túy phát hiện, bắt giữ'),
        count('drugOffenders', 'Số đối tượng phạm tội về ma túy', false),
        count('traffickingCases', 'Số vụ mua bán người phát hiện'),
        count('traffickingVictims', 'Số nạn nhân bị mua bán được giải cứu, tiếp nhận', false),
        count('socialEvilCases', 'Số vụ tệ nạn xã hội (cờ bạc, mại dâm) bị xử lý', false),
        {
          key: 'totalCases',
          type: 'computed',
          label: 'Tổng số vụ phát hiện (hình sự, ma túy, mua bán người)',
          sum: [
            { field: 'figures.crimesDetected' },
            { field: 'figures.drugCases' },
            { field: 'figures.traffickingCases' },
          ],
          unit: 'vụ',
        },
        {
          key: 'fugitivesCaught',
          type: 'integer',
          label: 'Số đối tượng truy nã bị bắt, vận động đầu thú',
          required: false,
          min: 0,
        },
      ],
    },
    {
      key: 'propaganda',
      title: content(3),
      fields: [
        count('sessions', 'Số buổi tuyên truyền, giáo dục pháp luật đã tổ chức'),
        count(
          'attendance',
          'Số lượt người tham dự',
          true,
          'Tổng số lượt người dự các buổi tuyên truyền trong kỳ.',
        ),
        count('modelsMaintained', 'Số mô hình điển hình đang duy trì'),
        count('modelsNew', 'Số mô hình điển hình mới xây dựng trong kỳ'),
        {
          key: 'modelsTotal',
          type: 'computed',
          label: 'Tổng số mô hình điển hình',
          sum: [{ field: 'propaganda.modelsMaintained' }, { field: 'propaganda.modelsNew' }],
          unit: 'mô hình',
        },
        {
          key: 'models',
          type: 'table',
          label: 'Danh sách mô hình điển hình',
          required: false,
          maxRows: 100,
          addRowLabel: 'Thêm mô hình',
          columns: [
            { key: 'name', type: 'text', label: 'Tên mô hình', required: true, maxLength: 300 },
            {
              key: 'field',
              type: 'select',
              label: 'Lĩnh vực',
              required: true,
              options: [
                { value: 'crime', label: 'Phòng, chống tội phạm' },
                { value: 'drugs', label: 'Phòng, chống ma túy' },
                { value: 'trafficking', label: 'Phòng, chống mua bán người' },
                { value: 'social_evils', label: 'Phòng, chống tệ nạn xã hội' },
                { value: 'security', label: 'Toàn dân bảo vệ an ninh Tổ quốc' },
              ],
            },
            { key: 'startedOn', type: 'date', label: 'Ngày ra mắt', required: false },
            { key: 'members', type: 'integer', label: 'Số thành viên', required: false, min: 0 },
            { key: 'effective', type: 'yes_no', label: 'Hoạt động hiệu quả', required: true },
          ],
        },
      ],
    },
    {
      key: 'hotspots',
      title: 'Tiến độ chuyển hóa địa bàn trọng điểm phức tạp về TTATXH (nội dung 5)',
      fields: [
        {
          key: 'list',
          type: 'table',
          label: 'Các địa bàn đưa vào chuyển hóa năm 2023',
          help: 'Theo Quyết định số 55/QĐ-BCĐ ngày 11/01/2023. Bỏ trống nếu đơn vị không có địa bàn.',
          required: false,
          maxRows: 50,
          addRowLabel: 'Thêm địa bàn',
          columns: [
            { key: 'name', type: 'text', label: 'Tên địa bàn', required: true, maxLength: 300 },
            {
              key: 'result',
              type: 'select',
              label: 'Kết quả',
              required: true,
              options: [
                { value: 'in_progress', label: 'Đang chuyển hóa' },
                { value: 'transformed', label: 'Đã chuyển hóa' },
                { value: 'not_transformed', label: 'Chưa chuyển hóa' },
                { value: 'relapsed', label: 'Tái phức tạp' },
              ],
            },
            {
              key: 'progress',
              type: 'decimal',
              label: 'Tiến độ (%)',
              required: false,
              min: 0,
              max: 100,
              scale: 1,
            },
            {
              key: 'relapseNote',
              type: 'long_text',
              label: 'Nguyên nhân tái phức tạp',
              required: true,
              maxLength: 2000,
              visibleWhen: { field: 'result', op: 'eq', value: 'relapsed' },
            },
          ],
        },
      ],
    },
    {
      key: 'narrative',
      title: 'Kết quả thực hiện các nội dung thi đua',
      fields: [1, 2, 3, 4, 5].map((no) => ({
        key: `content${no}`,
        type: 'long_text' as const,
        label: content(no),
        help: contentText(no),
        required: no === 1 || no === 5,
        maxLength: 10_000,
      })),
    },
    {
      key: 'closing',
      title: 'Khó khăn, kiến nghị và tài liệu kèm theo',
      fields: [
        {
          key: 'hasIssues',
          type: 'yes_no',
          label: 'Đơn vị có khó khăn, vướng mắc cần kiến nghị?',
          required: true,
        },
        {
          key: 'issues',
          type: 'long_text',
          label: 'Khó khăn, vướng mắc và kiến nghị',
          required: true,
          minLength: 10,
          maxLength: 5000,
          visibleWhen: { field: 'closing.hasIssues', op: 'is_true' },
        },
        evidence('evidence', 'Báo cáo có chữ ký, đóng dấu và tài liệu minh chứng', true),
      ],
    },
  ],
  workflow: { rejectIsTerminal: false, requireChildrenApproved: false },
};

/** Points per criterion of the year-end scorecard (total 100). */
const criteria: { content: number; items: { key: string; label: string; max: number }[] }[] = [
  {
    content: 1,
    items: [
      { key: 'plans', label: 'Ban hành kế hoạch, văn bản triển khai đầy đủ, kịp thời', max: 10 },
      { key: 'implementation', label: 'Tổ chức thực hiện, kiểm tra, sơ kết, tổng kết đúng tiến độ', max: 10 },
    ],
  },
  {
    content: 2,
    items: [
      {
        key: 'advice',
        label: 'Chủ động tham mưu cấp ủy, chính quyền giải pháp phòng, chống tội phạm',
        max: 8,
      },
      { key: 'socialCauses', label: 'Giải quyết việc làm, thu nhập, quản lý dịch chuyển dân cư', max: 7 },
    ],
  },
  {
    content: 3,
    items: [
      { key: 'propaganda', label: 'Tuyên truyền, giáo dục pháp luật đạt chỉ tiêu đăng ký', max: 10 },
      { key: 'movement', label: 'Phong trào toàn dân bảo vệ ANTQ được duy trì, phát triển', max: 10 },
      { key: 'models', label: 'Xây dựng, nhân rộng mô hình điển hình hiệu quả', max: 5 },
    ],
  },
  {
    content: 4,
    items: [
      { key: 'counter', label: 'Đấu tranh, phản bác quan điểm sai trái, thông tin xuyên tạc', max: 8 },
      { key: 'crackdown', label: 'Tham gia tấn công, trấn áp tội phạm', max: 7 },
    ],
  },
  {
    content: 5,
    items: [
      { key: 'targets', label: 'Đạt và vượt chỉ tiêu phòng, chống tội phạm năm 2023', max: 15 },
      { key: 'hotspots', label: 'Chuyển hóa thành công địa bàn trọng điểm đã lựa chọn', max: 10 },
    ],
  },
];

const scorecard: FormTemplateInput = {
  id: 'scorecard_2023',
  version: 1,
  kind: 'scorecard',
  title: 'Bảng tự chấm điểm thi đua năm 2023',
  description:
    'Đơn vị tự chấm điểm theo tiêu chí của từng nội dung thi đua và đính kèm minh chứng; cơ quan xét duyệt chấm điểm thẩm định.',
  sections: [
    ...criteria.map((c) => ({
      key: `content${c.content}`,
      title: content(c.content),
      fields: [
        ...c.items.map((i) => ({
          key: i.key,
          type: 'score' as const,
          label: i.label,
          maxPoints: i.max,
          step: 0.5,
          required: true,
          help: `Tối đa ${i.max} điểm.`,
        })),
        evidence('evidence', 'Tài liệu minh chứng', c.content === 5),
        {
          key: 'subtotal',
          type: 'computed' as const,
          label: 'Cộng điểm tự chấm',
          sum: c.items.map((i) => ({ field: `content${c.content}.${i.key}`, part: 'selfScore' as const })),
          unit: 'điểm',
        },
      ],
    })),
    {
      key: 'summary',
      title: 'Tổng hợp',
      fields: [
        {
          key: 'totalSelf',
          type: 'computed',
          label: 'Tổng điểm tự chấm',
          sum: criteria.map((c) => ({ field: `content${c.content}.subtotal` })),
          unit: 'điểm',
        },
        {
          key: 'totalReviewer',
          type: 'computed',
          label: 'Tổng điểm thẩm định',
          sum: criteria.flatMap((c) =>
            c.items.map((i) => ({ field: `content${c.content}.${i.key}`, part: 'reviewerScore' as const })),
          ),
          unit: 'điểm',
        },
        {
          key: 'selfRating',
          type: 'select',
          label: 'Đơn vị tự xếp loại',
          required: true,
          options: [
            { value: 'excellent', label: 'Xuất sắc (từ 90 điểm)' },
            { value: 'good', label: 'Tốt (từ 75 đến dưới 90 điểm)' },
            { value: 'fair', label: 'Khá (từ 60 đến dưới 75 điểm)' },
            { value: 'weak', label: 'Chưa đạt (dưới 60 điểm)' },
          ],
        },
        {
          key: 'remarks',
          type: 'long_text',
          label: 'Tự nhận xét, đánh giá',
          required: false,
          maxLength: 5000,
        },
      ],
    },
  ],
  workflow: { rejectIsTerminal: false, requireChildrenApproved: false },
};

const hotspotReport: FormTemplateInput = {
  id: 'hotspot_report_2023',
  version: 1,
  kind: 'hotspot_report',
  title: 'Báo cáo kết quả chuyển hóa địa bàn trọng điểm phức tạp về TTATXH năm 2023',
  description: 'Theo Kế hoạch số 176/KH-UBND ngày 20/5/2021 và Quyết định số 55/QĐ-BCĐ ngày 11/01/2023.',
  sections: [
    {
      key: 'area',
      title: 'Địa bàn',
      fields: [
        {
          key: 'name',
          type: 'text',
          label: 'Tên địa bàn (ấp, khu phố, xã, phường)',
          required: true,
          maxLength: 300,
        },
        {
          key: 'decision',
          type: 'text',
          label: 'Quyết định phê duyệt địa bàn',
          required: true,
          maxLength: 200,
          placeholder: '55/QĐ-BCĐ ngày 11/01/2023',
        },
        {
          key: 'problems',
          type: 'multi_select',
          label: 'Tính chất phức tạp của địa bàn',
          required: true,
          sensitive: true,
          minItems: 1,
          options: [
            { value: 'drugs', label: 'Ma túy' },
            { value: 'gambling', label: 'Cờ bạc' },
            { value: 'theft', label: 'Trộm cắp tài sản' },
            { value: 'gangs', label: 'Băng nhóm, tụ tập gây rối' },
            { value: 'prostitution', label: 'Mại dâm' },
            { value: 'other', label: 'Khác' },
          ],
        },
        {
          key: 'otherProblem',
          type: 'text',
          label: 'Tính chất phức tạp khác',
          required: true,
          sensitive: true,
          maxLength: 300,
          visibleWhen: { field: 'area.problems', op: 'includes', value: 'other' },
        },
      ],
    },
    {
      key: 'plan',
      title: 'Kế hoạch và biện pháp chuyển hóa',
      fields: [
        {
          key: 'planRef',
          type: 'text',
          label: 'Số, ngày kế hoạch chuyển hóa của địa phương',
          required: true,
          maxLength: 200,
        },
        {
          key: 'measures',
          type: 'long_text',
          label: 'Các biện pháp đã triển khai',
          required: true,
          minLength: 20,
          maxLength: 10_000,
        },
        count('patrols', 'Số lượt tuần tra, kiểm soát', false),
        count('forcesDeployed', 'Số lượt cán bộ, chiến sĩ được huy động', false),
      ],
    },
    {
      key: 'targets',
      title: 'Chỉ tiêu chuyển hóa',
      fields: [
        {
          key: 'criteria',
          type: 'table',
          label: 'Các tiêu chí chuyển hóa',
          required: true,
          minRows: 1,
          maxRows: 30,
          addRowLabel: 'Thêm tiêu chí',
          columns: [
            { key: 'criterion', type: 'text', label: 'Tiêu chí', required: true, maxLength: 300 },
            { key: 'target', type: 'decimal', label: 'Chỉ tiêu', required: true, min: 0, scale: 1 },
            { key: 'achieved', type: 'decimal', label: 'Kết quả đạt', required: true, min: 0, scale: 1 },
            { key: 'met', type: 'yes_no', label: 'Đạt', required: true },
          ],
        },
        count('crimesBefore', 'Số vụ phạm pháp hình sự năm trước trên địa bàn'),
        count('crimesAfter', 'Số vụ phạm pháp hình sự năm nay trên địa bàn'),
      ],
    },
    {
      key: 'result',
      title: 'Kết quả',
      fields: [
        {
          key: 'outcome',
          type: 'select',
          label: 'Kết quả chuyển hóa',
          required: true,
          options: [
            { value: 'transformed', label: 'Chuyển hóa thành công' },
            { value: 'partly', label: 'Chuyển biến nhưng chưa đạt' },
            { value: 'not_transformed', label: 'Chưa chuyển hóa' },
          ],
        },
        { key: 'relapsed', type: 'yes_no', label: 'Địa bàn có tái phức tạp không?', required: true },
        {
          key: 'relapseDetails',
          type: 'long_text',
          label: 'Diễn biến tái phức tạp và biện pháp khắc phục',
          required: true,
          minLength: 10,
          maxLength: 5000,
          visibleWhen: { field: 'result.relapsed', op: 'is_true' },
        },
        evidence('evidence', 'Biên bản đánh giá, nghiệm thu và tài liệu minh chứng', true),
      ],
    },
  ],
  workflow: { rejectIsTerminal: false, requireChildrenApproved: false },
};

const nomination: FormTemplateInput = {
  id: 'nomination_2023',
  version: 1,
  kind: 'nomination',
  title: 'Hồ sơ đề nghị khen thưởng',
  description:
    'Hồ sơ đề nghị khen thưởng tập thể, cá nhân có thành tích trong phong trào thi đua phòng, chống tội phạm, tệ nạn xã hội và chuyển hóa địa bàn năm 2023.',
  sections: [
    {
      key: 'nominee',
      title: 'Đối tượng đề nghị',
      fields: [
        {
          key: 'kind',
          type: 'select',
          label: 'Đề nghị khen thưởng cho',
          required: true,
          options: [
            { value: 'collective', label: 'Tập thể' },
            { value: 'individual', label: 'Cá nhân' },
          ],
        },
        {
          key: 'collectiveName',
          type: 'text',
          label: 'Tên tập thể',
          required: true,
          maxLength: 300,
          visibleWhen: { field: 'nominee.kind', op: 'eq', value: 'collective' },
        },
        {
          key: 'fullName',
          type: 'text',
          label: 'Họ và tên',
          required: true,
          maxLength: 200,
          visibleWhen: { field: 'nominee.kind', op: 'eq', value: 'individual' },
        },
        {
          key: 'gender',
          type: 'select',
          label: 'Giới tính (in "Ông"/"Bà" trong quyết định)',
          required: false,
          options: [
            { value: 'male', label: 'Nam' },
            { value: 'female', label: 'Nữ' },
          ],
          visibleWhen: { field: 'nominee.kind', op: 'eq', value: 'individual' },
        },
        {
          key: 'birthDate',
          type: 'date',
          label: 'Ngày sinh',
          required: false,
          sensitive: true,
          visibleWhen: { field: 'nominee.kind', op: 'eq', value: 'individual' },
        },
        {
          key: 'position',
          type: 'text',
          label: 'Chức vụ',
          required: true,
          maxLength: 200,
          visibleWhen: { field: 'nominee.kind', op: 'eq', value: 'individual' },
        },
        { key: 'unitName', type: 'text', label: 'Đơn vị công tác', required: true, maxLength: 300 },
        {
          key: 'awardTypeId',
          type: 'select',
          label: 'Hình thức khen thưởng đề nghị',
          required: true,
          options: [
            { value: 'co_thi_dua_ubnd_tinh', label: 'Cờ thi đua của Ủy ban nhân dân tỉnh' },
            { value: 'bang_khen_chu_tich_ubnd_tinh', label: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' },
            { value: 'tap_the_lao_dong_xuat_sac', label: 'Tập thể lao động xuất sắc' },
            { value: 'chien_si_thi_dua_cap_tinh', label: 'Chiến sĩ thi đua cấp tỉnh' },
            { value: 'giay_khen_bcd_tinh', label: 'Giấy khen của Ban Chỉ đạo tỉnh' },
          ],
        },
      ],
    },
    {
      key: 'achievement',
      title: 'Thành tích',
      fields: [
        {
          key: 'summary',
          type: 'long_text',
          label: 'Tóm tắt thành tích',
          help: 'Nêu rõ thành tích đạt được trong phong trào năm 2023, gắn với các nội dung thi đua.',
          required: true,
          minLength: 50,
          maxLength: 10_000,
        },
        {
          key: 'previousAwards',
          type: 'table',
          label: 'Các hình thức khen thưởng đã nhận',
          required: false,
          maxRows: 20,
          addRowLabel: 'Thêm khen thưởng',
          columns: [
            { key: 'year', type: 'integer', label: 'Năm', required: true, min: 1975, max: 2100 },
            { key: 'award', type: 'text', label: 'Hình thức khen thưởng', required: true, maxLength: 300 },
            { key: 'decision', type: 'text', label: 'Số, ngày quyết định', required: true, maxLength: 200 },
          ],
        },
      ],
    },
    {
      key: 'dossier',
      title: 'Thành phần hồ sơ',
      fields: [
        evidence('toTrinh', 'Tờ trình đề nghị khen thưởng', true),
        evidence('achievementReport', 'Báo cáo thành tích', true),
        evidence('minutes', 'Biên bản họp xét khen thưởng của đơn vị', true),
        evidence('evidence', 'Tài liệu minh chứng khác', false),
      ],
    },
    {
      key: 'meeting',
      title: 'Họp xét khen thưởng của đơn vị',
      fields: [
        { key: 'date', type: 'date', label: 'Ngày họp', required: true },
        count('members', 'Tổng số thành viên', true),
        count('present', 'Số thành viên có mặt', true),
        count('votesFor', 'Số phiếu đồng ý', true),
        count('votesAgainst', 'Số phiếu không đồng ý', true),
        {
          key: 'votesCast',
          type: 'computed',
          label: 'Tổng số phiếu',
          sum: [{ field: 'meeting.votesFor' }, { field: 'meeting.votesAgainst' }],
        },
      ],
    },
  ],
  workflow: { rejectIsTerminal: true, requireChildrenApproved: false },
};

/** The five templates of the 2023 campaign, parsed (so a broken definition fails at import). */
export const templates2023: FormTemplate[] = [
  registration,
  periodicReport,
  scorecard,
  hotspotReport,
  nomination,
].map((t) => FormTemplate.parse(t));

export const findTemplate2023 = (id: string): FormTemplate | undefined =>
  templates2023.find((t) => t.id === id);
