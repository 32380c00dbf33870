import { exportCampaignAudit, verifyAuditChains } from '@thidua/shared/contracts';
import * as z from 'zod';
import type { ApiClient } from '../../api/client';

/** The audit routes as typed calls; the CSV comes as text (the API answers `text/csv`). */
export const auditService = (api: ApiClient) => ({
  verify: (campaignId: string | undefined) =>
    api.call(verifyAuditChains, { query: campaignId ? { campaignId } : {} }),
  csv: (campaignId: string) =>
    api.get(exportCampaignAudit.path.replace('{campaignId}', encodeURIComponent(campaignId)), z.string()),
});
