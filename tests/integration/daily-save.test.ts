import { describe, expect, it } from 'vitest';
import { act, asSubmission, body, createReport, expectStatus, useApiWorld, validReport } from './api-world';

/**
 * Issue 15, point 1 — nothing typed is ever lost: a draft with an invalid field is saved (the valid
 * fields in its data, the invalid input kept beside them and flagged), read back as typed on any device,
 * never submitted while anything is kept, and a stale save answers 409 with the server's copy to merge.
 */
const world = useApiWorld();

const errorOf = (b: Record<string, unknown>) =>
  b.error as {
    code: string;
    details: { path: string; message: string }[];
    current?: Record<string, unknown>;
  };

describe('saving a draft with invalid fields', () => {
  it('keeps the valid fields and the invalid input; submit refuses until it is corrected', async () => {
    const officer = world().as.communeSubmitter;
    const s = await createReport(officer, '2026-Q3', validReport(3));
    const saved = asSubmission(
      expectStatus(
        await officer.put(`/submissions/${s.id}`, {
          data: { figures: { crimesDetected: 'mười hai', drugCases: 2 } },
          expectedVersion: s.version,
        }),
        200,
      ),
    );
    expect(saved.version).toBe(s.version + 1);
    expect(saved.data).toEqual({ figures: { drugCases: 2 } });
    expect(saved.invalid).toEqual([
      { path: 'figures.crimesDetected', value: 'mười hai', message: 'Phải là số nguyên' },
    ]);
    // Another device reads what was typed, flagged.
    const read = expectStatus(await officer.get(`/submissions/${s.id}`), 200);
    expect(read.invalid).toEqual(saved.invalid);

    const refused = expectStatus(
      await officer.post(`/submissions/${s.id}/actions`, { type: 'submit', expectedVersion: saved.version }),
      422,
    );
    expect(errorOf(refused).code).toBe('invalid_data');
    expect(errorOf(refused).details.map((d) => d.path)).toContain('body.data.figures.crimesDetected');

    const fixed = asSubmission(
      expectStatus(
        await officer.put(`/submissions/${s.id}`, {
          data: { figures: { crimesDetected: 12, drugCases: 2 } },
          expectedVersion: saved.version,
        }),
        200,
      ),
    );
    expect(fixed.invalid).toBeUndefined();
    expect(fixed.data).toEqual({ figures: { crimesDetected: 12, drugCases: 2 } });
    expect((await act(officer, fixed, { type: 'submit' })).state).not.toBe('draft');
  });

  it('a stale save answers 409 with the server copy (its kept input too), writing nothing', async () => {
    const officer = world().as.communeSubmitter;
    const s = await createReport(officer, '2026-Q4', validReport(3));
    const phone = asSubmission(
      expectStatus(
        await officer.put(`/submissions/${s.id}`, {
          data: { figures: { crimesDetected: 4, drugCases: '1,5' } },
          expectedVersion: s.version,
        }),
        200,
      ),
    );
    const pc = expectStatus(
      await officer.put(`/submissions/${s.id}`, {
        data: { figures: { crimesDetected: 9, drugCases: 1 } },
        expectedVersion: s.version,
      }),
      409,
    );
    const current = errorOf(pc).current;
    expect(current?.version).toBe(phone.version);
    expect(current?.data).toEqual({ figures: { crimesDetected: 4 } });
    expect(current?.invalid).toEqual([
      { path: 'figures.drugCases', value: '1,5', message: 'Phải là số nguyên' },
    ]);
    // The history names who saved the server's copy at that version (the merge screen says so).
    const history = body(await officer.get(`/submissions/${s.id}/history`)).events as {
      version: number;
      action: string;
      actorName: string | null;
    }[];
    const last = history.find((e) => e.version === phone.version);
    expect(last).toMatchObject({ action: 'save', actorName: expect.any(String) });
  });

  it('still refuses more kept input than one item can hold, writing nothing', async () => {
    const officer = world().as.communeSubmitter;
    const s = await createReport(officer, '2026-H2', validReport(3));
    const notForm = expectStatus(
      await officer.put(`/submissions/${s.id}`, {
        data: { figures: { crimesDetected: 'x'.repeat(70 * 1024) } },
        expectedVersion: s.version,
      }),
      422,
    );
    expect(errorOf(notForm).code).toBe('invalid_data');
    expect(expectStatus(await officer.get(`/submissions/${s.id}`), 200).version).toBe(s.version);
  });
});

describe('comparing any two versions (issue 15, point 7)', () => {
  it('compares any two of the submitted versions and the current one; another version is refused with the list', async () => {
    const { communeSubmitter: officer, districtReviewer: district } = world().as;
    let s = await createReport(officer, '2026-Q1', validReport(3));
    s = await act(officer, s, { type: 'submit' });
    const firstSubmit = s.version;
    s = await act(district, s, { type: 'return', reason: 'Bổ sung số vụ' });
    const draftVersion = asSubmission(
      expectStatus(
        await officer.put(`/submissions/${s.id}`, {
          data: { figures: { crimesDetected: 5, drugCases: 1 } },
          expectedVersion: s.version,
        }),
        200,
      ),
    );
    s = await act(officer, draftVersion, { type: 'submit' });
    const secondSubmit = s.version;
    s = await act(district, s, { type: 'return', reason: 'Thêm lần nữa' });
    s = asSubmission(
      expectStatus(
        await officer.put(`/submissions/${s.id}`, {
          data: { figures: { crimesDetected: 6, drugCases: 2 } },
          expectedVersion: s.version,
        }),
        200,
      ),
    );

    const between = expectStatus(
      await officer.get(`/submissions/${s.id}/diff?from=${firstSubmit}&to=${secondSubmit}`),
      200,
    );
    expect(between).toMatchObject({
      since: firstSubmit,
      version: secondSubmit,
      comparable: [firstSubmit, secondSubmit, s.version],
    });
    expect(between.changes).toEqual([{ path: 'figures.crimesDetected', before: 3, after: 5 }]);
    const toNow = expectStatus(await officer.get(`/submissions/${s.id}/diff?from=${firstSubmit}`), 200);
    expect(toNow.version).toBe(s.version);
    expect((toNow.changes as { path: string }[]).map((c) => c.path).sort()).toEqual([
      'figures.crimesDetected',
      'figures.drugCases',
    ]);
    // A draft between submits is not kept: refused, saying which versions are.
    const notKept = expectStatus(
      await officer.get(`/submissions/${s.id}/diff?from=${draftVersion.version}`),
      422,
    );
    expect(errorOf(notKept).details[0]?.path).toBe('query.from');
    expect(errorOf(notKept).details[0]?.message).toContain(String(secondSubmit));
    expect(
      (await officer.get(`/submissions/${s.id}/diff?from=${firstSubmit}&since=${firstSubmit}`)).status,
    ).toBe(400);
    expect((await officer.get(`/submissions/${s.id}/diff`)).status).toBe(400);
    // The old form still answers: since the latest submit at or before.
    expect(
      expectStatus(await officer.get(`/submissions/${s.id}/diff?since=${secondSubmit}`), 200).since,
    ).toBe(secondSubmit);
  });
});
