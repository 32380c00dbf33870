import {
  castBallot,
  checkDecisionSignature,
  closeDisclosure,
  closeSession,
  createApiKey,
  createBatch,
  decideBatch,
  decideByHead,
  getBatchDocument,
  getCertificateTestPrint,
  getCertificateTestPrintPdf,
  getCommendationConfig,
  getDecision,
  getDecisionCertificates,
  getDecisionCertificatesPdf,
  getDecisionDocument,
  getDecisionPdf,
  getDisclosure,
  getDraftDecision,
  getHeadDesk,
  getMinutesDocument,
  getSessionDossier,
  importNominees,
  issueSignedDecision,
  listApiKeys,
  listApprovedNominations,
  listBatchCandidates,
  listBatches,
  listCouncilMembers,
  listDisclosures,
  listMySessions,
  listNotifications,
  listSessions,
  openDisclosure,
  openSession,
  putCommendationConfig,
  type RequestOf,
  revokeApiKey,
  revokeAward,
  signDecision,
  signDecisionOnServer,
  submitBatch,
} from '@thidua/shared/contracts';
import type { ApiClient } from '../../api/client';

/**
 * The commendation API as typed calls of the routes' contracts (`@thidua/shared/contracts`): every answer
 * is parsed with the schema the API documents, so a drift fails loudly here instead of rendering wrong data.
 */
/** A PDF the API answers as a file (the documents group): the client hands it over as a Blob. */
const asPdf = {
  parse: (v: unknown): Blob => {
    if (v instanceof Blob) return v;
    throw new Error('not a PDF');
  },
};
const pdfOptions = { headers: { Accept: 'application/pdf' } };

type BatchScope = NonNullable<RequestOf<typeof listBatches>['query']>['scope'];

