import type { ResponseOf, verifyAuditChains } from '@thidua/shared/contracts';
import { auditSubjectLabels } from '@thidua/shared/contracts';

export type Verification = ResponseOf<typeof verifyAuditChains>;

export interface VerdictRow {
  key: string;
  kind: string;
  label: string;
  eventCount: number;
  valid: boolean;
  /** Each problem in Vietnamese, with the event it concerns. */
  problems: string[];
}

/** What the screen says of a verification: a headline, then the failed chains first, each problem named. */
export function verdictOf(result: Verification): { headline: string; anchor: string; rows: VerdictRow[] } {
  const failed = result.chains.filter((c) => !c.valid);
  const headline = result.valid
    ? `Hợp lệ: ${result.chains.length} chuỗi nhật ký không bị thay đổi.`
    : `KHÔNG HỢP LỆ: ${failed.length}/${result.chains.length} chuỗi có sai lệch.`;
  const anchor = result.anchoredAt
    ? `Mốc neo gần nhất: ${new Date(result.anchoredAt).toLocaleString('vi-VN')}.`
    : 'Chưa có mốc neo.';
  const rows = [...failed, ...result.chains.filter((c) => c.valid)].map((c) => ({
    key: `${c.kind}/${c.subjectId}`,
    kind: auditSubjectLabels[c.kind],
    label: c.label,
    eventCount: c.eventCount,
    valid: c.valid,
    problems: c.problems.map((p) => `${p.seq === null ? '' : `Sự kiện số ${p.seq}: `}${p.problem}`),
  }));
  return { headline, anchor, rows };
}
