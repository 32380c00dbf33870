import { filesForm, findFormAssignment } from '../campaign/helpers';
import type { Campaign } from '../campaign/schema';
import { type Id, type Instant, toCalendarDate } from '../common';
import { type InvalidEntry, splitDraft } from '../forms/draft';
import { mergeReviewerScores } from '../forms/evaluate';
import { type FormDefinition, type FormTemplate, isMultiplePerPeriod } from '../forms/schema';
import { formatIssues, validateFormData } from '../forms/validate';
import { deriveChain, selectChainConfig } from '../org/chain';
import { unitOn } from '../org/dated';
import type { Identity, Role, Unit } from '../org/schema';
import type { UnitLookup } from '../org/tree';
import type { Completeness } from './completeness';
import { type WorkflowError, workflowError } from './errors';
import { rulesFor, type WorkflowRules } from './rules';
import type {
  Period,
  Position,
  Submission,
  SubmissionState,
  WorkflowAction,
  WorkflowActionType,
  WorkflowEvent,
} from './types';

/** States in which the author unit may edit and (re)submit. */
export const editableStates = [
  'draft',
  'returned',
  'withdrawn',
] as const satisfies readonly SubmissionState[];
/** States no action leaves except `reopen` (approved) — rejected is final. */
export const finalStates = ['approved', 'rejected'] as const satisfies readonly SubmissionState[];

/** Roles that fill and submit for their unit. */
export const authorRoles = ['submitter', 'unit_head'] as const satisfies readonly Role[];
/** Roles that review at a level of a chain (in the reviewing unit). */
export const reviewerRoles = ['reviewer', 'secretariat'] as const satisfies readonly Role[];
/** The role that signs off for the author unit. */
export const signOffRole = 'unit_head' satisfies Role;

export function isEditable(state: SubmissionState): boolean {
  return (editableStates as readonly SubmissionState[]).includes(state);
}

export type TransitionResult =
  | { ok: true; submission: Submission; events: WorkflowEvent[] }
  | { ok: false; error: WorkflowError };

export interface TransitionInput {
  submission: Submission;
  action: WorkflowAction;
  actor: Identity;
  now: Instant;
  rules: WorkflowRules;
  /** The version the caller saw; a different current version → 409 `version_conflict`. */
  expectedVersion?: number;
  /** For `submit` when `rules.requireChildrenApproved`: the roll-up of the author's child units. */
  children?: Completeness;
  /** When given, `submit` validates the data in submit mode (422 `invalid_data` with field issues). */
  definition?: FormDefinition;
}

const hasAny = (actor: Identity, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));
const position = (s: Pick<Submission, 'state' | 'level'>): Position => ({ state: s.state, level: s.level });
const fail = (error: WorkflowError): TransitionResult => ({ ok: false, error });

/** Every change first checks the caller saw the current version and belongs to the submission's tenant. */
const staleOrForeign = (
  s: Submission,
  actor: Identity,
  expectedVersion: number | undefined,
): WorkflowError | null => {
  if (expectedVersion !== undefined && expectedVersion !== s.version) {
    return workflowError(
      'version_conflict',
      'Báo cáo vừa được người khác cập nhật; hãy tải lại để xem trạng thái mới',
    );
  }
  if (actor.tenantId !== s.tenantId) return workflowError('forbidden', 'Bạn không có quyền với báo cáo này');
  return null;
};
const MIN_REASON = 3;

/** The level a (re)submission enters review at: the level that last returned it, else the first. */
export function entryLevel(submission: Pick<Submission, 'returnedFromLevel' | 'chain'>): number {
  const l = submission.returnedFromLevel ?? 0;
  return Math.min(l, submission.chain.length - 1);
}

/**
 * The unit whose turn it is — the reviewing unit at the current level, or the author unit for its
 * head's sign-off — or null when no other unit waits on it (an editable submission is its author's own
 * work, not a duty in anyone's inbox; a final one waits on nobody). Lists and inboxes follow this.
 */
