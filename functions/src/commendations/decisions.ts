import {
  type CouncilSession,
  checkRegister,
  type Decision,
  type DecisionEntry,
  type NominationRecord,
  type Revocation,
  ruleSetOn,
  vnDate,
  vnDateWords,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { TransactionRefused, type TxItem, transactWrite } from '../data/transact';
import { Conflict, NotFound, RuleViolation } from '../http/errors';
import { newId } from '../ids';
import { type CommendationDeps, displayName, provinceResource, requireAllowed } from './context';
import { DOCX_TYPE, documentKey, XLSX_TYPE } from './documents-store';
import { listEntryOf } from './nominations';
import { nextInRegister, storedIssuingBody } from './register';

/** How often a signer retries when another decision took the number it read. */
const NUMBER_ATTEMPTS = 8;

const decisionResource = (d: CommendationDeps, tenantId: string) => provinceResource(d, tenantId, 'decision');

/** The decision's lines from the frozen results: passed → awarded, the others not awarded with the reason. */
export const decisionEntries = (
  s: CouncilSession,
  records: ReadonlyMap<string, NominationRecord>,
): DecisionEntry[] => {
  const results = new Map((s.results ?? []).map((r) => [r.nominationId, r]));
  return s.agenda.map((a) => {
    const r = results.get(a.nominationId);
    const rec = records.get(a.nominationId);
    if (!r || !rec) throw new Conflict('Kết quả phiên họp không đầy đủ');
    return {
      ...listEntryOf(rec),
      awardTypeName: a.awardTypeName,
      outcome: r.passed ? 'awarded' : 'not_awarded',
      reason: r.reason,
      agree: r.agree,
      denominatorCount: r.denominatorCount,
      agreePercent: r.agreePercent,
    };
  });
};

/**
 * The chair signs: the decision takes the next number of its issuing body's sequence for the year and
 * today's date. The counter moves from n to n + 1 in the same transaction as the decision, the session
 * (conditioned on not yet decided), every agenda record and one notice per unit; if another signer took
 * n + 1 first, the transaction is refused as a whole and this one retries with the next number. So the
 * register has no gap and no duplicate.
 */
export const signDecision = async (d: CommendationDeps, identity: Identity, sessionId: string, now: Date) => {
  requireAllowed(identity, 'act', await decisionResource(d, identity.tenantId), true);
  const signerName = await displayName(d, identity);
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const s = await d.repo.getSession(identity.tenantId, sessionId);
    if (!s) throw new NotFound('Không tìm thấy phiên họp');
    if (s.state === 'decided')
      throw new Conflict('Phiên họp đã có quyết định', { decisionId: s.decisionId }, 'already_decided');
    if (s.state !== 'closed')
      throw new Conflict('Phiên họp chưa kết thúc bỏ phiếu', undefined, 'session_open');
    const { config, body } = await storedIssuingBody(d, identity.tenantId, s.campaignId, s.issuingBodyId);
    const records = await d.repo.getRecords(
      identity.tenantId,
      s.agenda.map((a) => a.nominationId),
    );
    const entries = decisionEntries(s, records);
    const awarded = entries.filter((e) => e.outcome === 'awarded');
    if (awarded.length === 0)
      throw new RuleViolation(
        'Không có trường hợp nào đạt tỷ lệ phiếu để khen thưởng',
        [],
        'nothing_to_award',
      );

    const at = now.toISOString();
    const registered = await nextInRegister(d, identity.tenantId, 'decision', body, now);
    const { on: signedOn, year, number: n, numberText } = registered;
    const id = newId(now);
    // The document generators (docx is ~220 KB of the bundle) load on first use, not at cold start.
    const [{ decisionDocx, decisionSubject }, { awardeesXlsx }] = await Promise.all([
      import('./documents/decision-doc'),
      import('./documents/awardees-xlsx'),
    ]);
    const ruleSet = ruleSetOn(config, signedOn);
    const docKey = documentKey(identity.tenantId, 'decision', id, 'docx');
    const xlsxKey = documentKey(identity.tenantId, 'awardees', id, 'xlsx');
    const decision: Decision = {
      tenantId: identity.tenantId,
      id,
      kind: 'award',
      campaignId: s.campaignId,
      sessionId: s.id,
      issuingBodyId: body.id,
      year,
      number: n,
      numberText,
      signedOn,
      signedAt: at,
      signerId: identity.userId,
      signerName,
      signerTitle: body.signerTitle,
      title: decisionSubject(config, awarded),
      entries,
      documentKey: docKey,
      xlsxKey,
    };
    const [docx, xlsx] = [
      await decisionDocx({
        config,
        issuingBody: body,
        ruleBases: (ruleSet?.legalBases ?? []).map((b) => b.ref),
        numberText,
        signedOn,
        signerName,
        minutesRef: `Biên bản số ${s.minutesNumber ?? ''}${s.closedAt ? ` ${vnDateWords(vnDate(s.closedAt))}` : ''}`,
        entries,
      }),
      awardeesXlsx(decision),
    ];
    // Written before the transaction under the decision's own id: a lost race leaves an orphan file that
    // no decision points to, never a decision without its file.
    await Promise.all([d.documents.put(docKey, docx, DOCX_TYPE), d.documents.put(xlsxKey, xlsx, XLSX_TYPE)]);

    const units = [...new Set(entries.map((e) => e.unitId))];
    const items: TxItem[] = [
      registered.claim,
      d.repo.putDecision(decision),
      d.repo.putSession({ ...s, state: 'decided', decisionId: id, version: s.version + 1 }, s.version),
      ...entries.map((e) => {
        const rec = records.get(e.nominationId);
        if (!rec) throw new Conflict('Thiếu hồ sơ trong chương trình họp');
        return d.repo.putRecord(
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
      ...units.map((unitId) =>
        d.repo.putNotification({
          tenantId: identity.tenantId,
          unitId,
          id: newId(now),
          kind: 'decision',
          refId: id,
          title: `Quyết định số ${numberText} ${vnDateWords(signedOn)} về khen thưởng`,
          at,
        }),
      ),
    ];
    try {
      await transactWrite(d.repo.ref.client, items);
      return decision;
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      // The counter moved (another decision signed) or the session changed: read both again.
    }
  }
  throw new Conflict('Nhiều quyết định đang được ký cùng lúc, vui lòng thử lại', undefined, 'numbering_busy');
};

/**
 * Revokes one award: a revocation decision numbered in the same sequence, kept beside the original (which
 * never changes); the record becomes "revoked" and its unit is told.
 */
export const revokeAward = async (
  d: CommendationDeps,
  identity: Identity,
  decisionId: string,
  nominationId: string,
  reason: string,
  now: Date,
) => {
  requireAllowed(identity, 'act', await decisionResource(d, identity.tenantId), true);
  const signerName = await displayName(d, identity);
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const decision = await d.repo.getDecision(identity.tenantId, decisionId);
    if (!decision) throw new NotFound('Không tìm thấy quyết định');
    const entry = decision.entries.find((e) => e.nominationId === nominationId && e.outcome === 'awarded');
    if (!entry)
      throw new RuleViolation('Trường hợp này không được khen thưởng trong quyết định', [], 'not_awarded');
    const rec = (await d.repo.getRecords(identity.tenantId, [nominationId])).get(nominationId);
    if (!rec) throw new NotFound('Không tìm thấy hồ sơ');
    if (rec.stage === 'revoked')
      throw new Conflict('Khen thưởng này đã bị thu hồi', undefined, 'already_revoked');
    const { config, body } = await storedIssuingBody(
      d,
      identity.tenantId,
      decision.campaignId,
      decision.issuingBodyId,
    );
    const at = now.toISOString();
    const registered = await nextInRegister(d, identity.tenantId, 'decision', body, now);
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
      entry: listEntryOf(rec),
    };
    const docKey = documentKey(identity.tenantId, 'revocation', revocation.id, 'docx');
    const { revocationDocx } = await import('./documents/revocation-doc');
    await d.documents.put(
      docKey,
      await revocationDocx({ config, issuingBody: body, revocation, decisionSignedOn: decision.signedOn }),
      DOCX_TYPE,
    );
    try {
      await transactWrite(d.repo.ref.client, [
        registered.claim,
        d.repo.putRevocation(revocation),
        d.repo.putRecord(
          { ...rec, stage: 'revoked', outcomeReason: reason, updatedAt: at, version: rec.version + 1 },
          rec.version,
        ),
        d.repo.putNotification({
          tenantId: identity.tenantId,
          unitId: rec.unitId,
          id: newId(now),
          kind: 'revocation',
          refId: revocation.id,
          title: `Quyết định số ${revocation.numberText} thu hồi khen thưởng của ${rec.nomineeName}`,
          at,
        }),
      ]);
      return revocation;
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
    }
  }
  throw new Conflict('Nhiều quyết định đang được ký cùng lúc, vui lòng thử lại', undefined, 'numbering_busy');
};

/** The register of a year: every number of every issuing body, checked for gaps and duplicates. */
export const registerOf = async (d: CommendationDeps, identity: Identity, year: number) => {
  requireAllowed(identity, 'export', await decisionResource(d, identity.tenantId), true);
  const entries = await d.repo.register(identity.tenantId, year);
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
