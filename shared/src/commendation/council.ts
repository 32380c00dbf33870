import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import type { Identity } from '../org/schema';
import { NomineeKind, VoteRule } from './award-types';
import { type LifecycleError, lifecycleError, type Outcome, refuse, staleOrForeign } from './lifecycle';

/**
 * The council's secret ballot. Two records are kept and never joined:
 *  - a *participation* record says THAT a member voted (member id, time) — one per member, written with
 *    a condition so nobody votes twice;
 *  - an *anonymous ballot paper* says WHAT was voted (a choice per agenda item) — no member id, no time,
 *    a random id that sorts in no meaningful order.
 * Both are written in one transaction, so the count of papers always equals the count of participants,
 * yet no field links a paper to a person. No API returns papers while the session is open; after closing
 * only the tallies are returned.
 */

export const Choice = z.enum(['agree', 'disagree', 'abstain']);
export type Choice = z.infer<typeof Choice>;

export const CouncilMember = z.object({ userId: z.string().min(1), name: z.string() });
export type CouncilMember = z.infer<typeof CouncilMember>;

export const AgendaItem = z.object({
  /** One agenda item per nomination: the nomination id. */
  nominationId: Id,
  unitId: Id,
  unitName: z.string(),
  nomineeKind: NomineeKind,
  nomineeName: z.string(),
  nomineeTitle: z.string(),
  awardTypeId: Id,
  awardTypeName: z.string(),
  /** The vote rule of the award type, snapshotted when the session opens. */
  voteRule: VoteRule,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Tally = z.object({
  members: z.number().int().min(0),
  voters: z.number().int().min(0),
  agree: z.number().int().min(0),
  disagree: z.number().int().min(0),
  /** Papers that abstained on the item (only where the award type's rule allows it). */
  abstain: z.number().int().min(0).optional(),
  denominator: z.enum(['present', 'all_members']),
  denominatorCount: z.number().int().min(0),
  /** Rounded to two decimals, as printed in the minutes. */
  agreePercent: z.number(),
  attendancePercent: z.number(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  /** Vietnamese explanation, printed in the minutes and the decision's reasons. */
  reason: z.string(),
});
export type Tally = z.infer<typeof Tally>;

export const ItemResult = Tally.extend({ nominationId: Id });
export type ItemResult = z.infer<typeof ItemResult>;

export const CouncilSessionState = z.enum(['open', 'closed', 'decided']);
export type CouncilSessionState = z.infer<typeof CouncilSessionState>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ theo dạng HH:MM');

/**
 * The meeting as the biên bản records it, entered when the vote is closed: where and when it sat, who
 * chaired it and who kept the minutes (name and title as separate fields, never one free-text string).
 */
export const MeetingRecord = z
  .object({
    place: z.string().trim().min(3).max(200),
    startsAt: ClockTime,
    endsAt: ClockTime,
    chairName: z.string().trim().min(2).max(200),
    chairTitle: z.string().trim().min(2).max(200),
    secretaryName: z.string().trim().min(2).max(200),
    secretaryTitle: z.string().trim().min(2).max(200),
  })
  .refine((m) => m.endsAt > m.startsAt, { path: ['endsAt'], message: 'Giờ kết thúc phải sau giờ bắt đầu' });
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const CouncilSession = z.object({
  tenantId: TenantId,
  id: Id,
  /**
   * The unit whose Hội đồng thi đua, khen thưởng sits (a commune's, ward's, department's: ADR 0037);
   * absent: the province's council, as every session before units had their own.
   */
  unitId: Id.optional(),
  campaignId: Id,
  issuingBodyId: Id,
  title: z.string(),
  state: CouncilSessionState,
  members: z.array(CouncilMember).min(1),
  agenda: z.array(AgendaItem).min(1),
  /** Number of ballot papers cast; the close is conditioned on it so no late paper slips past. */
  ballotCount: z.number().int().min(0),
  openedAt: Instant,
  openedBy: z.string(),
  closedAt: Instant.nullable(),
  closedBy: z.string().nullable(),
  /** Frozen at closing: never written again. */
  results: z.array(ItemResult).nullable(),
  /** Disclosures whose public comments belong to this session's record. */
  disclosureIds: z.array(Id),
  minutesKey: z.string().nullable(),
  /** "02/BB-HĐTĐKT", allocated at closing from the minutes sequence of the issuing body. */
  minutesNumber: z.string().nullable(),
  /** Who presides the meeting (signs the minutes with the secretary). */
  presidingName: z.string().max(200),
  decisionId: Id.nullable(),
  version: z.number().int().min(1),
});
export type CouncilSession = z.infer<typeof CouncilSession>;

/** A ballot paper: one choice per agenda item. Carries no voter. */
export const BallotPaper = z.object({ choices: z.record(Id, Choice) });
export type BallotPaper = z.infer<typeof BallotPaper>;

export class CouncilRuleError extends Error {
  constructor(
    readonly code:
      | 'session_closed'
      | 'not_a_member'
      | 'ballot_incomplete'
      | 'ballot_unknown_item'
      | 'abstain_not_allowed',
    message: string,
  ) {
    super(message);
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Tallies one agenda item. `votes` has one entry per ballot paper cast (a member who cast a paper is
 * present). Percentages are rounded to two decimals before being compared, as the minutes print them
 * (2 of 3 members = 66,67% meets a two-thirds quorum written as 66.67).
 */
export const tallyVotes = (
  rule: Pick<VoteRule, 'thresholdPercent' | 'comparison' | 'quorumPercent' | 'denominator'>,
  members: number | readonly unknown[],
  votes: readonly Choice[],
): Tally => {
  const memberCount = typeof members === 'number' ? members : members.length;
  const voters = votes.length;
  const agree = votes.filter((v) => v === 'agree').length;
  const disagree = votes.filter((v) => v === 'disagree').length;
  const abstain = voters - agree - disagree;
  const denominatorCount = rule.denominator === 'present' ? voters : memberCount;
  const attendancePercent = memberCount === 0 ? 0 : round2((voters * 100) / memberCount);
  const agreePercent = denominatorCount === 0 ? 0 : round2((agree * 100) / denominatorCount);
  const quorumMet = memberCount > 0 && attendancePercent >= rule.quorumPercent;
  const thresholdMet =
    rule.comparison === 'gt' ? agreePercent > rule.thresholdPercent : agreePercent >= rule.thresholdPercent;
  const passed = quorumMet && denominatorCount > 0 && thresholdMet;
  const of = rule.denominator === 'present' ? 'số thành viên có mặt' : 'tổng số thành viên Hội đồng';
  const fmt = (x: number) => x.toFixed(2).replace('.', ',');
  const reason = !quorumMet
    ? `Không đủ số thành viên tham dự (${voters}/${memberCount} = ${fmt(attendancePercent)}%, yêu cầu ${fmt(rule.quorumPercent)}%).`
    : passed
      ? `Đạt ${agree}/${denominatorCount} phiếu đồng ý (${fmt(agreePercent)}% ${of}).`
      : `Không đạt: ${agree}/${denominatorCount} phiếu đồng ý (${fmt(agreePercent)}% ${of}), yêu cầu ${rule.comparison === 'gt' ? 'trên' : 'từ'} ${fmt(rule.thresholdPercent)}%.`;
  return {
    members: memberCount,
    voters,
    agree,
    disagree,
    abstain,
    denominator: rule.denominator,
    denominatorCount,
    agreePercent,
    attendancePercent,
    quorumMet,
    passed,
    reason,
  };
};

export const isMember = (session: Pick<CouncilSession, 'members'>, userId: string): boolean =>
  session.members.some((m) => m.userId === userId);

/**
 * Checks a ballot before it is written: the session is open, the caller sits on it, and the paper has
 * exactly one choice for every agenda item. Whether the member already voted is enforced by the
 * conditional write of the participation record, not here.
 */
export const validateBallot = (
  session: Pick<CouncilSession, 'state' | 'members' | 'agenda'>,
  userId: string,
  paper: BallotPaper,
): BallotPaper => {
  if (session.state !== 'open')
    throw new CouncilRuleError('session_closed', 'Phiên họp đã kết thúc bỏ phiếu.');
  if (!isMember(session, userId))
    throw new CouncilRuleError('not_a_member', 'Bạn không phải thành viên của phiên họp này.');
  const ids = new Set(session.agenda.map((a) => a.nominationId));
  for (const id of Object.keys(paper.choices)) {
    if (!ids.has(id))
      throw new CouncilRuleError('ballot_unknown_item', 'Phiếu bầu có mục không thuộc chương trình họp.');
  }
  const noAbstain = session.agenda.filter(
    (a) => paper.choices[a.nominationId] === 'abstain' && !a.voteRule.allowAbstain,
  );
  if (noAbstain.length > 0)
    throw new CouncilRuleError(
      'abstain_not_allowed',
      `Quy định của hình thức khen thưởng không cho phép không biểu quyết: ${noAbstain.map((m) => m.nomineeName).join(', ')}.`,
    );
  const missing = session.agenda.filter((a) => paper.choices[a.nominationId] === undefined);
  if (missing.length > 0) {
    throw new CouncilRuleError(
      'ballot_incomplete',
      `Phiếu bầu chưa có ý kiến cho: ${missing.map((m) => m.nomineeName).join(', ')}.`,
    );
  }
  // Keep only agenda items, in agenda order: the stored paper has a canonical shape.
  return {
    choices: Object.fromEntries(
      session.agenda.map((a) => [a.nominationId, paper.choices[a.nominationId] as Choice]),
    ),
  };
};

/** Tallies every agenda item from the anonymous papers. The result is frozen into the session. */
export const tallySession = (
  session: Pick<CouncilSession, 'members' | 'agenda'>,
  papers: readonly BallotPaper[],
): ItemResult[] =>
  session.agenda.map((item) => {
    const votes = papers
      .map((p) => p.choices[item.nominationId])
      .filter((c): c is Choice => c === 'agree' || c === 'disagree' || c === 'abstain');
    return { nominationId: item.nominationId, ...tallyVotes(item.voteRule, session.members, votes) };
  });

/** What a member may learn about their own participation: only that they voted, never how. */
export interface MyBallotStatus {
  sessionId: string;
  voted: boolean;
  votedAt: string | null;
}

/**
 * What happens to a council session: members vote while it is open (the paper count only: concurrent
 * votes never conflict with each other), the secretariat closes it with the frozen results and numbered
 * minutes, the chair's decision ends it. `decided` is final; results never change once closed.
 */
export type SessionAction =
  | { type: 'vote'; paper: BallotPaper }
  | { type: 'close'; results: ItemResult[]; minutesKey: string; minutesNumber: string }
  | { type: 'decide'; decisionId: string };

export interface SessionTransitionInput {
  session: CouncilSession;
  action: SessionAction;
  actor: Identity;
  now: Instant;
  expectedVersion?: number;
}

/** `paper`: the ballot as stored (agenda order, agenda items only), for a vote. */
export type SessionTransition = Outcome<{ session: CouncilSession; paper?: BallotPaper }>;

const fromRuleError = (e: CouncilRuleError): LifecycleError =>
  lifecycleError(
    e.code,
    e.message,
    e.code === 'ballot_incomplete' || e.code === 'ballot_unknown_item'
      ? [{ path: 'body.choices', message: e.message }]
      : undefined,
  );

export function sessionTransition(input: SessionTransitionInput): SessionTransition {
  const { session: s, action, actor, now } = input;
  const stale = staleOrForeign(s, actor, input.expectedVersion, 'Phiên họp');
  if (stale) return refuse(stale);
  switch (action.type) {
    case 'vote': {
      try {
        const paper = validateBallot(s, actor.userId, action.paper);
        return { ok: true, session: { ...s, ballotCount: s.ballotCount + 1 }, paper };
      } catch (e) {
        if (e instanceof CouncilRuleError) return refuse(fromRuleError(e));
        throw e;
      }
    }
    case 'close': {
      if (s.state !== 'open')
        return refuse(lifecycleError('session_closed', 'Phiên họp đã kết thúc bỏ phiếu'));
      const agenda = new Set(s.agenda.map((a) => a.nominationId));
      if (action.results.length !== agenda.size || action.results.some((r) => !agenda.has(r.nominationId)))
        return refuse(lifecycleError('invalid_state', 'Kết quả không khớp chương trình họp'));
      return {
        ok: true,
        session: {
          ...s,
          state: 'closed',
          closedAt: now,
          closedBy: actor.userId,
          results: action.results,
          minutesKey: action.minutesKey,
          minutesNumber: action.minutesNumber,
          version: s.version + 1,
        },
      };
    }
    case 'decide': {
      if (s.state === 'decided')
        return refuse(lifecycleError('already_decided', 'Phiên họp đã có quyết định'));
      if (s.state !== 'closed')
        return refuse(lifecycleError('session_open', 'Phiên họp chưa kết thúc bỏ phiếu'));
      return {
        ok: true,
        session: { ...s, state: 'decided', decisionId: action.decisionId, version: s.version + 1 },
      };
    }
  }
}
