import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createCampaignRepository,
  createTemplateRepository,
} from '@thidua/functions/features/campaigns/repository';
import { createUnitRepository, createUserRepository } from '@thidua/functions/features/org/repository';
import { seedDemoWorld } from '@thidua/functions/local/seed';
import { CAMPAIGN_2023_ID } from '@thidua/shared/campaign';
import { templates2023 } from '@thidua/shared/forms';
import { roles } from '@thidua/shared/org';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_TENANT,
  demoUnits,
  demoUsers,
  emulatorClients,
  type Platform,
  PROVINCE_ID,
  signIn,
  startTestPlatform,
} from '../support/platform';

/** The demo world that `npm start` seeds and every suite relies on, checked in the emulators. */
let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
let tableRef: { table: string; client: DynamoDBDocumentClient };

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = emulatorClients(platform);
  tableRef = { table: platform.tableName, client: DynamoDBDocumentClient.from(clients.dynamo) };
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

const itemCount = async (): Promise<number> =>
  (await clients.dynamo.send(new ScanCommand({ TableName: platform.tableName, Select: 'COUNT' }))).Count ?? 0;

describe('the seeded demo world', () => {
  it('reports what it seeded at start', () => {
    expect(platform.seeded).toEqual({
      units: demoUnits().length,
      users: demoUsers.length,
      campaigns: 1,
      templates: templates2023.length,
    });
  });

  it('has the province, its 11 district-level units, the 8 communes of Đồng Xoài and the departments', async () => {
    const units = createUnitRepository(tableRef);
    const province = await units.get(DEMO_TENANT, PROVINCE_ID);
    expect(province).toMatchObject({ kind: 'province', name: 'Tỉnh Bình Phước', parentId: null, path: [] });
    const children = await units.children(DEMO_TENANT, PROVINCE_ID, { limit: 100 });
    const districts = children.items.filter((unit) => unit.kind === 'district');
    expect(districts).toHaveLength(11);
    expect(children.items.some((unit) => unit.name === 'Sở Tư pháp' && unit.kind === 'department')).toBe(
      true,
    );
    const dongXoai = await units.children(DEMO_TENANT, 'dong-xoai', { limit: 100 });
    expect(dongXoai.items.map((unit) => unit.name).sort()).toEqual(
      [
        'Phường Tân Phú',
        'Phường Tân Đồng',
        'Phường Tân Bình',
        'Phường Tân Xuân',
        'Phường Tân Thiện',
        'Phường Tiến Thành',
        'Xã Tân Thành',
        'Xã Tiến Hưng',
      ].sort(),
    );
    for (const district of districts) {
      const communes = await units.children(DEMO_TENANT, district.id, { limit: 100 });
      expect(communes.items.length, district.name).toBeGreaterThanOrEqual(2);
    }
    expect(await units.get(DEMO_TENANT, 'dong-xoai-tan-phu')).toMatchObject({
      path: [PROVINCE_ID, 'dong-xoai'],
    });
  });

  it('has a demo user for every role, who signs in with the demo password and whose token matches the table', async () => {
    const heldRoles = new Set(demoUsers.flatMap((user) => user.roles));
    expect([...roles].filter((role) => !heldRoles.has(role))).toEqual([]);
    const users = createUserRepository(tableRef);
    for (const demo of demoUsers) {
      const claims = decodeJwt((await signIn(platform, demo.email)).idToken);
      expect(claims['custom:tenant_id']).toBe(DEMO_TENANT);
      // As in Cognito, the ID token carries the standard attribute `name` (see cognito-triggers.ts).
      expect(claims.name, demo.email).toBe(demo.name);
      expect(claims['custom:unit_id'], demo.email).toBe(demo.unitId);
      expect(claims['cognito:groups'], demo.email).toEqual(demo.roles);
      const stored = await users.get(DEMO_TENANT, claims.sub ?? '');
      expect(stored, demo.email).toMatchObject({ email: demo.email, unitId: demo.unitId, roles: demo.roles });
    }
  });

  it('has the 2023 campaign and its form templates', async () => {
    const campaign = await createCampaignRepository(tableRef).get(DEMO_TENANT, CAMPAIGN_2023_ID);
    expect(campaign?.number).toBe('38/KH-UBND');
    const templates = createTemplateRepository(tableRef);
    for (const template of templates2023) {
      expect((await templates.latest(DEMO_TENANT, template.id))?.version, template.id).toBe(template.version);
    }
  });

  it('can be seeded again without changing anything', async () => {
    const before = await itemCount();
    await seedDemoWorld(platform);
    expect(await itemCount()).toBe(before);
    const claims = decodeJwt((await signIn(platform, 'duyet.dongxoai@demo.thidua.vn')).idToken);
    expect(claims['cognito:groups']).toEqual(['reviewer']);
  });
});
