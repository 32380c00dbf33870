/**
 * Model-based property tests of the workflow: random sequences of actions by random actors, checked
 * against an independent model of the rules and against invariants that must hold whatever the model
 * says. 10,000 sequences on a three-tier and 10,000 on a two-tier hierarchy per run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaign2023 } from '../campaign/campaign-2023';
import { Campaign } from '../campaign/schema';
import type { Instant } from '../common';
import { findTemplate2023 } from '../forms/templates-2023';
import { type ChainConfig, chainConfig2023, chainConfig2025 } from '../org/chain';
import type { Identity, Role, Unit } from '../org/schema';
import { identity, threeTierWorld, twoTierWorld } from '../testing/worlds';
import { defaultWorkflowRules, type WorkflowRules } from './rules';
import { createDraft, saveDraft, type TransitionResult, transition } from './transition';
import { type Submission, type SubmissionState, type WorkflowActionType, workflowActionTypes } from './types';

const RUNS_PER_HIERARCHY = 10_000;
const template = (() => {
  const t = findTemplate2023('periodic_report_2023');
  if (t === undefined) throw new Error('template');
  return t;
})();

type StepKind = WorkflowActionType | 'save';
const stepKinds: StepKind[] = ['save', ...workflowActionTypes];

interface Step {
  /** `turn`: an actor of the unit whose turn it is (picked by `pick`); `any`: anyone in the pool. */
  who: 'turn' | 'any';
  pick: number;
  /** Guided steps pick an action that makes sense in the current state (so deep states are reached). */
  guided: boolean;
  kind: StepKind;
  reasonOk: boolean;
  stale: boolean;
}

const plausible: Record<SubmissionState, StepKind[]> = {
  draft: ['save', 'submit', 'submit'],
  withdrawn: ['save', 'submit'],
  returned: ['submit', 'submit', 'save'],
  awaiting_signoff: ['sign_off', 'sign_off', 'return', 'withdraw'],
  under_review: ['approve', 'approve', 'approve', 'return', 'reject', 'withdraw'],
  approved: ['reopen'],
  rejected: stepKinds,
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  who: fc.constantFrom<Step['who']>('turn', 'turn', 'turn', 'turn', 'turn', 'any'),
  pick: fc.nat(1000),
  guided: fc.nat(9).map((n) => n < 6),
  // Weighted towards the actions that move a submission forward, so that deep states are reached.
  kind: fc.constantFrom<StepKind>(
    ...stepKinds,
    'submit',
    'sign_off',
    'approve',
    'approve',
    'approve',
    'approve',
    'reopen',
  ),
  reasonOk: fc.nat(9).map((n) => n < 8),
  stale: fc.nat(9).map((n) => n === 0),
});

interface Scenario {
  authorIndex: number;
  signOff: boolean;
  rejectIsTerminal: boolean;
  /** Minutes after the start when the entry window closes; null: no window. */
  closesAfter: number | null;
  steps: Step[];
}

const scenarioArb = fc.record({
  authorIndex: fc.nat(100),
  signOff: fc.boolean(),
  rejectIsTerminal: fc.boolean(),
  closesAfter: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(40) }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 28 }),
});

interface Hierarchy {
  units: Unit[];
  byId: Map<string, Unit>;
  authors: Unit[];
  actors: Identity[];
  chainConfig: ChainConfig;
}

function actorsFor(units: Unit[], extra: Identity[]): Identity[] {
  const out: Identity[] = [];
  for (const u of units) {
    const authorRoles: Role[][] = u.kind === 'province' ? [] : [['submitter'], ['submitter'], ['unit_head']];
    authorRoles.forEach((roles, i) => {
      out.push(identity(`${roles[0]}${i}-${u.id}`, u.id, roles));
    });
    if (u.kind === 'province' || u.kind === 'district') {
      out.push(identity(`reviewer-${u.id}`, u.id, ['reviewer']));
      out.push(identity(`reviewer2-${u.id}`, u.id, ['reviewer']));
    }
    if (u.kind === 'province') {
      for (const r of ['secretariat', 'admin', 'chair', 'council_member'] as const)
        out.push(identity(`${r}-${u.id}`, u.id, [r]));
    }
  }
  return [...out, ...extra];
}

