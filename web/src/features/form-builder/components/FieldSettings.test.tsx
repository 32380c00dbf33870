import { type FieldType, fieldTypes } from '@thidua/shared/forms';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import { emptyTemplate, newField, updateField } from '../model';
import { FieldSettings } from './FieldSettings';

// DOM-free: each field type's settings rendered to HTML, inspected for the controls the issue asks for.
const settingsOf = (type: FieldType): string => {
  const field = newField(type, 'x', 'X');
  const template = updateField(emptyTemplate(), 0, 0, field);
  return renderToStaticMarkup(
    <I18nProvider>
      <FieldSettings
        field={field}
        onChange={() => undefined}
        definition={template}
        selfRef="phan_1.x"
        idBase="t"
      />
    </I18nProvider>,
  );
};

const expected: Record<FieldType, string[]> = {
  text: ['Số ký tự tối đa', 'Mẫu kiểm tra'],
  long_text: ['Số ký tự tối thiểu'],
  integer: ['Giá trị nhỏ nhất', 'Giá trị lớn nhất', 'Đơn vị tính'],
  decimal: ['Số chữ số thập phân'],
  date: ['Từ ngày'],
  select: ['Các lựa chọn', 'Thêm lựa chọn'],
  multi_select: ['Chọn nhiều nhất'],
  yes_no: [],
  file: ['Số tệp tối đa', 'Nhận tệp .pdf'],
  table: ['Các cột của bảng', 'Thêm cột', 'Số dòng tối đa'],
  score: ['Điểm tối đa', 'Bước điểm'],
  computed: ['Công thức', 'Chèn trường vào công thức', 'Chèn hàm vào công thức'],
};

describe('field settings', () => {
  it('every field type has its label, key, help, type and its own limits; conditions are offered', () => {
    for (const type of fieldTypes) {
      const html = settingsOf(type);
      for (const label of [
        'Nhãn (câu hỏi)',
        'Khóa dữ liệu',
        'Hướng dẫn điền',
        'Loại trường',
        ...expected[type],
      ])
        expect(html, `${type}: ${label}`).toContain(label);
      expect(html.includes('Bắt buộc'), type).toBe(type !== 'computed');
    }
    // A table's columns are edited with the same settings, scalar types only and without conditions.
    const table = settingsOf('table');
    expect(table).toContain('Cột 1: Cột 1');
    expect(table.match(/Thêm điều kiện hiển thị/g)).toHaveLength(1);
  });
});
