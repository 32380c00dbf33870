import { CommendationConfig, matchTitle, nominationFacts, titleName } from '@thidua/shared/commendation';
import { commendationContracts as c } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import { TransactionRefused, transactWrite } from '../data/transact';
import { Forbidden, NotFound } from '../http/errors';
import { created, type HttpResult, ok } from '../http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../http/route';
import { createBatch, decideBatch, loadBatch, submitBatch, updateBatch } from './batches';
import {
  type CommendationDeps,
  commendationConfigOf,
  provinceResource,
  requireAllowed,
  rootUnit,
} from './context';
import { castBallot, closeSession, loadSession, openSession, sessionView } from './council';
import { registerOf, revokeAward, signDecision } from './decisions';
import { loadDecision } from './decisions-read';
import { closeDisclosureEarly, loadDisclosureForStaff, openDisclosure } from './disclosures';
import { approvedNominations, batchCandidates, checkRules, factsOf } from './nominations';

/**
 * The commendation routes: parse (contracts) → authorize (shared policy) → use case → answer. Use cases
 * that span several transactions store the answer for an `Idempotency-Key` right after the last one; a
 * replay before that runs into the use case's own conditions (version, state) and writes nothing.
 */
const remembered = async (
  d: CommendationDeps,
  req: Pick<UserRequest<never>, 'remember'>,
  res: HttpResult,
): Promise<HttpResult> => {
  const items = req.remember(res);
  try {
    if (items.length > 0) await transactWrite(d.repo.ref.client, items);
  } catch (err) {
    // The same key, sent twice at once, was stored by the other request: this answer stands.
    if (!(err instanceof TransactionRefused)) throw err;
  }
  return res;
};

const isProvinceStaff = async (d: CommendationDeps, identity: Identity): Promise<boolean> => {
  const root = await rootUnit(d, identity.tenantId);
  return (
    identity.unitId === root.id &&
    identity.roles.some((r) => ['reviewer', 'secretariat', 'admin', 'chair'].includes(r))
  );
};

const withDownload = async (d: CommendationDeps, key: string | null, fileName: string) => {
  if (!key) throw new NotFound('Chưa có văn bản');
  return ok({ url: await d.documents.downloadUrl(key, fileName), fileName });
};

const fileSafe = (s: string): string => s.replace(/[/\\]/g, '-');

