import { randomUUID } from 'node:crypto';
import {
  type AgendaItem,
  type BallotPaper,
  type CommendationConfig,
  type CouncilSession,
  disclosureStatus,
  findAwardType,
  findIssuingBody,
  issuingBodyOfUnit,
  type MeetingRecord,
  type NominationRecord,
  ruleSetOn,
  type SessionAction,
  sessionTransition,
  splitUnitBodyId,
  tallySession,
  vnDate,
  vnDateWords,
} from '@thidua/shared/commendation';
import { ballotOpenIntent, decisionToSignIntent } from '@thidua/shared/notifications';
import type { Identity, Unit, User } from '@thidua/shared/org';
import { can, type PolicyResource } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';
import { fromLifecycleError } from '../../kernel/workflow-errors';
import { outboxItems } from '../notifications/intents';
import { type CommendationDeps, commendationConfigOf, displayName, rootUnit } from './context';
import { councilSigners } from './documents/signer';
import { documentKey } from './documents-store';
import { signingModeOf } from './issuing';
import { councilResource, councilUnit, loadSession, sessionResource } from './loaders';
import { approvedAtUnit, approvedNominations, approvedRecord, throwIfViolations } from './nominations';
import { nextInRegister, registerModeOf, storedIssuingBody } from './register';
import { actItems, commitAct, type Seal } from './tx';

/**
 * The sign transaction carries the counter, the decision, the session, one record per agenda item and one
 * notice per unit: 45 items keep it under DynamoDB's 100.
 */
export const MAX_AGENDA = 45;

export interface OpenSessionInput {
  campaignId: string;
  issuingBodyId: string;
  title: string;
  nominationIds: string[];
  memberIds: string[];
  presidingName: string;
}

/** A user as the policy sees a caller: whether they may vote decides whether they sit on the council. */
const asIdentity = (u: User): Identity => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  tenantId: u.tenantId,
  unitId: u.unitId,
  roles: u.roles,
});

/** The active users the policy lets vote in a council's sessions (`council`: its sessions' resource). */
export const mayVote = (users: readonly (User | undefined)[], council: PolicyResource) =>
  users.map((u) => u?.active === true && can(asIdentity(u), 'vote', council));

/** A session action, or its refusal as the API's error (409 carries the current session). */
export const moveSession = (s: CouncilSession, action: SessionAction, actor: Identity, now: Date) => {
  const r = sessionTransition({ session: s, action, actor, now: now.toISOString() });
  if (!r.ok)
    throw fromLifecycleError(r.error, r.error.code === 'already_decided' ? { decisionId: s.decisionId } : s);
  return r;
};

/**
 * The council the caller's unit holds, with its sessions' policy resource: the province's for the
 * province's staff, a commune's (ward's, department's) own below it (ADR 0037).
 */
export const callersCouncil = async (d: Pick<CommendationDeps, 'units'>, identity: Identity) => {
  const unit = await councilUnit(d, identity.tenantId, identity.unitId);
  return { unit, resource: await councilResource(d, identity.tenantId, unit) };
};

/**
 * The issuing body a session of `unit`'s council decides for: the province's council any configured
 * body (as always); a unit's own council only the unit-scoped body, made concrete for the unit
 * ("ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHÚ", id `ubnd-xa__<unit>`: its own register).
 */
const sessionBody = (config: CommendationConfig, issuingBodyId: string, unit: Unit | null) => {
  const refused = (message: string) =>
    new RuleViolation('Cơ quan ban hành không có trong cấu hình', [{ path: 'body.issuingBodyId', message }]);
  if (!unit) {
    const body = findIssuingBody(config, issuingBodyId);
    if (!body) throw refused('Không hợp lệ');
    // A commune's body decides in the commune's own council, numbered in the commune's register.
    if (body.unitScoped) throw refused('Cơ quan ban hành của cấp xã: do Hội đồng của xã, phường xét');
    return { configured: body, body };
  }
  const named = splitUnitBodyId(issuingBodyId);
  const configured = findIssuingBody(config, named.bodyId);
  if (!configured) throw refused('Không hợp lệ');
  if (!configured.unitScoped || (named.unitId !== null && named.unitId !== unit.id))
    throw refused(`Hội đồng của ${unit.name} chỉ xét khen thưởng do ${unit.name} ban hành`);
  return { configured, body: issuingBodyOfUnit(configured, unit) };
};

