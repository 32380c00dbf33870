import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { templates2023 } from '@thidua/shared/forms';
import type { Unit } from '@thidua/shared/org';
import type { SecretariatContact } from '@thidua/shared/tenancy';
import { type AuditActor, type AuditLog, createAuditLog } from '../src/features/audit/chains';
import { createCampaignRepository, createTemplateRepository } from '../src/features/campaigns/repository';
import {
  createUnitRepository,
  createUserRepository,
  type UnitRepository,
  type UserRepository,
} from '../src/features/org/repository';
import { createTenantSecurityRepository } from '../src/features/security/repository';
import { createTenantSettingsRepository } from '../src/features/settings/repository';
import { TransactionRefused, transactWrite } from '../src/kernel/data/transact';
import { Conflict } from '../src/kernel/http/errors';
import { emulatorClients } from './clients';
import { createPoolUser, setPasswordAndGroups } from './pool-users';
import {
  DEMO_PASSWORD,
  DEMO_TENANT,
  type DemoUser,
  demoCampaign,
  demoContact,
  demoUnits,
  demoUsers,
} from './seed-data';

/**
 * Writes the demo world (seed-data.ts, and the 2023 campaign with its form templates from the domain
 * package) into a running platform: units, users, campaign and templates through the data
 * layer's own repositories (so items have exactly the keys the handlers read), users also in the user
 * pool (email as username, `custom:tenant_id`, `custom:unit_id`, `name`, groups = roles, the demo password
 * set permanent). Every step skips what exists, so running it twice changes nothing.
 */
export interface SeedTarget {
  dynamoEndpoint: string;
  s3Endpoint: string;
  cognitoEndpoint: string;
  tableName: string;
  userPoolId: string;
  /**
   * The pool holds the demo users already, made by `createPoolUser` with their password and groups (a test
   * run's pool, copied for each platform: tests/support/pool-template.ts): the seed reads their subs in one
   * listing instead of checking and setting each user again.
   */
  demoUsersInPool?: boolean;
}

export interface SeedSummary {
  units: number;
  users: number;
  campaigns: number;
  templates: number;
}

/**
 * Units per transaction: DynamoDB takes 100 items, and each unit starts its audit chain (its `created`
 * event and the chain's head) beside its own item.
 */
const UNITS_PER_TRANSACTION = 33;

/**
 * Who created the demo world, in the audit trail: every unit and user the seed writes starts its chain
 * with a `created` event as one created on screen does, so a later change verifies (a chain must start at
 * creation) and the audit screen shows where the subject came from.
 */
export const SEED_ACTOR: AuditActor = {
  userId: 'seed',
  name: 'Khởi tạo dữ liệu mẫu',
  roles: [],
  unitId: null,
};

/** The audit log the seed appends with (names are the seed's own, no user lookup). */
export const seedAuditLog = (ref: { table: string; client: DynamoDBDocumentClient }): AuditLog =>
  createAuditLog(ref, { get: async () => undefined });

const created = (subject: Unit) => ({
  kind: 'unit' as const,
  subject,
  action: 'created',
  summary: `Khởi tạo đơn vị ${subject.name} (dữ liệu mẫu)`,
});

export const ignoreExisting = (error: unknown): void => {
  if (!(error instanceof Conflict)) throw error;
};

/** The Cognito `sub` of a demo user, creating the user (and its groups and password) when missing. */
async function ensureCognitoUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  tenantId: string,
  user: DemoUser,
): Promise<string> {
  const poolUser = { ...user, tenantId, password: DEMO_PASSWORD };
  let attributes: { Name?: string | undefined; Value?: string | undefined }[] | undefined;
  try {
    attributes = (
      await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }))
    ).UserAttributes;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    return createPoolUser(cognito, userPoolId, poolUser);
  }
  await setPasswordAndGroups(cognito, userPoolId, poolUser);
  const sub = attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`seed: cognito-local returned no sub for ${user.email}`);
  return sub;
}

