import { describe, expect, it } from 'vitest';
import { campaign2023 } from '../campaign/campaign-2023';
import { Campaign } from '../campaign/schema';
import type { Instant } from '../common';
import { isMultiplePerPeriod } from '../forms/schema';
import { findTemplate2023 } from '../forms/templates-2023';
import { chainConfig2025 } from '../org/chain';
import type { Identity } from '../org/schema';
import { identity, threeTierWorld, twoTierWorld } from '../testing/worlds';
import { completeness } from './completeness';
import { defaultWorkflowRules, rulesFor, type WorkflowRules } from './rules';
import {
  availableActions,
  createDraft,
  dueAtFor,
  saveDraft,
  saveReview,
  type TransitionResult,
  transition,
} from './transition';
import type { Submission, WorkflowAction } from './types';

const w = threeTierWorld();
const NOW = '2023-03-10T03:00:00.000Z';
const report = (() => {
  const t = findTemplate2023('periodic_report_2023');
  if (t === undefined) throw new Error('template');
  return t;
})();
const scorecard = (() => {
  const t = findTemplate2023('scorecard_2023');
  if (t === undefined) throw new Error('template');
  return t;
})();

const officer = identity('officer-tp', 'tan-phu', ['submitter']);
const officer2 = identity('officer2-tp', 'tan-phu', ['submitter']);
const headTp = identity('head-tp', 'tan-phu', ['unit_head']);
const reviewerDx = identity('reviewer-dx', 'dong-xoai', ['reviewer']);
const reviewerBl = identity('reviewer-bl', 'binh-long', ['reviewer']);
const reviewerBp = identity('reviewer-bp', 'bp', ['reviewer']);
const secretariat = identity('sec-bp', 'bp', ['secretariat']);
const adminBp = identity('admin-bp', 'bp', ['admin']);

function ok(r: TransitionResult): Submission {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  expect(r.events).toHaveLength(1);
  return r.submission;
}
function refused(r: TransitionResult, code: string, status?: number) {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    if (status !== undefined) expect(r.error.status).toBe(status);
    expect(r.error.message.length).toBeGreaterThan(5);
  }
}

function draftFor(
  actor: Identity = officer,
  campaign: Campaign = campaign2023,
  units = w.byId,
  unitId = actor.unitId,
) {
  const unit = units.get(unitId);
  if (unit === undefined) throw new Error('unit');
  return ok(
    createDraft({
      id: `sub-${unitId}`,
      campaign,
      template: report,
      formKey: 'periodic_report',
      period: '2023-Q1',
      unit,
      units,
      actor,
      now: NOW,
    }),
  );
}

