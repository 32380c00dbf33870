import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUnitRepository, createUserRepository } from '@thidua/functions/features/org/repository';
import { createTenantSecurityRepository } from '@thidua/functions/features/security/repository';
import { createPoolUser, DEMO_PASSWORD, emulatorClients, type Platform } from './platform';

/**
 * Another province in the same deployment (its own tenant): a root, one commune, an administrator at
 * the root and an officer at the commune, signing in with the demo password. The merger suites use it as
 * a stranger (no merger with anyone) and as a province to absorb. Its TOTP policy: none required.
 */
/** The suites' stranger province: Tây Ninh, merged with nobody, its administrator and a commune officer. */
export const tayNinh = {
  tenantId: 'tay-ninh',
  name: 'Tỉnh Tây Ninh',
  communeId: 'xa-a',
  communeName: 'Xã A',
  admin: 'quantri@tayninh.thidua.vn',
  officer: 'canbo@tayninh.thidua.vn',
} as const;

export async function createProvince(
  platform: Platform,
  p: {
    tenantId: string;
    name: string;
    communeId: string;
    communeName: string;
    admin: string;
    officer: string;
    /** A secretariat at the root too (the campaign builder's suites). */
    secretariat?: string;
  },
): Promise<void> {
  const clients = emulatorClients(platform);
  const ref = { table: platform.tableName, client: DynamoDBDocumentClient.from(clients.dynamo) };
  try {
    const units = createUnitRepository(ref);
    const base = { tenantId: p.tenantId, openedOn: '2025-07-01', closedOn: null, successorId: null };
    await units.save(
      { ...base, id: p.tenantId, kind: 'province', name: p.name, parentId: null, path: [] },
      'create',
    );
    await units.save(
      {
        ...base,
        id: p.communeId,
        kind: 'commune',
        name: p.communeName,
        parentId: p.tenantId,
        path: [p.tenantId],
      },
      'create',
    );
    // Passwords alone, as the demo provinces (a tenant that never chose requires TOTP of its administrator).
    await createTenantSecurityRepository(ref).save({ tenantId: p.tenantId, mfaRequiredRoles: [] });
    const users = createUserRepository(ref);
    for (const [email, unitId, role] of [
      [p.admin, p.tenantId, 'admin'],
      [p.officer, p.communeId, 'submitter'],
      ...(p.secretariat ? [[p.secretariat, p.tenantId, 'secretariat'] as const] : []),
    ] as const) {
      const name = `Người ${p.name}`;
      const id = await createPoolUser(clients.cognito, platform.userPoolId, {
        email,
        name,
        tenantId: p.tenantId,
        unitId,
        password: DEMO_PASSWORD,
        roles: [role],
      });
      await users.save(
        { tenantId: p.tenantId, id, email, name, title: '', unitId, roles: [role], active: true },
        'create',
      );
    }
  } finally {
    clients.destroy();
  }
}
