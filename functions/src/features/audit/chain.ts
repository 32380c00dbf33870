import { createHash } from 'node:crypto';
import { AuditEvent } from '@thidua/shared/api';
import type { WorkflowEvent } from '@thidua/shared/workflow';
import { headRef, SEAL_PENDING, sealDigest } from '../../kernel/data/chain-seal';

export { headRef, SEAL_PENDING, sealDigest };

/**
 * The hash chains of the audit trail. Each event stores the hash of the one before it; the last event a
 * transaction appends to a chain carries the transaction's seal, an HMAC (kernel/data/chain-key.ts) over the heads it
 * wrote — so recomputing a chain inside the table cannot be done without the key. A submission's chain
 * lives beside it (head on the submission: `lastEventHash`, `eventSeq`); every other subject's in
 * features/audit/chains.ts. docs/adr/0013-keyed-audit-chain.md.
 */
export const GENESIS_HASH = '0'.repeat(64);

// The event's schema is an API view too (the history answers with it), so it lives in shared.
export { AuditEvent };

/**
 * JSON with keys sorted at every depth (by UTF-16 code units) and no whitespace: the same value always
 * gives the same bytes. Every write hashes its whole form data with it, so it is built by concatenation,
 * without an intermediate array per object (a third of the time; the bytes are unchanged, chain.test.ts).
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += `${i === 0 ? '' : ','}${v === undefined ? 'null' : canonicalJson(v)}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
};

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const dataHash = (data: unknown): string => sha256(canonicalJson(data));

/** An event's hash: the previous hash and the event's canonical JSON, without its own hash and seal. */
export const eventHash = (event: { prevHash: string; hash?: unknown; seal?: unknown }): string => {
  const { hash: _hash, seal: _seal, ...body } = event;
  return sha256(`${event.prevHash}\n${canonicalJson(body)}`);
};

export interface ChainHead {
  lastEventHash: string;
  eventSeq: number;
}

/** Appends `events` after `head`; returns the stored events (the last one to be sealed) and the new head. */
export const appendEvents = (
  head: ChainHead,
  events: readonly WorkflowEvent[],
  context: { tenantId: string; campaignId: string; version: number; data: unknown; unitId?: string },
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
      ...(context.unitId === undefined ? {} : { unitId: context.unitId }),
    };
    const hash = eventHash(body);
    out.push({ ...body, hash });
    prev = hash;
  }
  const last = out.at(-1);
  if (last) last.seal = SEAL_PENDING;
  return { events: out, head: { lastEventHash: prev, eventSeq: seq } };
};

export interface Problem {
  seq: number | null;
  problem: string;
}

export interface ChainVerification {
  valid: boolean;
  eventCount: number;
  headHash: string;
  problems: Problem[];
}

/**
 * The links of a chain: numbered from 1 without gaps, each event pointing at the one before, each hash
 * recomputing, the first one the subject's creation.
 */
export const verifyLinks = (
  events: readonly { seq: number; prevHash: string; hash: string; action: string }[],
  creation: string,
): { problems: Problem[]; headHash: string } => {
  const problems: Problem[] = [];
  let prev = GENESIS_HASH;
  events.forEach((e, i) => {
    if (e.seq !== i + 1)
      problems.push({ seq: e.seq, problem: `Số thứ tự không liên tục (mong đợi ${i + 1})` });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'Liên kết với sự kiện trước bị sai' });
    if (eventHash(e) !== e.hash) problems.push({ seq: e.seq, problem: 'Nội dung sự kiện đã bị thay đổi' });
    prev = e.hash;
  });
  const first = events[0];
  if (first?.seq !== 1 || first.action !== creation) {
    problems.push({
      seq: first?.seq ?? null,
      problem: 'Nhật ký không bắt đầu từ lúc tạo (thiếu sự kiện tạo ở số thứ tự 1)',
    });
  }
  return { problems, headHash: prev };
};

/**
 * Recomputes a submission's chain and compares it with the submission as stored: its head, data,
 * version and — when given — its state, level and unit must be what the last event recorded. The MAC
 * and the anchor are checked by audit/verify.ts.
 */
export const verifyChain = (
  events: readonly AuditEvent[],
  submission: ChainHead & {
    data: unknown;
    version: number;
    state?: string;
    level?: number | null;
    unitId?: string;
  },
): ChainVerification => {
  const { problems, headHash } = verifyLinks(events, 'create');
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
  if (last) {
    const seq = last.seq;
    if (last.dataHash !== dataHash(submission.data))
      problems.push({ seq, problem: 'Dữ liệu hiện tại khác với dữ liệu đã ghi nhật ký' });
    if (last.version !== submission.version)
      problems.push({ seq, problem: 'Phiên bản hiện tại khác với phiên bản đã ghi nhật ký' });
    if (submission.state !== undefined && last.to.state !== submission.state)
      problems.push({
        seq,
        problem: `Trạng thái hiện tại (${submission.state}) khác với nhật ký (${last.to.state})`,
      });
    if (submission.level !== undefined && last.to.level !== submission.level)
      problems.push({
        seq,
        problem: `Cấp xét duyệt hiện tại (${submission.level ?? '—'}) khác với nhật ký (${last.to.level ?? '—'})`,
      });
    if (submission.unitId !== undefined && last.unitId !== submission.unitId)
      problems.push({
        seq,
        problem: `Đơn vị hiện tại (${submission.unitId}) khác với nhật ký (${last.unitId ?? 'không ghi'})`,
      });
  }
  return { valid: problems.length === 0, eventCount: events.length, headHash, problems };
};
