import { getInheritedSubmission, getUnitHistory, listPredecessors } from '@thidua/shared/contracts';
import type { ApiClient } from '../../api/client';

/** The history routes as typed calls of their contracts (answers parsed with the documented schemas). */
export const historyService = (api: ApiClient) => ({
  predecessors: () => api.call(listPredecessors).then((r) => r.items),
  unit: (unitId: string) => api.call(getUnitHistory, { params: { unitId } }),
  submission: (tenantId: string, submissionId: string) =>
    api.call(getInheritedSubmission, { params: { tenantId, submissionId } }),
});
