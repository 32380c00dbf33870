import {
  ApprovedNominationView,
  Batch,
  BatchCandidate,
  BatchFindings,
  CommendationConfig,
  CouncilSession,
  Decision,
  DecisionWithRevocations,
  Disclosure,
  DisclosureWithComments,
  Download,
  Revocation,
  SessionView,
  UnitNotification,
} from '@thidua/shared/commendation';
import { z } from 'zod';
import type { ApiClient } from '../../api/client';

/**
 * The commendation API as typed calls: every answer is parsed with the schema the API documents
 * (shared/src/commendation), so a drift fails loudly here instead of rendering wrong data.
 */
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const BatchResult = z.object({ batch: Batch, findings: BatchFindings });
const Voted = z.object({ sessionId: z.string(), voted: z.literal(true), votedAt: z.string() });
const Member = z.object({ userId: z.string(), name: z.string(), title: z.string() });

export const commendationService = (api: ApiClient) => ({
  config: (campaignId: string) =>
    api.get(`/commendations/campaigns/${campaignId}/config`, CommendationConfig),
  candidates: (campaignId: string) =>
    api
      .get(`/commendations/campaigns/${campaignId}/batch-candidates`, items(BatchCandidate))
      .then((r) => r.items),
  batches: (campaignId: string, scope: 'mine' | 'submitted' | 'approved' | 'returned') =>
    api
      .get(`/commendations/campaigns/${campaignId}/batches`, items(Batch), { query: { scope } })
      .then((r) => r.items),
  createBatch: (
    body: { campaignId: string; nominationIds: string[]; reference: string; summary: string },
    key: string,
  ) => api.post('/commendations/batches', body, BatchResult, { idempotencyKey: key }),
  submitBatch: (id: string, expectedVersion: number, key: string) =>
    api.post(`/commendations/batches/${id}/submit`, { expectedVersion }, Batch, { idempotencyKey: key }),
  decideBatch: (
    id: string,
    body:
      | { type: 'approve'; expectedVersion: number }
      | { type: 'return'; reason: string; expectedVersion: number },
    key: string,
  ) => api.post(`/commendations/batches/${id}/decision`, body, Batch, { idempotencyKey: key }),
  batchDocument: (id: string) => api.get(`/commendations/batches/${id}/document`, Download),
  approved: (campaignId: string) =>
    api
      .get(`/commendations/campaigns/${campaignId}/approved`, items(ApprovedNominationView))
      .then((r) => r.items),
  openDisclosure: (
    body: { campaignId: string; title: string; nominationIds: string[]; workingDays: number | null },
    key: string,
  ) => api.post('/commendations/disclosures', body, Disclosure, { idempotencyKey: key }),
  disclosures: (campaignId: string) =>
    api.get(`/commendations/campaigns/${campaignId}/disclosures`, items(Disclosure)).then((r) => r.items),
  disclosure: (id: string) => api.get(`/commendations/disclosures/${id}`, DisclosureWithComments),
  closeDisclosure: (
    id: string,
    reason: string,
    expectedVersion: number,
    key: string,
    authority?: { decidedBy: string; document: string },
  ) =>
    api.post(
      `/commendations/disclosures/${id}/close`,
      { reason, expectedVersion, ...(authority ? { authority } : {}) },
      Disclosure,
      { idempotencyKey: key },
    ),
  councilMembers: () => api.get('/commendations/council/members', items(Member)).then((r) => r.items),
  openSession: (
    body: {
      campaignId: string;
      issuingBodyId: string;
      title: string;
      nominationIds: string[];
      memberIds: string[];
      presidingName: string;
    },
    key: string,
  ) => api.post('/commendations/sessions', body, CouncilSession, { idempotencyKey: key }),
  sessions: (campaignId: string) =>
    api.get(`/commendations/campaigns/${campaignId}/sessions`, items(SessionView)).then((r) => r.items),
  mySessions: () => api.get('/commendations/my-sessions', items(SessionView)).then((r) => r.items),
  vote: (sessionId: string, choices: Record<string, 'agree' | 'disagree' | 'abstain'>, key: string) =>
    api.post(`/commendations/sessions/${sessionId}/ballots`, { choices }, Voted, { idempotencyKey: key }),
  closeSession: (sessionId: string, key: string, meeting?: Record<string, string>) =>
    api.post(`/commendations/sessions/${sessionId}/close`, meeting ? { meeting } : {}, CouncilSession, {
      idempotencyKey: key,
    }),
  minutes: (sessionId: string) => api.get(`/commendations/sessions/${sessionId}/minutes`, Download),
  draftDecision: (sessionId: string) =>
    api.get(`/commendations/sessions/${sessionId}/draft-decision`, Download),
  sign: (sessionId: string, signerId: string | null, key: string) =>
    api.post(`/commendations/sessions/${sessionId}/decision`, signerId ? { signerId } : {}, Decision, {
      idempotencyKey: key,
    }),
  decision: (id: string) => api.get(`/commendations/decisions/${id}`, DecisionWithRevocations),
  decisionDocument: (id: string, format: 'docx' | 'xlsx') =>
    api.get(`/commendations/decisions/${id}/document`, Download, { query: { format } }),
  notifications: () => api.get('/commendations/notifications', items(UnitNotification)).then((r) => r.items),
  revoke: (decisionId: string, nominationId: string, reason: string, key: string) =>
    api.post(`/commendations/decisions/${decisionId}/revocations`, { nominationId, reason }, Revocation, {
      idempotencyKey: key,
    }),
});

export type CommendationService = ReturnType<typeof commendationService>;