export function unitOnTurn(
  submission: Pick<Submission, 'state' | 'level' | 'chain' | 'unitId' | 'unitName'>,
): { unitId: Id; unitName: string } | null {
  if (submission.state === 'awaiting_signoff') {
    return { unitId: submission.unitId, unitName: submission.unitName };
  }
  if (submission.state === 'under_review' && submission.level !== null) {
    const level = submission.chain[submission.level];
    return level ? { unitId: level.unitId, unitName: level.unitName } : null;
  }
  return null;
}

/** The deadline of the stage a submission stands at. */
export function dueAtFor(
  s: Pick<Submission, 'state' | 'level' | 'chain'>,
  rules: WorkflowRules,
): Instant | null {
  if (isEditable(s.state)) return rules.deadlines.submit;
  if (s.state === 'awaiting_signoff') return rules.deadlines.signOff;
  if (s.state === 'under_review' && s.level !== null) {
    const kind = s.chain[s.level]?.unitKind;
    return (kind === undefined ? undefined : rules.deadlines.reviewByKind[kind]) ?? rules.deadlines.review;
  }
  return null;
}

function windowCheck(rules: WorkflowRules, now: Instant): WorkflowError | null {
  const w = rules.entryWindow;
  if (w === null) return null;
  const t = Date.parse(now);
  if (t < Date.parse(w.opensAt))
    return workflowError('window_closed', 'Chưa đến thời gian nhập số liệu cho kỳ này');
  if (t >= Date.parse(w.closesAt))
    return workflowError('window_closed', 'Đã hết thời gian nhập số liệu cho kỳ này');
  return null;
}

const isFourEyes = (s: Submission, actor: Identity) =>
  s.filledBy.includes(actor.userId) || s.submittedBy === actor.userId;

function checkAuthor(s: Submission, actor: Identity): WorkflowError | null {
  if (actor.unitId !== s.unitId)
    return workflowError('not_your_turn', 'Chỉ đơn vị lập báo cáo mới thực hiện được thao tác này');
  if (!hasAny(actor, authorRoles))
    return workflowError('forbidden', 'Bạn không có quyền lập hoặc gửi báo cáo');
  return null;
}

function checkReviewer(s: Submission, actor: Identity): WorkflowError | null {
  const level = s.level === null ? undefined : s.chain[s.level];
  if (level === undefined || actor.unitId !== level.unitId) {
    return workflowError('not_your_turn', 'Chưa đến lượt đơn vị của bạn xem xét báo cáo này');
  }
  if (!hasAny(actor, reviewerRoles)) return workflowError('forbidden', 'Bạn không có quyền xét duyệt');
  return null;
}

function checkUnitHead(s: Submission, actor: Identity): WorkflowError | null {
  if (actor.unitId !== s.unitId)
    return workflowError('not_your_turn', 'Chỉ lãnh đạo đơn vị lập báo cáo mới ký duyệt được');
  if (!actor.roles.includes(signOffRole))
    return workflowError('forbidden', 'Chỉ lãnh đạo đơn vị mới ký duyệt được');
  return null;
}

const reasonOf = (a: WorkflowAction): string | null =>
  'reason' in a ? a.reason.trim() : a.type === 'approve' && a.comment !== undefined ? a.comment : null;

const invalidState = (s: Submission, what: string) =>
  workflowError('invalid_state', `Không thể ${what} khi báo cáo đang ở trạng thái "${stateLabels[s.state]}"`);

/** Vietnamese labels of the states, for messages and the UI. */
export const stateLabels: Readonly<Record<SubmissionState, string>> = {
  draft: 'Đang soạn',
  awaiting_signoff: 'Chờ lãnh đạo đơn vị ký duyệt',
  under_review: 'Đang xét duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã phê duyệt',
  rejected: 'Không chấp thuận',
  withdrawn: 'Đã rút lại',
};

/** Vietnamese labels of the actions. */
export const actionLabels: Readonly<Record<WorkflowEvent['action'], string>> = {
  create: 'Tạo báo cáo',
  save: 'Lưu nháp',
  submit: 'Gửi báo cáo',
  sign_off: 'Lãnh đạo đơn vị ký duyệt',
  approve: 'Duyệt',
  return: 'Trả lại để bổ sung',
  reject: 'Không chấp thuận',
  withdraw: 'Rút lại',
  reopen: 'Mở lại để điều chỉnh',
  attach: 'Đính kèm tệp minh chứng',
  classify: 'Đánh dấu / bỏ đánh dấu "Mật"',
  comment: 'Nhận xét vào ô',
  answer: 'Trả lời nhận xét',
};

