import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { CompletenessResult } from './components/CompletenessPage';
import { filtersFromParams, unitReportsLink } from './filters';

describe('completeness names link to the unit reports', () => {
  const q = { campaignId: 'kh38-2023', formKey: 'periodic_report', period: '2023-Q1' };

  it('opens the inbox on that unit, form and period, across the whole area', () => {
    const link = unitReportsLink({ ...q, unitId: 'dong-xoai-tan-phu' });
    expect(link.startsWith('/inbox?')).toBe(true);
    expect(filtersFromParams(new URLSearchParams(link.split('?')[1]))).toMatchObject({
      view: 'subtree',
      ...q,
      unitId: 'dong-xoai-tan-phu',
    });
  });

  it('makes a name a link when the unit has a report, plain text when it has none yet', () => {
    const html = renderToStaticMarkup(
      <I18nProvider>
        <MemoryRouter>
          <CompletenessResult
            data={{
              ...q,
              unitId: 'dong-xoai',
              missing: ['tan-binh', 'tan-xuan'],
              units: [
                { unitId: 'tan-phu', unitName: 'Phường Tân Phú', status: 'approved' },
                { unitId: 'tan-binh', unitName: 'Phường Tân Bình', status: 'in_progress' },
                { unitId: 'tan-xuan', unitName: 'Phường Tân Xuân', status: 'not_started' },
              ],
              counts: { approved: 1, in_progress: 1, not_started: 1, rejected: 0, submitted: 0 },
              total: 3,
              complete: false,
            }}
          />
        </MemoryRouter>
      </I18nProvider>,
    );
    expect(html).toMatch(
      /<a href="\/inbox\?view=subtree&amp;campaign=kh38-2023[^"]*unit=tan-phu"[^>]*>Phường Tân Phú<\/a>/,
    );
    expect(html).toMatch(/<a href="[^"]*unit=tan-binh"[^>]*>Phường Tân Bình<\/a>/);
    expect(html).not.toMatch(/<a [^>]*>Phường Tân Xuân<\/a>/);
    expect(html).toContain('Phường Tân Xuân');
  });
});
