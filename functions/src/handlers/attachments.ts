import { attachmentContracts } from '@thidua/shared/contracts';
import { appDeps } from '../deps';
import { attachmentRoutes } from '../groups/attachments';
import { createGroupHandler } from '../http/route';

/** Lambda entry of the `attachments` route group: configuration read once, routes from groups/attachments.ts. */
const deps = appDeps();
export const handler = createGroupHandler(attachmentContracts, attachmentRoutes(deps), {
  idempotency: deps.idempotency,
});