/**
 * The nominations a council may put on its agenda: at the province, the province-approved ones; at a
 * unit, those whose review ENDED there (approved, the last level of their chain is the unit — as its
 * head's decisions take) and that nothing took up yet.
 */
const agendaCandidates = async (
  d: CommendationDeps,
  tenantId: string,
  unit: Unit | null,
  campaignId: string,
) => {
  if (unit) return approvedAtUnit(d, tenantId, unit.id, campaignId);
  return approvedNominations(d, tenantId, (await rootUnit(d, tenantId)).id, campaignId);
};

/**
 * Opens a council session on the nominations its council may decide (`agendaCandidates`). Each must pass
 * the rules again, belong to the issuing body, and have finished its public disclosure when its award
 * type requires one. The members are fixed at opening (all-members denominators count them): the
 * council's unit's members, as the policy lets them vote.
 */
export const openSession = async (
  d: CommendationDeps,
  identity: Identity,
  input: OpenSessionInput,
  now: Date,
  seal: Seal<CouncilSession>,
): Promise<CouncilSession> => {
  const council = await callersCouncil(d, identity);
  requireAllowed(identity, 'create', council.resource);
  if (input.nominationIds.length === 0 || input.nominationIds.length > MAX_AGENDA)
    throw new RuleViolation(`Chương trình họp có từ 1 đến ${MAX_AGENDA} trường hợp`, [], 'agenda_size');
  const { config, campaign } = await commendationConfigOf(d, identity.tenantId, input.campaignId);
  const { configured, body } = sessionBody(config, input.issuingBodyId, council.unit);
  const at = now.toISOString();
  const approved = new Map(
    (await agendaCandidates(d, identity.tenantId, council.unit, input.campaignId)).map((a) => [
      a.summary.id,
      a,
    ]),
  );

  const prepared = await Promise.all(
    input.nominationIds.map(async (nid, i) => {
      const a = approved.get(nid);
      const s = a ? await d.submissions.get(identity.tenantId, nid) : undefined;
      if (!a || !s)
        throw new RuleViolation(
          council.unit
            ? `Chỉ đưa ra Hội đồng hồ sơ đã được ${council.unit.name} xét duyệt xong`
            : 'Chỉ đưa ra Hội đồng hồ sơ đã được tỉnh thẩm định',
          [{ path: `nominationIds.${i}`, message: 'Hồ sơ chưa được thẩm định hoặc đã được xét' }],
        );
      return approvedRecord(d, s, a.record, config, at);
    }),
  );
  throwIfViolations(prepared);

  const details: { path: string; message: string }[] = [];
  const disclosureIds = new Set<string>();
  const agenda: AgendaItem[] = [];
  for (const [i, p] of prepared.entries()) {
    const ruleSet = ruleSetOn(config, p.facts.openedOn);
    const award = ruleSet ? findAwardType(ruleSet, p.record.awardTypeId) : null;
    const who = p.record.nomineeName;
    if (!award?.voteRule) {
      details.push({ path: `nominationIds.${i}`, message: `${who}: hình thức không xét qua Hội đồng` });
      continue;
    }
    if (award.issuingBodyId !== configured.id) {
      details.push({
        path: `nominationIds.${i}`,
        message: `${who}: "${award.name}" không thuộc thẩm quyền của ${body.name}`,
      });
      continue;
    }
    if (award.disclosureWorkingDays > 0) {
      const disclosure = p.record.disclosureId
        ? await d.commendations.getDisclosure(identity.tenantId, p.record.disclosureId)
        : undefined;
      if (!disclosure) {
        details.push({
          path: `nominationIds.${i}`,
          message: `${who}: "${award.name}" phải được công khai trước khi đưa ra Hội đồng`,
        });
        continue;
      }
      if (disclosureStatus(disclosure, at) !== 'ended') {
        details.push({
          path: `nominationIds.${i}`,
          message: `${who}: chưa hết thời gian công khai (đến hết ngày ${disclosure.closesOn})`,
        });
        continue;
      }
      disclosureIds.add(disclosure.id);
    } else if (p.record.disclosureId) disclosureIds.add(p.record.disclosureId);
    agenda.push({
      nominationId: p.record.nominationId,
      unitId: p.record.unitId,
      unitName: p.record.unitName,
      nomineeKind: p.record.nomineeKind,
      nomineeName: p.record.nomineeName,
      nomineeTitle: p.record.nomineeTitle,
      awardTypeId: award.id,
      awardTypeName: award.name,
      voteRule: award.voteRule,
    });
  }
  if (details.length > 0)
    throw new RuleViolation('Có hồ sơ chưa đưa ra Hội đồng được', details, 'agenda_refused');

  const unique = [...new Set(input.memberIds)];
  const users = await Promise.all(unique.map((u) => d.users.get(identity.tenantId, u)));
  const voters = mayVote(users, council.resource);
  const members = users.map((u, i) => {
    if (!u || !voters[i])
      throw new RuleViolation('Thành viên không hợp lệ', [
        { path: `memberIds.${i}`, message: 'Không phải thành viên Hội đồng' },
      ]);
    return { userId: u.id, name: u.name };
  });
  if (members.length === 0)
    throw new RuleViolation('Phiên họp cần ít nhất một thành viên', [
      { path: 'memberIds', message: 'Trống' },
    ]);

  const session: CouncilSession = {
    tenantId: identity.tenantId,
    id: newId(now),
    ...(council.unit ? { unitId: council.unit.id } : {}),
    campaignId: input.campaignId,
    issuingBodyId: body.id,
    title: input.title,
    state: 'open',
    members,
    agenda,
    ballotCount: 0,
    openedAt: at,
    openedBy: identity.userId,
    closedAt: null,
    closedBy: null,
    results: null,
    disclosureIds: [...disclosureIds],
    minutesKey: null,
    minutesNumber: null,
    presidingName: input.presidingName,
    decisionId: null,
    version: 1,
  };
  return commitAct(d, identity, seal, {
    effect: [
      d.commendations.putSession(session, null),
      // Each member is asked for a ballot (issue 16): one outbox item, in the same transaction.
      ...outboxItems(d.config.tableName, [
        ballotOpenIntent({
          session,
          issuingBodyName: body.name,
          naming: { campaignId: campaign.id, campaignTitle: campaign.title },
          at,
        }),
      ]),
      ...prepared.map((p) =>
        d.commendations.putRecord(
          { ...p.record, stage: 'on_agenda', sessionId: session.id },
          p.expectedVersion,
        ),
      ),
    ],
    result: session,
    audit: {
      kind: 'session',
      subject: session,
      action: 'created',
      summary: `Mở phiên họp, ${prepared.length} trường hợp`,
    },
    what: 'Phiên họp',
  });
};

