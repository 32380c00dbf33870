import { createHash } from 'node:crypto';
import type { LedgerEvent, TenantMerger } from '@thidua/shared/tenancy';
import { canonicalJson, dataHash, GENESIS_HASH } from '../audit/chain';
import type { LedgerHead } from './repository';

/**
 * A tenant's ledger: the tenant-level hash chain a merger is recorded in, with the same construction as
 * a submission's audit chain (hash = sha256(prevHash + "\n" + canonical JSON of the event without its
 * hash)). The predecessor's `merged_into` and the successor's `absorbed` name each other and `absorbed`
 * carries the hash of `merged_into`: the absorbed province's chains end, verifiably, in the successor's.
 */
const hashOf = (body: Omit<LedgerEvent, 'hash'>): string =>
  createHash('sha256')
    .update(`${body.prevHash}\n${canonicalJson(body)}`, 'utf8')
    .digest('hex');

export const unitMapHash = (unitMap: TenantMerger['unitMap']): string => dataHash(unitMap);

export const nextLedgerEvent = (
  head: LedgerHead,
  body: Omit<LedgerEvent, 'seq' | 'prevHash' | 'hash' | 'tenantId'>,
): LedgerEvent => {
  const event = {
    ...body,
    tenantId: head.tenantId,
    seq: head.seq + 1,
    prevHash: head.seq === 0 ? GENESIS_HASH : head.hash,
  };
  return { ...event, hash: hashOf(event) };
};

export interface LinkVerification {
  valid: boolean;
  problems: string[];
}

/** Recomputes a ledger: sequence, links, each event's hash, and the head. */
export const verifyLedger = (events: readonly LedgerEvent[], head: LedgerHead): LinkVerification => {
  const problems: string[] = [];
  let prev = GENESIS_HASH;
  events.forEach((e, i) => {
    const { hash, ...body } = e;
    if (e.seq !== i + 1) problems.push(`Sổ ${e.tenantId}: số thứ tự ${e.seq} không liên tục`);
    if (e.prevHash !== prev) problems.push(`Sổ ${e.tenantId}: sự kiện ${e.seq} không nối với sự kiện trước`);
    if (hashOf(body) !== hash) problems.push(`Sổ ${e.tenantId}: sự kiện ${e.seq} đã bị thay đổi`);
    prev = hash;
  });
  if (head.seq !== events.length || (events.length > 0 && head.hash !== prev))
    problems.push(`Sổ ${head.tenantId}: đầu chuỗi khác với sự kiện cuối`);
  return { valid: problems.length === 0, problems };
};

/**
 * The merger's link across both ledgers: both chains verify, each holds its link event, the events name
 * the same tenants, date and unit map (the lineage record's map, re-hashed), `absorbed` carries the hash
 * of `merged_into`, and the lineage record names `absorbed`.
 */
export const verifyMergerLink = (
  merger: TenantMerger,
  predecessor: { events: readonly LedgerEvent[]; head: LedgerHead },
  successor: { events: readonly LedgerEvent[]; head: LedgerHead },
): LinkVerification => {
  const problems = [
    ...verifyLedger(predecessor.events, predecessor.head).problems,
    ...verifyLedger(successor.events, successor.head).problems,
  ];
  const sameMerger = (e: LedgerEvent) =>
    e.predecessorTenantId === merger.predecessorTenantId &&
    e.successorTenantId === merger.successorTenantId &&
    e.effectiveFrom === merger.effectiveFrom;
  const mergedInto = predecessor.events.find((e) => e.kind === 'merged_into' && sameMerger(e));
  const absorbed = successor.events.find((e) => e.kind === 'absorbed' && sameMerger(e));
  if (!mergedInto) problems.push('Không có sự kiện "hợp nhất vào" trong sổ của tỉnh được hợp nhất');
  if (!absorbed) problems.push('Không có sự kiện "tiếp nhận" trong sổ của tỉnh hợp nhất');
  const mapHash = unitMapHash(merger.unitMap);
  if (mergedInto && absorbed) {
    if (absorbed.counterpartHash !== mergedInto.hash)
      problems.push('Sự kiện "tiếp nhận" không trỏ tới sự kiện "hợp nhất vào"');
    if (
      mergedInto.unitMapHash !== mapHash ||
      absorbed.unitMapHash !== mapHash ||
      merger.unitMapHash !== mapHash
    )
      problems.push('Bảng ánh xạ đơn vị khác với bảng đã ghi khi hợp nhất');
    if (merger.linkHash !== absorbed.hash) problems.push('Hồ sơ hợp nhất không trỏ tới sự kiện liên kết');
  }
  return { valid: problems.length === 0, problems };
};