const rules: WorkflowRules = rulesFor({
  campaign: campaign2023,
  template: report,
  unitId: 'tan-phu',
  period: '2023-Q1',
});
const act = (
  s: Submission,
  action: WorkflowAction,
  actor: Identity,
  extra: Partial<Parameters<typeof transition>[0]> = {},
) => transition({ submission: s, action, actor, now: NOW, rules, ...extra });

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('createDraft', () => {
  it('snapshots the three-tier chain for a commune and the template version', () => {
    const s = draftFor();
    expect(s.chain.map((l) => l.unitId)).toEqual(['dong-xoai', 'bp']);
    expect(s).toMatchObject({
      state: 'draft',
      level: null,
      version: 1,
      templateId: 'periodic_report_2023',
      templateVersion: 1,
      unitPath: ['bp', 'dong-xoai'],
      filledBy: ['officer-tp'],
      createdBy: 'officer-tp',
      dueAt: '2023-03-15T17:00:00.000Z',
    });
  });

  it('marks a nomination draft as one of several of its unit and period; a report stays the only one', () => {
    expect(isMultiplePerPeriod('nomination')).toBe(true);
    for (const kind of ['registration', 'report', 'scorecard', 'hotspot_report'] as const) {
      expect(isMultiplePerPeriod(kind)).toBe(false);
    }
    const nomination = findTemplate2023('nomination_2023');
    if (nomination === undefined) throw new Error('template');
    const s = ok(
      createDraft({
        id: 'nom-1',
        campaign: campaign2023,
        template: nomination,
        formKey: 'nomination',
        period: '2023-Y',
        unit: w.tanPhu,
        units: w.byId,
        actor: officer,
        now: NOW,
      }),
    );
    expect(s.multiplePerPeriod).toBe(true);
    expect(draftFor()).not.toHaveProperty('multiplePerPeriod');
    // Every later change keeps it (the store keys the submission's slot and completeness cell by it).
    const submitted = ok(act(s, { type: 'submit' }, officer));
    expect(submitted.multiplePerPeriod).toBe(true);
  });

  it('a department goes straight to the province; a two-tier campaign needs no district', () => {
    const dept = identity('officer-ca', 'cong-an-tinh', ['submitter']);
    expect(draftFor(dept).chain.map((l) => l.unitId)).toEqual(['bp']);
    const t = twoTierWorld();
    const c2025 = Campaign.parse({
      ...campaign2023,
      chainConfigs: [{ ...chainConfig2025, effectiveFrom: '2023-01-01' }],
    });
    const commune = identity('officer-dx2', 'p-dong-xoai', ['submitter']);
    expect(draftFor(commune, c2025, t.byId).chain.map((l) => l.unitId)).toEqual(['dn']);
  });

  it('refuses other units, readers, non-participants, unknown periods, closed windows, missing chains', () => {
    const unit = w.tanPhu;
    const base = {
      id: 's1',
      campaign: campaign2023,
      template: report,
      formKey: 'periodic_report',
      period: '2023-Q1',
      unit,
      units: w.byId,
      actor: officer,
      now: NOW,
    };
    refused(createDraft({ ...base, actor: identity('x', 'tan-binh', ['submitter']) }), 'forbidden', 403);
    refused(createDraft({ ...base, actor: identity('x', 'tan-phu', ['reviewer']) }), 'forbidden', 403);
    refused(createDraft({ ...base, actor: { ...officer, tenantId: 'dong-nai' } }), 'forbidden', 403);
    refused(createDraft({ ...base, period: '2023-Q2' }), 'not_participant', 422);
    refused(createDraft({ ...base, formKey: 'scorecard' }), 'not_participant', 422);
    refused(
      createDraft({ ...base, unit: w.province, actor: identity('x', 'bp', ['submitter']) }),
      'not_participant',
    );
    const withWindow = Campaign.parse({
      ...campaign2023,
      forms: campaign2023.forms.map((f) =>
        f.formKey === 'periodic_report'
          ? {
              ...f,
              entryWindows: [
                { period: null, opensAt: '2023-03-01T00:00:00.000Z', closesAt: '2023-03-05T00:00:00.000Z' },
              ],
            }
          : f,
      ),
    });
    refused(createDraft({ ...base, campaign: withWindow }), 'window_closed', 422);
    const t = twoTierWorld();
    const commune = t.byId.get('p-dong-xoai');
    if (commune === undefined) throw new Error('unit');
    refused(
      createDraft({
        ...base,
        unit: commune,
        units: t.byId,
        actor: identity('x', 'p-dong-xoai', ['submitter']),
      }),
      'chain_unavailable',
      422,
    );
    refused(createDraft({ ...base, data: { figures: { drugCases: 'x' } } }), 'invalid_data', 422);
  });
});

