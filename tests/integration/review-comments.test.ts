import { describe, expect, it } from 'vitest';
import { act, body, createReport, expectStatus, useApiWorld, validReport } from './api-world';

/**
 * Issue 15, point 2 — review comments on fields and table rows: the reviewer on turn comments (alone
 * and with a return whose reason points at fields), the unit reads them beside the fields when the report
 * comes back and answers each once; every comment and answer is an event of the submission's history.
 */
const world = useApiWorld();

interface Comment {
  id: string;
  path: string;
  text: string;
  withReturn: boolean;
  author: { name: string | null; userId: string };
  answer: { text: string; author: { name: string | null } } | null;
}
const commentsOf = (b: Record<string, unknown>) => b.comments as Comment[];
const codeOf = (b: Record<string, unknown>) => b.error as { code: string; details?: { path: string }[] };

describe('review comments on fields', () => {
  it('a reviewer comments, returns with a reason pointing at a field; the unit answers each once; the history keeps them', async () => {
    const {
      communeSubmitter: unit,
      districtReviewer: district,
      provinceReviewer: province,
      otherDistrictReviewer,
    } = world().as;
    let s = await createReport(unit, '2026-Q2', validReport(2));
    // Not while the unit still drafts it, not by the author unit.
    expect(
      (await district.post(`/submissions/${s.id}/comments`, { path: 'figures.drugCases', text: 'Xem lại' }))
        .status,
    ).toBe(403);
    s = await act(unit, s, { type: 'submit' });
    expect(
      (await unit.post(`/submissions/${s.id}/comments`, { path: 'figures.drugCases', text: 'Tự nhận xét' }))
        .status,
    ).toBe(403);
    // Only the level on turn; outside the scope: not found.
    expect(
      (await province.post(`/submissions/${s.id}/comments`, { path: 'figures.drugCases', text: 'Sớm quá' }))
        .status,
    ).toBe(403);
    expect(
      (
        await otherDistrictReviewer.post(`/submissions/${s.id}/comments`, {
          path: 'figures.drugCases',
          text: 'Không',
        })
      ).status,
    ).toBe(404);
    // A path outside the form is refused with its field path; a malformed one is a 400.
    const unknown = expectStatus(
      await district.post(`/submissions/${s.id}/comments`, { path: 'figures.nothing', text: 'Ô nào?' }),
      422,
    );
    expect(codeOf(unknown).details?.[0]?.path).toBe('body.path');
    expect(
      (await district.post(`/submissions/${s.id}/comments`, { path: 'figures', text: 'Ô nào?' })).status,
    ).toBe(400);

    const first = expectStatus(
      await district.post(`/submissions/${s.id}/comments`, {
        path: 'figures.drugCases',
        text: 'Số vụ ma túy thấp bất thường',
      }),
      201,
    ) as unknown as Comment;
    expect(first).toMatchObject({ path: 'figures.drugCases', withReturn: false, answer: null });
    expect(first.author.name).toEqual(expect.any(String));

    // The return's reason points at a field: a comment written for the return, then the return.
    expect(
      expectStatus(
        await district.post(`/submissions/${s.id}/comments`, {
          path: 'figures.crimesDetected',
          text: 'Chưa khớp báo cáo tháng',
          withReturn: true,
        }),
        201,
      ).withReturn,
    ).toBe(true);
    const current = body(await unit.get(`/submissions/${s.id}`)) as { version: number };
    s = await act(
      district,
      { id: s.id, version: current.version },
      { type: 'return', reason: 'Bổ sung số liệu theo nhận xét' },
    );
    expect(s.state).toBe('returned');

    const listed = commentsOf(expectStatus(await unit.get(`/submissions/${s.id}/comments`), 200));
    expect(listed.map((c) => [c.path, c.withReturn])).toEqual([
      ['figures.drugCases', false],
      ['figures.crimesDetected', true],
    ]);
    // The unit answers each once; not the reviewer, not twice.
    const target = listed[0] as Comment;
    expect(
      (await district.post(`/submissions/${s.id}/comments/${target.id}/answer`, { text: 'Tôi trả lời' }))
        .status,
    ).toBe(403);
    const answered = expectStatus(
      await unit.post(`/submissions/${s.id}/comments/${target.id}/answer`, {
        text: 'Đã kiểm tra: đúng 1 vụ',
      }),
      200,
    ) as unknown as Comment;
    expect(answered.answer?.text).toBe('Đã kiểm tra: đúng 1 vụ');
    expect(
      codeOf(
        expectStatus(
          await unit.post(`/submissions/${s.id}/comments/${target.id}/answer`, { text: 'Lần hai' }),
          409,
        ),
      ).code,
    ).toBe('answered');
    expect((await unit.post(`/submissions/${s.id}/comments/nope/answer`, { text: 'Không có' })).status).toBe(
      404,
    );

    // The history: the comments and the answer, by name, as events of the chain (which still verifies).
    const events = body(await unit.get(`/submissions/${s.id}/history`)).events as {
      action: string;
      reason: string | null;
      actorName: string | null;
    }[];
    expect(events.filter((e) => e.action === 'comment').map((e) => e.reason)).toEqual([
      '[figures.drugCases] Số vụ ma túy thấp bất thường',
      '[figures.crimesDetected] Chưa khớp báo cáo tháng',
    ]);
    expect(events.find((e) => e.action === 'answer')).toMatchObject({
      reason: '[figures.drugCases] Đã kiểm tra: đúng 1 vụ',
      actorName: expect.any(String),
    });
    const audit = expectStatus(await world().as.secretariat.get(`/submissions/${s.id}/audit`), 200);
    expect(audit).toMatchObject({ valid: true });
  });
});
