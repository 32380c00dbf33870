import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VoteRule } from './award-types';
import {
  type AgendaItem,
  BallotPaper,
  type Choice,
  CouncilRuleError,
  tallySession,
  tallyVotes,
  validateBallot,
} from './council';

const rule = (over: Partial<VoteRule> = {}): VoteRule => ({
  thresholdPercent: 50,
  comparison: 'gte',
  quorumPercent: 66.67,
  denominator: 'present',
  legalBasis: { ref: 'test', article: '', effectiveFrom: '2024-01-01', effectiveTo: null, toVerify: true },
  ...over,
});
const votes = (agree: number, disagree: number): Choice[] => [
  ...Array<Choice>(agree).fill('agree'),
  ...Array<Choice>(disagree).fill('disagree'),
];

describe('tallyVotes', () => {
  it('two of three members meet a two-thirds quorum written as 66.67', () => {
    const t = tallyVotes(rule(), 3, votes(2, 0));
    expect(t.attendancePercent).toBe(66.67);
    expect(t.quorumMet).toBe(true);
    expect(t.passed).toBe(true);
  });
  it('one of three members is no quorum: nothing passes', () => {
    const t = tallyVotes(rule(), 3, votes(1, 0));
    expect(t.quorumMet).toBe(false);
    expect(t.passed).toBe(false);
    expect(t.reason).toContain('Không đủ số thành viên');
  });
  it('the denominator decides: 7 agree of 8 present is 87,5% but 7 of 10 members is 70%', () => {
    expect(tallyVotes(rule({ thresholdPercent: 90, denominator: 'present' }), 10, votes(7, 1)).passed).toBe(
      false,
    );
    expect(
      tallyVotes(rule({ thresholdPercent: 70, denominator: 'all_members' }), 10, votes(7, 1)).passed,
    ).toBe(true);
    expect(
      tallyVotes(rule({ thresholdPercent: 70, denominator: 'all_members' }), 10, votes(6, 2)).passed,
    ).toBe(false);
    expect(tallyVotes(rule({ thresholdPercent: 80, denominator: 'present' }), 10, votes(7, 1)).passed).toBe(
      true,
    );
  });
  it('"trên 50%" (gt) refuses a tie that "từ 50%" (gte) accepts', () => {
    expect(tallyVotes(rule({ comparison: 'gt' }), 4, votes(2, 2)).passed).toBe(false);
    expect(tallyVotes(rule({ comparison: 'gte' }), 4, votes(2, 2)).passed).toBe(true);
  });
  it('properties: counts add up, more agree never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom<'present' | 'all_members'>('present', 'all_members'),
        (members, a, d, threshold, denominator) => {
          fc.pre(a + d <= members);
          const r = rule({ thresholdPercent: threshold, denominator });
          const t = tallyVotes(r, members, votes(a, d));
          expect(t.agree + t.disagree).toBe(t.voters);
          expect(t.voters).toBe(a + d);
          if (t.passed) expect(t.quorumMet).toBe(true);
          if (t.passed && d > 0) expect(tallyVotes(r, members, votes(a + 1, d - 1)).passed).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const agenda: AgendaItem[] = ['n1', 'n2'].map((id) => ({
  nominationId: id,
  unitId: 'u1',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'collective' as const,
  nomineeName: `Tập thể ${id}`,
  nomineeTitle: '',
  awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
  awardTypeName: 'Bằng khen',
  voteRule: rule(),
}));
const session = {
  state: 'open' as const,
  members: [
    { userId: 'm1', name: 'A' },
    { userId: 'm2', name: 'B' },
    { userId: 'm3', name: 'C' },
  ],
  agenda,
};

describe('secret ballot', () => {
  it('a paper carries choices only: nothing in it names the voter', () => {
    const paper = validateBallot(session, 'm1', { choices: { n2: 'disagree', n1: 'agree' } });
    expect(Object.keys(paper)).toEqual(['choices']);
    expect(JSON.stringify(paper)).not.toContain('m1');
    expect(BallotPaper.strict().safeParse({ ...paper, userId: 'm1' }).success).toBe(false);
  });
  it('refuses non-members, incomplete papers, unknown items and closed sessions', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CouncilRuleError ? e.code : 'other';
      }
      return 'none';
    };
    expect(err(() => validateBallot(session, 'x', { choices: { n1: 'agree', n2: 'agree' } }))).toBe(
      'not_a_member',
    );
    expect(err(() => validateBallot(session, 'm1', { choices: { n1: 'agree' } }))).toBe('ballot_incomplete');
    expect(
      err(() => validateBallot(session, 'm1', { choices: { n1: 'agree', n2: 'agree', n9: 'agree' } })),
    ).toBe('ballot_unknown_item');
    expect(err(() => validateBallot({ ...session, state: 'closed' }, 'm1', { choices: {} }))).toBe(
      'session_closed',
    );
  });
  it('tallies each agenda item from anonymous papers', () => {
    const papers = [
      { choices: { n1: 'agree', n2: 'disagree' } },
      { choices: { n1: 'agree', n2: 'disagree' } },
      { choices: { n1: 'disagree', n2: 'agree' } },
    ] as const;
    const results = tallySession(
      session,
      papers.map((p) => ({ choices: { ...p.choices } })),
    );
    expect(results.map((r) => [r.nominationId, r.agree, r.passed])).toEqual([
      ['n1', 2, true],
      ['n2', 1, false],
    ]);
  });
});
