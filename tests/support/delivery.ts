import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EmailChannel } from '@thidua/functions/features/notifications/channels';
import type { DeliveryDeps } from '@thidua/functions/features/notifications/delivery';
import { createNotificationRepository } from '@thidua/functions/features/notifications/repository';
import { createUnitRepository, createUserRepository } from '@thidua/functions/features/org/repository';
import type { TableRef } from '@thidua/functions/kernel/data/entity';
import { emulatorClients, type Platform } from './platform';

/**
 * The notifications consumer's parts against a running platform's table (DynamoDB Local, real), for tests
 * that call the delivery directly with a channel of their own (a refused port, an injected fault) and a
 * few attempts with short waits. `destroy` closes the clients.
 */
export const deliveryParts = (
  platform: Platform,
  email: EmailChannel,
  options: { config?: Partial<DeliveryDeps['config']>; now?: () => Date } = {},
): { deps: DeliveryDeps; ref: TableRef; destroy: () => void } => {
  const clients = emulatorClients(platform);
  const ref = { table: platform.tableName, client: DynamoDBDocumentClient.from(clients.dynamo) };
  const deps: DeliveryDeps = {
    notifications: createNotificationRepository(ref),
    users: createUserRepository(ref),
    units: createUnitRepository(ref),
    email,
    config: {
      from: 'Thi đua <no-reply@thidua.local>',
      contact: 'VP',
      appUrl: 'http://localhost:5173',
      maxAttempts: 3,
      backoffMs: 10,
      ...options.config,
    },
    ...(options.now ? { now: options.now } : {}),
  };
  return { deps, ref, destroy: () => clients.destroy() };
};
