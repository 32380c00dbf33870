import { attachmentContracts } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { attachmentRoutes } from '../features/attachments/http';
import { attachmentsDep } from '../features/attachments/repository';
import { isScanResultEvent, recordScanResult, type ScanOutcome } from '../features/attachments/scan';
import { filesDep } from '../features/attachments/storage';
import { templatesDep } from '../features/campaigns/repository';
import { unitsDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import type { HttpResult } from '../kernel/http/response';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `attachments` route group: configuration read once, routes from
 * features/attachments/http.ts. EventBridge also invokes it directly with GuardDuty's scan results
 * (infra/src/malware.ts), told apart by `source: 'aws.guardduty'`.
 */
const deps = groupDeps([
  attachmentsDep,
  filesDep,
  submissionsDep,
  unitsDep,
  templatesDep,
  idempotencyDep,
  accountsDep,
]);
const api = createGroupHandler(attachmentContracts, attachmentRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});

export const handler = (
  event: APIGatewayProxyEventV2 | { source: string },
  context?: Context,
): Promise<HttpResult | ScanOutcome> =>
  isScanResultEvent(event)
    ? recordScanResult(deps.attachments, deps.config.bucketName, event)
    : api(event as APIGatewayProxyEventV2, context);
