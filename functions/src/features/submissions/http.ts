import { findFormAssignment } from '@thidua/shared/campaign';
import { toCalendarDate } from '@thidua/shared/common';
import { submissionContracts as c, type RouteContract } from '@thidua/shared/contracts';
import { REDACTED_TEXT, redactChanges, sensitiveAttachmentIds, sensitiveRefs } from '@thidua/shared/forms';
import { authorizeClassify, authorizeWorkspace } from '@thidua/shared/policy';
import {
  classifySubmission,
  createDraft,
  returnFields,
  rulesFor,
  saveDraft,
  saveReview,
  type TransitionResult,
  transition,
  WorkflowAction,
} from '@thidua/shared/workflow';
import { canReadBelow, requireAction, requireAllowed, submissionResource } from '../../kernel/access';
import type { ListScope } from '../../kernel/data/keys';
import type { Deps } from '../../kernel/deps';
import { BadRequest, Forbidden, NotFound, RuleViolation } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { requireApplied } from '../../kernel/outcomes';
import { fromWorkflowError } from '../../kernel/workflow-errors';
import { hasFileFields, resolveAttachmentRefs } from '../attachments/refs';
import { submissionOutbox } from '../notifications/outbox';
import { submissionSearchItems } from '../search/entries';
import { diffData } from './diff';
import type { StoredSubmission } from './repository';
import {
  childrenCompleteness,
  liveRules,
  loadReadable,
  loadReadableWithOrigin,
  refuseClassified,
  templateOf,
} from './use-cases';
import { readsSensitive, submissionView, type ViewTemplate } from './views';

const scopes: Record<'mine' | 'inbox' | 'subtree', ListScope> = {
  mine: 'MINE',
  inbox: 'INBOX',
  subtree: 'TREE',
};

/**
 * Submissions: thin routes over the shared workflow. Every change is `transition`/`saveDraft`/... from
 * `shared/` followed by ONE transaction prepared by the repository (`planCreate`/`planChange`), which
 * also stores the idempotent answer (`remember`).
 */
