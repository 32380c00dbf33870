/**
 * Model-based property tests of the commendation lifecycles, in the manner of the workflow's
 * (`workflow/workflow.property.test.ts`): random sequences of actions by random actors, checked against an
 * independent model written from the rules, and against invariants that hold whatever the model says —
 * a refusal changes nothing, a change moves the version by one, no action leaves a final state, results
 * and decisions never change once frozen, one number per signed document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../common';
import type { Identity } from '../org/schema';
import { identity } from '../testing/worlds';
import type { VoteRule } from './award-types';
import { type BatchAction, batchTransition, draftBatch, finalBatchStates, MAX_BATCH_ENTRIES } from './batch';
import { vnDate } from './calendar';
import {
  type BallotPaper,
  type CouncilSession,
  type ItemResult,
  sessionTransition,
  tallySession,
} from './council';
import { awardTransition, decisionEntries } from './decision';
import { type DisclosureAction, disclosureStatus, disclosureTransition, newDisclosure } from './disclosure';
import type { LifecycleError } from './lifecycle';
import { checkRegister, nextNumber } from './numbering';
import type { Batch, BatchState, Disclosure, ListEntry, NominationStage } from './records';

const RUNS = 5_000;
const START = Date.parse('2026-03-02T01:00:00.000Z');
const at = (hours: number): Instant => new Date(START + hours * 3_600_000).toISOString();

/** A failed invariant: plain checks, as in the workflow's property test (faster than `expect`). */
function check(cond: boolean, message: () => string): void {
  if (!cond) throw new Error(message());
}
function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
const wellFormed = (e: LifecycleError, what: () => string) => {
  check([403, 409, 422].includes(e.status), () => `${what()}: status ${e.status}`);
  check(e.message.length > 0, () => `${what()}: no message`);
};

const voteRule: VoteRule = {
  thresholdPercent: 50,
  comparison: 'gt',
  quorumPercent: 50,
  denominator: 'all_members',
  legalBasis: {
    ref: 'Luật Thi đua, khen thưởng',
    article: '—',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    toVerify: false,
  },
};

const line = (n: number): ListEntry => ({
  nominationId: `nom-${n}`,
  unitId: 'tan-phu',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'individual',
  nomineeName: `Người ${n}`,
  nomineeTitle: 'Cán bộ',
  nomineeUnitName: 'Công an phường Tân Phú',
  awardTypeId: 'giay_khen',
  awardTypeName: 'Giấy khen',
});

// Units: bp (province) → dong-xoai (district, the tờ trình's unit) → tan-phu; bp → binh-long.
const pool: Identity[] = [
  identity('reviewer-dx', 'dong-xoai', ['reviewer']),
  identity('secretariat-dx', 'dong-xoai', ['secretariat']),
  identity('submitter-dx', 'dong-xoai', ['submitter']),
  identity('reviewer-bl', 'binh-long', ['reviewer']),
  identity('reviewer-bp', 'bp', ['reviewer']),
  identity('secretariat-bp', 'bp', ['secretariat']),
  identity('commune', 'tan-phu', ['reviewer']),
  identity('foreign', 'bp', ['reviewer'], 'dong-nai'),
];

