import type { FormDefinition } from '@thidua/shared/forms';

/**
 * A small definition with every field type, a condition and computed totals (a field and a table
 * column), written in the parsed shape of the shared `FormTemplate` (defaults filled in).
 */
export const everyFieldDefinition: FormDefinition = {
  sections: [
    {
      key: 'general',
      title: 'Thông tin chung',
      fields: [
        { key: 'reporter', type: 'text', label: 'Người báo cáo', required: true },
        { key: 'summary', type: 'long_text', label: 'Tóm tắt', required: false },
        { key: 'reportDate', type: 'date', label: 'Ngày báo cáo', required: true },
        {
          key: 'level',
          type: 'select',
          label: 'Mức độ',
          required: false,
          options: [
            { value: 'good', label: 'Tốt' },
            { value: 'fair', label: 'Khá' },
          ],
        },
        {
          key: 'topics',
          type: 'multi_select',
          label: 'Nội dung',
          required: false,
          options: [
            { value: 'drugs', label: 'Ma túy' },
            { value: 'trafficking', label: 'Mua bán người' },
          ],
        },
        { key: 'hasHotspot', type: 'yes_no', label: 'Có địa bàn trọng điểm?', required: false },
        {
          key: 'hotspotName',
          type: 'text',
          label: 'Tên địa bàn',
          required: true,
          visibleWhen: { field: 'general.hasHotspot', op: 'is_true' },
        },
      ],
    },
    {
      key: 'figures',
      title: 'Số liệu',
      fields: [
        { key: 'crimes', type: 'integer', label: 'Số vụ phạm tội', required: true, min: 0 },
        { key: 'cleared', type: 'integer', label: 'Số vụ đã điều tra làm rõ', required: true, min: 0 },
        { key: 'rate', type: 'decimal', label: 'Tỷ lệ', required: false, scale: 1, unit: '%' },
        {
          key: 'sessions',
          type: 'table',
          label: 'Buổi tuyên truyền',
          required: false,
          maxRows: 500,
          columns: [
            { key: 'place', type: 'text', label: 'Địa điểm', required: true },
            { key: 'people', type: 'integer', label: 'Số người dự', required: true, min: 0 },
          ],
        },
        {
          key: 'total',
          type: 'computed',
          label: 'Tổng số vụ và người dự',
          required: false,
          sum: [{ field: 'figures.crimes' }, { field: 'figures.sessions', column: 'people' }],
        },
        { key: 'c1', type: 'score', label: 'Tiêu chí 1', maxPoints: 10, step: 0.5, required: true },
        { key: 'evidence', type: 'file', label: 'Minh chứng', maxFiles: 3, required: false },
      ],
    },
  ],
};
