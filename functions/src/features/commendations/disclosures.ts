import { createHash } from 'node:crypto';
import {
  COMMENTS_PER_IP_PER_DAY,
  type Disclosure,
  disclosureStatus,
  disclosureTransition,
  type EarlyEndAuthority,
  earlyEndRefusal,
  findAwardType,
  newDisclosure,
  type PublicComment,
  type PublicCommentInput,
  publicEntry,
  ruleSetOn,
  vnDate,
} from '@thidua/shared/commendation';
import { publicCommentIntent } from '@thidua/shared/notifications';
import type { Identity } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import { TransactionRefused } from '../../kernel/data/transact';
import { AppError, Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';
import { fromLifecycleError } from '../../kernel/workflow-errors';
import { outboxItems } from '../notifications/intents';
import { type CommendationDeps, commendationConfigOf, provinceResource, rootUnit } from './context';
import { approvedNominations, approvedRecord, listEntryOf, throwIfViolations } from './nominations';
import { rateTtl } from './repository';
import { commitAct, MAX_TX_ITEMS, type Seal, transactWithRetry } from './tx';

/** The staff record of the province's disclosures (comments with their contacts): the policy's `disclosure`. */
const disclosureResource = (d: CommendationDeps, tenantId: string) =>
  provinceResource(d, tenantId, 'disclosure');

/** A disclosure, its records, the request's record and its audit event and head: one transaction. */
export const MAX_DISCLOSURE_ENTRIES = MAX_TX_ITEMS - 4;

export interface OpenDisclosureInput {
  campaignId: string;
  title: string;
  nominationIds: string[];
  /** More working days than the award types require, if the secretariat wants. */
  workingDays: number | null;
}

/**
 * Publishes a list of province-approved nominations for comments: the window lasts the longest number
 * of working days its award types require (weekends and the configured holidays skipped).
 */
export const openDisclosure = async (
  d: CommendationDeps,
  identity: Identity,
  input: OpenDisclosureInput,
  now: Date,
  seal: Seal<Disclosure>,
): Promise<Disclosure> => {
  requireAllowed(identity, 'create', await disclosureResource(d, identity.tenantId));
  if (input.nominationIds.length > MAX_DISCLOSURE_ENTRIES)
    throw new RuleViolation(`Một danh sách công khai có tối đa ${MAX_DISCLOSURE_ENTRIES} trường hợp`);
  const root = await rootUnit(d, identity.tenantId);
  const { config } = await commendationConfigOf(d, identity.tenantId, input.campaignId);
  const approved = new Map(
    (await approvedNominations(d, identity.tenantId, root.id, input.campaignId)).map((a) => [
      a.summary.id,
      a,
    ]),
  );
  const at = now.toISOString();
  const id = newId(now);
  const prepared = await Promise.all(
    input.nominationIds.map(async (nid, i) => {
      const a = approved.get(nid);
      const s = a ? await d.submissions.get(identity.tenantId, nid) : undefined;
      if (!a || !s) {
        throw new RuleViolation('Chỉ công khai được hồ sơ đã được tỉnh thẩm định', [
          { path: `nominationIds.${i}`, message: 'Hồ sơ chưa được tỉnh thẩm định hoặc đã đưa ra Hội đồng' },
        ]);
      }
      if (a.record?.disclosureId) {
        throw new RuleViolation(
          'Hồ sơ đã được công khai trong một danh sách khác',
          [{ path: `nominationIds.${i}`, message: 'Đã được công khai' }],
          'already_disclosed',
        );
      }
      return approvedRecord(d, s, a.record, config, at);
    }),
  );
  throwIfViolations(prepared);
  const opensOn = vnDate(now);
  const ruleSet = ruleSetOn(config, opensOn);
  const perEntry = prepared.map((p) =>
    ruleSet ? (findAwardType(ruleSet, p.record.awardTypeId)?.disclosureWorkingDays ?? 0) : 0,
  );
  const disclosure = newDisclosure({
    tenantId: identity.tenantId,
    id,
    campaignId: input.campaignId,
    title: input.title,
    entries: prepared.map((p) => listEntryOf(p.record)),
    opensOn,
    perEntryWorkingDays: perEntry,
    requestedWorkingDays: input.workingDays,
    holidays: config.holidays,
    actor: identity,
    now: at,
  });
  return commitAct(d, identity, seal, {
    effect: [
      d.commendations.putDisclosure(disclosure, null),
      ...prepared.map((p) => d.commendations.putRecord({ ...p.record, disclosureId: id }, p.expectedVersion)),
    ],
    result: disclosure,
    audit: {
      kind: 'disclosure',
      subject: disclosure,
      action: 'created',
      summary: `Công khai ${prepared.length} trường hợp`,
    },
    what: 'Danh sách công khai',
  });
};

export const loadDisclosureForStaff = async (d: CommendationDeps, identity: Identity, id: string) => {
  requireAllowed(identity, 'read', await disclosureResource(d, identity.tenantId));
  const disclosure = await d.commendations.getDisclosure(identity.tenantId, id);
  if (!disclosure) throw new NotFound('Không tìm thấy danh sách công khai');
  return disclosure;
};

/** Ends the window before its last day; the reason goes into the council's minutes. */
export const closeDisclosureEarly = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  reason: string,
  expectedVersion: number,
  now: Date,
  seal: Seal<Disclosure>,
  authority: EarlyEndAuthority | null = null,
): Promise<Disclosure> => {
  const disclosure = await loadDisclosureForStaff(d, identity, id);
  requireAllowed(identity, 'administer', await disclosureResource(d, identity.tenantId));
  // Before the statutory minimum, a reason alone is not enough: who decided it, by which document.
  const { config } = await commendationConfigOf(d, identity.tenantId, disclosure.campaignId);
  const early = earlyEndRefusal(disclosure, vnDate(now), config.holidays, authority);
  if (early) throw fromLifecycleError(early, disclosure);
  const r = disclosureTransition({
    disclosure,
    action: { type: 'close_early', reason, authority },
    actor: identity,
    now: now.toISOString(),
    expectedVersion,
  });
  if (!r.ok) throw fromLifecycleError(r.error, disclosure);
  return commitAct(d, identity, seal, {
    effect: [d.commendations.putDisclosure(r.disclosure, disclosure.version)],
    result: r.disclosure,
    audit: {
      kind: 'disclosure',
      subject: r.disclosure,
      action: 'close_early',
      summary: 'Kết thúc công khai sớm',
    },
    what: 'Danh sách công khai',
  });
};