function threeTier(): Hierarchy {
  const w = threeTierWorld();
  return {
    units: w.units,
    byId: w.byId,
    authors: [w.tanPhu, w.anLoc, w.dongXoai, w.police],
    chainConfig: chainConfig2023,
    actors: actorsFor(w.units, [
      // One person, moved between units: fills at the commune, later reviews at the district or province.
      identity('mover', 'tan-phu', ['submitter']),
      identity('mover', 'dong-xoai', ['reviewer']),
      identity('mover', 'bp', ['reviewer']),
      identity('mover2', 'cong-an-tinh', ['submitter', 'unit_head']),
      identity('mover2', 'bp', ['secretariat']),
      identity('multi-dx', 'dong-xoai', ['submitter', 'unit_head', 'reviewer']),
      identity('foreign', 'bp', ['reviewer', 'secretariat'], 'dong-nai'),
    ]),
  };
}

function twoTier(): Hierarchy {
  const w = twoTierWorld();
  return {
    units: w.units,
    byId: w.byId,
    authors: [w.dongXoai, w.binhPhuoc, w.health],
    chainConfig: { ...chainConfig2025, effectiveFrom: '2023-01-01' },
    actors: actorsFor(w.units, [
      identity('mover', 'p-dong-xoai', ['submitter']),
      identity('mover', 'dn', ['reviewer']),
      identity('multi-dn', 'dn', ['reviewer', 'submitter']),
      identity('foreign', 'dn', ['reviewer'], 'dong-nai'),
    ]),
  };
}

/** The independent model: what the rules say should happen, written from the specification. */
interface Model {
  state: SubmissionState;
  level: number | null;
  /** The level that last returned it (or reopened it): a resubmission enters there. */
  returnLevel: number | null;
  everFilled: Set<string>;
  submittedBy: string | null;
  version: number;
}

const EDITABLE: SubmissionState[] = ['draft', 'returned', 'withdrawn'];

