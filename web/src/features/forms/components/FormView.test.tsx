import { FormTemplate, redactData } from '@thidua/shared/forms';
import { sensitiveFiguresData, sensitiveFiguresSection } from '@thidua/shared/testing';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import { FormView } from './FormView';

const template = FormTemplate.parse({
  id: 't',
  version: 1,
  kind: 'report',
  title: 'Báo cáo',
  sections: [sensitiveFiguresSection],
});
const stored = sensitiveFiguresData;

const render = (data: Record<string, unknown>, redacted?: readonly string[]) =>
  renderToStaticMarkup(
    <I18nProvider>
      <FormView definition={template} data={data} {...(redacted ? { redacted } : {})} />
    </I18nProvider>,
  );

const shownFor = (html: string, label: string): string => {
  const at = html.indexOf(`<dt>${label}</dt>`);
  if (at < 0) throw new Error(`no field ${label}`);
  return html.slice(at, html.indexOf('</dd>', at));
};

describe('FormView: redacted sensitive fields', () => {
  it('shows "Đã ẩn — dữ liệu nhạy cảm" where the API redacted a value — never a blank nor a 0', () => {
    const { data, redacted } = redactData(template, stored);
    const html = render(data, redacted);
    for (const label of ['Số vụ phạm tội', 'Số vụ ma túy', 'Tổng số vụ']) {
      const v = shownFor(html, label);
      expect(v).toContain('Đã ẩn — dữ liệu nhạy cảm');
      expect(v).not.toMatch(/>0</);
      expect(v).not.toContain('—</');
    }
    // The redacted column of the table: the marker in its cell, the other column as typed.
    expect(html).toContain('Ấp 3');
    expect(html).not.toMatch(/>4</);
    expect(html.match(/redacted-mark/g)?.length).toBe(4);
    expect(html).toContain('Một số trường nhạy cảm');
    // What the reader may read is shown as usual.
    expect(shownFor(html, 'Số buổi tuyên truyền')).toContain('20');
  });

  it('a reader the template names sees the values and no marker', () => {
    const html = render(stored);
    expect(html).not.toContain('Đã ẩn');
    expect(shownFor(html, 'Số vụ phạm tội')).toContain('12');
    expect(shownFor(html, 'Tổng số vụ')).toContain('12');
  });
});
