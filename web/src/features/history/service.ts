import {
  consentToMerger,
  getInheritedSubmission,
  getMergerCandidates,
  getUnitHistory,
  listPredecessors,
  mergeTenant,
  type RequestOf,
} from '@thidua/shared/contracts';
import type { ApiClient } from '../../api/client';

/** The history routes as typed calls of their contracts (answers parsed with the documented schemas). */
export const historyService = (api: ApiClient) => ({
  predecessors: () => api.call(listPredecessors).then((r) => r.items),
  unit: (unitId: string) => api.call(getUnitHistory, { params: { unitId } }),
  submission: (tenantId: string, submissionId: string) =>
    api.call(getInheritedSubmission, { params: { tenantId, submissionId } }),
  candidates: (predecessorTenantId: string) =>
    api.call(getMergerCandidates, { query: { predecessorTenantId } }),
  consent: (body: RequestOf<typeof consentToMerger>['body'], idempotencyKey: string) =>
    api.call(consentToMerger, { body, idempotencyKey }),
  merge: (body: RequestOf<typeof mergeTenant>['body'], idempotencyKey: string) =>
    api.call(mergeTenant, { body, idempotencyKey }),
});
