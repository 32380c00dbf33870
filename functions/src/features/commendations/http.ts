import {
  CommendationConfig,
  matchTitle,
  NOMINATION_FORM_KEY,
  nominationFacts,
  titleName,
} from '@thidua/shared/commendation';
import { commendationContracts as c, type RouteContract } from '@thidua/shared/contracts';
import type { Identity, Unit } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import type { TxItem } from '../../kernel/data/transact';
import { AppError, NotFound } from '../../kernel/http/errors';
import { idempotencyHandle, replayOf } from '../../kernel/http/idempotency';
import { created, type HttpResult, ok } from '../../kernel/http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../../kernel/http/route';
import { batchResource, createBatch, decideBatch, loadBatch, submitBatch, updateBatch } from './batches';
import { decisionCertificates, printableHtml, testPrint } from './certificates';
import { type CommendationDeps, commendationConfigOf, provinceResource, rootUnit } from './context';
import {
  castBallot,
  closeSession,
  loadSession,
  mayVote,
  openSession,
  sessionResource,
  sessionView,
} from './council';
import { registerOf, revokeAward, signDecision } from './decisions';
import { loadDecision } from './decisions-read';
import { closeDisclosureEarly, loadDisclosureForStaff, openDisclosure } from './disclosures';
import { sessionDossier } from './dossier';
import { decideByHead } from './head-decisions';
import { headDesk } from './head-desk';
import {
  approvedNominations,
  batchCandidates,
  checkRules,
  factsOf,
  nomineeRedaction,
  redactBatch,
} from './nominations';
import { reserveNumber } from './register';
import { type Seal, writeOnce } from './tx';

/**
 * The commendation routes: parse (contracts) → authorize (shared policy) → use case → answer. Every write
 * stores its answer for an `Idempotency-Key` in its own last transaction, the one that carries its effect.
 */
type WriteRequest = Pick<UserRequest<RouteContract>, 'identity' | 'event' | 'remember'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a refused request waits for the answer of an identical one still running (documents take ~1 s). */
const AWAIT_FIRST_MS = 8_000;

/**
 * Runs a write use case with `seal`, which turns its result into this request's answer and the items
 * that store it; the use case puts them into its last transaction. A use case that first moves other
 * items in their own transactions (a tờ trình's members) may be refused by an identical request that is
 * still running: with `awaitFirst` and a key, the refusal waits for that request's stored answer.
 */
const write = async <T>(
  d: CommendationDeps,
  req: WriteRequest,
  answer: (result: T) => HttpResult,
  run: (seal: Seal<T>) => Promise<T>,
  awaitFirst = false,
): Promise<HttpResult> => {
  try {
    return answer(await run((result): TxItem[] => req.remember(answer(result))));
  } catch (err) {
    const handle =
      awaitFirst && err instanceof AppError && err.status === 409
        ? idempotencyHandle(req.event, req.identity)
        : null;
    if (handle === null) throw err;
    for (let waited = 0; waited < AWAIT_FIRST_MS; waited += 200) {
      await sleep(200);
      const replay = await replayOf(d.idempotency, handle);
      if (replay) return replay;
    }
    throw err;
  }
};

const NOMINATION_NOT_FOUND = 'Không tìm thấy hồ sơ';

/** The province's lists of nominations are read at its root: every unit's, when the policy allows it. */
const provinceNominationsReadable = async (d: CommendationDeps, identity: Identity): Promise<Unit> => {
  const root = await rootUnit(d, identity.tenantId);
  requireAllowed(identity, 'read', {
    type: 'nomination',
    tenantId: identity.tenantId,
    unitId: root.id,
    unitPath: [],
  });
  return root;
};

