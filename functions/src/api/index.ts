import { commendationContracts } from '../commendations/contracts';
import type { RouteContract } from '../http/contract';
import { adminContracts } from './admin';
import { attachmentContracts } from './attachments';
import { auditContracts } from './audit';
import { campaignContracts } from './campaigns';
import { orgContracts } from './org';
import { submissionContracts } from './submissions';
import { systemContracts } from './system';

/** Every contract of the core routes, by operationId (the OpenAPI generator's input). */
export const coreContracts: Readonly<Record<string, RouteContract>> = {
  ...systemContracts,
  ...orgContracts,
  ...campaignContracts,
  ...submissionContracts,
  ...attachmentContracts,
  ...auditContracts,
  ...adminContracts,
  // Commendation and public routes (issue 7) keep their contracts beside their domain.
  ...commendationContracts,
};
