import { notificationContracts } from '@thidua/shared/contracts';
import { auditDep } from '../features/audit/chains';
import { campaignsDep, templatesDep } from '../features/campaigns/repository';
import { type EmailChannel, sesEmailChannel, smtpEmailChannel } from '../features/notifications/channels';
import { loadNotifyConfig } from '../features/notifications/config';
import type { DeliveryDeps } from '../features/notifications/delivery';
import { isDigestJob, runDigestJob } from '../features/notifications/digest';
import { notificationRoutes } from '../features/notifications/http';
import {
  handleSesFeedback,
  handleStream,
  isRedeliveryJob,
  isReminderJob,
  isSnsEvent,
  isStreamEvent,
  runRedeliveryJob,
  runReminderJob,
} from '../features/notifications/jobs';
import { linkKeyFromEnv, type UnsubscribeLinks, unsubscribeLinks } from '../features/notifications/links';
import { createNotificationRepository } from '../features/notifications/repository';
import { unsubscribeRoutes } from '../features/notifications/unsubscribe';
import { unitsDep, usersDep } from '../features/org/repository';
import { submissionsDep } from '../features/submissions/repository';
import { idempotencyDep } from '../kernel/data/idempotency-store';
import { groupDeps } from '../kernel/deps';
import { accountsDep } from '../kernel/http/accounts';
import { createGroupHandler } from '../kernel/http/route';

/**
 * Lambda entry of the `notifications` group: its routes (the bell, preferences, dead letters, "Nhắc
 * nhở", the unsubscribe links), the outbox's stream consumer, the reminder and digest schedules and SES
 * feedback — one module, the same on
 * AWS and behind the local platform (its stream reader and scheduler call this `handler`).
 */
const deps = groupDeps([
  campaignsDep,
  unitsDep,
  usersDep,
  submissionsDep,
  templatesDep,
  idempotencyDep,
  accountsDep,
  // The unsubscribe link's change is an event on the person's audit chain.
  auditDep,
]);
const config = loadNotifyConfig();
const notifications = createNotificationRepository({
  table: deps.config.tableName,
  client: deps.clients.doc,
});

const channel = (): EmailChannel | undefined => {
  if (config.sender === 'ses')
    return sesEmailChannel({
      region: config.region,
      ...(config.configurationSet ? { configurationSet: config.configurationSet } : {}),
    });
  return config.sender === 'smtp' && config.smtp ? smtpEmailChannel(config.smtp) : undefined;
};
// The link key is read on first use: a route that never signs or checks a link does not load KMS.
let linkKey: ReturnType<typeof linkKeyFromEnv> | undefined;
const links: UnsubscribeLinks = unsubscribeLinks(() => {
  linkKey ??= linkKeyFromEnv();
  return linkKey;
}, config);
let delivery: DeliveryDeps | undefined;
const deliveryDeps = (): DeliveryDeps => {
  delivery ??= { notifications, users: deps.users, units: deps.units, email: channel(), links, config };
  return delivery;
};

const http = createGroupHandler(
  notificationContracts,
  [
    ...notificationRoutes(deps, notifications, deliveryDeps),
    ...unsubscribeRoutes(deps, notifications, () => links),
  ],
  {
    idempotency: deps.idempotency,
    accounts: deps.accounts,
  },
);

export const handler = async (event: unknown, context: Parameters<typeof http>[1]) => {
  if (isStreamEvent(event)) return handleStream(deliveryDeps(), event);
  if (isSnsEvent(event)) return handleSesFeedback(notifications, deps.config.auditTenants, event, new Date());
  if (isReminderJob(event)) return runReminderJob(deps, event.time ? new Date(event.time) : new Date());
  if (isRedeliveryJob(event))
    return runRedeliveryJob(
      deliveryDeps(),
      deps.config.auditTenants,
      event.time ? new Date(event.time) : new Date(),
    );
  if (isDigestJob(event))
    return runDigestJob(
      {
        ref: { table: deps.config.tableName, client: deps.clients.doc },
        notifications,
        users: deps.users,
        units: deps.units,
        email: deliveryDeps().email,
        links,
        config,
      },
      deps.config.auditTenants,
      event.time ? new Date(event.time) : new Date(),
    );
  return http(event as Parameters<typeof http>[0], context);
};