describe('transition: the happy path, level by level', () => {
  it('submit → district → province → approved, one event each, version +1, input untouched', () => {
    const d = deepFreeze(draftFor());
    const r1 = act(d, { type: 'submit' }, officer);
    const s1 = ok(r1);
    expect(s1).toMatchObject({ state: 'under_review', level: 0, version: 2, submittedBy: 'officer-tp' });
    expect(s1.dueAt).toBe('2023-03-22T17:00:00.000Z');
    expect(r1.ok && r1.events[0]).toEqual({
      submissionId: d.id,
      action: 'submit',
      actorId: 'officer-tp',
      actorUnitId: 'tan-phu',
      actorRoles: ['submitter'],
      at: NOW,
      from: { state: 'draft', level: null },
      to: { state: 'under_review', level: 0 },
      reason: null,
    });
    const s2 = ok(act(deepFreeze(s1), { type: 'approve', comment: 'Đồng ý' }, reviewerDx));
    expect(s2).toMatchObject({
      state: 'under_review',
      level: 1,
      version: 3,
      dueAt: '2023-03-31T17:00:00.000Z',
    });
    const r3 = act(deepFreeze(s2), { type: 'approve' }, reviewerBp);
    const s3 = ok(r3);
    expect(s3).toMatchObject({ state: 'approved', level: null, version: 4, dueAt: null });
    expect(r3.ok && r3.events[0]?.from).toEqual({ state: 'under_review', level: 1 });
    expect(d.state).toBe('draft');
  });

  it('the province secretariat may act at the province level', () => {
    const s = ok(act(ok(act(draftFor(), { type: 'submit' }, officer)), { type: 'approve' }, reviewerDx));
    expect(ok(act(s, { type: 'approve' }, secretariat)).state).toBe('approved');
  });
});

