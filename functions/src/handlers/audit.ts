import { auditContracts } from '@thidua/shared/contracts';
import { attachmentsDep } from '../features/attachments/repository';
import { filesDep } from '../features/attachments/storage';
import { anchorStore, auditRoutes } from '../features/audit/http';
import { isScheduledJob, runAuditJob } from '../features/audit/jobs';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { unitsDep, usersDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `audit` route group: configuration read once, routes from features/audit/http.ts. The
 * same function runs the scheduled anchoring of chain heads (`{ "job": "audit-anchor" }`, from
 * EventBridge on AWS and functions/local/scheduler.ts locally).
 */
const deps = groupDeps([
  attachmentsDep,
  campaignsDep,
  filesDep,
  submissionsDep,
  usersDep,
  unitsDep,
  templatesDep,
  idempotencyDep,
  accountsDep,
]);
const http = createGroupHandler(auditContracts, auditRoutes(deps), {
  idempotency: deps.idempotency,
  accounts: deps.accounts,
});

export const handler = (event: unknown, context: Parameters<typeof http>[1]) =>
  isScheduledJob(event)
    ? runAuditJob(deps, event, anchorStore(deps))
    : http(event as Parameters<typeof http>[0], context);