/**
 * Applies one workflow action. Pure: the input is never changed; on success the new submission has
 * `version + 1` and exactly one event describes what happened; on refusal nothing changes.
 */
export function transition(input: TransitionInput): TransitionResult {
  const { submission: s, action, actor, now, rules } = input;
  const stale = staleOrForeign(s, actor, input.expectedVersion);
  if (stale) return fail(stale);

  let next: Pick<Submission, 'state' | 'level' | 'returnedFromLevel'>;
  let submittedBy = s.submittedBy;
  let filledBy = s.filledBy;

  switch (action.type) {
    case 'submit': {
      if (!isEditable(s.state)) return fail(invalidState(s, 'gửi'));
      const who = checkAuthor(s, actor);
      if (who) return fail(who);
      // A returned submission was asked for by a reviewer: it may come back after the window closed.
      if (s.state !== 'returned') {
        const w = windowCheck(rules, now);
        if (w) return fail(w);
      }
      if (rules.requireChildrenApproved && (input.children === undefined || !input.children.complete)) {
        const n = input.children?.missing.length;
        return fail(
          workflowError(
            'children_incomplete',
            n === undefined
              ? 'Chưa đủ báo cáo của các đơn vị trực thuộc được duyệt'
              : `Còn ${n} đơn vị trực thuộc chưa có báo cáo được duyệt`,
          ),
        );
      }
      // Input kept invalid by a draft save is still the unit's to correct: it is never sent half.
      if (s.invalid !== undefined && s.invalid.length > 0) {
        return fail(
          workflowError(
            'invalid_data',
            'Báo cáo còn thông tin chưa hợp lệ',
            s.invalid.map((i) => ({ path: i.path, message: i.message })),
          ),
        );
      }
      if (input.definition !== undefined) {
        const v = validateFormData(input.definition, s.data, { mode: 'submit' });
        if (!v.ok) {
          return fail(workflowError('invalid_data', 'Báo cáo còn thông tin chưa hợp lệ', formatIssues(v)));
        }
      }
      next = rules.requireUnitSignOff
        ? { state: 'awaiting_signoff', level: null, returnedFromLevel: s.returnedFromLevel }
        : { state: 'under_review', level: entryLevel(s), returnedFromLevel: s.returnedFromLevel };
      submittedBy = actor.userId;
      if (!filledBy.includes(actor.userId)) filledBy = [...filledBy, actor.userId];
      break;
    }
    case 'sign_off': {
      if (s.state !== 'awaiting_signoff') return fail(invalidState(s, 'ký duyệt'));
      const who = checkUnitHead(s, actor);
      if (who) return fail(who);
      if (isFourEyes(s, actor)) {
        return fail(workflowError('four_eyes', 'Người đã lập hoặc gửi báo cáo không được tự ký duyệt'));
      }
      next = { state: 'under_review', level: entryLevel(s), returnedFromLevel: s.returnedFromLevel };
      break;
    }
    case 'approve': {
      if (s.state !== 'under_review' || s.level === null) return fail(invalidState(s, 'duyệt'));
      const who = checkReviewer(s, actor);
      if (who) return fail(who);
      if (isFourEyes(s, actor)) {
        return fail(workflowError('four_eyes', 'Người đã lập hoặc gửi báo cáo không được duyệt báo cáo đó'));
      }
      const top = s.chain.length - 1;
      next =
        s.level >= top
          ? { state: 'approved', level: null, returnedFromLevel: s.returnedFromLevel }
          : { state: 'under_review', level: s.level + 1, returnedFromLevel: s.returnedFromLevel };
      break;
    }
    case 'return':
    case 'reject': {
      const verb = action.type === 'return' ? 'trả lại' : 'từ chối';
      if (s.state === 'awaiting_signoff' && action.type === 'return') {
        const who = checkUnitHead(s, actor);
        if (who) return fail(who);
        if ((reasonOf(action)?.length ?? 0) < MIN_REASON) return fail(reasonRequired());
        // The unit head sends it back inside the unit: the chain position to resume at is unchanged.
        next = { state: 'returned', level: null, returnedFromLevel: s.returnedFromLevel };
        break;
      }
      if (s.state !== 'under_review' || s.level === null) return fail(invalidState(s, verb));
      const who = checkReviewer(s, actor);
      if (who) return fail(who);
      if ((reasonOf(action)?.length ?? 0) < MIN_REASON) return fail(reasonRequired());
      next =
        action.type === 'reject' && rules.rejectIsTerminal
          ? { state: 'rejected', level: null, returnedFromLevel: s.returnedFromLevel }
          : { state: 'returned', level: null, returnedFromLevel: s.level };
      break;
    }
    case 'withdraw': {
      const untouched = s.state === 'under_review' && s.level === entryLevel(s);
      if (s.state !== 'awaiting_signoff' && !untouched) {
        return fail(workflowError('invalid_state', 'Chỉ rút lại được khi cấp xét duyệt chưa thao tác'));
      }
      const who = checkAuthor(s, actor);
      if (who) return fail(who);
      next = { state: 'withdrawn', level: null, returnedFromLevel: s.returnedFromLevel };
      break;
    }
    case 'reopen': {
      if (s.state !== 'approved') return fail(invalidState(s, 'mở lại'));
      const top = s.chain.length - 1;
      const topUnit = s.chain[top];
      if (topUnit === undefined || actor.unitId !== topUnit.unitId) {
        return fail(workflowError('not_your_turn', 'Chỉ cấp phê duyệt cuối cùng mới mở lại được báo cáo'));
      }
      if (!hasAny(actor, reviewerRoles))
        return fail(workflowError('forbidden', 'Bạn không có quyền mở lại báo cáo'));
      if ((reasonOf(action)?.length ?? 0) < MIN_REASON) return fail(reasonRequired());
      // Reopening is a return from the top: the correction comes straight back to the top level.
      next = { state: 'returned', level: null, returnedFromLevel: top };
      break;
    }
  }

  const submission: Submission = {
    ...s,
    ...next,
    submittedBy,
    filledBy,
    version: s.version + 1,
    updatedAt: now,
    dueAt: dueAtFor({ ...next, chain: s.chain }, rules),
  };
  const event: WorkflowEvent = {
    submissionId: s.id,
    action: action.type,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    actorRoles: [...actor.roles],
    at: now,
    from: position(s),
    to: position(submission),
    reason: reasonOf(action),
  };
  return { ok: true, submission, events: [event] };
}