describe('transition: guards', () => {
  const submitted = () => ok(act(draftFor(), { type: 'submit' }, officer));

  it('role: a submitter cannot approve, a reviewer cannot submit, an admin cannot review', () => {
    refused(
      act(submitted(), { type: 'approve' }, identity('x', 'dong-xoai', ['submitter'])),
      'forbidden',
      403,
    );
    refused(act(draftFor(), { type: 'submit' }, identity('x', 'tan-phu', ['reviewer'])), 'forbidden', 403);
    const atProvince = ok(act(submitted(), { type: 'approve' }, reviewerDx));
    refused(act(atProvince, { type: 'approve' }, adminBp), 'forbidden', 403);
  });

  it('turn: another district, the province before the district, the author after submitting', () => {
    const s = submitted();
    refused(act(s, { type: 'approve' }, reviewerBl), 'not_your_turn', 403);
    refused(act(s, { type: 'approve' }, reviewerBp), 'not_your_turn', 403);
    refused(act(s, { type: 'return', reason: 'Thiếu số liệu' }, reviewerBp), 'not_your_turn', 403);
    refused(
      act(draftFor(), { type: 'submit' }, identity('x', 'tan-binh', ['submitter'])),
      'not_your_turn',
      403,
    );
  });

  it('state: nothing to approve in a draft, nothing after the final approval but reopen', () => {
    refused(act(draftFor(), { type: 'approve' }, reviewerDx), 'invalid_state', 409);
    const approved = ok(
      act(ok(act(submitted(), { type: 'approve' }, reviewerDx)), { type: 'approve' }, reviewerBp),
    );
    refused(act(approved, { type: 'approve' }, reviewerBp), 'invalid_state', 409);
    refused(act(approved, { type: 'submit' }, officer), 'invalid_state', 409);
    refused(act(approved, { type: 'return', reason: 'Sai' }, reviewerBp), 'invalid_state', 409);
    refused(act(approved, { type: 'sign_off' }, headTp), 'invalid_state', 409);
  });

  it('four-eyes: whoever filled or submitted can never approve, at any level', () => {
    // A user who moved from the commune to the district (same user id, new unit) filled the report.
    const moved = identity('officer-tp', 'dong-xoai', ['reviewer']);
    refused(act(submitted(), { type: 'approve' }, moved), 'four_eyes', 403);
    const s = ok(act(submitted(), { type: 'approve' }, reviewerDx));
    refused(act(s, { type: 'approve' }, identity('officer-tp', 'bp', ['reviewer'])), 'four_eyes', 403);
    const saved = ok(saveDraft({ submission: draftFor(), data: {}, actor: officer2, now: NOW, rules }));
    const bySomeoneElse = ok(act(saved, { type: 'submit' }, officer));
    refused(
      act(bySomeoneElse, { type: 'approve' }, identity('officer2-tp', 'dong-xoai', ['reviewer'])),
      'four_eyes',
    );
    // The one who filled may still return it (four-eyes is about approving).
    expect(act(submitted(), { type: 'return', reason: 'Bổ sung' }, moved).ok).toBe(true);
  });

  it('expected version: a stale caller gets 409 and nothing changes', () => {
    const s = submitted();
    refused(act(s, { type: 'approve' }, reviewerDx, { expectedVersion: 1 }), 'version_conflict', 409);
    expect(act(s, { type: 'approve' }, reviewerDx, { expectedVersion: 2 }).ok).toBe(true);
  });

  it('tenant: another province is forbidden', () => {
    refused(act(submitted(), { type: 'approve' }, { ...reviewerDx, tenantId: 'dong-nai' }), 'forbidden', 403);
  });

  it('reason: return, reject and reopen need one', () => {
    refused(act(submitted(), { type: 'return', reason: '  ' }, reviewerDx), 'reason_required', 422);
    refused(act(submitted(), { type: 'reject', reason: 'x' }, reviewerDx), 'reason_required', 422);
  });

  it('entry window: closed before and after, open inside; a returned report may come back late', () => {
    const windowed: WorkflowRules = {
      ...rules,
      entryWindow: { opensAt: '2023-03-01T00:00:00.000Z', closesAt: '2023-03-20T00:00:00.000Z' },
    };
    const at = (now: Instant) => act(draftFor(), { type: 'submit' }, officer, { rules: windowed, now });
    refused(at('2023-02-28T00:00:00.000Z'), 'window_closed', 422);
    refused(at('2023-03-20T00:00:00.000Z'), 'window_closed', 422);
    expect(at('2023-03-19T23:59:59.000Z').ok).toBe(true);
    refused(
      saveDraft({
        submission: draftFor(),
        data: {},
        actor: officer,
        now: '2023-04-01T00:00:00.000Z',
        rules: windowed,
      }),
      'window_closed',
    );
    const returned = ok(act(submitted(), { type: 'return', reason: 'Bổ sung số liệu' }, reviewerDx));
    const late = '2023-04-01T00:00:00.000Z';
    const fixed = ok(
      saveDraft({ submission: returned, data: {}, actor: officer, now: late, rules: windowed }),
    );
    expect(ok(act(fixed, { type: 'submit' }, officer, { rules: windowed, now: late })).state).toBe(
      'under_review',
    );
  });

  it('children: a consolidated report waits for every child report to be approved', () => {
    const consolidated: WorkflowRules = { ...rules, requireChildrenApproved: true };
    const districtOfficer = identity('officer-dx', 'dong-xoai', ['submitter']);
    const d = draftFor(districtOfficer);
    refused(act(d, { type: 'submit' }, districtOfficer, { rules: consolidated }), 'children_incomplete', 422);
    const children = [w.tanPhu, w.tanBinh];
    const chain = [{ unitId: 'dong-xoai' }, { unitId: 'bp' }];
    const half = completeness(
      children,
      { 'tan-phu': { state: 'approved', level: null, chain } },
      { reviewerUnitId: 'dong-xoai' },
    );
    const r = act(d, { type: 'submit' }, districtOfficer, { rules: consolidated, children: half });
    refused(r, 'children_incomplete');
    expect(!r.ok && r.error.message).toContain('1 đơn vị');
    const all = completeness(
      children,
      {
        'tan-phu': { state: 'approved', level: null, chain },
        'tan-binh': { state: 'under_review', level: 1, chain },
      },
      { reviewerUnitId: 'dong-xoai' },
    );
    expect(
      ok(act(d, { type: 'submit' }, districtOfficer, { rules: consolidated, children: all })).state,
    ).toBe('under_review');
  });

  it('data: submit with a definition validates in submit mode, with field paths', () => {
    const r = act(draftFor(), { type: 'submit' }, officer, { definition: report });
    refused(r, 'invalid_data', 422);
    expect(!r.ok && r.error.details).toContainEqual({
      path: 'figures.drugCases',
      message: 'Vui lòng nhập thông tin này',
    });
  });
});