export const commendationService = (api: ApiClient) => ({
  config: (campaignId: string) => api.call(getCommendationConfig, { params: { campaignId } }),
  candidates: (campaignId: string) =>
    api.call(listBatchCandidates, { params: { campaignId } }).then((r) => r.items),
  batches: (campaignId: string, scope: BatchScope) =>
    api.call(listBatches, { params: { campaignId }, query: { scope } }).then((r) => r.items),
  createBatch: (body: RequestOf<typeof createBatch>['body'], idempotencyKey: string) =>
    api.call(createBatch, { body, idempotencyKey }),
  submitBatch: (batchId: string, expectedVersion: number, idempotencyKey: string) =>
    api.call(submitBatch, { params: { batchId }, body: { expectedVersion }, idempotencyKey }),
  decideBatch: (batchId: string, body: RequestOf<typeof decideBatch>['body'], idempotencyKey: string) =>
    api.call(decideBatch, { params: { batchId }, body, idempotencyKey }),
  batchDocument: (batchId: string) => api.call(getBatchDocument, { params: { batchId } }),
  approved: (campaignId: string) =>
    api.call(listApprovedNominations, { params: { campaignId } }).then((r) => r.items),
  openDisclosure: (body: RequestOf<typeof openDisclosure>['body'], idempotencyKey: string) =>
    api.call(openDisclosure, { body, idempotencyKey }),
  disclosures: (campaignId: string) =>
    api.call(listDisclosures, { params: { campaignId } }).then((r) => r.items),
  disclosure: (disclosureId: string) => api.call(getDisclosure, { params: { disclosureId } }),
  closeDisclosure: (
    disclosureId: string,
    reason: string,
    expectedVersion: number,
    idempotencyKey: string,
    authority?: { decidedBy: string; document: string },
  ) =>
    api.call(closeDisclosure, {
      params: { disclosureId },
      body: { reason, expectedVersion, ...(authority ? { authority } : {}) },
      idempotencyKey,
    }),
  councilMembers: () => api.call(listCouncilMembers).then((r) => r.items),
  openSession: (body: RequestOf<typeof openSession>['body'], idempotencyKey: string) =>
    api.call(openSession, { body, idempotencyKey }),
  sessions: (campaignId: string) => api.call(listSessions, { params: { campaignId } }).then((r) => r.items),
  mySessions: () => api.call(listMySessions).then((r) => r.items),
  vote: (
    sessionId: string,
    choices: Record<string, 'agree' | 'disagree' | 'abstain'>,
    idempotencyKey: string,
  ) => api.call(castBallot, { params: { sessionId }, body: { choices }, idempotencyKey }),
  closeSession: (
    sessionId: string,
    idempotencyKey: string,
    meeting?: NonNullable<RequestOf<typeof closeSession>['body']>['meeting'],
  ) => api.call(closeSession, { params: { sessionId }, body: meeting ? { meeting } : {}, idempotencyKey }),
  minutes: (sessionId: string) => api.call(getMinutesDocument, { params: { sessionId } }),
  draftDecision: (sessionId: string) => api.call(getDraftDecision, { params: { sessionId } }),
  dossier: (sessionId: string) => api.call(getSessionDossier, { params: { sessionId } }),
  certificates: (decisionId: string, blankId: string) =>
    api.call(getDecisionCertificates, { params: { decisionId }, query: { blankId } }),
  testPrint: (campaignId: string, blankId: string) =>
    api.call(getCertificateTestPrint, { params: { campaignId, blankId } }),
  /** The certificates as PDF on the blank (print at actual size): the documents Lambda renders them. */
  certificatesPdf: (decisionId: string, blankId: string) =>
    api.get(getDecisionCertificatesPdf.path.replace('{decisionId}', encodeURIComponent(decisionId)), asPdf, {
      ...pdfOptions,
      query: { blankId },
    }),
  testPrintPdf: (campaignId: string, blankId: string) =>
    api.get(
      getCertificateTestPrintPdf.path
        .replace('{campaignId}', encodeURIComponent(campaignId))
        .replace('{blankId}', encodeURIComponent(blankId)),
      asPdf,
      pdfOptions,
    ),
  putConfig: (
    campaignId: string,
    config: RequestOf<typeof putCommendationConfig>['body'],
    idempotencyKey: string,
  ) => api.call(putCommendationConfig, { params: { campaignId }, body: config, idempotencyKey }),
  /** Checks (dryRun) or imports a nominee list; the import needs its key (a retry writes once). */
  importNominees: (
    campaignId: string,
    body: RequestOf<typeof importNominees>['body'],
    idempotencyKey?: string,
  ) =>
    api.call(importNominees, {
      params: { campaignId },
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
  sign: (
    sessionId: string,
    signerId: string | null,
    idempotencyKey: string,
    register?: { number: number; date: string },
  ) =>
    api.call(signDecision, {
      params: { sessionId },
      body: { ...(signerId ? { signerId } : {}), ...(register ? { register } : {}) },
      idempotencyKey,
    }),
  decision: (decisionId: string) => api.call(getDecision, { params: { decisionId } }),
  decisionDocument: (decisionId: string, format: 'docx' | 'xlsx') =>
    api.call(getDecisionDocument, { params: { decisionId }, query: { format } }),
  decisionPdf: (decisionId: string) => api.call(getDecisionPdf, { params: { decisionId } }),
  /** Verifies a signed copy (PAdES) against the generated PDF; nothing is written. */
  checkSignature: (decisionId: string, pdfBase64: string) =>
    api.call(checkDecisionSignature, { params: { decisionId }, body: { pdf: pdfBase64 } }),
  /** Uploads the signed PDF: verified, stored, audited, and the decision issued (irreversible). */
  issueSigned: (decisionId: string, pdfBase64: string, idempotencyKey: string) =>
    api.call(issueSignedDecision, { params: { decisionId }, body: { pdf: pdfBase64 }, idempotencyKey }),
  /** Signs with the deployment's own key (AWS KMS) and issues the decision: its signer only. */
  signOnServer: (decisionId: string, idempotencyKey: string) =>
    api.call(signDecisionOnServer, { params: { decisionId }, idempotencyKey }),
  notifications: () => api.call(listNotifications).then((r) => r.items),
  revoke: (
    decisionId: string,
    nominationId: string,
    reason: string,
    idempotencyKey: string,
    legalBasis?: string,
  ) =>
    api.call(revokeAward, {
      params: { decisionId },
      body: { nominationId, reason, ...(legalBasis ? { legalBasis } : {}) },
      idempotencyKey,
    }),
  apiKeys: () => api.call(listApiKeys).then((r) => r.items),
  createApiKey: (body: RequestOf<typeof createApiKey>['body'], idempotencyKey: string) =>
    api.call(createApiKey, { body, idempotencyKey }),
  revokeApiKey: (keyId: string, idempotencyKey: string) =>
    api.call(revokeApiKey, { params: { keyId }, idempotencyKey }),
  headDesk: (campaignId: string) => api.call(getHeadDesk, { params: { campaignId } }),
  decideByHead: (body: RequestOf<typeof decideByHead>['body'], idempotencyKey: string) =>
    api.call(decideByHead, { body, idempotencyKey }),
});