function reasonRequired(): WorkflowError {
  return workflowError('reason_required', `Cần nêu lý do (ít nhất ${MIN_REASON} ký tự)`);
}

/**
 * The actions `actor` may take now (for buttons). Children and data are not checked here: those
 * refusals come with their reasons when the action is tried.
 */
export function availableActions(
  submission: Submission,
  actor: Identity,
  rules: WorkflowRules,
  now: Instant,
): WorkflowActionType[] {
  const probe: Record<WorkflowActionType, WorkflowAction> = {
    submit: { type: 'submit' },
    sign_off: { type: 'sign_off' },
    approve: { type: 'approve' },
    return: { type: 'return', reason: 'probe' },
    reject: { type: 'reject', reason: 'probe' },
    withdraw: { type: 'withdraw' },
    reopen: { type: 'reopen', reason: 'probe' },
  };
  const relaxed: WorkflowRules = { ...rules, requireChildrenApproved: false };
  return (Object.keys(probe) as WorkflowActionType[]).filter(
    (t) => transition({ submission, action: probe[t], actor, now, rules: relaxed }).ok,
  );
}

export interface CreateDraftInput {
  /** The new submission's id (generated by the caller: the domain makes no random numbers). */
  id: Id;
  campaign: Campaign;
  template: FormTemplate;
  formKey: string;
  period: Period;
  /** The author unit; `units` must hold its ancestors on the day (and their successors) for the chain. */
  unit: Unit;
  units: UnitLookup;
  actor: Identity;
  now: Instant;
  /** Initial data (checked in draft mode); default empty. */
  data?: Record<string, unknown>;
}

