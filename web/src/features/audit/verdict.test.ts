import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict';

const chain = (
  subjectId: string,
  valid: boolean,
  problems: { seq: number | null; problem: string }[] = [],
) => ({
  kind: 'submission' as const,
  subjectId,
  label: `Xã ${subjectId}`,
  valid,
  eventCount: 3,
  headHash: '',
  anchoredAt: null,
  problems,
});

describe('the verdict the audit screen shows', () => {
  it('says how many chains failed, lists them first and names each problem in Vietnamese', () => {
    const v = verdictOf({
      valid: false,
      anchoredAt: '2026-12-06T09:00:00.000Z',
      chains: [
        chain('a', true),
        chain('b', false, [
          { seq: 3, problem: 'Trạng thái hiện tại (returned) khác với nhật ký (approved)' },
          { seq: null, problem: 'Chữ ký (MAC) không hợp lệ' },
        ]),
      ],
    });
    expect(v.headline).toBe('KHÔNG HỢP LỆ: 1/2 chuỗi có sai lệch.');
    expect(v.anchor).toContain('Mốc neo gần nhất');
    expect(v.rows.map((r) => r.key)).toEqual(['submission/b', 'submission/a']);
    expect(v.rows[0]?.kind).toBe('Báo cáo / hồ sơ');
    expect(v.rows[0]?.problems).toEqual([
      'Sự kiện số 3: Trạng thái hiện tại (returned) khác với nhật ký (approved)',
      'Chữ ký (MAC) không hợp lệ',
    ]);
  });

  it('says when everything verifies and when nothing is anchored yet', () => {
    const v = verdictOf({ valid: true, anchoredAt: null, chains: [chain('a', true)] });
    expect(v.headline).toBe('Hợp lệ: 1 chuỗi nhật ký không bị thay đổi.');
    expect(v.anchor).toBe('Chưa có mốc neo.');
  });
});