/**
 * Writes units that are missing: an empty table in a few transactions at once, otherwise one by one.
 * Each unit's chain is its own, so their heads are read at once (`record` reads one after the other).
 */
export async function ensureUnits(
  doc: DynamoDBDocumentClient,
  units: UnitRepository,
  world: readonly Unit[],
  audit: AuditLog,
): Promise<void> {
  const chunks: Unit[][] = [];
  for (let i = 0; i < world.length; i += UNITS_PER_TRANSACTION) {
    chunks.push(world.slice(i, i + UNITS_PER_TRANSACTION));
  }
  const written = await Promise.allSettled(
    chunks.map(async (chunk) => {
      const chains = await Promise.all(chunk.map((unit) => audit.record(SEED_ACTOR, created(unit))));
      await transactWrite(doc, [...chunk.map((unit) => units.putItem(unit, 'create')), ...chains.flat()]);
    }),
  );
  const failures = written.flatMap((w) => (w.status === 'rejected' ? [w.reason as unknown] : []));
  const other = failures.find((error) => !(error instanceof TransactionRefused));
  if (other !== undefined) throw other;
  if (failures.length === 0) return;
  for (const unit of world) {
    await units.save(unit, 'create', await audit.record(SEED_ACTOR, created(unit))).catch(ignoreExisting);
  }
}

/**
 * The secretariat's contact of a demo province (help pages), when it has none: the item and the
 * `created` event that starts its audit chain, in one transaction (an administrator's later change
 * then verifies as an update).
 */
export async function ensureContact(
  ref: { table: string; client: DynamoDBDocumentClient },
  tenantId: string,
  contact: SecretariatContact,
  audit: AuditLog,
): Promise<void> {
  const settings = createTenantSettingsRepository(ref);
  if (await settings.contact(tenantId)) return;
  const stored = {
    tenantId,
    ...contact,
    updatedAt: new Date().toISOString(),
    updatedByName: SEED_ACTOR.name,
  };
  await transactWrite(ref.client, [
    settings.contactPutItem(stored),
    ...(await audit.record(SEED_ACTOR, {
      kind: 'tenant_settings',
      subject: stored,
      action: 'created',
      summary: `Khởi tạo đầu mối liên hệ của cơ quan thường trực (dữ liệu mẫu)`,
    })),
  ]);
}

/**
 * The tenant's MFA policy, chained from its creation like every administrative setting. The demo's
 * logins use a password alone (README); a province turns TOTP on for admin, secretariat and chair in
 * "Tài khoản" → "Xác thực hai lớp".
 */
export async function ensureTenantSecurity(
  ref: { table: string; client: DynamoDBDocumentClient },
  tenantId: string,
  audit: AuditLog,
): Promise<void> {
  const security = createTenantSecurityRepository(ref);
  if (await security.get(tenantId)) return;
  const stored = { tenantId, mfaRequiredRoles: [] };
  const chain = await audit.record(SEED_ACTOR, {
    kind: 'tenant_security',
    subject: stored,
    action: 'created',
    summary: 'Khởi tạo chính sách xác thực hai lớp: không vai trò nào bắt buộc (dữ liệu mẫu)',
  });
  await security.save(stored, chain);
}

/** Every user of the pool: e-mail (the username) → sub. */
export async function poolSubs(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
): Promise<Map<string, string>> {
  const subs = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await cognito.send(
      new ListUsersCommand({
        UserPoolId: userPoolId,
        Limit: 60,
        ...(token ? { PaginationToken: token } : {}),
      }),
    );
    for (const user of page.Users ?? []) {
      const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
      const email = attribute('email');
      const sub = attribute('sub');
      if (email && sub) subs.set(email, sub);
    }
    token = page.PaginationToken;
  } while (token);
  return subs;
}