/**
 * A new draft: checks that the actor files for the unit, that the unit takes part and files this form
 * for the period, that the window is open; derives the chain in force today and snapshots it. A form
 * kind filed several times per period (nominations) marks the draft `multiplePerPeriod`; whether another
 * one of the same unit, form and period may exist is the store's uniqueness check, not decided here.
 */
export function createDraft(input: CreateDraftInput): TransitionResult {
  const { campaign, template, actor, now, period } = input;
  // The unit as it stands today (name, kind, place in the tree): the draft snapshots it with the chain.
  const unit = unitOn(input.units, input.unit, toCalendarDate(now));
  if (actor.tenantId !== campaign.tenantId || unit.tenantId !== campaign.tenantId) {
    return fail(workflowError('forbidden', 'Bạn không có quyền với phong trào này'));
  }
  if (actor.unitId !== unit.id) {
    return fail(workflowError('forbidden', 'Chỉ lập được báo cáo cho đơn vị của mình'));
  }
  if (!hasAny(actor, authorRoles)) return fail(workflowError('forbidden', 'Bạn không có quyền lập báo cáo'));
  const assignment = findFormAssignment(campaign, input.formKey);
  if (assignment === undefined || assignment.templateId !== template.id) {
    return fail(workflowError('not_participant', 'Biểu mẫu không thuộc phong trào này'));
  }
  const today = toCalendarDate(now);
  if (!filesForm(campaign, assignment, unit, today)) {
    return fail(workflowError('not_participant', 'Đơn vị không thuộc diện lập biểu mẫu này'));
  }
  if (!assignment.periods.includes(period)) {
    return fail(workflowError('not_participant', 'Kỳ báo cáo không thuộc biểu mẫu này'));
  }
  const rules = rulesFor({ campaign, template, unitId: unit.id, period, formKey: input.formKey });
  const w = windowCheck(rules, now);
  if (w) return fail(w);
  const config = selectChainConfig(campaign.chainConfigs, today);
  if (config === null)
    return fail(workflowError('chain_unavailable', 'Phong trào chưa có luồng duyệt hiệu lực'));
  const chain = deriveChain(config, input.units, unit.id, today);
  if (!chain.ok) return fail(workflowError('chain_unavailable', chain.error.message));

  let data: Record<string, unknown> = {};
  if (input.data !== undefined) {
    const v = validateFormData(template, input.data, { mode: 'draft' });
    if (!v.ok) return fail(workflowError('invalid_data', 'Dữ liệu chưa hợp lệ', formatIssues(v)));
    data = v.value;
  }
  const draft: Position = { state: 'draft', level: null };
  const submission: Submission = {
    tenantId: campaign.tenantId,
    id: input.id,
    campaignId: campaign.id,
    formKey: input.formKey,
    templateId: template.id,
    templateVersion: template.version,
    period,
    unitId: unit.id,
    unitName: unit.name,
    unitPath: [...unit.path],
    chain: chain.chain,
    state: 'draft',
    level: null,
    returnedFromLevel: null,
    version: 1,
    data,
    filledBy: [actor.userId],
    submittedBy: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    dueAt: rules.deadlines.submit,
    lastEventHash: '',
    eventSeq: 0,
    // Decided once, from the template's kind: the data layer keys the unit's slot by it.
    ...(isMultiplePerPeriod(template.kind) ? { multiplePerPeriod: true } : {}),
  };
  const event: WorkflowEvent = {
    submissionId: input.id,
    action: 'create',
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    actorRoles: [...actor.roles],
    at: now,
    from: draft,
    to: draft,
    reason: null,
  };
  return { ok: true, submission, events: [event] };
}

export interface SaveDraftInput {
  submission: Submission;
  data: Record<string, unknown>;
  actor: Identity;
  now: Instant;
  rules: WorkflowRules;
  expectedVersion?: number;
  /** When given, the data is validated in draft mode and cleaned; reviewer scores are kept as stored. */
  definition?: FormDefinition;
}

