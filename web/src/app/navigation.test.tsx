import type { Role } from '@thidua/shared/org';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../api/errors';
import type { IdClaims } from '../auth/claims';
import { workspaceContextOf } from '../auth/workspace';
import { I18nProvider } from '../i18n';
import { PageErrorCard } from '../layout/RouteError';
import { homePathFor, navItemsFor } from './extensions';
import { throwsToPage } from './queryClient';

const ROOT = 'binh-phuoc';
const claims = (unitId: string, ...roles: Role[]): IdClaims => ({
  sub: `${unitId}-${roles.join('-')}`,
  email: 'x@demo.thidua.vn',
  name: 'X',
  tenantId: 'binh-phuoc',
  unitId,
  roles,
  exp: 2_000_000_000,
});
const menu = (c: IdClaims) => navItemsFor(workspaceContextOf(c, ROOT)).map((n) => n.to);

describe('navigation by the shared policy', () => {
  it('does not offer a district reviewer the tờ trình review the API would refuse', () => {
    const district = menu(claims('dong-xoai', 'reviewer'));
    expect(district).not.toContain('/commendations/batches');
    expect(district).toEqual(
      expect.arrayContaining(['/inbox', '/completeness', '/commendations/consolidate']),
    );
    expect(menu(claims(ROOT, 'reviewer'))).toContain('/commendations/batches');
    expect(menu(claims(ROOT, 'secretariat'))).toContain('/commendations/batches');
  });

  it('offers each person only their own work', () => {
    expect(menu(claims('dong-xoai-tan-phu', 'submitter'))).toEqual(['/home', '/commendations/notifications']);
    expect(menu(claims('dong-xoai-tan-phu', 'unit_head'))).toEqual([
      '/home',
      '/inbox',
      '/commendations/notifications',
    ]);
    expect(menu(claims(ROOT, 'council_member'))).toEqual(['/commendations/vote']);
  });

  it('lands each person on their main work', () => {
    const home = (c: IdClaims) => homePathFor(workspaceContextOf(c));
    expect(home(claims('dong-xoai-tan-phu', 'submitter'))).toBe('/home');
    expect(home(claims('dong-xoai-tan-phu', 'unit_head'))).toBe('/home');
    expect(home(claims('dong-xoai', 'reviewer'))).toBe('/inbox');
    expect(home(claims(ROOT, 'reviewer'))).toBe('/inbox');
    expect(home(claims(ROOT, 'secretariat'))).toBe('/campaigns');
    expect(home(claims(ROOT, 'council_member'))).toBe('/commendations/vote');
    expect(home(claims(ROOT, 'chair'))).toBe('/commendations/sign');
  });
});

describe('a page the API refuses', () => {
  const refusal = new HttpError({
    kind: 'http',
    status: 403,
    code: 'forbidden',
    message: 'Chỉ cấp tỉnh xem được tờ trình của các đơn vị',
  });

  it('is thrown to the page (403 only), which says so with the API reason instead of staying blank', () => {
    expect(throwsToPage(refusal)).toBe(true);
    expect(throwsToPage(new HttpError({ kind: 'http', status: 404, code: 'not_found', message: '' }))).toBe(
      false,
    );
    const html = renderToStaticMarkup(
      <I18nProvider>
        <MemoryRouter>
          <PageErrorCard error={refusal} />
        </MemoryRouter>
      </I18nProvider>,
    );
    expect(html).toContain('<h1>Không có quyền truy cập</h1>');
    expect(html).toContain('Bạn không có quyền mở trang này.');
    expect(html).toContain('Chỉ cấp tỉnh xem được tờ trình của các đơn vị');
    expect(html).toContain('href="/"');
  });
});
