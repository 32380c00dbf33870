import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StackedBarChart } from './StackedBarChart';

describe('stacked bar chart', () => {
  const html = renderToStaticMarkup(
    <StackedBarChart
      title="Tình hình nộp báo cáo"
      description="Số báo cáo theo trạng thái, mỗi huyện một thanh"
      series={[
        { key: 'approved', label: 'Đã phê duyệt', color: '#1a6e33' },
        { key: 'returned', label: 'Bị trả lại', color: '#b45309' },
      ]}
      rows={[
        { label: 'Thành phố Đồng Xoài', values: { approved: 6, returned: 2 } },
        { label: 'Huyện Bù Đăng', values: { approved: 0, returned: 1 } },
      ]}
    />,
  );

  it('is an image with a title and a description', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toContain('<title id=');
    expect(html).toContain('Tình hình nộp báo cáo</title>');
  });

  it('draws segments proportional to the values, none for zeros, totals at the end', () => {
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // plot width 462: the longest bar (8) spans it; 6/8, 2/8 and 1/8 of it.
    expect(widths).toEqual([346.5, 115.5, 57.75]);
    expect(html).toContain('>8</text>');
    expect(html).toContain('>1</text>');
    expect(html).toContain('Thành phố Đồng Xoài – Đã phê duyệt: 6');
  });

  it('has a legend', () => {
    expect(html).toContain('Đã phê duyệt');
    expect(html).toContain('Bị trả lại');
  });

  it('draws the same bars in HTML for phones: each name above its bar, the values readable', () => {
    expect(html).toContain('<span class="chart-bars-label">Thành phố Đồng Xoài</span>');
    const widths = [...html.matchAll(/class="chart-bars-segment" style="width:([\d.]+)%/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toEqual([75, 25, 12.5]);
    expect(html).toContain('<span class="visually-hidden">Bị trả lại: 2</span>');
  });
});
