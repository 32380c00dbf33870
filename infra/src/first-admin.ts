import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { unitItem, userItem } from '@thidua/functions/features/org/repository';
import { Role, Unit, User } from '@thidua/shared/org';
import * as z from 'zod';

/**
 * The table records a new province (tenant) needs before its first administrator can sign in: the
 * province's root unit and the administrator's user record, keyed by the Cognito `sub`. Everything else
 * (units below, other users, campaigns) is then created through the admin API. The items are built by the
 * data layer's own `unitItem`/`userItem` from the shared schemas, so they have exactly the keys the
 * handlers read; they are written with `aws dynamodb put-item` (docs/deploy.md).
 */
export const FirstAdminInput = z
  .object({
    tenant: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    sub: z.uuid({ message: 'the Cognito sub of the user (admin-get-user prints it)' }),
    email: z.email(),
    name: z.string().min(1),
    title: z.string().default(''),
    roles: z.array(Role).min(1).default(['admin']),
    openedOn: z.iso.date().default(() => new Date().toISOString().slice(0, 10)),
  })
  .strict();
export type FirstAdminInput = z.input<typeof FirstAdminInput>;

export interface FirstAdminItems {
  unit: Unit;
  user: User;
  /** DynamoDB JSON, for `aws dynamodb put-item --item file://…`. */
  unitItem: Record<string, AttributeValue>;
  userItem: Record<string, AttributeValue>;
}

export const firstAdminItems = (input: FirstAdminInput): FirstAdminItems => {
  const i = FirstAdminInput.parse(input);
  const unit = Unit.parse({
    tenantId: i.tenant,
    id: i.unitId,
    kind: 'province',
    name: i.unitName,
    parentId: null,
    path: [],
    openedOn: i.openedOn,
    closedOn: null,
    successorId: null,
  });
  const user = User.parse({
    tenantId: i.tenant,
    id: i.sub,
    email: i.email,
    name: i.name,
    title: i.title,
    unitId: unit.id,
    roles: i.roles,
    active: true,
  });
  return {
    unit,
    user,
    unitItem: marshall(unitItem(unit), { removeUndefinedValues: true }),
    userItem: marshall(userItem(user), { removeUndefinedValues: true }),
  };
};

/** `--key value` pairs (values may contain spaces when quoted by the shell). */
export const parseArgs = (argv: readonly string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined)
      throw new Error(`expected --name value pairs, got "${key}"`);
    out[key.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return out;
};
