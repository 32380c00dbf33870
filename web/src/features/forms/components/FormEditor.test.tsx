import { zodResolver } from '@hookform/resolvers/zod';
import { buildSubmissionSchema } from '@thidua/shared/forms';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import { everyFieldDefinition as def } from '../testing/fixture';
import { FormEditor } from './FormEditor';
import { FormRuntimeProvider } from './FormRuntime';
import { FormView } from './FormView';

// DOM-free: the editor is rendered to HTML on the server and the markup is inspected.
function Harness({ values, children }: { values: Record<string, unknown>; children?: ReactNode }) {
  const methods = useForm({
    defaultValues: values,
    resolver: zodResolver(buildSubmissionSchema(def, { mode: 'submit' })),
  });
  return (
    <I18nProvider>
      <FormRuntimeProvider value={{ scoring: 'self' }}>
        <FormProvider {...methods}>
          <FormEditor definition={def} />
          {children}
        </FormProvider>
      </FormRuntimeProvider>
    </I18nProvider>
  );
}

const render = (values: Record<string, unknown>) => renderToStaticMarkup(<Harness values={values} />);

describe('form editor', () => {
  it('renders a control for every field type, labelled', () => {
    const html = render({});
    for (const label of [
      'Người báo cáo',
      'Tóm tắt',
      'Ngày báo cáo',
      'Mức độ',
      'Nội dung',
      'Có địa bàn trọng điểm?',
      'Số vụ phạm tội',
      'Tỷ lệ',
      'Buổi tuyên truyền',
      'Tổng số vụ và người dự',
      'Tiêu chí 1',
      'Minh chứng',
    ]) {
      expect(html, label).toContain(label);
    }
    expect(html).toContain('<label class="field-label" for="fld-general-reporter">');
    expect(html).toContain('id="fld-general-reporter"');
    expect(html).toContain('<textarea');
    expect(html).toContain('<select');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('type="radio"');
    expect(html).toContain('Điểm tự chấm');
    expect(html).toContain('(tối đa 10 điểm)');
  });

  it('shows a conditional field only when its condition holds', () => {
    expect(render({ general: { hasHotspot: false } })).not.toContain('Tên địa bàn');
    expect(render({ general: { hasHotspot: true } })).toContain('Tên địa bàn');
  });

  it('computes totals from fields and table columns, in Vietnamese notation', () => {
    const html = render({
      figures: {
        crimes: 1200,
        sessions: [
          { place: 'A', people: 30 },
          { place: 'B', people: 4.5 },
        ],
      },
    });
    expect(html).toMatch(/<output[^>]*>1\.234,5<\/output>/);
  });

  it('shows table rows with labelled cells and number values grouped', () => {
    const html = render({ figures: { sessions: [{ place: 'Nhà văn hóa', people: 1500 }] } });
    expect(html).toContain('aria-label="Số người dự, dòng 1"');
    expect(html).toContain('value="1.500"');
    expect(html).toContain('Xóa dòng 1');
  });

  it('shows dates as dd/MM/yyyy', () => {
    expect(render({ general: { reportDate: '2023-02-07' } })).toContain('value="07/02/2023"');
  });
});

describe('read-only view', () => {
  const view = (data: Record<string, unknown>, previous?: Record<string, unknown>) =>
    renderToStaticMarkup(
      <I18nProvider>
        <FormView definition={def} data={data} previous={previous} />
      </I18nProvider>,
    );

  it('formats values and hides what the conditions hide', () => {
    const html = view({
      general: {
        reporter: 'Nguyễn Văn A',
        level: 'good',
        topics: ['drugs', 'trafficking'],
        hasHotspot: false,
        hotspotName: 'X',
      },
      figures: { crimes: 3, cleared: 2, rate: 66.7 },
    });
    expect(html).toContain('Nguyễn Văn A');
    expect(html).toContain('Tốt');
    expect(html).toContain('Ma túy; Mua bán người');
    expect(html).toContain('66,7 %');
    expect(html).not.toContain('Tên địa bàn');
  });

  it('marks what changed since the returned version', () => {
    const html = view({ figures: { crimes: 5, cleared: 2 } }, { figures: { crimes: 3, cleared: 2 } });
    expect(html.match(/form-value-changed/g)?.length).toBe(2); // crimes and the total
    expect(html).toContain('Trước khi trả lại: 3');
  });
});
