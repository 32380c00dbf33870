import { describe, expect, it } from 'vitest';
import { apiAs } from '../support/platform';
import {
  act,
  createReport,
  createUserWithPassword,
  expectStatus,
  type SubmissionBody,
  units,
  useApiWorld,
} from './api-world';

/**
 * The search box (issue 15, ADR 0023) through the real platform: folded prefixes ("dong xoai" finds
 * "Đồng Xoài"), reports within the caller's scope only. Nominees and decisions: commendations-flow.test.ts.
 */
const world = useApiWorld();
const PASSWORD = 'ThiDua@2026!';

interface Hit {
  kind: string;
  id: string;
  title: string;
  detail: string;
}
const search = async (who: { get: (p: string) => Promise<unknown> }, q: string) =>
  expectStatus((await who.get(`/search?q=${encodeURIComponent(q)}`)) as never, 200).hits as Hit[];

describe('search in one box, within the caller’s scope', () => {
  let report: SubmissionBody;

  it('finds units by name without diacritics, whole or without their kind', async () => {
    const w = world();
    for (const q of ['dong xoai', 'Đồng Xoài', 'thanh pho dong', 'DONG XOAI']) {
      const hits = await search(w.as.communeSubmitter, q);
      expect(hits.find((h) => h.kind === 'unit' && h.id === units.district)?.title, q).toBe(
        'Thành phố Đồng Xoài',
      );
    }
  });

  it('finds a report by unit, period and form for its unit and the reviewers above it', async () => {
    const w = world();
    report = await act(w.as.communeSubmitter, await createReport(w.as.communeSubmitter, '2026-Q3'), {
      type: 'submit',
    });
    for (const q of ['tan phu 2026-q3', 'Tân Phú', '2026-Q3 báo cáo thử']) {
      for (const who of [w.as.communeSubmitter, w.as.districtReviewer, w.as.provinceReviewer]) {
        const hits = await search(who, q);
        expect(
          hits.map((h) => h.id),
          q,
        ).toContain(report.id);
      }
    }
    const hit = (await search(w.as.districtReviewer, 'tan phu 2026-q3')).find((h) => h.id === report.id);
    expect(hit).toMatchObject({
      kind: 'submission',
      title: 'Phường Tân Phú',
      detail: 'Báo cáo thử nghiệm · 2026-Q3',
    });
  });

  it('a commune officer does not find another commune’s report; another district does not either', async () => {
    const w = world();
    const email = 'canbo.tandong@demo.thidua.vn';
    await createUserWithPassword(
      w,
      { email, name: 'Cán bộ phường Tân Đồng', unitId: `${units.district}-tan-dong`, roles: ['submitter'] },
      PASSWORD,
    );
    const neighbour = await apiAs(w.platform, email, PASSWORD);
    for (const q of ['tan phu', '2026-q3', 'bao cao thu nghiem']) {
      expect(
        (await search(neighbour, q)).map((h) => h.id),
        q,
      ).not.toContain(report.id);
      expect(
        (await search(w.as.otherDistrictReviewer, q)).map((h) => h.id),
        q,
      ).not.toContain(report.id);
    }
    // The unit itself is in the directory every officer reads.
    expect(
      (await search(neighbour, 'tan phu')).some((h) => h.kind === 'unit' && h.id === units.commune),
    ).toBe(true);
  });

  it('refuses a query shorter than two letters (400 with the field)', async () => {
    const r = expectStatus(await world().as.communeSubmitter.get('/search?q=a'), 400);
    expect(JSON.stringify(r)).toContain('query.q');
  });
});