describe('tờ trình (batch) lifecycle', () => {
  type Kind = BatchAction['type'];
  const stepArb = fc.record({
    kind: fc.constantFrom<Kind>('edit', 'submit', 'submit', 'approve', 'approve', 'return'),
    who: fc.nat(pool.length * 3),
    stale: fc.nat(9).map((n) => n === 0),
    reasonOk: fc.nat(9).map((n) => n < 8),
    entries: fc.array(fc.nat(MAX_BATCH_ENTRIES + 5), { maxLength: MAX_BATCH_ENTRIES + 3 }),
    expect: fc.boolean(),
  });
  const predict = (
    m: { state: BatchState; entries: number },
    step: { kind: Kind; stale: boolean; reasonOk: boolean },
    a: Identity,
    entries: number[],
  ): BatchState | null => {
    if (step.stale || a.tenantId !== 'binh-phuoc') return null;
    switch (step.kind) {
      case 'edit':
        return m.state === 'draft' &&
          a.unitId === 'dong-xoai' &&
          entries.length <= MAX_BATCH_ENTRIES &&
          new Set(entries).size === entries.length
          ? 'draft'
          : null;
      case 'submit':
        return m.state === 'draft' && a.unitId === 'dong-xoai' && m.entries > 0 ? 'submitted' : null;
      case 'approve':
        return m.state === 'submitted' && a.unitId === 'bp' ? 'approved' : null;
      case 'return':
        return m.state === 'submitted' && a.unitId === 'bp' && step.reasonOk ? 'returned' : null;
    }
  };

  it(`${RUNS} random sequences keep every rule`, { timeout: 60_000 }, () => {
    const stats: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.array(fc.nat(MAX_BATCH_ENTRIES - 1), { maxLength: 4 }),
        fc.array(stepArb, { minLength: 1, maxLength: 14 }),
        (initial, steps) => {
          const author = pool[0] as Identity;
          const created = draftBatch({
            tenantId: 'binh-phuoc',
            id: 'b1',
            campaignId: 'c1',
            unitId: 'dong-xoai',
            unitName: 'Thành phố Đồng Xoài',
            unitPath: ['bp'],
            entries: [...new Set(initial)].map(line),
            reference: '1/TTr',
            summary: '',
            actor: author,
            now: at(0),
          });
          if (!created.ok) throw new Error(created.error.message);
          let b: Batch = deepFreeze(created.batch);
          const m = { state: b.state, entries: b.entries.length, version: 1 };
          steps.forEach((step, i) => {
            // Two in three steps come from the unit whose turn it is, so deep states are reached.
            const turn = b.state === 'draft' ? 'dong-xoai' : 'bp';
            const onTurn = pool.filter((p) => p.unitId === turn && p.tenantId === 'binh-phuoc');
            const from = step.who % 3 !== 0 ? onTurn : pool;
            const actor = from[step.who % from.length] as Identity;
            const action: BatchAction =
              step.kind === 'edit'
                ? { type: 'edit', entries: step.entries.map(line), reference: `${i}/TTr`, summary: 's' }
                : step.kind === 'submit'
                  ? { type: 'submit', documentKey: `doc-${i}` }
                  : step.kind === 'approve'
                    ? { type: 'approve' }
                    : { type: 'return', reason: step.reasonOk ? 'Bổ sung hồ sơ' : ' x ' };
            const before = b;
            const r = batchTransition({
              batch: b,
              action,
              actor,
              now: at(i + 1),
              ...(step.stale
                ? { expectedVersion: b.version - 1 }
                : step.expect
                  ? { expectedVersion: b.version }
                  : {}),
            });
            const expected = predict(m, step, actor, step.entries);
            const what = () => `step ${i}: ${step.kind} by ${actor.userId} in ${m.state}`;
            if (!r.ok) {
              check(expected === null, () => `${what()} refused (${r.error.code}), the model accepts it`);
              wellFormed(r.error, what);
              stats.refused = (stats.refused ?? 0) + 1;
              return;
            }
            check(expected !== null, () => `${what()} accepted, the model refuses it`);
            check(
              !(finalBatchStates as readonly string[]).includes(before.state),
              () => `${what()}: left a final state`,
            );
            const next = r.batch;
            check(next.state === expected, () => `${what()}: ${next.state}, model says ${expected}`);
            check(next.version === before.version + 1, () => `${what()}: version ${next.version}`);
            check(
              next.id === before.id && next.unitId === before.unitId && next.createdAt === before.createdAt,
              () => `${what()}: identity changed`,
            );
            // Entries change only in a draft; once sent, the list and its document are what was sent.
            if (step.kind !== 'edit')
              check(
                JSON.stringify(next.entries) === JSON.stringify(before.entries),
                () => `${what()}: entries`,
              );
            if (before.state !== 'draft')
              check(next.documentKey === before.documentKey, () => `${what()}: document changed`);
            check((next.submittedAt !== null) === (next.state !== 'draft'), () => `${what()}: submittedAt`);
            check(
              (next.decidedAt !== null) === (next.state === 'approved' || next.state === 'returned'),
              () => `${what()}: decidedAt`,
            );
            check((next.returnReason !== null) === (next.state === 'returned'), () => `${what()}: reason`);
            m.state = next.state;
            m.entries = next.entries.length;
            m.version++;
            b = deepFreeze(next);
            stats[`ok:${step.kind}`] = (stats[`ok:${step.kind}`] ?? 0) + 1;
          });
          check(b.version === m.version, () => `version ${b.version}, model ${m.version}`);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    for (const k of ['ok:edit', 'ok:submit', 'ok:approve', 'ok:return', 'refused'])
      expect(stats[k] ?? 0, k).toBeGreaterThan(20);
  });

  it('a new tờ trình is its own unit’s, within the size limit, each nomination once', () => {
    const base = {
      tenantId: 'binh-phuoc',
      id: 'b1',
      campaignId: 'c1',
      unitId: 'dong-xoai',
      unitName: 'Đồng Xoài',
      unitPath: ['bp'],
      reference: '',
      summary: '',
      now: at(0),
    };
    const reviewer = pool[0] as Identity;
    expect(draftBatch({ ...base, entries: [line(1)], actor: reviewer }).ok).toBe(true);
    const other = draftBatch({ ...base, entries: [line(1)], actor: pool[3] as Identity });
    expect(!other.ok && other.error.code).toBe('not_your_turn');
    const dup = draftBatch({ ...base, entries: [line(1), line(1)], actor: reviewer });
    expect(!dup.ok && dup.error.code).toBe('batch_duplicate');
    const big = draftBatch({
      ...base,
      entries: Array.from({ length: MAX_BATCH_ENTRIES + 1 }, (_, i) => line(i)),
      actor: reviewer,
    });
    expect(!big.ok && big.error).toMatchObject({ code: 'batch_too_large', status: 422 });
  });
});

describe('disclosure lifecycle', () => {
  const secretariat = identity('secretariat-bp', 'bp', ['secretariat']);
  const foreign = identity('foreign', 'bp', ['secretariat'], 'dong-nai');
  const stepArb = fc.record({
    kind: fc.constantFrom<DisclosureAction['type']>('comment', 'comment', 'comment', 'close_early'),
    /** Hours the clock moves before the step. */
    advance: fc.nat(40),
    who: fc.constantFrom<'secretariat' | 'public' | 'foreign'>(
      'secretariat',
      'secretariat',
      'public',
      'foreign',
    ),
    stale: fc.nat(9).map((n) => n === 0),
    reasonOk: fc.nat(9).map((n) => n < 8),
  });

  it(`${RUNS} random sequences keep every rule`, { timeout: 60_000 }, () => {
    const stats: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
        fc.array(stepArb, { minLength: 1, maxLength: 20 }),
        (requested, perEntry, steps) => {
          let d: Disclosure = deepFreeze(
            newDisclosure({
              tenantId: 'binh-phuoc',
              id: 'd1',
              campaignId: 'c1',
              title: 'Danh sách',
              entries: [line(1)],
              opensOn: vnDate(at(0)),
              perEntryWorkingDays: perEntry,
              requestedWorkingDays: requested,
              holidays: ['2026-03-05'],
              actor: secretariat,
              now: at(0),
            }),
          );
          check(d.workingDays === Math.max(1, requested, ...perEntry), () => `working days ${d.workingDays}`);
          check(d.closesOn > d.opensOn, () => `window ${d.opensOn}..${d.closesOn}`);
          let clock = 0;
          let ended = false;
          let comments = 0;
          steps.forEach((step, i) => {
            clock += step.advance;
            const now = at(clock);
            const actor = step.who === 'public' ? null : step.who === 'foreign' ? foreign : secretariat;
            const action: DisclosureAction =
              step.kind === 'comment'
                ? { type: 'comment' }
                : { type: 'close_early', reason: step.reasonOk ? 'Hội đồng họp sớm' : '  ' };
            const today = vnDate(now);
            const open = !ended && d.closedEarly === null && today >= d.opensOn && today <= d.closesOn;
            // Once ended (by date or early), a disclosure stays ended whatever the clock says.
            if (ended) check(disclosureStatus(d, now) === 'ended', () => `step ${i}: reopened`);
            const expectedOk =
              step.kind === 'comment'
                ? open
                : !step.stale &&
                  actor !== null &&
                  actor.tenantId === d.tenantId &&
                  !ended &&
                  d.closedEarly === null &&
                  today <= d.closesOn &&
                  step.reasonOk;
            const before = d;
            const r = disclosureTransition({
              disclosure: d,
              action,
              actor,
              now,
              ...(step.stale ? { expectedVersion: d.version + 1 } : {}),
            });
            const what = () =>
              `step ${i}: ${step.kind} by ${step.who} on ${today} (${d.opensOn}..${d.closesOn})`;
            if (!r.ok) {
              check(!expectedOk, () => `${what()} refused (${r.error.code}), the model accepts it`);
              wellFormed(r.error, what);
              if (today > d.closesOn) ended = true;
              return;
            }
            check(expectedOk, () => `${what()} accepted, the model refuses it`);
            const next = r.disclosure;
            check(
              JSON.stringify(next.entries) === JSON.stringify(before.entries),
              () => `${what()}: entries`,
            );
            check(
              next.closesOn === before.closesOn && next.opensOn === before.opensOn,
              () => `${what()}: window`,
            );
            if (step.kind === 'comment') {
              comments++;
              check(next.commentCount === before.commentCount + 1, () => `${what()}: count`);
              check(next.version === before.version, () => `${what()}: a comment moved the version`);
            } else {
              check(next.version === before.version + 1, () => `${what()}: version`);
              check(next.closedEarly?.by === secretariat.userId, () => `${what()}: closed by`);
              check(disclosureStatus(next, now) === 'ended', () => `${what()}: still open`);
              ended = true;
            }
            stats[`ok:${step.kind}`] = (stats[`ok:${step.kind}`] ?? 0) + 1;
            d = deepFreeze(next);
            if (today > d.closesOn) ended = true;
          });
          check(d.commentCount === comments, () => `count ${d.commentCount}, model ${comments}`);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    for (const k of ['ok:comment', 'ok:close_early']) expect(stats[k] ?? 0, k).toBeGreaterThan(20);
  });
});

describe('council session lifecycle', () => {
  const members = ['m1', 'm2', 'm3', 'm4'].map((u) => identity(u, 'bp', ['council_member']));
  const outsider = identity('m9', 'bp', ['council_member']);
  const secretariat = identity('secretariat-bp', 'bp', ['secretariat']);
  const chair = identity('chair-bp', 'bp', ['chair']);
  const agenda = [1, 2, 3].map((n) => ({ ...line(n), voteRule }));
  type Kind = 'vote' | 'close' | 'decide';
  const stepArb = fc.record({
    kind: fc.constantFrom<Kind>('vote', 'vote', 'vote', 'vote', 'close', 'decide'),
    who: fc.nat(20),
    choices: fc.array(fc.constantFrom<'agree' | 'disagree' | undefined>('agree', 'disagree', undefined), {
      minLength: 3,
      maxLength: 3,
    }),
    stray: fc.nat(9).map((n) => n === 0),
    stale: fc.nat(9).map((n) => n === 0),
  });

  it(`${RUNS} random sequences keep every rule`, { timeout: 60_000 }, () => {
    const stats: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(stepArb, { minLength: 1, maxLength: 20 }),
        // The province's council, or a ward's own (ADR 0037): the same rules, the unit never changes.
        fc.constantFrom<string | undefined>(undefined, 'tan-phu'),
        (memberCount, agendaSize, steps, unitId) => {
          const seated = members.slice(0, memberCount);
          let s: CouncilSession = deepFreeze({
            tenantId: 'binh-phuoc',
            id: 's1',
            ...(unitId ? { unitId } : {}),
            campaignId: 'c1',
            issuingBodyId: 'ubnd',
            title: 'Phiên họp',
            state: 'open',
            members: seated.map((m) => ({ userId: m.userId, name: m.userId })),
            agenda: agenda.slice(0, agendaSize),
            ballotCount: 0,
            openedAt: at(0),
            openedBy: secretariat.userId,
            closedAt: null,
            closedBy: null,
            results: null,
            disclosureIds: [],
            minutesKey: null,
            minutesNumber: null,
            presidingName: 'Chủ tịch',
            decisionId: null,
            version: 1,
          } satisfies CouncilSession);
          const papers: BallotPaper[] = [];
          let frozen: ItemResult[] | null = null;
          steps.forEach((step, i) => {
            const voters = [...seated, outsider];
            const actor =
              step.kind === 'vote'
                ? (voters[step.who % voters.length] as Identity)
                : step.kind === 'close'
                  ? secretariat
                  : chair;
            const paper: BallotPaper = {
              choices: Object.fromEntries(
                s.agenda.flatMap((a, k) => {
                  const c = step.choices[k];
                  return c === undefined ? [] : [[a.nominationId, c]];
                }),
              ),
            };
            if (step.stray) paper.choices['nom-99'] = 'agree';
            const complete = s.agenda.every((a) => paper.choices[a.nominationId] !== undefined);
            const member = seated.some((m) => m.userId === actor.userId);
            const expectedOk = step.stale
              ? false
              : step.kind === 'vote'
                ? s.state === 'open' && member && complete && !step.stray
                : step.kind === 'close'
                  ? s.state === 'open'
                  : s.state === 'closed';
            const results = tallySession(s, papers);
            const action =
              step.kind === 'vote'
                ? ({ type: 'vote', paper } as const)
                : step.kind === 'close'
                  ? ({ type: 'close', results, minutesKey: 'mk', minutesNumber: '01/BB' } as const)
                  : ({ type: 'decide', decisionId: `dec-${i}` } as const);
            const before = s;
            const r = sessionTransition({
              session: s,
              action,
              actor,
              now: at(i + 1),
              ...(step.stale ? { expectedVersion: s.version + 2 } : {}),
            });
            const what = () => `step ${i}: ${step.kind} by ${actor.userId} in ${s.state}`;
            if (!r.ok) {
              check(!expectedOk, () => `${what()} refused (${r.error.code}), the model accepts it`);
              wellFormed(r.error, what);
              if (step.kind === 'vote' && s.state === 'open' && !member && !step.stale)
                check(
                  r.error.code === 'not_a_member' && r.error.status === 403,
                  () => `${what()}: ${r.error.code}`,
                );
              return;
            }
            check(expectedOk, () => `${what()} accepted, the model refuses it`);
            check(before.state !== 'decided', () => `${what()}: left the final state`);
            const next = r.session;
            check(next.unitId === unitId, () => `${what()}: the session moved to another council`);
            if (step.kind === 'vote') {
              check(next.ballotCount === before.ballotCount + 1, () => `${what()}: ballot count`);
              check(next.version === before.version, () => `${what()}: a vote moved the version`);
              // The stored paper holds the agenda's items only, in agenda order; nothing names the voter.
              check(
                JSON.stringify(Object.keys(r.paper?.choices ?? {})) ===
                  JSON.stringify(s.agenda.map((a) => a.nominationId)),
                () => `${what()}: paper ${JSON.stringify(r.paper)}`,
              );
              if (r.paper) papers.push(r.paper);
            } else {
              check(next.version === before.version + 1, () => `${what()}: version`);
            }
            if (step.kind === 'close') {
              check(
                next.state === 'closed' && next.closedBy === secretariat.userId,
                () => `${what()}: closed`,
              );
              frozen = next.results;
            }
            if (step.kind === 'decide')
              check(next.state === 'decided' && next.decisionId === `dec-${i}`, what);
            // Results, once frozen, never change; the papers counted are the papers cast.
            if (frozen !== null)
              check(
                JSON.stringify(next.results) === JSON.stringify(frozen),
                () => `${what()}: results changed`,
              );
            check(
              next.ballotCount === papers.length,
              () => `${what()}: ${next.ballotCount} != ${papers.length}`,
            );
            stats[`ok:${step.kind}`] = (stats[`ok:${step.kind}`] ?? 0) + 1;
            s = deepFreeze(next);
          });
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    for (const k of ['ok:vote', 'ok:close', 'ok:decide']) expect(stats[k] ?? 0, k).toBeGreaterThan(20);
  });
});

describe('decisions, revocations and the register', () => {
  /**
   * Signers race for numbers as the table makes them: each reads the counter, then commits only if the
   * counter still holds what it read (the conditional write), else reads again. Revocations take numbers
   * from the same register and revoke an awarded line at most once.
   */
  type Op = {
    kind: 'sign' | 'revoke';
    body: number;
    year: number;
    signer: number;
    line: number;
    reasonOk: boolean;
  };
  const opArb: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom<Op['kind']>('sign', 'sign', 'revoke'),
    body: fc.nat(1),
    year: fc.constantFrom(2026, 2027),
    signer: fc.nat(3),
    line: fc.nat(5),
    reasonOk: fc.nat(9).map((n) => n < 8),
  });

  it(`${RUNS} random interleavings: one number per document, no gap, each award revoked at most once`, {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (ops, schedule, passed) => {
          const counters = new Map<string, number | null>();
          const documents: { seq: string; number: number }[] = [];
          const stage = new Map<string, NominationStage>();
          const s = {
            agenda: [0, 1, 2, 3, 4, 5].map((n) => ({ ...line(n), voteRule: voteRule })),
            results: [0, 1, 2, 3, 4, 5].map((n) => ({
              ...tally(passed[n] ?? false),
              nominationId: `nom-${n}`,
            })),
          };
          const made = decisionEntries(
            s,
            new Map(s.agenda.map((a) => [a.nominationId, line(Number(a.nominationId.slice(4)))])),
          );
          if (!made.ok) throw new Error(made.error.message);
          const entries = made.entries;
          for (const e of entries) stage.set(e.nominationId, e.outcome);
          check(
            entries.every((e, n) => (e.outcome === 'awarded') === (passed[n] ?? false)),
            () => 'outcome follows the vote',
          );
          // Each signer holds one operation at a time: read the counter, then try to commit.
          const pending = new Map<number, { op: Op; read: number | null }>();
          let next = 0;
          for (const turn of schedule) {
            const held = pending.get(turn);
            if (held === undefined) {
              const op = ops[next++];
              if (op === undefined) break;
              const seq = `${op.body}#${op.year}`;
              pending.set(turn, { op, read: counters.get(seq) ?? null });
              continue;
            }
            const { op, read } = held;
            const seq = `${op.body}#${op.year}`;
            if ((counters.get(seq) ?? null) !== read) {
              // Lost the race: the conditional write is refused; read again.
              pending.set(turn, { op, read: counters.get(seq) ?? null });
              continue;
            }
            pending.delete(turn);
            if (op.kind === 'revoke') {
              const id = `nom-${op.line}`;
              const before = stage.get(id) ?? 'not_awarded';
              const r = awardTransition({
                decision: { entries },
                stage: before,
                action: { type: 'revoke', nominationId: id, reason: op.reasonOk ? 'Kê khai sai' : '' },
              });
              const ok = before === 'awarded' && op.reasonOk;
              check(r.ok === ok, () => `revoke ${id} in ${before}: ${r.ok ? 'ok' : r.error.code}`);
              if (!r.ok) {
                wellFormed(r.error, () => `revoke ${id}`);
                if (before === 'revoked') check(r.error.code === 'already_revoked', () => r.error.code);
                continue;
              }
              stage.set(id, r.stage);
            }
            const n = nextNumber(read);
            counters.set(seq, n);
            documents.push({ seq, number: n });
          }
          for (const seq of new Set(documents.map((d) => d.seq))) {
            const numbers = documents.filter((d) => d.seq === seq).map((d) => d.number);
            const register = checkRegister(numbers);
            check(register.ok, () => `${seq}: ${JSON.stringify(register)}`);
            check(numbers.length === counters.get(seq), () => `${seq}: counter ${counters.get(seq)}`);
          }
          // Revoked lines were awarded; lines not awarded never change.
          for (const e of entries) {
            const now = stage.get(e.nominationId);
            if (e.outcome === 'not_awarded') check(now === 'not_awarded', () => `${e.nominationId}: ${now}`);
            else check(now === 'awarded' || now === 'revoked', () => `${e.nominationId}: ${now}`);
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('refuses a decision from incomplete results', () => {
    const r = decisionEntries({ agenda: [{ ...line(1), voteRule: voteRule }], results: [] }, new Map());
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_state', status: 409 });
  });
});

const tally = (passed: boolean) => ({
  members: 3,
  voters: 3,
  agree: passed ? 3 : 0,
  disagree: passed ? 0 : 3,
  denominator: 'all_members' as const,
  denominatorCount: 3,
  agreePercent: passed ? 100 : 0,
  attendancePercent: 100,
  quorumMet: true,
  passed,
  reason: passed ? 'Đạt' : 'Không đạt',
});
