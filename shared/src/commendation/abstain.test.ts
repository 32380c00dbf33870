import { describe, expect, it } from 'vitest';
import type { VoteRule } from './award-types';
import { type AgendaItem, CouncilRuleError, tallySession, tallyVotes, validateBallot } from './council';

const rule = (allowAbstain: boolean): VoteRule => ({
  thresholdPercent: 50,
  comparison: 'gte',
  quorumPercent: 66.67,
  denominator: 'present',
  allowAbstain,
  legalBasis: { ref: 'test', article: '', effectiveFrom: '2024-01-01', effectiveTo: null, toVerify: true },
});
const item = (id: string, allowAbstain: boolean): AgendaItem => ({
  nominationId: id,
  unitId: 'u1',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'collective',
  nomineeName: `Tập thể ${id}`,
  nomineeTitle: '',
  awardTypeId: 'a',
  awardTypeName: 'Bằng khen',
  voteRule: rule(allowAbstain),
});
const session = {
  state: 'open' as const,
  members: ['m1', 'm2', 'm3'].map((userId) => ({ userId, name: userId })),
  agenda: [item('allows', true), item('forbids', false)],
};

describe('abstention ("không biểu quyết")', () => {
  it('is accepted where the award type rule allows it and refused elsewhere', () => {
    expect(
      validateBallot(session, 'm1', { choices: { allows: 'abstain', forbids: 'agree' } }).choices,
    ).toEqual({
      allows: 'abstain',
      forbids: 'agree',
    });
    let code = '';
    try {
      validateBallot(session, 'm1', { choices: { allows: 'agree', forbids: 'abstain' } });
    } catch (e) {
      code = e instanceof CouncilRuleError ? e.code : 'other';
    }
    expect(code).toBe('abstain_not_allowed');
  });
  it('an abstaining member is present (counts toward quorum and a "present" denominator) but agrees with nothing', () => {
    const t = tallyVotes(rule(true), 3, ['agree', 'abstain', 'disagree']);
    expect([t.voters, t.agree, t.disagree, t.abstain]).toEqual([3, 1, 1, 1]);
    expect(t.agreePercent).toBe(33.33);
    expect(t.passed).toBe(false);
    const [r] = tallySession({ members: session.members, agenda: [item('allows', true)] }, [
      { choices: { allows: 'agree' } },
      { choices: { allows: 'agree' } },
      { choices: { allows: 'abstain' } },
    ]);
    expect(r?.abstain).toBe(1);
    expect(r?.passed).toBe(true);
  });
});