/** The next number and the possible signers, read only: nothing is claimed until the chair signs. */
const signingPreview = async (d: CommendationDeps, tenantId: string, s: CouncilSession) => {
  const now = new Date();
  const { config, body } = await storedIssuingBody(d, tenantId, s.campaignId, s.issuingBodyId, now, {
    issuing: false,
  });
  // Where the body's văn thư keeps the register, the number is theirs to give at signing.
  const external = registerModeOf(body) === 'external';
  const next = external ? null : await nextInRegister(d, tenantId, 'decision', body, now);
  const [signers, signingMode] = await Promise.all([
    councilSigners(d, tenantId, s.unitId, now),
    signingModeOf(d, tenantId),
  ]);
  const cited = [...body.bases, ...(ruleSetOn(config, vnDate(now))?.legalBases ?? [])];
  return {
    nextNumberText: next?.numberText ?? '',
    year: next?.year ?? Number(vnDate(now).slice(0, 4)),
    registerMode: external ? ('external' as const) : ('product' as const),
    signingMode,
    signers: signers.map(({ id, name, title, role }) => ({ id, name, title, role })),
    issuer: body.name,
    bases: cited.map((b) => ({ ref: b.ref, toVerify: b.toVerify, ...(b.note ? { note: b.note } : {}) })),
  };
};

/**
 * What a caller may see of a session. Results appear only once closed; a member sees THAT they voted.
 * No route returns ballot papers, and nothing returned links a member to a choice.
 */