function predict(
  m: Model,
  kind: StepKind,
  a: Identity,
  ctx: {
    author: string;
    chain: string[];
    tenant: string;
    signOff: boolean;
    terminal: boolean;
    open: boolean;
    reasonOk: boolean;
    stale: boolean;
  },
): Pick<Model, 'state' | 'level' | 'returnLevel'> | null {
  if (ctx.stale || a.tenantId !== ctx.tenant) return null;
  const top = ctx.chain.length - 1;
  const entry = m.returnLevel ?? 0;
  const isAuthor = a.unitId === ctx.author && a.roles.some((r) => r === 'submitter' || r === 'unit_head');
  const isHead = a.unitId === ctx.author && a.roles.includes('unit_head');
  const isReviewerHere =
    m.state === 'under_review' &&
    m.level !== null &&
    a.unitId === ctx.chain[m.level] &&
    a.roles.some((r) => r === 'reviewer' || r === 'secretariat');
  const filled = m.everFilled.has(a.userId) || m.submittedBy === a.userId;
  const editable = EDITABLE.includes(m.state);
  const windowOk = m.state === 'returned' || ctx.open;
  const same = { state: m.state, level: m.level, returnLevel: m.returnLevel };
  switch (kind) {
    case 'save':
      return editable && isAuthor && windowOk ? same : null;
    case 'submit':
      if (!(editable && isAuthor && windowOk)) return null;
      return ctx.signOff
        ? { state: 'awaiting_signoff', level: null, returnLevel: m.returnLevel }
        : { state: 'under_review', level: entry, returnLevel: m.returnLevel };
    case 'sign_off':
      return m.state === 'awaiting_signoff' && isHead && !filled
        ? { state: 'under_review', level: entry, returnLevel: m.returnLevel }
        : null;
    case 'approve':
      if (!isReviewerHere || filled || m.level === null) return null;
      return m.level === top
        ? { state: 'approved', level: null, returnLevel: m.returnLevel }
        : { state: 'under_review', level: m.level + 1, returnLevel: m.returnLevel };
    case 'return':
      if (m.state === 'awaiting_signoff') {
        return isHead && ctx.reasonOk ? { state: 'returned', level: null, returnLevel: m.returnLevel } : null;
      }
      return isReviewerHere && ctx.reasonOk ? { state: 'returned', level: null, returnLevel: m.level } : null;
    case 'reject':
      if (!(isReviewerHere && ctx.reasonOk)) return null;
      return ctx.terminal
        ? { state: 'rejected', level: null, returnLevel: m.returnLevel }
        : { state: 'returned', level: null, returnLevel: m.level };
    case 'withdraw': {
      const untouched = m.state === 'awaiting_signoff' || (m.state === 'under_review' && m.level === entry);
      return untouched && isAuthor ? { state: 'withdrawn', level: null, returnLevel: m.returnLevel } : null;
    }
    case 'reopen':
      return m.state === 'approved' &&
        a.unitId === ctx.chain[top] &&
        a.roles.some((r) => r === 'reviewer' || r === 'secretariat') &&
        ctx.reasonOk
        ? { state: 'returned', level: null, returnLevel: top }
        : null;
  }
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const START = Date.parse('2023-03-10T00:00:00.000Z');
const at = (minute: number): Instant => new Date(START + minute * 60_000).toISOString();

/** A failed invariant: plain checks, because 300,000 `expect` calls cost more than the workflow itself. */
function check(cond: boolean, message: () => string): void {
  if (!cond) throw new Error(message());
}
const pos = (p: { state: string; level: number | null }) => `${p.state}/${p.level}`;

interface Prepared {
  h: Hierarchy;
  /** The first draft of each author unit (frozen; every scenario starts from one). */
  drafts: { draft: Submission; creator: Identity }[];
}

function prepare(h: Hierarchy): Prepared {
  const campaign = Campaign.parse({ ...campaign2023, chainConfigs: [h.chainConfig] });
  const drafts = h.authors.map((author) => {
    const creator = h.actors.find((a) => a.unitId === author.id && a.roles.includes('submitter'));
    if (creator === undefined) throw new Error('no creator');
    const created = createDraft({
      id: 'sub-1',
      campaign,
      template,
      formKey: 'periodic_report',
      period: '2023-Q1',
      unit: author,
      units: h.byId,
      actor: creator,
      now: at(0),
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.events.map((e) => e.action)).toEqual(['create']);
    return { draft: deepFreeze(created.submission), creator };
  });
  return { h, drafts };
}

function runScenario({ h, drafts }: Prepared, sc: Scenario, stats: Record<string, number>): void {
  const start = drafts[sc.authorIndex % drafts.length];
  if (start === undefined) throw new Error('no draft');
  let s: Submission = start.draft;
  const chain = s.chain.map((l) => l.unitId);
  const rules: WorkflowRules = {
    ...defaultWorkflowRules,
    requireUnitSignOff: sc.signOff,
    rejectIsTerminal: sc.rejectIsTerminal,
    entryWindow: sc.closesAfter === null ? null : { opensAt: at(0), closesAt: at(sc.closesAfter) },
  };
  const m: Model = {
    state: 'draft',
    level: null,
    returnLevel: null,
    everFilled: new Set([start.creator.userId]),
    submittedBy: null,
    version: 1,
  };

  sc.steps.forEach((step, i) => {
    const now = at(i + 1);
    const onTurn =
      s.state === 'under_review' && s.level !== null
        ? chain[s.level]
        : s.state === 'approved'
          ? chain[chain.length - 1]
          : s.unitId;
    const pool = step.who === 'turn' ? h.actors.filter((a) => a.unitId === onTurn) : h.actors;
    const actor = pool[step.pick % pool.length] ?? h.actors[0];
    if (actor === undefined) throw new Error('no actor');
    const reason = step.reasonOk ? 'Lý do cụ thể' : ' x ';
    const expectedVersion = step.stale ? s.version - 1 : step.pick % 2 === 0 ? s.version : undefined;
    const options = plausible[s.state];
    const kind: StepKind = step.guided ? (options[step.pick % options.length] ?? step.kind) : step.kind;
    const before = s;
    const result: TransitionResult =
      kind === 'save'
        ? saveDraft({
            submission: s,
            data: { figures: { drugCases: i } },
            actor,
            now,
            rules,
            expectedVersion,
          })
        : transition({
            submission: s,
            action:
              kind === 'return' || kind === 'reject' || kind === 'reopen'
                ? { type: kind, reason }
                : { type: kind },
            actor,
            now,
            rules,
            expectedVersion,
          });
    const expected = predict(m, kind, actor, {
      author: s.unitId,
      chain,
      tenant: s.tenantId,
      signOff: sc.signOff,
      terminal: sc.rejectIsTerminal,
      open: sc.closesAfter === null || i + 1 < sc.closesAfter,
      reasonOk: step.reasonOk,
      stale: step.stale,
    });
    const what = () => `step ${i}: ${kind} by ${actor.userId}@${actor.unitId} in ${pos(m)}`;

    if (!result.ok) {
      // Refused: the model agrees, the error is well-formed, and nothing changed (the input is frozen).
      check(expected === null, () => `${what()} refused (${result.error.code}) but the model accepts it`);
      check([403, 409, 422].includes(result.error.status), () => `${what()}: status ${result.error.status}`);
      check(result.error.message.length > 0, () => `${what()}: no message`);
      stats.refused = (stats.refused ?? 0) + 1;
      return;
    }
    const next = result.submission;
    if (expected === null) throw new Error(`${what()} accepted but the model refuses it`);
    // Exactly one event, describing exactly this transition.
    check(result.events.length === 1, () => `${what()}: ${result.events.length} events`);
    const event = result.events[0];
    check(
      event !== undefined &&
        event.action === kind &&
        event.actorId === actor.userId &&
        event.actorUnitId === actor.unitId &&
        event.at === now &&
        pos(event.from) === pos(before) &&
        pos(event.to) === pos(next),
      () => `${what()}: event ${JSON.stringify(event)}`,
    );
    check(next.version === before.version + 1, () => `${what()}: version ${next.version}`);
    check(pos(next) === pos(expected), () => `${what()}: ${pos(next)}, model says ${pos(expected)}`);

    // No level is ever skipped.
    if (next.state === 'under_review') {
      if (before.state === 'under_review') {
        check(
          kind === 'approve' && next.level === (before.level ?? -1) + 1,
          () => `${what()}: skipped to ${next.level}`,
        );
      } else {
        // Entering review: at the level that last returned it, else the first.
        check(
          next.level === (m.returnLevel ?? 0),
          () => `${what()}: entered at ${next.level}, returned from ${m.returnLevel}`,
        );
        if ((next.level ?? 0) > 0) stats.reenteredAbove0 = (stats.reenteredAbove0 ?? 0) + 1;
      }
    }
    if (next.state === 'approved' && before.state !== 'approved') {
      check(
        before.state === 'under_review' && before.level === chain.length - 1,
        () => `${what()}: approved below the top`,
      );
    }
    // Reviewing actions come from the unit whose turn it is.
    if (before.state === 'under_review' && (kind === 'approve' || kind === 'return' || kind === 'reject')) {
      check(actor.unitId === chain[before.level ?? -1], () => `${what()}: not the unit on turn`);
    }
    // Four-eyes: nobody who ever filled or submitted it approves or signs off.
    if (kind === 'approve' || kind === 'sign_off') {
      check(
        !m.everFilled.has(actor.userId) && !before.filledBy.includes(actor.userId),
        () => `${what()}: four-eyes broken`,
      );
    }

    if (kind === 'save' || kind === 'submit') m.everFilled.add(actor.userId);
    if (kind === 'submit') m.submittedBy = actor.userId;
    m.state = expected.state;
    m.level = expected.level;
    m.returnLevel = expected.returnLevel;
    m.version++;
    s = deepFreeze(next);
    stats[`ok:${kind}`] = (stats[`ok:${kind}`] ?? 0) + 1;
    if (next.state === 'approved') stats.approved = (stats.approved ?? 0) + 1;
  });
}

describe.each([
  ['three-tier (2023: commune → district → province)', threeTier],
  ['two-tier (2025: commune → province)', twoTier],
])('workflow model on a %s hierarchy', (_name, make) => {
  it(`${RUNS_PER_HIERARCHY} random sequences keep every rule`, { timeout: 60_000 }, () => {
    const h = make();
    const prepared = prepare(h);
    const stats: Record<string, number> = {};
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        runScenario(prepared, sc, stats);
      }),
      { numRuns: RUNS_PER_HIERARCHY, endOnFailure: true },
    );
    if (process.env.WORKFLOW_STATS) console.log(stats);
    // The generator reaches the interesting places, not only refusals.
    const reached = [
      'ok:submit',
      'ok:approve',
      'ok:return',
      'ok:reject',
      'ok:withdraw',
      'ok:reopen',
      'ok:sign_off',
      'approved',
    ];
    // A resubmission entering above the first level exists only where the chain has two levels or more.
    if (h.authors.some((a) => a.kind === 'commune') && make === threeTier) reached.push('reenteredAbove0');
    for (const k of reached) {
      expect(stats[k] ?? 0, k).toBeGreaterThan(20);
    }
  });
});
