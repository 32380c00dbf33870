import { adminContracts, templateBuilderContracts } from './admin';
import { apiKeyContracts } from './api-keys';
import { attachmentContracts } from './attachments';
import { auditContracts } from './audit';
import { campaignBuilderContracts } from './campaign-builder';
import { campaignContracts } from './campaigns';
import { commendationContracts } from './commendations';
import { documentContracts } from './documents';
import { inboxContracts } from './inbox';
import type { RouteContract } from './kernel';
import { historyContracts, mergerAdminContracts } from './mergers';
import { notificationContracts } from './notifications';
import { orgContracts } from './org';
import { publicContracts } from './public';
import { reviewContracts } from './review';
import { securityContracts } from './security';
import { tenantSettingsContracts } from './settings';
import { submissionContracts } from './submissions';
import { referenceContracts, systemContracts } from './system';

/**
 * Every route, grouped as the API document lists them. CDK deploys exactly these, the local gateway
 * serves them, the OpenAPI document describes them. Kept out of the group files so that importing one
 * contract (the web client, a Lambda) does not pull in the others.
 */
export const contractsByOperation: Readonly<Record<string, RouteContract>> = {
  ...systemContracts,
  ...referenceContracts,
  ...orgContracts,
  ...campaignContracts,
  ...submissionContracts,
  ...reviewContracts,
  ...inboxContracts,
  ...attachmentContracts,
  ...auditContracts,
  ...adminContracts,
  ...campaignBuilderContracts,
  ...templateBuilderContracts,
  ...securityContracts,
  ...tenantSettingsContracts,
  ...mergerAdminContracts,
  ...historyContracts,
  ...commendationContracts,
  ...apiKeyContracts,
  ...documentContracts,
  ...publicContracts,
  ...notificationContracts,
};

export const routes: readonly RouteContract[] = Object.values(contractsByOperation);