export const sessionView = async (d: CommendationDeps, identity: Identity, s: CouncilSession) => {
  const mine = s.members.some((m) => m.userId === identity.userId)
    ? await d.commendations.myParticipation(identity.tenantId, s.id, identity.userId)
    : undefined;
  return {
    ...s,
    results: s.state === 'open' ? null : s.results,
    signing: s.state === 'closed' ? await signingPreview(d, identity.tenantId, s) : null,
    myBallot: {
      isMember: s.members.some((m) => m.userId === identity.userId),
      voted: mine !== undefined,
      votedAt: mine?.votedAt ?? null,
    },
  };
};

export interface BallotCast {
  sessionId: string;
  voted: true;
  votedAt: string;
}

/** A secret ballot: the THAT-voted record and the anonymous paper in one transaction. */
export const castBallot = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  paper: BallotPaper,
  now: Date,
  seal: Seal<BallotCast>,
): Promise<BallotCast> => {
  const s = await loadSession(d, identity, id, 'vote');
  const valid = moveSession(s, { type: 'vote', paper }, identity, now).paper ?? paper;
  const votedAt = now.toISOString();
  const cast: BallotCast = { sessionId: s.id, voted: true, votedAt };
  const voter = { userId: identity.userId, name: await displayName(d, identity), votedAt };
  return commitAct(d, identity, seal, {
    effect: d.commendations.voteItems(s, voter, randomUUID(), valid),
    result: cast,
    // THAT the member voted, in a chain of its own; the paper is anonymous and never chained.
    audit: {
      kind: 'vote',
      subject: { ...voter, tenantId: s.tenantId, sessionId: s.id, campaignId: s.campaignId },
      action: 'created',
      summary: `${voter.name} đã bỏ phiếu`,
    },
    what: 'Phiếu bầu',
    refused: (err) =>
      err.reasonAt(1)?.code === 'ConditionalCheckFailed'
        ? new Conflict('Bạn đã bỏ phiếu trong phiên họp này', undefined, 'already_voted')
        : err.reasonAt(0)?.code === 'ConditionalCheckFailed'
          ? new Conflict('Phiên họp đã kết thúc bỏ phiếu', undefined, 'session_closed')
          : new Conflict('Hệ thống đang bận, vui lòng bỏ phiếu lại'),
  });
};

/**
 * Closes the vote: tallies the anonymous papers, freezes the results, numbers and generates the minutes,
 * and moves every agenda item to passed or failed — one transaction, conditioned on the session still
 * being open with exactly the papers counted (a late paper makes the close retry).
 */
