import { attachmentContracts } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { attachmentRoutes } from '../features/attachments/http';
import { isScanResultEvent, recordScanResult, type ScanOutcome } from '../features/attachments/scan';
import { appDeps } from '../kernel/deps';
import type { HttpResult } from '../kernel/http/response';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `attachments` route group: configuration read once, routes from
 * features/attachments/http.ts. EventBridge also invokes it directly with GuardDuty's scan results
 * (infra/src/malware.ts), told apart by `source: 'aws.guardduty'`.
 */
const deps = appDeps();
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