export const submissionRoutes = (
  d: Pick<
    Deps,
    'attachments' | 'campaigns' | 'comments' | 'config' | 'submissions' | 'templates' | 'units' | 'users'
  >,
): RouteImpl[] => {
  /** Commits a successful domain result and answers with the new view (stored for idempotent replays). */
  const commit = async (
    before: StoredSubmission,
    result: Extract<TransitionResult, { ok: true }>,
    rules: StoredSubmission['rules'],
    req: Pick<UserRequest<RouteContract>, 'identity' | 'now' | 'remember'>,
    template: ViewTemplate & { title?: string },
    options: { snapshot?: boolean; data?: Record<string, unknown>; action?: WorkflowAction } = {},
  ) => {
    const after: StoredSubmission = {
      ...result.submission,
      ...(options.data ? { data: options.data } : {}),
      rules,
    };
    const write = d.submissions.planChange(before, after, result.events, {
      snapshot: options.snapshot ?? false,
    });
    const response = ok(submissionView(write.submission, req.identity, req.now, template));
    // A workflow action's notices go in its own transaction (the outbox); saves and classification notify no one.
    const outbox = options.action
      ? submissionOutbox(
          d.config.tableName,
          write.submission,
          write.events,
          template.title ?? '',
          // The return's fields: picked in the dialog or by comments "with the return" (one mechanism).
          options.action.type === 'return'
            ? returnFields(
                options.action.fields,
                await d.comments.list(before.tenantId, before.id),
                before.level,
              )
            : undefined,
        ).items
      : [];
    // A nominee renamed (or hidden by "Mật") is re-indexed for the search box in the same transaction.
    const search = submissionSearchItems(d.config.tableName, before, write.submission);
    requireApplied(await d.submissions.apply(write, [...outbox, ...search, ...req.remember(response)]), (s) =>
      submissionView(s, req.identity, req.now, template),
    );
    return response;
  };

  return [
    userRoute(c.createSubmission, async ({ identity, body, now, remember }) => {
      const t = identity.tenantId;
      requireAction(identity, 'create', submissionResource(t, { unitId: identity.unitId, unitPath: [] }));
      const [campaign, unit] = await Promise.all([
        d.campaigns.get(t, body.campaignId),
        d.units.get(t, identity.unitId),
      ]);
      if (!campaign) throw new NotFound('Không tìm thấy phong trào');
      if (!unit) throw new RuleViolation('Đơn vị của bạn chưa có trong danh mục', [], 'unknown_unit');
      const assignment = findFormAssignment(campaign, body.formKey);
      if (!assignment) {
        throw new RuleViolation(
          'Biểu mẫu không thuộc phong trào này',
          [{ path: 'body.formKey', message: 'Không có trong phong trào' }],
          'not_participant',
        );
      }
      const template = await d.templates.get(t, assignment.templateId, assignment.templateVersion);
      if (!template) throw new RuleViolation('Phong trào chưa có biểu mẫu này', [], 'template_missing');
      refuseClassified(template);
      // The tree as of today: the unit's parents that day (a unit moved from a date climbs its new ones).
      const units = await d.units.ancestryOn(unit, toCalendarDate(now.toISOString()));
      const result = createDraft({
        id: newId(now),
        campaign,
        template,
        formKey: body.formKey,
        period: body.period,
        unit,
        units,
        actor: identity,
        now: now.toISOString(),
        ...(body.data ? { data: body.data } : {}),
      });
      if (!result.ok) throw fromWorkflowError(result.error);
      // Evidence cannot be attached before the submission exists.
      const data = hasFileFields(template)
        ? resolveAttachmentRefs(template, result.submission.data, [])
        : undefined;
      const rules = rulesFor({
        campaign,
        template,
        unitId: unit.id,
        period: body.period,
        formKey: body.formKey,
      });
      const write = d.submissions.planCreate(
        { ...result.submission, ...(data ? { data } : {}), rules },
        result.events,
      );
      const response = created(submissionView(write.submission, identity, now, template));
      // Found by the search box from the same transaction (unit, period, form title; ADR 0023).
      const search = submissionSearchItems(d.config.tableName, null, write.submission, template.title);
      requireApplied(await d.submissions.apply(write, [...search, ...remember(response)]), (s) =>
        submissionView(s, identity, now, template),
      );
      return response;
    }),

    userRoute(c.listSubmissions, async ({ identity, query, now }) => {
      const t = identity.tenantId;
      const { scope, root, limit, cursor, campaignId, formKey, period, status, unitId, overdue } = query;
      let owner = identity.unitId;
      if (scope !== 'subtree' && root !== undefined) {
        throw new BadRequest('Chỉ dùng root với scope=subtree', [
          { path: 'query.root', message: 'Chỉ với subtree' },
        ]);
      }
      // Reviewers read the reports below them; a unit head also has an inbox (the unit's sign-offs).
      if (scope === 'inbox' && !canReadBelow(identity, { id: identity.unitId, path: [] })) {
        if (!authorizeWorkspace({ identity }, 'inbox').allowed)
          throw new Forbidden('Bạn không có hộp việc xét duyệt');
      }
      if (scope === 'subtree') {
        if (root === undefined || root === identity.unitId) {
          if (!canReadBelow(identity, { id: identity.unitId, path: [] })) {
            throw new Forbidden('Bạn không được xem báo cáo của các đơn vị trực thuộc');
          }
        } else {
          const rootUnit = await d.units.get(t, root);
          if (!rootUnit || !canReadBelow(identity, rootUnit)) throw new NotFound('Không tìm thấy đơn vị');
          owner = rootUnit.id;
        }
      }
      const q = {
        tenantId: t,
        scope: scopes[scope],
        ownerUnitId: owner,
        campaignId,
        formKey,
        period,
        status,
        authorUnitId: unitId,
        overdue,
        now,
        limit,
        cursor,
      };
      const [page, counts] = await Promise.all([d.submissions.list(q), d.submissions.count(q)]);
      return ok({ ...page, ...counts });
    }),

    userRoute(c.getSubmission, async ({ identity, params, now }) => {
      const { submission, origin } = await loadReadableWithOrigin(d, identity, params.submissionId, now);
      return ok(submissionView(submission, identity, now, await templateOf(d, submission), origin));
    }),

    userRoute(c.saveSubmission, async (req) => {
      const { identity, params, body, now } = req;
      const s = await loadReadable(d, identity, params.submissionId);
      const own = identity.unitId === s.unitId;
      requireAllowed(identity, own ? 'save' : 'act', submissionResource(identity.tenantId, s));
      const template = await templateOf(d, s);
      refuseClassified(template, s);
      const iso = now.toISOString();
      if (!own) {
        // The reviewer on turn records its scores; nothing else of the data changes.
        const result = saveReview({
          submission: s,
          data: body.data,
          actor: identity,
          now: iso,
          definition: template,
          expectedVersion: body.expectedVersion,
        });
        if (!result.ok) throw fromWorkflowError(result.error, submissionView(s, identity, now, template));
        return commit(s, result, s.rules, req, template);
      }
      // A draft is saved whole: who may not read its sensitive fields cannot send them back, and would
      // erase them. (Reviewers' saves above merge scores only, so they are safe.)
      if (!readsSensitive(identity, s, template) && sensitiveRefs(template).size > 0)
        throw new Forbidden(
          'Biểu mẫu có trường nhạy cảm mà vai trò của bạn không được xem, nên không được sửa',
        );
      const { rules } = await liveRules(d, s, template);
      const result = saveDraft({
        submission: s,
        data: body.data,
        actor: identity,
        now: iso,
        rules,
        expectedVersion: body.expectedVersion,
        definition: template,
      });
      if (!result.ok) throw fromWorkflowError(result.error, submissionView(s, identity, now, template));
      const data = hasFileFields(template)
        ? resolveAttachmentRefs(
            template,
            result.submission.data,
            await d.attachments.list(identity.tenantId, s.id),
            d.config.malwareScanning,
          )
        : undefined;
      return commit(s, result, rules, req, template, data ? { data } : {});
    }),

    userRoute(c.actOnSubmission, async (req) => {
      const { identity, params, body, now } = req;
      const action = WorkflowAction.parse(body);
      // The one read of an approval.
      const s = await loadReadable(d, identity, params.submissionId);
      requireAllowed(identity, 'act', submissionResource(identity.tenantId, s));
      // Every answer shows the submission through its template; a warm Lambda has it in memory.
      const template = await templateOf(d, s);
      let rules = s.rules;
      let definition: typeof template | undefined;
      let children: Awaited<ReturnType<typeof childrenCompleteness>>['result'] | undefined;
      if (action.type === 'submit') {
        refuseClassified(template, s);
        // Submitting reads the live campaign (windows, lock exceptions, deadlines) and the template.
        definition = template;
        const live = await liveRules(d, s, definition);
        rules = live.rules;
        if (rules.requireChildrenApproved && live.campaign) {
          children = (
            await childrenCompleteness(
              d,
              live.campaign,
              s.formKey,
              s.period,
              { id: s.unitId, tenantId: s.tenantId },
              now,
            )
          ).result;
        }
      }
      const result = transition({
        submission: s,
        action,
        actor: identity,
        now: now.toISOString(),
        rules,
        expectedVersion: body.expectedVersion,
        ...(children ? { children } : {}),
        ...(definition ? { definition } : {}),
      });
      if (!result.ok) throw fromWorkflowError(result.error, submissionView(s, identity, now, template));
      const answer = await commit(s, result, rules, req, template, {
        snapshot: action.type === 'submit',
        action,
      });
      req.countTransition(action.type);
      return answer;
    }),

    userRoute(c.getSubmissionHistory, async ({ identity, params }) => {
      const s = await loadReadable(d, identity, params.submissionId);
      const events = await d.submissions.history(identity.tenantId, s.id);
      // People read a history by name: the few distinct actors, one GetItem each, in parallel.
      const actorIds = [...new Set(events.map((e) => e.actorId))];
      const users = await Promise.all(actorIds.map((id) => d.users.get(identity.tenantId, id)));
      const names = new Map(actorIds.map((id, i) => [id, users[i]?.name ?? null]));
      // An attach event names its file: a file of a sensitive field keeps its hash, not its name.
      const template = await templateOf(d, s);
      const hidden = readsSensitive(identity, s, template)
        ? new Set<string>()
        : sensitiveAttachmentIds(template, s.data);
      return ok({
        events: events.map((e) => ({
          ...e,
          ...(e.attachment && hidden.has(e.attachment.id)
            ? { attachment: { ...e.attachment, name: REDACTED_TEXT } }
            : {}),
          actorName: names.get(e.actorId) ?? null,
        })),
      });
    }),

    userRoute(c.getSubmissionDiff, async ({ identity, params, query }) => {
      const s = await loadReadable(d, identity, params.submissionId);
      const template = await templateOf(d, s);
      const shown = (changes: ReturnType<typeof diffData>) =>
        readsSensitive(identity, s, template) ? changes : redactChanges(template, changes);
      if (query.from === undefined) {
        if (query.since === undefined || query.to !== undefined)
          throw new BadRequest('Cần since, hoặc from (và to)', [
            { path: query.to !== undefined ? 'query.from' : 'query.since', message: 'Bắt buộc' },
          ]);
        const snapshot = await d.submissions.snapshotAtOrBefore(identity.tenantId, s.id, query.since);
        if (!snapshot) throw new NotFound('Không có bản đã gửi ở phiên bản này');
        return ok({
          since: snapshot.version,
          version: s.version,
          changes: shown(diffData(snapshot.data, s.data)),
        });
      }
      if (query.since !== undefined)
        throw new BadRequest('Không dùng since cùng from', [
          { path: 'query.since', message: 'Không dùng cùng from' },
        ]);
      // Any two of: the versions as submitted (a snapshot each) and the current version.
      const snapshots = await d.submissions.snapshots(identity.tenantId, s.id);
      const comparable = [...snapshots.map((x) => x.version).filter((v) => v !== s.version), s.version];
      const dataAt = (v: number) => (v === s.version ? s.data : snapshots.find((x) => x.version === v)?.data);
      const to = query.to ?? s.version;
      const [before, after] = [dataAt(query.from), dataAt(to)];
      if (before === undefined || after === undefined) {
        const list = comparable.join(', ');
        throw new RuleViolation(
          `Chỉ so sánh được các bản đã gửi và phiên bản hiện tại: ${list}`,
          [
            ...(before === undefined
              ? [{ path: 'query.from', message: `Không lưu phiên bản này (được: ${list})` }]
              : []),
            ...(after === undefined
              ? [{ path: 'query.to', message: `Không lưu phiên bản này (được: ${list})` }]
              : []),
          ],
          'version_not_kept',
        );
      }
      return ok({ since: query.from, version: to, changes: shown(diffData(before, after)), comparable });
    }),

    userRoute(c.classifySubmission, async (req) => {
      const { identity, params, body, now } = req;
      const s = await loadReadable(d, identity, params.submissionId);
      const decision = authorizeClassify(identity, submissionResource(identity.tenantId, s));
      if (!decision.allowed) throw new Forbidden(decision.reason);
      const template = await templateOf(d, s);
      const result = classifySubmission({
        submission: s,
        classified: body.classified,
        reason: body.reason,
        actor: identity,
        now: now.toISOString(),
        expectedVersion: body.expectedVersion,
      });
      if (!result.ok) throw fromWorkflowError(result.error, submissionView(s, identity, now, template));
      return commit(s, result, s.rules, req, template);
    }),

    userRoute(c.getCompleteness, async ({ identity, params, query, now }) => {
      const t = identity.tenantId;
      const unitId = query.unitId ?? identity.unitId;
      const [campaign, unit] = await Promise.all([
        d.campaigns.get(t, params.campaignId),
        d.units.get(t, unitId),
      ]);
      if (!campaign) throw new NotFound('Không tìm thấy phong trào');
      if (!unit || !canReadBelow(identity, unit)) throw new NotFound('Không tìm thấy đơn vị');
      const assignment = findFormAssignment(campaign, query.formKey);
      if (!assignment) {
        throw new RuleViolation('Biểu mẫu không thuộc phong trào này', [
          { path: 'query.formKey', message: 'Không có trong phong trào' },
        ]);
      }
      if (!assignment.periods.includes(query.period)) {
        throw new RuleViolation('Kỳ báo cáo không thuộc biểu mẫu này', [
          { path: 'query.period', message: 'Không thuộc biểu mẫu' },
        ]);
      }
      const { result, counters } = await childrenCompleteness(
        d,
        campaign,
        query.formKey,
        query.period,
        unit,
        now,
      );
      return ok({
        campaignId: campaign.id,
        formKey: query.formKey,
        period: query.period,
        unitId: unit.id,
        ...result,
        stateCounters: counters,
      });
    }),
  ];
};
