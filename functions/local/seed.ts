import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
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

/** Writes units that are missing: an empty table in a few transactions, otherwise one by one. */
export async function ensureUnits(
  doc: DynamoDBDocumentClient,
  units: UnitRepository,
  world: readonly Unit[],
  audit: AuditLog,
): Promise<void> {
  try {
    for (let i = 0; i < world.length; i += UNITS_PER_TRANSACTION) {
      const chunk = world.slice(i, i + UNITS_PER_TRANSACTION);
      await transactWrite(doc, [
        ...chunk.map((unit) => units.putItem(unit, 'create')),
        ...(await audit.record(SEED_ACTOR, ...chunk.map(created))),
      ]);
    }
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    for (const unit of world) {
      await units.save(unit, 'create', await audit.record(SEED_ACTOR, created(unit))).catch(ignoreExisting);
    }
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

/**
 * Demo users in the pool and in the table, one after the other (cognito-local rewrites a group's member
 * list on every addition). Returns their Cognito subs by e-mail.
 */
export async function ensureUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  tenantId: string,
  list: readonly DemoUser[],
  users: UserRepository,
  audit: AuditLog,
): Promise<Map<string, string>> {
  const subs = new Map<string, string>();
  for (const demo of list) {
    const id = await ensureCognitoUser(cognito, userPoolId, tenantId, demo);
    subs.set(demo.email, id);
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
  }
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
      // turns unit sign-off on, so a unit's head signs off before its report leaves the unit.
      for (const template of templates2023) await templates.create(tenantId, template).catch(ignoreExisting);
      await campaigns.save(demoCampaign(tenantId), 'create').catch(ignoreExisting);
      await ensureTenantSecurity(tableRef, tenantId, audit);
      await ensureContact(tableRef, tenantId, demoContact, audit);
    };
    const writeUsers = () =>
      ensureUsers(clients.cognito, target.userPoolId, tenantId, demoUsers, users, audit);
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
