import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { NotificationList } from './components/NotificationsPage';
import { decisionAnchor, notificationLink } from './links';

describe('unit notifications link to what they are about', () => {
  it('leads a decision to its place among the published decisions', () => {
    expect(notificationLink({ kind: 'decision', refId: 'd1' }, 'binh-phuoc')).toBe(
      `/public/binh-phuoc/decisions#${decisionAnchor('d1')}`,
    );
    expect(notificationLink({ kind: 'revocation', refId: 'r1' }, 'binh-phuoc')).toBe(
      '/public/binh-phuoc/decisions',
    );
    expect(notificationLink({ kind: 'batch_returned', refId: 'b1' }, 'binh-phuoc')).toBe(
      '/commendations/consolidate',
    );
  });

  it('renders every notice as a link', () => {
    const html = renderToStaticMarkup(
      <I18nProvider>
        <MemoryRouter>
          <NotificationList
            tenantId="binh-phuoc"
            items={[
              {
                id: 'n1',
                kind: 'decision',
                refId: 'd1',
                title: 'Quyết định số 05/QĐ-UBND khen thưởng Công an phường Tân Phú',
                at: '2023-12-15T02:00:00.000Z',
              },
            ]}
          />
        </MemoryRouter>
      </I18nProvider>,
    );
    expect(html).toMatch(
      /<a href="\/public\/binh-phuoc\/decisions#decision-d1"[^>]*>Quyết định số 05\/QĐ-UBND khen thưởng Công an phường Tân Phú<\/a>/,
    );
  });
});