describe('transition: return, reject, withdraw, reopen, sign-off', () => {
  const atProvince = () =>
    ok(act(ok(act(draftFor(), { type: 'submit' }, officer)), { type: 'approve' }, reviewerDx));

  it('return goes to the author; the resubmission goes back to the level that returned it', () => {
    const r = act(atProvince(), { type: 'return', reason: 'Thiếu minh chứng' }, reviewerBp);
    const returned = ok(r);
    expect(returned).toMatchObject({ state: 'returned', level: null, returnedFromLevel: 1 });
    expect(r.ok && r.events[0]?.reason).toBe('Thiếu minh chứng');
    const again = ok(act(returned, { type: 'submit' }, officer));
    expect(again).toMatchObject({ state: 'under_review', level: 1 });
    // The district is not asked again.
    refused(act(again, { type: 'approve' }, reviewerDx), 'not_your_turn');
    expect(ok(act(again, { type: 'approve' }, reviewerBp)).state).toBe('approved');
  });

  it('reject: terminal where the template says so, otherwise like return', () => {
    const terminal = ok(
      act(atProvince(), { type: 'reject', reason: 'Không đủ điều kiện' }, reviewerBp, {
        rules: { ...rules, rejectIsTerminal: true },
      }),
    );
    expect(terminal).toMatchObject({ state: 'rejected', level: null });
    for (const a of ['submit', 'withdraw', 'approve'] as const) {
      refused(act(terminal, { type: a }, a === 'approve' ? reviewerBp : officer), 'invalid_state');
    }
    const soft = ok(act(atProvince(), { type: 'reject', reason: 'Không đủ điều kiện' }, reviewerBp));
    expect(soft).toMatchObject({ state: 'returned', returnedFromLevel: 1 });
  });

  it('withdraw: only before the first review action of the round', () => {
    const submitted = ok(act(draftFor(), { type: 'submit' }, officer));
    const withdrawn = ok(act(submitted, { type: 'withdraw' }, officer));
    expect(withdrawn).toMatchObject({ state: 'withdrawn', level: null });
    // Withdrawn is editable and can be submitted again.
    expect(ok(act(withdrawn, { type: 'submit' }, officer)).state).toBe('under_review');
    refused(act(atProvince(), { type: 'withdraw' }, officer), 'invalid_state', 409);
    refused(act(submitted, { type: 'withdraw' }, reviewerDx), 'not_your_turn');
    // After a return from the province, the resubmission can be withdrawn until the province acts.
    const back = ok(
      act(
        ok(act(atProvince(), { type: 'return', reason: 'Bổ sung' }, reviewerBp)),
        { type: 'submit' },
        officer,
      ),
    );
    expect(ok(act(back, { type: 'withdraw' }, officer)).state).toBe('withdrawn');
  });

  it('reopen: the top level unlocks an approved report; the correction comes back to the top', () => {
    const approved = ok(act(atProvince(), { type: 'approve' }, reviewerBp));
    refused(
      act(approved, { type: 'reopen', reason: 'Điều chỉnh số liệu' }, reviewerDx),
      'not_your_turn',
      403,
    );
    refused(act(approved, { type: 'reopen', reason: 'Điều chỉnh số liệu' }, officer), 'not_your_turn', 403);
    refused(act(approved, { type: 'reopen', reason: '' }, reviewerBp), 'reason_required');
    const reopened = ok(act(approved, { type: 'reopen', reason: 'Điều chỉnh số liệu' }, reviewerBp));
    expect(reopened).toMatchObject({ state: 'returned', returnedFromLevel: 1 });
    expect(ok(act(reopened, { type: 'submit' }, officer))).toMatchObject({ state: 'under_review', level: 1 });
  });

  it('sign-off: the unit head signs before it leaves the unit; four-eyes applies to the head too', () => {
    const signRules: WorkflowRules = {
      ...rules,
      requireUnitSignOff: true,
      deadlines: { ...rules.deadlines, signOff: '2023-03-18T00:00:00.000Z' },
    };
    const waiting = ok(act(draftFor(), { type: 'submit' }, officer, { rules: signRules }));
    expect(waiting).toMatchObject({
      state: 'awaiting_signoff',
      level: null,
      dueAt: '2023-03-18T00:00:00.000Z',
    });
    refused(act(waiting, { type: 'approve' }, reviewerDx, { rules: signRules }), 'invalid_state');
    refused(act(waiting, { type: 'sign_off' }, officer2, { rules: signRules }), 'forbidden');
    refused(
      act(waiting, { type: 'sign_off' }, identity('head-x', 'tan-binh', ['unit_head']), { rules: signRules }),
      'not_your_turn',
    );
    refused(
      act(waiting, { type: 'sign_off' }, identity('officer-tp', 'tan-phu', ['unit_head', 'submitter']), {
        rules: signRules,
      }),
      'four_eyes',
    );
    const signed = ok(act(waiting, { type: 'sign_off' }, headTp, { rules: signRules }));
    expect(signed).toMatchObject({ state: 'under_review', level: 0 });
    const back = ok(
      act(waiting, { type: 'return', reason: 'Sửa lại số liệu' }, headTp, { rules: signRules }),
    );
    expect(back).toMatchObject({ state: 'returned', returnedFromLevel: null });
    expect(ok(act(waiting, { type: 'withdraw' }, officer, { rules: signRules })).state).toBe('withdrawn');
    refused(act(waiting, { type: 'reject', reason: 'Không' }, headTp, { rules: signRules }), 'invalid_state');
  });
});