export const closeSession = async (
  d: CommendationDeps,
  identity: Identity,
  id: string,
  now: Date,
  seal: Seal<CouncilSession>,
  meeting?: MeetingRecord,
): Promise<CouncilSession> => {
  const councilUnitId = (await loadSession(d, identity, id, 'act')).unitId;
  for (let attempt = 0; attempt < 5; attempt++) {
    const s = await d.commendations.getSession(identity.tenantId, id);
    if (!s) throw new NotFound('Không tìm thấy phiên họp');
    const [papers, voters] = await Promise.all([
      d.commendations.papers(identity.tenantId, id),
      d.commendations.participation(identity.tenantId, id),
    ]);
    if (papers.length !== s.ballotCount || voters.length !== s.ballotCount) continue;
    const { config, campaign, body } = await storedIssuingBody(
      d,
      identity.tenantId,
      s.campaignId,
      s.issuingBodyId,
      now,
    );
    const at = now.toISOString();
    const minutes = await nextInRegister(d, identity.tenantId, 'minutes', body, now);
    const { numberText, on: heldOn } = minutes;
    const minutesKey = documentKey(identity.tenantId, 'minutes', s.id, 'docx');
    const { session: closed } = moveSession(
      s,
      { type: 'close', results: tallySession(s, papers), minutesKey, minutesNumber: numberText },
      identity,
      now,
    );
    const results = closed.results ?? [];

    const disclosures = (
      await Promise.all(s.disclosureIds.map((x) => d.commendations.getDisclosure(identity.tenantId, x)))
    ).filter((x) => x !== undefined);
    const comments = (
      await Promise.all(s.disclosureIds.map((x) => d.commendations.comments(identity.tenantId, x)))
    ).flat();
    const names = new Map(s.agenda.map((a) => [a.nominationId, a.nomineeName]));
    // The model builder loads on the route that writes the minutes; the documents group renders its files.
    const [{ minutesDocument }, { storeDocument }] = await Promise.all([
      import('./documents/minutes-doc'),
      import('./documents/store'),
    ]);
    const model = minutesDocument({
      config: await councilNaming(d, identity.tenantId, s, config),
      issuingBody: body,
      numberText,
      heldOn,
      sessionTitle: s.title,
      memberCount: s.members.length,
      presentNames: voters.map((v) => v.name).sort((a, b) => a.localeCompare(b, 'vi')),
      absentNames: s.members
        .filter((m) => !voters.some((v) => v.userId === m.userId))
        .map((m) => m.name)
        .sort((a, b) => a.localeCompare(b, 'vi')),
      ...(meeting ? { meeting } : {}),
      agenda: s.agenda,
      results,
      comments: comments.map((c) => ({
        ...c,
        nomineeName: c.nominationId ? (names.get(c.nominationId) ?? null) : null,
      })),
      earlyClosures: disclosures.flatMap((x) =>
        x.closedEarly ? [{ title: x.title, reason: x.closedEarly.reason }] : [],
      ),
      disclosures: disclosures.map((x) => ({ title: x.title, opensOn: x.opensOn, closesOn: x.closesOn })),
      chairName: s.presidingName,
      secretaryName: await displayName(d, identity),
    });
    await storeDocument(d.documents, minutesKey, model);

    const records = await d.commendations.getRecords(
      identity.tenantId,
      s.agenda.map((a) => a.nominationId),
    );
    const recordItems: TxItem[] = results.map((r) => {
      const rec = records.get(r.nominationId);
      if (!rec) throw new Conflict('Thiếu hồ sơ trong chương trình họp');
      const next: NominationRecord = {
        ...rec,
        stage: r.passed ? 'passed' : 'failed',
        outcomeReason: r.reason,
        updatedAt: at,
        version: rec.version + 1,
      };
      return d.commendations.putRecord(next, rec.version);
    });
    try {
      await transactWrite(
        d.commendations.ref.client,
        await actItems(d, identity, seal, {
          effect: [
            d.commendations.closeSessionItem(closed, s.ballotCount),
            ...minutes.claim(`minutes#${s.id}`, at),
            ...recordItems,
            // Counted, the decision awaits its signer (issue 16): in the close's own transaction.
            ...outboxItems(d.config.tableName, [
              decisionToSignIntent({
                session: closed,
                // The council's unit signs: its head (the province's chair for the province's council).
                signerUnitId: councilUnitId ?? (await rootUnit(d, identity.tenantId)).id,
                ...(councilUnitId ? { signerRoles: ['unit_head' as const] } : {}),
                issuingBodyName: body.name,
                naming: { campaignId: campaign.id, campaignTitle: campaign.title },
                at,
              }),
            ]),
          ],
          result: closed,
          audit: {
            kind: 'session',
            subject: closed,
            action: 'close',
            summary: `Kết thúc bỏ phiếu: ${s.ballotCount} phiếu, ${results.filter((r) => r.passed).length}/${results.length} trường hợp đạt`,
          },
        }),
      );
      return closed;
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      // A paper arrived, or another close or minutes number won: read again and retry.
    }
  }
  throw new Conflict('Phiên họp đang có thay đổi, vui lòng thử lại');
};

/**
 * The configuration as a session's documents name its council: a unit's own council is its unit's
 * ("Hội đồng Thi đua - Khen thưởng phường Tân Phú"), its standing office the unit's; the configured names
 * are the province's.
 */
export const councilNaming = async (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  s: Pick<CouncilSession, 'unitId'>,
  config: CommendationConfig,
): Promise<CommendationConfig> => {
  const unit = await councilUnit(d, tenantId, s.unitId);
  if (!unit) return config;
  const unitName = `${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}`;
  return {
    ...config,
    councilName: `Hội đồng Thi đua - Khen thưởng ${unitName}`,
    secretariatName: `Văn phòng ${unit.name}`,
  };
};

export const minutesTitle = (s: Pick<CouncilSession, 'minutesNumber' | 'closedAt'>): string =>
  `Biên bản số ${s.minutesNumber ?? ''}${s.closedAt ? ` ${vnDateWords(vnDate(s.closedAt))}` : ''}`;

export { loadSession, sessionResource };