export const commendationRouteImpls = (d: CommendationDeps): RouteImpl[] => [
  userRoute(c.getCommendationConfig, async ({ params, identity }) =>
    ok((await commendationConfigOf(d, identity.tenantId, params.campaignId)).config),
  ),

  userRoute(c.putCommendationConfig, async (req) => {
    const { params, body, identity } = req;
    requireAllowed(identity, 'administer', await provinceResource(d, identity.tenantId, 'campaign'));
    await commendationConfigOf(d, identity.tenantId, params.campaignId);
    const stored = await d.commendations.getConfig(identity.tenantId, params.campaignId);
    const config = CommendationConfig.parse({ ...body, campaignId: params.campaignId });
    return write(d, req, ok, async (seal) => {
      await writeOnce(
        d,
        [
          d.commendations.putConfig(identity.tenantId, config),
          ...seal(config),
          ...(await d.audit.record(identity, {
            kind: 'award_rules',
            subject: { ...config, tenantId: identity.tenantId },
            action: stored ? 'updated' : 'created',
            summary: stored ? 'Cập nhật quy tắc khen thưởng' : 'Đặt quy tắc khen thưởng riêng của phong trào',
          })),
        ],
        'Cấu hình',
      );
      return config;
    });
  }),

  userRoute(c.checkNomination, async ({ params, identity }) => {
    const s = await d.submissions.get(identity.tenantId, params.nominationId);
    // Only a nomination is one here: any other submission's id answers as an unknown id, to everyone.
    if (!s || s.formKey !== NOMINATION_FORM_KEY) throw new NotFound(NOMINATION_NOT_FOUND);
    requireAllowed(
      identity,
      'read',
      { type: 'nomination', tenantId: s.tenantId, unitId: s.unitId, unitPath: s.unitPath },
      NOMINATION_NOT_FOUND,
    );
    const { config } = await commendationConfigOf(d, identity.tenantId, s.campaignId);
    const facts = factsOf(s, config);
    const records = await d.commendations.getRecords(identity.tenantId, [s.id]);
    const r = await checkRules(
      d,
      identity.tenantId,
      config,
      facts,
      records.get(s.id)?.proposingUnitId ?? s.unitId,
    );
    return ok({ ruleSetId: r.ruleSetId, violations: r.violations, warnings: r.warnings });
  }),

  userRoute(c.listBatchCandidates, async ({ params, identity }) => {
    requireAllowed(
      identity,
      'create',
      await batchResource(d, identity.tenantId, { unitId: identity.unitId }),
    );
    const [list, batches] = await Promise.all([
      batchCandidates(d, identity.tenantId, identity.unitId, params.campaignId),
      d.commendations.batchesOfUnit(identity.tenantId, params.campaignId, identity.unitId),
    ]);
    const held = new Map<string, string>();
    for (const b of batches)
      if (b.state === 'draft' || b.state === 'submitted')
        for (const e of b.entries) held.set(e.nominationId, b.id);
    // The list entries carry no form data: the nominee is read from each submission (a district's
    // waiting nominations are tens, one GetItem each, in parallel).
    const { config } = await commendationConfigOf(d, identity.tenantId, params.campaignId);
    const subs = await Promise.all(list.map((s) => d.submissions.get(identity.tenantId, s.id)));
    return ok({
      items: list.map((s, i) => {
        const sub = subs[i];
        const facts = sub ? nominationFacts(sub, matchTitle(config)) : null;
        return {
          id: s.id,
          unitId: s.unitId,
          unitName: s.unitName,
          state: s.state,
          version: s.version,
          updatedAt: s.updatedAt,
          batchId: held.get(s.id) ?? null,
          nomineeName: facts?.ok ? facts.facts.nomineeName : null,
          awardTypeName: facts?.ok ? titleName(config, facts.facts.awardTypeId) : null,
        };
      }),
    });
  }),

  userRoute(c.listBatches, async ({ params, query, identity }) => {
    if (query.scope === 'mine')
      return ok({
        items: await d.commendations.batchesOfUnit(identity.tenantId, params.campaignId, identity.unitId),
      });
    requireAllowed(identity, 'read', await batchResource(d, identity.tenantId));
    const items = await d.commendations.batchesByState(identity.tenantId, params.campaignId, query.scope);
    return ok({ items: await Promise.all(items.map((b) => redactBatch(d, identity, b))) });
  }),

  userRoute(c.createBatch, (req) =>
    write(d, req, created, (seal) => createBatch(d, req.identity, req.body, req.now, seal)),
  ),
  userRoute(c.getBatch, async ({ params, identity }) =>
    ok(await redactBatch(d, identity, await loadBatch(d, identity, params.batchId))),
  ),
  userRoute(c.updateBatch, (req) =>
    write(d, req, ok, (seal) => updateBatch(d, req.identity, req.params.batchId, req.body, req.now, seal)),
  ),
  userRoute(c.submitBatch, (req) =>
    write(
      d,
      req,
      ok,
      (seal) => submitBatch(d, req.identity, req.params.batchId, req.body.expectedVersion, req.now, seal),
      true,
    ),
  ),
  userRoute(c.decideBatch, (req) => {
    const b = req.body;
    const decision =
      b.type === 'approve' ? { type: 'approve' as const } : { type: 'return' as const, reason: b.reason };
    return write(
      d,
      req,
      ok,
      (seal) => decideBatch(d, req.identity, req.params.batchId, decision, b.expectedVersion, req.now, seal),
      true,
    );
  }),

  userRoute(c.listNominations, async ({ params, query, identity }) => {
    await provinceNominationsReadable(d, identity);
    const [page, redact] = await Promise.all([
      d.commendations.recordsByStage(identity.tenantId, params.campaignId, query.stage, {
        limit: query.limit,
        cursor: query.cursor,
      }),
      nomineeRedaction(d, identity, params.campaignId),
    ]);
    return ok({ ...page, items: page.items.map((r) => redact(r, r)) });
  }),

  userRoute(c.listApprovedNominations, async ({ params, identity }) => {
    const root = await provinceNominationsReadable(d, identity);
    const [items, redact] = await Promise.all([
      approvedNominations(d, identity.tenantId, root.id, params.campaignId),
      nomineeRedaction(d, identity, params.campaignId),
    ]);
    return ok({
      items: items.map((a) => ({
        nominationId: a.summary.id,
        unitId: a.summary.unitId,
        unitName: a.summary.unitName,
        record: a.record ? redact(a.record, a.record) : a.record,
      })),
    });
  }),

  userRoute(c.openDisclosure, (req) =>
    write(d, req, created, (seal) => openDisclosure(d, req.identity, req.body, req.now, seal)),
  ),
  userRoute(c.listDisclosures, async ({ params, identity }) => {
    requireAllowed(identity, 'read', await provinceResource(d, identity.tenantId, 'disclosure'));
    return ok({ items: await d.commendations.disclosuresOfCampaign(identity.tenantId, params.campaignId) });
  }),
  userRoute(c.getDisclosure, async ({ params, identity }) => {
    const disclosure = await loadDisclosureForStaff(d, identity, params.disclosureId);
    return ok({ disclosure, comments: await d.commendations.comments(identity.tenantId, disclosure.id) });
  }),
  userRoute(c.closeDisclosure, (req) =>
    write(d, req, ok, (seal) =>
      closeDisclosureEarly(
        d,
        req.identity,
        req.params.disclosureId,
        req.body.reason,
        req.body.expectedVersion,
        req.now,
        seal,
        req.body.authority ?? null,
      ),
    ),
  ),

  userRoute(c.listCouncilMembers, async ({ identity }) => {
    requireAllowed(identity, 'create', await sessionResource(d, identity.tenantId));
    const root = await rootUnit(d, identity.tenantId);
    // The council sits at the province: its members are the province unit's users the policy lets vote.
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await d.users.byUnit(identity.tenantId, root.id, { limit: 100, cursor });
      const voters = await mayVote(d, page.items, identity.tenantId);
      items.push(...page.items.filter((_, i) => voters[i]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ok({ items: items.map((u) => ({ userId: u.id, name: u.name, title: u.title })) });
  }),
  userRoute(c.openSession, (req) =>
    write(d, req, created, (seal) => openSession(d, req.identity, req.body, req.now, seal)),
  ),
  userRoute(c.listSessions, async ({ params, identity }) => {
    requireAllowed(identity, 'read', await sessionResource(d, identity.tenantId));
    const sessions = await d.commendations.sessionsOfCampaign(identity.tenantId, params.campaignId);
    return ok({ items: await Promise.all(sessions.map((s) => sessionView(d, identity, s))) });
  }),
  userRoute(c.listMySessions, async ({ identity }) => {
    requireAllowed(identity, 'read', await sessionResource(d, identity.tenantId));
    const open = await d.commendations.openSessions(identity.tenantId);
    const mine = open.filter((s) => s.members.some((m) => m.userId === identity.userId));
    return ok({ items: await Promise.all(mine.map((s) => sessionView(d, identity, s))) });
  }),
  userRoute(c.getSession, async ({ params, identity }) =>
    ok(await sessionView(d, identity, await loadSession(d, identity, params.sessionId))),
  ),
  userRoute(c.getSessionDossier, async ({ params, identity }) =>
    ok(await sessionDossier(d, identity, await loadSession(d, identity, params.sessionId))),
  ),
  userRoute(c.castBallot, (req) =>
    write(d, req, created, (seal) =>
      castBallot(d, req.identity, req.params.sessionId, req.body, req.now, seal),
    ),
  ),
  userRoute(c.closeSession, (req) =>
    write(d, req, ok, (seal) =>
      closeSession(d, req.identity, req.params.sessionId, req.now, seal, req.body.meeting),
    ),
  ),
  userRoute(c.signDecision, (req) =>
    write(d, req, created, (seal) =>
      signDecision(
        d,
        req.identity,
        req.params.sessionId,
        req.now,
        seal,
        req.body.signerId,
        req.body.register,
      ),
    ),
  ),
  userRoute(c.getDecision, async ({ params, identity }) => {
    const decision = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    return ok({
      decision,
      revocations: await d.commendations.revocations(identity.tenantId, decision.id),
      serverSigner: d.config.serverSigner !== undefined,
    });
  }),
  userRoute(c.decideByHead, (req) =>
    write(d, req, created, (seal) => decideByHead(d, req.identity, req.body, req.now, seal)),
  ),
  userRoute(c.getHeadDesk, async ({ params, identity, now }) =>
    ok(await headDesk(d, identity, params.campaignId, now)),
  ),
  userRoute(c.getDecisionCertificates, async ({ params, query, identity }) =>
    ok(
      printableHtml(
        await decisionCertificates(d, identity, params.decisionId, query.blankId, query.nominationId),
      ),
    ),
  ),
  userRoute(c.getCertificateTestPrint, async ({ params, identity }) =>
    ok(printableHtml(await testPrint(d, identity, params.campaignId, params.blankId))),
  ),
  userRoute(c.revokeAward, (req) =>
    write(d, req, created, (seal) =>
      revokeAward(d, req.identity, req.params.decisionId, req.body, req.now, seal),
    ),
  ),
  userRoute(c.reserveRegisterNumber, (req) =>
    write(d, req, created, (seal) => reserveNumber(d, req.identity, req.body, req.now, seal)),
  ),
  userRoute(c.getRegister, async ({ query, identity }) => ok(await registerOf(d, identity, query.year))),
  userRoute(c.listNotifications, async ({ identity }) =>
    ok({ items: await d.commendations.notifications(identity.tenantId, identity.unitId, 50) }),
  ),
];