describe('saveDraft and saveReview', () => {
  it('saves in editable states, maintains filledBy, validates with the definition', () => {
    const d = draftFor();
    const s = ok(
      saveDraft({
        submission: d,
        data: { figures: { drugCases: '3' } },
        actor: officer2,
        now: NOW,
        rules,
        definition: report,
        expectedVersion: 1,
      }),
    );
    expect(s.filledBy).toEqual(['officer-tp', 'officer2-tp']);
    expect(s.data).toEqual({ figures: { drugCases: 3, totalCases: 3 }, propaganda: { modelsTotal: 0 } });
    expect(s.version).toBe(2);
    const again = ok(saveDraft({ submission: s, data: {}, actor: officer2, now: NOW, rules }));
    expect(again.filledBy).toEqual(['officer-tp', 'officer2-tp']);
    refused(
      saveDraft({ submission: s, data: {}, actor: officer, now: NOW, rules, expectedVersion: 1 }),
      'version_conflict',
      409,
    );
    // Issue 15: an invalid field no longer stops the save; it is kept beside the data and flagged.
    const kept = ok(
      saveDraft({
        submission: s,
        data: { figures: { drugCases: 'x' } },
        actor: officer,
        now: NOW,
        rules,
        definition: report,
      }),
    );
    expect(kept.invalid).toEqual([{ path: 'figures.drugCases', value: 'x', message: 'Phải là số nguyên' }]);
    expect(kept.data).not.toHaveProperty('figures.drugCases');
    // Kept input is never sent for review half-corrected.
    const halfSent = act(kept, { type: 'submit' }, officer);
    refused(halfSent, 'invalid_data', 422);
    expect(!halfSent.ok && halfSent.error.details).toEqual([
      { path: 'figures.drugCases', message: 'Phải là số nguyên' },
    ]);
    // Corrected, the flag goes away.
    const fixed = ok(
      saveDraft({
        submission: kept,
        data: { figures: { drugCases: 12 } },
        actor: officer,
        now: NOW,
        rules,
        definition: report,
      }),
    );
    expect(fixed.invalid).toBeUndefined();
    const submitted = ok(act(s, { type: 'submit' }, officer));
    refused(
      saveDraft({ submission: submitted, data: {}, actor: officer, now: NOW, rules }),
      'invalid_state',
      409,
    );
    refused(saveDraft({ submission: d, data: {}, actor: reviewerDx, now: NOW, rules }), 'not_your_turn');
  });

  it('reviewer scores: only the reviewer on turn records them; the author cannot overwrite them', () => {
    const unit = w.tanPhu;
    const created = ok(
      createDraft({
        id: 'sc1',
        campaign: campaign2023,
        template: scorecard,
        formKey: 'scorecard',
        period: '2023-Y',
        unit,
        units: w.byId,
        actor: officer,
        now: NOW,
      }),
    );
    const filled = ok(
      saveDraft({
        submission: created,
        data: { content1: { plans: { selfScore: 9, reviewerScore: 10 } } },
        actor: officer,
        now: NOW,
        rules,
        definition: scorecard,
      }),
    );
    expect(filled.data).toMatchObject({ content1: { plans: { selfScore: 9 } } });
    expect(filled.data).not.toMatchObject({ content1: { plans: { reviewerScore: 10 } } });
    const submitted = ok(act(filled, { type: 'submit' }, officer));
    const scoreData = { content1: { plans: { selfScore: 1, reviewerScore: 8 } } };
    refused(
      saveReview({
        submission: submitted,
        data: scoreData,
        actor: reviewerBp,
        now: NOW,
        definition: scorecard,
      }),
      'not_your_turn',
    );
    const scored = ok(
      saveReview({
        submission: submitted,
        data: scoreData,
        actor: reviewerDx,
        now: NOW,
        definition: scorecard,
      }),
    );
    expect(scored.data).toMatchObject({
      content1: { plans: { selfScore: 9, reviewerScore: 8 } },
      summary: { totalReviewer: 8 },
    });
    expect(scored.filledBy).not.toContain('reviewer-dx');
    expect(ok(act(scored, { type: 'approve' }, reviewerDx)).level).toBe(1);
    refused(
      saveReview({ submission: filled, data: scoreData, actor: reviewerDx, now: NOW, definition: scorecard }),
      'invalid_state',
    );
  });
});

