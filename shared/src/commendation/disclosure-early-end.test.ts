import { describe, expect, it } from 'vitest';
import { earlyEndRefusal } from './disclosure';

// Opened on Monday 2026-03-02 for 5 working days (statutory minimum 5).
const d = { opensOn: '2026-03-02', workingDays: 7, minimumWorkingDays: 5 };
const authority = { decidedBy: 'Chủ tịch UBND tỉnh', document: 'Công văn số 01/UBND-NC' };

describe('ending a disclosure early', () => {
  it('before the statutory minimum needs who decided and the document, each named by its field path', () => {
    const e = earlyEndRefusal(d, '2026-03-02', [], null);
    expect(e?.code).toBe('early_end_not_justified');
    expect(e?.status).toBe(422);
    expect(e?.details?.map((x) => x.path)).toEqual(['body.authority.decidedBy', 'body.authority.document']);
    expect(earlyEndRefusal(d, '2026-03-05', [], { ...authority, document: ' ' })?.details).toEqual([
      { path: 'body.authority.document', message: expect.any(String) },
    ]);
    expect(earlyEndRefusal(d, '2026-03-05', [], authority)).toBeNull();
  });
  it('after the minimum (working days, holidays skipped) a reason alone is enough', () => {
    expect(earlyEndRefusal(d, '2026-03-09', [], null)).toBeNull(); // 5 working days after Monday
    expect(earlyEndRefusal(d, '2026-03-09', ['2026-03-04'], null)?.code).toBe('early_end_not_justified');
    // Records from before the minimum was stored fall back to their window.
    expect(earlyEndRefusal({ opensOn: '2026-03-02', workingDays: 5 }, '2026-03-06', [], null)).not.toBeNull();
  });
});
