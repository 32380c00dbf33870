import { createHash } from 'node:crypto';
import { AuditEvent } from '@thidua/shared/api';
import type { WorkflowEvent } from '@thidua/shared/workflow';

/**
 * The hash chain of a submission's audit events. Each event stores the hash of the one before it and
 * the hash of the submission's data after it; the submission stores the head. Changing, removing or
 * inserting an event anywhere breaks the recomputation.
 */
export const GENESIS_HASH = '0'.repeat(64);

// The event's schema is an API view too (the history answers with it), so it lives in shared.
export { AuditEvent };

/** JSON with keys sorted at every depth and no whitespace: the same value always gives the same bytes. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const dataHash = (data: unknown): string => sha256(canonicalJson(data));

const eventHash = (event: Omit<AuditEvent, 'hash'>): string =>
  sha256(`${event.prevHash}\n${canonicalJson(event)}`);

export interface ChainHead {
  lastEventHash: string;
  eventSeq: number;
}

/** Appends `events` after `head`; returns the stored events and the new head. */
export const appendEvents = (
  head: ChainHead,
  events: readonly WorkflowEvent[],
  context: { tenantId: string; campaignId: string; version: number; data: unknown },
): { events: AuditEvent[]; head: ChainHead } => {
  let prev = head.lastEventHash === '' ? GENESIS_HASH : head.lastEventHash;
  let seq = head.eventSeq;
  const hashOfData = dataHash(context.data);
  const out: AuditEvent[] = [];
  for (const e of events) {
    seq += 1;
    const body: Omit<AuditEvent, 'hash'> = {
      ...e,
      tenantId: context.tenantId,
      campaignId: context.campaignId,
      seq,
      version: context.version,
      dataHash: hashOfData,
      prevHash: prev,
    };
    const hash = eventHash(body);
    out.push({ ...body, hash });
    prev = hash;
  }
  return { events: out, head: { lastEventHash: prev, eventSeq: seq } };
};

export interface ChainVerification {
  valid: boolean;
  eventCount: number;
  headHash: string;
  problems: { seq: number | null; problem: string }[];
}

/** Recomputes the chain and compares it with the submission's head and current data. */
export const verifyChain = (
  events: readonly AuditEvent[],
  submission: ChainHead & { data: unknown; version: number },
): ChainVerification => {
  const problems: ChainVerification['problems'] = [];
  let prev = GENESIS_HASH;
  events.forEach((e, i) => {
    const { hash, ...body } = e;
    if (e.seq !== i + 1)
      problems.push({ seq: e.seq, problem: `Số thứ tự không liên tục (mong đợi ${i + 1})` });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'Liên kết với sự kiện trước bị sai' });
    if (eventHash(body) !== hash) problems.push({ seq: e.seq, problem: 'Nội dung sự kiện đã bị thay đổi' });
    prev = hash;
  });
  const last = events.at(-1);
  if (submission.eventSeq !== events.length) {
    problems.push({
      seq: null,
      problem: `Số sự kiện (${events.length}) khác với hồ sơ (${submission.eventSeq})`,
    });
  }
  if (
    (last?.hash ?? GENESIS_HASH) !==
    (submission.lastEventHash === '' ? GENESIS_HASH : submission.lastEventHash)
  ) {
    problems.push({ seq: null, problem: 'Mã băm cuối chuỗi khác với hồ sơ' });
  }
  if (last && last.dataHash !== dataHash(submission.data)) {
    problems.push({ seq: last.seq, problem: 'Dữ liệu hiện tại khác với dữ liệu đã ghi nhật ký' });
  }
  if (last && last.version !== submission.version) {
    problems.push({ seq: last.seq, problem: 'Phiên bản hiện tại khác với phiên bản đã ghi nhật ký' });
  }
  return { valid: problems.length === 0, eventCount: events.length, headHash: prev, problems };
};