/**
 * Demo users in the pool, one after the other (cognito-local rewrites a group's member list on every
 * addition), then in the table. Returns their Cognito subs by e-mail. `inPool`: subs of users the pool holds
 * already as `createPoolUser` made them (see `SeedTarget.demoUsersInPool`), taken as they are.
 */
export async function ensureUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  tenantId: string,
  list: readonly DemoUser[],
  users: UserRepository,
  audit: AuditLog,
  inPool: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  // The pool one user after the other (see above); then the table, every user at once (own items and chains).
  const subs = new Map<string, string>();
  const made: [DemoUser, string][] = [];
  for (const demo of list) {
    const id = inPool.get(demo.email) ?? (await ensureCognitoUser(cognito, userPoolId, tenantId, demo));
    subs.set(demo.email, id);
    made.push([demo, id]);
  }
  await Promise.all(
    made.map(async ([demo, id]) => {
      const user = {
        tenantId,
        id,
        email: demo.email,
        name: demo.name,
        title: demo.title,
        unitId: demo.unitId,
        roles: demo.roles,
        active: true,
      };
      const chain = await audit.record(SEED_ACTOR, {
        kind: 'user',
        subject: user,
        action: 'created',
        summary: `Khởi tạo tài khoản ${user.name} (dữ liệu mẫu)`,
      });
      await users.save(user, 'create', chain).catch(ignoreExisting);
    }),
  );
  return subs;
}

export async function seedDemoWorld(
  target: SeedTarget,
  tenantId: string = DEMO_TENANT,
): Promise<SeedSummary> {
  const clients = emulatorClients(target);
  const doc = DynamoDBDocumentClient.from(clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  try {
    const tableRef = { table: target.tableName, client: doc };
    const units = createUnitRepository(tableRef);
    const users = createUserRepository(tableRef);
    const templates = createTemplateRepository(tableRef);
    const campaigns = createCampaignRepository(tableRef);
    const audit = seedAuditLog(tableRef);

    const world = demoUnits(tenantId);
    const writeUnits = async (): Promise<void> => {
      await ensureUnits(doc, units, world, audit);
      // The 2023 campaign of Plan 38/KH-UBND and the template versions its forms are filled on. The demo
      // turns unit sign-off on, so a unit's head signs off before its report leaves the unit. Items of
      // their own, written at once.
      await Promise.all([
        ...templates2023.map((template) => templates.create(tenantId, template).catch(ignoreExisting)),
        campaigns.save(demoCampaign(tenantId), 'create').catch(ignoreExisting),
        ensureTenantSecurity(tableRef, tenantId, audit),
        ensureContact(tableRef, tenantId, demoContact, audit),
      ]);
    };
    const writeUsers = async () => {
      const inPool = target.demoUsersInPool
        ? await poolSubs(clients.cognito, target.userPoolId)
        : new Map<string, string>();
      return ensureUsers(clients.cognito, target.userPoolId, tenantId, demoUsers, users, audit, inPool);
    };
    const outcomes = await Promise.allSettled([writeUnits(), writeUsers()]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;

    return { units: world.length, users: demoUsers.length, campaigns: 1, templates: templates2023.length };
  } finally {
    clients.destroy();
  }
}

/** True when the table holds no item at all (a fresh `.data/` or a memory-mode platform). */
export async function isTableEmpty(
  target: Pick<SeedTarget, 'dynamoEndpoint' | 's3Endpoint' | 'cognitoEndpoint' | 'tableName'>,
): Promise<boolean> {
  const clients = emulatorClients(target);
  try {
    const scan = await clients.dynamo.send(new ScanCommand({ TableName: target.tableName, Limit: 1 }));
    return (scan.Count ?? 0) === 0;
  } finally {
    clients.destroy();
  }
}

/** Seeds only an empty table: a restarted `npm start` keeps what people changed in the demo world. */
export async function seedIfEmpty(target: SeedTarget): Promise<SeedSummary | undefined> {
  if (!(await isTableEmpty(target))) return undefined;
  return seedDemoWorld(target);
}