/** The address is kept only as a salted hash, per tenant: enough to count, nothing to identify. */
const ipHash = (tenantId: string, ip: string): string =>
  createHash('sha256').update(`thidua-rate|${tenantId}|${ip}`).digest('base64url').slice(0, 24);

export class TooManyComments extends AppError {
  constructor() {
    super(
      429,
      'rate_limited',
      `Mỗi địa chỉ chỉ gửi được ${COMMENTS_PER_IP_PER_DAY} ý kiến mỗi ngày, vui lòng gửi lại vào ngày mai`,
    );
  }
}

/**
 * Anyone may comment while the window is open: the comment, the per-address daily counter and the
 * disclosure's count are one transaction, so a refused counter stores nothing.
 */
export const receiveComment = async (
  d: CommendationDeps,
  tenantId: string,
  disclosureId: string,
  input: PublicCommentInput,
  sourceIp: string,
  now: Date,
): Promise<PublicComment> => {
  const disclosure = await d.commendations.getDisclosure(tenantId, disclosureId);
  if (!disclosure) throw new NotFound('Không tìm thấy danh sách công khai');
  // The window decides (the lifecycle); the policy lets the public comment on an open, published list.
  const window = disclosureTransition({
    disclosure,
    action: { type: 'comment' },
    actor: null,
    now: now.toISOString(),
  });
  if (!window.ok) throw fromLifecycleError(window.error);
  requireAllowed(null, 'comment', { type: 'public_list', tenantId, published: true, disclosureOpen: true });
  if (input.nominationId !== null && !disclosure.entries.some((e) => e.nominationId === input.nominationId)) {
    throw new RuleViolation('Trường hợp được góp ý không có trong danh sách', [
      { path: 'body.nominationId', message: 'Không có trong danh sách' },
    ]);
  }
  const comment: PublicComment = {
    ...input,
    tenantId,
    id: newId(now),
    disclosureId,
    receivedAt: now.toISOString(),
  };
  const [root, campaign] = await Promise.all([
    rootUnit(d, tenantId),
    d.campaigns.get(tenantId, disclosure.campaignId),
  ]);
  // The secretariat hears of it (issue 16): the outbox item is the transaction's last, after the
  // comment, the counter and the disclosure whose refusals are read by position below.
  const notice = publicCommentIntent({
    disclosure,
    comment,
    provinceUnitId: root.id,
    naming: { campaignId: disclosure.campaignId, campaignTitle: campaign?.title ?? disclosure.title },
  });
  try {
    await transactWithRetry(d, [
      ...d.commendations.commentItems(
        comment,
        ipHash(tenantId, sourceIp),
        vnDate(now),
        COMMENTS_PER_IP_PER_DAY,
        rateTtl(now),
      ),
      ...outboxItems(d.config.tableName, [notice]),
    ]);
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    if (err.reasonAt(1)?.code === 'ConditionalCheckFailed') throw new TooManyComments();
    if (err.reasonAt(2)?.code === 'ConditionalCheckFailed')
      throw new RuleViolation('Danh sách không trong thời gian nhận ý kiến', [], 'disclosure_closed');
    throw new Conflict('Hệ thống đang bận, vui lòng gửi lại');
  }
  return comment;
};

/** What the public page shows of a disclosure: the list without anything sensitive, and its window. */
export const publicDisclosure = (x: Disclosure, now: Date) => ({
  id: x.id,
  title: x.title,
  opensOn: x.opensOn,
  closesOn: x.closesOn,
  workingDays: x.workingDays,
  status: disclosureStatus(x, now.toISOString()),
  closedEarlyReason: x.closedEarly?.reason ?? null,
  closedEarlyAuthority: x.closedEarly?.authority
    ? `${x.closedEarly.authority.decidedBy} — ${x.closedEarly.authority.document}`
    : null,
  entries: x.entries.map(publicEntry),
});