/** The author unit saves its data (draft, returned or withdrawn). The actor joins `filledBy`. */
export function saveDraft(input: SaveDraftInput): TransitionResult {
  const { submission: s, actor, now, rules } = input;
  const stale = staleOrForeign(s, actor, input.expectedVersion);
  if (stale) return fail(stale);
  if (!isEditable(s.state)) return fail(invalidState(s, 'sửa'));
  const who = checkAuthor(s, actor);
  if (who) return fail(who);
  if (s.state !== 'returned') {
    const w = windowCheck(rules, now);
    if (w) return fail(w);
  }
  let data: Record<string, unknown> = input.data;
  let invalid: InvalidEntry[] = [];
  if (input.definition !== undefined) {
    // Valid fields are saved even when others are not: those are kept beside them, flagged.
    const v = splitDraft(input.definition, input.data);
    if (!v.ok) return fail(workflowError('invalid_data', 'Dữ liệu chưa hợp lệ', v.issues));
    data = mergeReviewerScores(input.definition, v.value, s.data);
    invalid = v.invalid;
  }
  const { invalid: _before, ...rest } = s;
  const submission: Submission = {
    ...rest,
    ...(invalid.length > 0 ? { invalid } : {}),
    data,
    filledBy: s.filledBy.includes(actor.userId) ? s.filledBy : [...s.filledBy, actor.userId],
    version: s.version + 1,
    updatedAt: now,
  };
  return { ok: true, submission, events: [saveEvent(s, actor, now)] };
}

export interface SaveReviewInput {
  submission: Submission;
  /** Data carrying the reviewer scores; only `reviewerScore` of score fields is taken from it. */
  data: Record<string, unknown>;
  actor: Identity;
  now: Instant;
  definition: FormDefinition;
  expectedVersion?: number;
}

/**
 * The reviewer on turn records its scores. Only reviewer scores change, so the reviewer does not
 * join `filledBy` (four-eyes is about the unit's own figures).
 */
export function saveReview(input: SaveReviewInput): TransitionResult {
  const { submission: s, actor, now } = input;
  const stale = staleOrForeign(s, actor, input.expectedVersion);
  if (stale) return fail(stale);
  if (s.state !== 'under_review') return fail(invalidState(s, 'chấm điểm'));
  const who = checkReviewer(s, actor);
  if (who) return fail(who);
  const v = validateFormData(input.definition, mergeReviewerScores(input.definition, s.data, input.data), {
    mode: 'draft',
  });
  if (!v.ok) return fail(workflowError('invalid_data', 'Điểm chấm chưa hợp lệ', formatIssues(v)));
  const submission: Submission = { ...s, data: v.value, version: s.version + 1, updatedAt: now };
  return { ok: true, submission, events: [saveEvent(s, actor, now)] };
}

function saveEvent(s: Submission, actor: Identity, now: Instant): WorkflowEvent {
  return {
    submissionId: s.id,
    action: 'save',
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    actorRoles: [...actor.roles],
    at: now,
    from: position(s),
    to: position(s),
    reason: null,
  };
}

/**
 * Sets or lifts the "Mật" flag of a submission (who may: `authorizeClassify` of the policy). No change of
 * state or data; one `classify` event in the chain, its reason saying which way and why.
 */
export function classifySubmission(input: {
  submission: Submission;
  classified: boolean;
  reason: string;
  actor: Identity;
  now: Instant;
  expectedVersion?: number;
}): TransitionResult {
  const { submission: s, classified, actor, now } = input;
  const stale = staleOrForeign(s, actor, input.expectedVersion);
  if (stale) return fail(stale);
  if ((s.classified === true) === classified) {
    return fail(
      workflowError(
        'invalid_state',
        classified ? 'Báo cáo đã được đánh dấu "Mật"' : 'Báo cáo không được đánh dấu "Mật"',
      ),
    );
  }
  const { classified: _was, ...rest } = s;
  const submission: Submission = {
    ...rest,
    ...(classified ? { classified: true } : {}),
    version: s.version + 1,
    updatedAt: now,
  };
  const event: WorkflowEvent = {
    ...saveEvent(s, actor, now),
    action: 'classify',
    reason: `${classified ? 'Đánh dấu "Mật"' : 'Bỏ đánh dấu "Mật"'}: ${input.reason}`,
  };
  return { ok: true, submission, events: [event] };
}
