import {
  awardTransition,
  type CouncilSession,
  checkRegister,
  type Decision,
  decisionEntries,
  type GivenNumber,
  type Revocation,
  ruleSetOn,
  splitUnitBodyId,
  vnDate,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import type { PolicyResource } from '@thidua/shared/policy';
import { requireAllowed } from '../../kernel/access';
import { type TxItem, transactWrite } from '../../kernel/data/transact';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';
import type { DocModel } from '../../kernel/pdf/model';
import { fromLifecycleError } from '../../kernel/workflow-errors';
import { unitEventOutbox } from '../notifications/outbox';
import {
  type CommendationDeps,
  provinceResource,
  requireHeadDecisionOf,
  unitDecisionResource,
} from './context';
import { councilNaming, minutesTitle, moveSession } from './council';
import { decisionResource } from './decisions-read';
import type { AwardDecisionInput } from './documents/award-decision';
import { councilSigner, provinceSigner, signatureOf, signerOf } from './documents/signer';
import { documentKey } from './documents-store';
import { numberingSummary, publicationItems, signingModeOf } from './issuing';
import { councilUnit } from './loaders';
import { listEntryOf } from './nominations';
import { nextInRegister, storedIssuingBody, withNextNumber } from './register';
import { actItems, type Seal } from './tx';

/** The decision's lines from a counted session; 422 when nobody reached the threshold. */
const sessionEntries = async (d: CommendationDeps, tenantId: string, s: CouncilSession) => {
  const records = await d.commendations.getRecords(
    tenantId,
    s.agenda.map((a) => a.nominationId),
  );
  const lines = new Map([...records].map(([nid, rec]) => [nid, listEntryOf(rec)]));
  const made = decisionEntries(s, lines);
  if (!made.ok) throw fromLifecycleError(made.error);
  const { entries } = made;
  const awarded = entries.filter((e) => e.outcome === 'awarded');
  if (awarded.length === 0)
    throw new RuleViolation('Không có trường hợp nào đạt tỷ lệ phiếu để khen thưởng', [], 'nothing_to_award');
  return { records, entries, awarded };
};

/**
 * The unsigned draft of a counted session's decision, for the council and the chair to read before
 * signing: marked "DỰ THẢO", the number left blank (nothing is taken), today's date, the chair as signer.
 * The documents group renders it (a newer draft replaces the older); the register and the session do not move.
 */
export const draftDecision = async (
  d: CommendationDeps,
  tenantId: string,
  s: CouncilSession,
  now: Date,
): Promise<{ key: string; model: DocModel }> => {
  if (s.state !== 'closed')
    throw new Conflict('Chỉ phiên họp đã kiểm phiếu, chưa có quyết định mới có dự thảo');
  const { config, body } = await storedIssuingBody(d, tenantId, s.campaignId, s.issuingBodyId, now);
  const { entries } = await sessionEntries(d, tenantId, s);
  const holder = await councilSigner(d, tenantId, s.unitId, now);
  const on = vnDate(now);
  const { decisionDocument } = await import('./documents/decision-doc');
  const model = decisionDocument({
    config: await councilNaming(d, tenantId, s, config),
    issuingBody: body,
    ruleBases: (ruleSetOn(config, on)?.legalBases ?? []).map((b) => b.ref),
    numberText: `      /${body.decisionSymbol}`,
    signedOn: on,
    signature: signatureOf(body.signatureOnBehalf, body.signerTitle, holder),
    minutesRef: minutesTitle(s),
    entries,
    draft: true,
  });
  return { key: documentKey(tenantId, 'draft-decision', s.id, 'docx'), model };
};

/** A decision before it is signed (the one being signed or revoked): the policy leaves it to the chair. */
const unsignedDecision = (d: CommendationDeps, tenantId: string) => provinceResource(d, tenantId, 'decision');

/**
 * The decision a session's council makes, before it is numbered: the province's (its chair signs), or a
 * unit's own council's (ADR 0037: the unit's, its head signs).
 */
const councilDecision = async (
  d: CommendationDeps,
  tenantId: string,
  session: Pick<CouncilSession, 'unitId'> | undefined,
): Promise<PolicyResource> => {
  const unit = await councilUnit(d, tenantId, session?.unitId);
  return unit ? unitDecisionResource(tenantId, unit, 'council') : unsignedDecision(d, tenantId);
};

/**
 * A numbered award decision, made and filed, whether a council voted it or a head decided alone: the next
 * number of its body's register (`given` where the body's văn thư keeps it), the decision and its
 * document's model (the builder loads on first use, not at cold start). The model is stored before the
 * transaction under the decision's own id: a lost race leaves an orphan file that no decision points to,
 * never a decision without its document; the documents group renders from it the DOCX and the PDF the
 * signer signs, and the awardees' XLSX from the decision, each on first download (ADR 0024, 0028).
 * `items` take the number and write the decision, in the caller's one transaction.
 */
export const numberAwardDecision = async (
  d: CommendationDeps,
  identity: Identity,
  now: Date,
  given: GivenNumber | undefined,
  input: Omit<AwardDecisionInput, 'tenantId' | 'registered' | 'at' | 'signerId'>,
): Promise<{ decision: Decision; items: TxItem[] }> => {
  const at = now.toISOString();
  const registered = await nextInRegister(d, identity.tenantId, 'decision', input.body, now, given);
  const [{ awardDecision }, { storeDocument }] = await Promise.all([
    import('./documents/award-decision'),
    import('./documents/store'),
  ]);
  const { decision, model } = awardDecision({
    ...input,
    tenantId: identity.tenantId,
    registered,
    at,
    signerId: identity.userId,
  });
  await storeDocument(d.documents, decision.documentKey, model);
  return {
    decision,
    items: [...registered.claim(`decision#${decision.id}`, at), d.commendations.putDecision(decision)],
  };
};

/**
 * The chair (a unit's council: the unit's head) signs: the decision takes the next number of its issuing body's sequence for the year and
 * today's date. The counter moves from n to n + 1 in the same transaction as the decision, the session
 * (conditioned on not yet decided), every agenda record and one notice per unit; if another signer took
 * n + 1 first, the transaction is refused as a whole and this one retries with the next number. So the
 * register has no gap and no duplicate.
 */
export const signDecision = async (
  d: CommendationDeps,
  identity: Identity,
  sessionId: string,
  now: Date,
  seal: Seal<Decision>,
  signerId?: string,
  given?: GivenNumber,
): Promise<Decision> => {
  const first = await d.commendations.getSession(identity.tenantId, sessionId);
  requireAllowed(identity, 'act', await councilDecision(d, identity.tenantId, first));
  // The council's unit's office holder (the province's chair or deputy), never the clicking user.
  const holder = await councilSigner(d, identity.tenantId, first?.unitId, now, signerId);
  const mode = await signingModeOf(d, identity.tenantId);
  // The counter moved (another decision signed) or the session changed: each attempt reads both again.
  return withNextNumber(async () => {
    const s = await d.commendations.getSession(identity.tenantId, sessionId);
    if (!s) throw new NotFound('Không tìm thấy phiên họp');
    const id = newId(now);
    const { session: decided } = moveSession(s, { type: 'decide', decisionId: id }, identity, now);
    const { config, body } = await storedIssuingBody(
      d,
      identity.tenantId,
      s.campaignId,
      s.issuingBodyId,
      now,
    );
    const { records, entries, awarded } = await sessionEntries(d, identity.tenantId, s);

    const at = now.toISOString();
    const { decision, items: numbered } = await numberAwardDecision(d, identity, now, given, {
      id,
      campaignId: s.campaignId,
      sessionId: s.id,
      config,
      naming: await councilNaming(d, identity.tenantId, s, config),
      body,
      holder,
      entries,
      awarded,
      mode,
      minutesRef: minutesTitle(s),
    });
    const { numberText } = decision;
    const items: TxItem[] = [
      ...numbered,
      d.commendations.putSession(decided, s.version),
      ...entries.map((e) => {
        const rec = records.get(e.nominationId);
        if (!rec) throw new Conflict('Thiếu hồ sơ trong chương trình họp');
        return d.commendations.putRecord(
          {
            ...rec,
            stage: e.outcome,
            outcomeReason: e.outcome === 'awarded' ? null : e.reason,
            decisionId: id,
            decisionNumber: numberText,
            updatedAt: at,
            version: rec.version + 1,
          },
          rec.version,
        );
      }),
      // On paper the decision is issued now; a digital one when its verified signature arrives (ADR 0032).
      ...(mode === 'paper' ? publicationItems(d, decision, now) : []),
    ];
    await transactWrite(
      d.commendations.ref.client,
      await actItems(d, identity, seal, {
        effect: items,
        result: decision,
        audit: [
          {
            kind: 'decision',
            subject: decision,
            action: 'created',
            summary: numberingSummary(mode, numberText),
          },
          {
            kind: 'session',
            subject: decided,
            action: 'decided',
            summary: `Ra quyết định số ${numberText}`,
          },
        ],
      }),
    );
    return decision;
  });
};

/**
 * Who revokes an award of `decision` and who signs the revocation: the province's chair for a council's
 * decision; for one its unit's head made alone, that unit's head (the policy's `headDecision`), the unit's
 * office holder signing — the same authority that decided.
 */
const revocationAuthority = async (
  d: CommendationDeps,
  identity: Identity,
  decision: Decision,
  now: Date,
) => {
  // A unit's body (`ubnd-xa__<unit>`): its head decided alone, or its own council voted (ADR 0037).
  const unitId = splitUnitBodyId(decision.issuingBodyId).unitId;
  if (unitId === null) {
    requireAllowed(identity, 'act', await unsignedDecision(d, identity.tenantId));
    return { holder: await provinceSigner(d, identity.tenantId, now), proposal: null };
  }
  // The decision as the policy sees it (published once issued): another unit reads it, and is refused (403).
  requireAllowed(identity, 'act', await decisionResource(d, decision));
  const head = decision.decidedBy === 'head';
  const unit = await requireHeadDecisionOf(d, identity, unitId, 'act', head ? 'head' : 'council');
  return {
    holder: signerOf(unit, vnDate(now)),
    proposal: head ? `Xét đề nghị của Văn phòng ${unit.name}.` : null,
  };
};

export interface RevocationInput {
  nominationId: string;
  reason: string;
  legalBasis?: string | undefined;
  register?: GivenNumber | undefined;
}

/**
 * Revokes one award: a revocation decision numbered in the same sequence, kept beside the original (which
 * never changes); the record becomes "revoked" and its unit is told.
 */
export const revokeAward = async (
  d: CommendationDeps,
  identity: Identity,
  decisionId: string,
  input: RevocationInput,
  now: Date,
  seal: Seal<Revocation>,
): Promise<Revocation> => {
  const { nominationId, reason, legalBasis } = input;
  const first = await d.commendations.getDecision(identity.tenantId, decisionId);
  if (!first) throw new NotFound('Không tìm thấy quyết định');
  const { holder, proposal } = await revocationAuthority(d, identity, first, now);
  const signerName = holder.name;
  return withNextNumber(async () => {
    const decision = await d.commendations.getDecision(identity.tenantId, decisionId);
    if (!decision) throw new NotFound('Không tìm thấy quyết định');
    const rec = (await d.commendations.getRecords(identity.tenantId, [nominationId])).get(nominationId);
    const revoked = awardTransition({
      decision,
      stage: rec?.stage ?? 'not_awarded',
      action: { type: 'revoke', nominationId, reason, legalBasis },
    });
    if (!revoked.ok) throw fromLifecycleError(revoked.error);
    if (!rec) throw new NotFound('Không tìm thấy hồ sơ');
    const { config, body } = await storedIssuingBody(
      d,
      identity.tenantId,
      decision.campaignId,
      decision.issuingBodyId,
      now,
    );
    const at = now.toISOString();
    const registered = await nextInRegister(d, identity.tenantId, 'decision', body, now, input.register);
    const revocation: Revocation = {
      tenantId: identity.tenantId,
      id: newId(now),
      kind: 'revocation',
      decisionId,
      decisionNumberText: decision.numberText,
      nominationId,
      issuingBodyId: body.id,
      year: registered.year,
      number: registered.number,
      numberText: registered.numberText,
      signedOn: registered.on,
      signedAt: at,
      signerId: identity.userId,
      signerName,
      reason,
      ...(legalBasis ? { legalBasis: legalBasis.trim() } : {}),
      ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
      entry: listEntryOf(rec),
    };
    const docKey = documentKey(identity.tenantId, 'revocation', revocation.id, 'docx');
    const [{ revocationDocument }, { storeDocument }] = await Promise.all([
      import('./documents/revocation-doc'),
      import('./documents/store'),
    ]);
    await storeDocument(
      d.documents,
      docKey,
      revocationDocument({
        config,
        issuingBody: body,
        revocation,
        decisionSignedOn: decision.signedOn,
        signature: signatureOf(body.signatureOnBehalf, body.signerTitle, holder),
        ...(proposal ? { proposal } : {}),
      }),
    );
    const title = `Quyết định số ${revocation.numberText} thu hồi khen thưởng của ${rec.nomineeName}`;
    await transactWrite(
      d.commendations.ref.client,
      await actItems(d, identity, seal, {
        effect: [
          ...registered.claim(`revocation#${revocation.id}`, at),
          d.commendations.putRevocation(revocation),
          d.commendations.putRecord(
            {
              ...rec,
              stage: revoked.stage,
              outcomeReason: reason,
              updatedAt: at,
              version: rec.version + 1,
            },
            rec.version,
          ),
          d.commendations.putNotification({
            tenantId: identity.tenantId,
            unitId: rec.unitId,
            id: newId(now),
            kind: 'revocation',
            refId: revocation.id,
            title,
            at,
          }),
          ...unitEventOutbox(d.config.tableName, {
            tenantId: identity.tenantId,
            kind: 'decision_revoked',
            eventId: revocation.id,
            unitIds: [rec.unitId],
            title,
            reason,
            at,
          }),
        ],
        result: revocation,
        audit: {
          kind: 'revocation',
          subject: { ...revocation, campaignId: decision.campaignId },
          action: 'created',
          summary: `Thu hồi khen thưởng của ${rec.nomineeName}: ${reason}${legalBasis ? ` (căn cứ: ${legalBasis.trim()})` : ''}`,
        },
      }),
    );
    return revocation;
  });
};

/** The register of a year: every number of every issuing body, checked for gaps and duplicates. */
export const registerOf = async (d: CommendationDeps, identity: Identity, year: number) => {
  requireAllowed(identity, 'read', await provinceResource(d, identity.tenantId, 'register'));
  return registerView(d, identity.tenantId, year);
};

/** The register of a year as its reader sees it, once the reader (a person or a key) is authorized. */
export const registerView = async (d: CommendationDeps, tenantId: string, year: number) => {
  const entries = await d.commendations.register(tenantId, year);
  const bodies = [...new Set(entries.map((e) => e.issuingBodyId))];
  return {
    year,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      issuingBodyId: e.issuingBodyId,
      number: e.number,
      numberText: e.numberText,
      signedOn: e.signedOn,
    })),
    checks: bodies.map((b) => ({
      issuingBodyId: b,
      ...checkRegister(entries.filter((e) => e.issuingBodyId === b).map((e) => e.number)),
    })),
  };
};