describe('helpers', () => {
  it('availableActions lists what the actor may do now', () => {
    const d = draftFor();
    expect(availableActions(d, officer, rules, NOW)).toEqual(['submit']);
    const s = ok(act(d, { type: 'submit' }, officer));
    expect(availableActions(s, officer, rules, NOW)).toEqual(['withdraw']);
    expect(availableActions(s, reviewerDx, rules, NOW)).toEqual(['approve', 'return', 'reject']);
    expect(availableActions(s, reviewerBl, rules, NOW)).toEqual([]);
  });

  it('dueAtFor follows the stage', () => {
    const chain = [
      { unitId: 'dong-xoai', unitName: 'ĐX', unitKind: 'district' },
      { unitId: 'bp', unitName: 'BP', unitKind: 'province' },
    ];
    expect(dueAtFor({ state: 'under_review', level: 0, chain }, rules)).toBe('2023-03-22T17:00:00.000Z');
    expect(dueAtFor({ state: 'under_review', level: 1, chain }, rules)).toBe('2023-03-31T17:00:00.000Z');
    expect(dueAtFor({ state: 'draft', level: null, chain }, defaultWorkflowRules)).toBeNull();
    expect(dueAtFor({ state: 'approved', level: null, chain }, rules)).toBeNull();
  });

  it('rulesFor reads sign-off from the campaign and reject/children from the template', () => {
    const nomination = findTemplate2023('nomination_2023');
    if (nomination === undefined) throw new Error('template');
    const r = rulesFor({
      campaign: { ...campaign2023, requireUnitSignOff: true },
      template: nomination,
      unitId: 'tan-phu',
      period: '2023-Y',
    });
    expect(r).toMatchObject({
      requireUnitSignOff: true,
      rejectIsTerminal: true,
      requireChildrenApproved: false,
      entryWindow: null,
    });
    expect(r.deadlines.submit).toBe('2023-11-30T17:00:00.000Z');
    expect(r.deadlines.reviewByKind).toEqual({
      district: '2023-12-07T17:00:00.000Z',
      province: '2023-12-15T17:00:00.000Z',
    });
  });
});
