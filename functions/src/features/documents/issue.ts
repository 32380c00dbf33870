import { type Decision, issueRefusal, issueTransition } from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import type { SignatureFacts, Verification } from '../../kernel/pdf/pades-verify';
import { PDF_TYPE } from '../../kernel/pdf/render';
import { fromLifecycleError } from '../../kernel/workflow-errors';
import type { CommendationDeps } from '../commendations/context';
import { decisionResource } from '../commendations/decisions-read';
import { publicationItems } from '../commendations/issuing';
import { commitAct, type Seal } from '../commendations/tx';

/** Where a decision's signed PDF is kept: beside its generated files, one key per distinct upload. */
export const signedPdfKey = (decision: Pick<Decision, 'documentKey'>, sha256: string): string =>
  decision.documentKey.replace(/\.docx$/u, `.signed-${sha256.slice(0, 16)}.pdf`);

/** The decision an upload is for, if the caller may sign it and it still awaits its signature. */
export const decisionToSign = async (
  d: CommendationDeps,
  identity: Identity,
  decisionId: string,
  o: { ownSignerOnly?: boolean } = {},
): Promise<Decision> => {
  const decision = await d.commendations.getDecision(identity.tenantId, decisionId);
  if (!decision) throw new NotFound('Không tìm thấy quyết định');
  // A server-side signature is its signer's act alone (the policy decides, given the decision's signer).
  const resource = await decisionResource(d, decision);
  requireAllowed(identity, 'act', o.ownSignerOnly ? { ...resource, signerId: decision.signerId } : resource);
  // Refused before any verification work when it cannot be issued by a signature anyway.
  const refused = issueRefusal(decision);
  if (refused) throw fromLifecycleError(refused);
  return decision;
};

/**
 * Issues a numbered decision with its verified signed PDF (ADR 0032): the file is stored create-only,
 * then ONE transaction replaces the decision (only while it awaits its signature: a concurrent upload that
 * lost finds it issued, 409) with the signature's facts, writes its search entries, the units' notices
 * and outbox, and appends the signature to the decision's audit chain. A refused verification writes
 * nothing. `verification` is the verifier's answer for `signed`.
 */
export const issueSigned = async (
  d: CommendationDeps,
  identity: Identity,
  decision: Decision,
  signed: Uint8Array,
  verification: Verification,
  via: 'upload' | 'server',
  now: Date,
  seal: Seal<Decision>,
): Promise<Decision> => {
  if (!verification.ok)
    throw new RuleViolation(
      verification.message,
      [{ path: 'body.pdf', message: verification.message }],
      verification.code,
    );
  const f: SignatureFacts = verification.facts;
  const at = now.toISOString();
  const pdfKey = signedPdfKey(decision, f.sha256);
  // Create-only: the same bytes uploaded twice find their file already there, which is the same file.
  await d.documents.putOnce(pdfKey, signed, PDF_TYPE);
  const next = issueTransition(decision, {
    type: 'attach_signature',
    at,
    signature: {
      pdfKey,
      sha256: f.sha256,
      signerName: f.signerName,
      signerSubject: f.signerSubject,
      issuer: f.issuer,
      serialNumber: f.serialNumber,
      signedAt: f.signedAt,
      timestamped: f.timestamped === true,
      ocsp: f.ocsp,
      ...(f.ocspSource ? { ocspSource: f.ocspSource } : {}),
      ocspIgnored: f.ocspIgnored,
      via,
      verifiedAt: at,
      verifiedBy: identity.userId,
    },
  });
  if (!next.ok) throw fromLifecycleError(next.error);
  const issued = next.decision;
  return commitAct(d, identity, seal, {
    effect: [d.commendations.issueDecisionItem(issued), ...publicationItems(d, issued, now)],
    result: issued,
    audit: {
      kind: 'decision',
      subject: issued,
      action: 'issued',
      summary:
        `Ban hành quyết định số ${issued.numberText}: chữ ký số của ${f.signerName} ` +
        `(chứng thư số ${f.serialNumber}, cấp bởi ${f.issuer}) lúc ${f.signedAt}; SHA-256 ${f.sha256}`,
    },
    what: 'Quyết định',
    refused: () =>
      new Conflict('Quyết định vừa được ban hành bởi một lần tải lên khác', undefined, 'already_issued'),
  });
};
