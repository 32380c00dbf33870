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
import { throwsToPage, wholePage } from './queryClient';

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
    // A unit's own work includes what its predecessors filed and were awarded (/history, ADR 0017).
    expect(menu(claims('dong-xoai-tan-phu', 'submitter'))).toEqual([
      '/home',
      '/commendations/notifications',
      '/history',
    ]);
    // The head decides the unit's own awards (Giấy khen…) on a page of their own (issue 17).
    expect(menu(claims('dong-xoai-tan-phu', 'unit_head'))).toEqual([
      '/home',
      '/inbox',
      '/commendations/head-decisions',
      '/commendations/notifications',
      '/history',
    ]);
    expect(menu(claims(ROOT, 'council_member'))).toEqual(['/commendations/vote']);
  });

  it('offers the nominee import to the province secretariat, which imports a unit’s list for it', () => {
    expect(menu(claims(ROOT, 'secretariat'))).toContain('/commendations/import');
    for (const role of ['reviewer', 'chair', 'council_member', 'admin'] as const)
      expect(menu(claims(ROOT, role)), role).not.toContain('/commendations/import');
    expect(menu(claims('dong-xoai', 'secretariat'))).not.toContain('/commendations/import');
  });

  it('offers both builders to the province secretariat and administrator, as the policy decides', () => {
    for (const role of ['secretariat', 'admin'] as const) {
      expect(menu(claims(ROOT, role)), role).toEqual(
        expect.arrayContaining(['/campaign-builder', '/form-builder']),
      );
    }
    for (const role of ['reviewer', 'chair', 'council_member'] as const) {
      expect(menu(claims(ROOT, role)), role).not.toContain('/form-builder');
      expect(menu(claims(ROOT, role)), role).not.toContain('/campaign-builder');
    }
    // An administrator role held below the province builds nothing.
    expect(menu(claims('dong-xoai', 'admin'))).not.toContain('/form-builder');
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

const card = (error: unknown): string =>
  renderToStaticMarkup(
    <I18nProvider>
      <MemoryRouter>
        <PageErrorCard error={error} />
      </MemoryRouter>
    </I18nProvider>,
  );

describe('a page the API refuses', () => {
  const refusal = new HttpError({
    kind: 'http',
    status: 403,
    code: 'forbidden',
    message: 'Chỉ cấp tỉnh xem được tờ trình của các đơn vị',
  });

  it('is thrown to the page (a 403, or the 404 of a whole-page list), which says so instead of staying blank', () => {
    expect(throwsToPage(refusal)).toBe(true);
    // A 404 is the page's own business (an unknown id), unless the query is the whole page: out of
    // scope, the API answers 404 so that nothing leaks, and the page must still say so.
    const hidden = new HttpError({ kind: 'http', status: 404, code: 'not_found', message: 'Không tìm thấy' });
    expect(throwsToPage(hidden)).toBe(false);
    expect(throwsToPage(hidden, wholePage)).toBe(true);
    const hiddenPage = card(hidden);
    expect(hiddenPage).toContain('<h1>Không có quyền truy cập</h1>');
    expect(hiddenPage).toContain('Trang này không có gì bạn được xem');
    const html = card(refusal);
    expect(html).toContain('<h1>Không có quyền truy cập</h1>');
    expect(html).toContain('Bạn không có quyền mở trang này.');
    expect(html).toContain('Chỉ cấp tỉnh xem được tờ trình của các đơn vị');
    expect(html).toContain('href="/"');
  });
});