export const commendationRouteImpls = (d: CommendationDeps): RouteImpl[] => [
  userRoute(c.getCommendationConfig, async ({ params, identity }) =>
    ok((await commendationConfigOf(d, identity.tenantId, params.campaignId)).config),
  ),

  userRoute(c.putCommendationConfig, async (req) => {
    const { params, body, identity } = req;
    requireAllowed(identity, 'administer', await provinceResource(d, identity.tenantId, 'campaign'));
    await commendationConfigOf(d, identity.tenantId, params.campaignId);
    const config = CommendationConfig.parse({ ...body, campaignId: params.campaignId });
    await transactWrite(d.repo.ref.client, [d.repo.putConfig(identity.tenantId, config)]);
    return remembered(d, req, ok(config));
  }),

  userRoute(c.checkNomination, async ({ params, identity }) => {
    const s = await d.submissions.get(identity.tenantId, params.nominationId);
    if (!s) throw new NotFound('Không tìm thấy hồ sơ');
    requireAllowed(
      identity,
      'read',
      { type: 'nomination', tenantId: s.tenantId, unitId: s.unitId, unitPath: s.unitPath },
      true,
    );
    const { config } = await commendationConfigOf(d, identity.tenantId, s.campaignId);
    const facts = factsOf(s, config);
    const records = await d.repo.getRecords(identity.tenantId, [s.id]);
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
    if (!identity.roles.some((r) => r === 'reviewer' || r === 'secretariat'))
      throw new Forbidden('Chỉ cán bộ thẩm định mới tổng hợp hồ sơ');
    const [list, batches] = await Promise.all([
      batchCandidates(d, identity.tenantId, identity.unitId, params.campaignId),
      d.repo.batchesOfUnit(identity.tenantId, params.campaignId, identity.unitId),
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
      return ok({ items: await d.repo.batchesOfUnit(identity.tenantId, params.campaignId, identity.unitId) });
    if (!(await isProvinceStaff(d, identity)))
      throw new Forbidden('Chỉ cấp tỉnh xem được tờ trình của các đơn vị');
    return ok({ items: await d.repo.batchesByState(identity.tenantId, params.campaignId, query.scope) });
  }),

  userRoute(c.createBatch, async (req) =>
    remembered(d, req, created(await createBatch(d, req.identity, req.body, req.now))),
  ),
  userRoute(c.getBatch, async ({ params, identity }) => ok(await loadBatch(d, identity, params.batchId))),
  userRoute(c.updateBatch, async (req) =>
    remembered(d, req, ok(await updateBatch(d, req.identity, req.params.batchId, req.body))),
  ),
  userRoute(c.submitBatch, async (req) =>
    remembered(
      d,
      req,
      ok(await submitBatch(d, req.identity, req.params.batchId, req.body.expectedVersion, req.now)),
    ),
  ),
  userRoute(c.decideBatch, async (req) => {
    const b = req.body;
    const decision =
      b.type === 'approve' ? { type: 'approve' as const } : { type: 'return' as const, reason: b.reason };
    return remembered(
      d,
      req,
      ok(await decideBatch(d, req.identity, req.params.batchId, decision, b.expectedVersion, req.now)),
    );
  }),
  userRoute(c.getBatchDocument, async ({ params, identity }) => {
    const b = await loadBatch(d, identity, params.batchId);
    return withDownload(d, b.documentKey, `To-trinh-${fileSafe(b.unitName)}.docx`);
  }),

  userRoute(c.listNominations, async ({ params, query, identity }) => {
    const root = await rootUnit(d, identity.tenantId);
    requireAllowed(
      identity,
      'read',
      { type: 'nomination', tenantId: identity.tenantId, unitId: root.id, unitPath: [] },
      true,
    );
    const page = await d.repo.recordsByStage(identity.tenantId, params.campaignId, query.stage, {
      limit: query.limit,
      cursor: query.cursor,
    });
    return ok(page);
  }),

  userRoute(c.listApprovedNominations, async ({ params, identity }) => {
    const root = await rootUnit(d, identity.tenantId);
    requireAllowed(
      identity,
      'read',
      { type: 'nomination', tenantId: identity.tenantId, unitId: root.id, unitPath: [] },
      true,
    );
    const items = await approvedNominations(d, identity.tenantId, root.id, params.campaignId);
    return ok({
      items: items.map((a) => ({
        nominationId: a.summary.id,
        unitId: a.summary.unitId,
        unitName: a.summary.unitName,
        record: a.record,
      })),
    });
  }),

  userRoute(c.openDisclosure, async (req) =>
    remembered(d, req, created(await openDisclosure(d, req.identity, req.body, req.now))),
  ),
  userRoute(c.listDisclosures, async ({ params, identity }) => {
    requireAllowed(identity, 'administer', await provinceResource(d, identity.tenantId, 'public_list'), true);
    return ok({ items: await d.repo.disclosuresOfCampaign(identity.tenantId, params.campaignId) });
  }),
  userRoute(c.getDisclosure, async ({ params, identity }) => {
    const disclosure = await loadDisclosureForStaff(d, identity, params.disclosureId);
    return ok({ disclosure, comments: await d.repo.comments(identity.tenantId, disclosure.id) });
  }),
  userRoute(c.closeDisclosure, async (req) =>
    remembered(
      d,
      req,
      ok(
        await closeDisclosureEarly(
          d,
          req.identity,
          req.params.disclosureId,
          req.body.reason,
          req.body.expectedVersion,
          req.now,
        ),
      ),
    ),
  ),

  userRoute(c.listCouncilMembers, async ({ identity }) => {
    requireAllowed(identity, 'create', await provinceResource(d, identity.tenantId, 'council_session'), true);
    const root = await rootUnit(d, identity.tenantId);
    // The council sits at the province: its members are the province unit's users holding the role.
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await d.users.byUnit(identity.tenantId, root.id, { limit: 100, cursor });
      items.push(...page.items.filter((u) => u.active && u.roles.includes('council_member')));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ok({ items: items.map((u) => ({ userId: u.id, name: u.name, title: u.title })) });
  }),
  userRoute(c.openSession, async (req) =>
    remembered(d, req, created(await openSession(d, req.identity, req.body, req.now))),
  ),
  userRoute(c.listSessions, async ({ params, identity }) => {
    requireAllowed(identity, 'read', await provinceResource(d, identity.tenantId, 'council_session'), true);
    const sessions = await d.repo.sessionsOfCampaign(identity.tenantId, params.campaignId);
    return ok({ items: await Promise.all(sessions.map((s) => sessionView(d, identity, s))) });
  }),
  userRoute(c.listMySessions, async ({ identity }) => {
    requireAllowed(identity, 'read', await provinceResource(d, identity.tenantId, 'council_session'), true);
    const open = await d.repo.openSessions(identity.tenantId);
    const mine = open.filter((s) => s.members.some((m) => m.userId === identity.userId));
    return ok({ items: await Promise.all(mine.map((s) => sessionView(d, identity, s))) });
  }),
  userRoute(c.getSession, async ({ params, identity }) =>
    ok(await sessionView(d, identity, await loadSession(d, identity, params.sessionId))),
  ),
  userRoute(c.castBallot, async (req) =>
    remembered(d, req, created(await castBallot(d, req.identity, req.params.sessionId, req.body, req.now))),
  ),
  userRoute(c.closeSession, async (req) =>
    remembered(d, req, ok(await closeSession(d, req.identity, req.params.sessionId, req.now))),
  ),
  userRoute(c.getMinutesDocument, async ({ params, identity }) => {
    const s = await loadSession(d, identity, params.sessionId);
    return withDownload(d, s.minutesKey, `Bien-ban-${fileSafe(s.minutesNumber ?? s.id)}.docx`);
  }),
  userRoute(c.signDecision, async (req) =>
    remembered(d, req, created(await signDecision(d, req.identity, req.params.sessionId, req.now))),
  ),
  userRoute(c.getDecision, async ({ params, identity }) => {
    const decision = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    return ok({ decision, revocations: await d.repo.revocations(identity.tenantId, decision.id) });
  }),
  userRoute(c.getDecisionDocument, async ({ params, query, identity }) => {
    const x = await loadDecision(d, identity, identity.tenantId, params.decisionId);
    const name = `Quyet-dinh-${fileSafe(x.numberText)}`;
    return query.format === 'xlsx'
      ? withDownload(d, x.xlsxKey, `Danh-sach-${fileSafe(x.numberText)}.xlsx`)
      : withDownload(d, x.documentKey, `${name}.docx`);
  }),
  userRoute(c.revokeAward, async (req) =>
    remembered(
      d,
      req,
      created(
        await revokeAward(
          d,
          req.identity,
          req.params.decisionId,
          req.body.nominationId,
          req.body.reason,
          req.now,
        ),
      ),
    ),
  ),
  userRoute(c.getRegister, async ({ query, identity }) => ok(await registerOf(d, identity, query.year))),
  userRoute(c.listNotifications, async ({ identity }) =>
    ok({ items: await d.repo.notifications(identity.tenantId, identity.unitId, 50) }),
  ),
];
