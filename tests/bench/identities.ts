import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { userItem } from '@thidua/functions/features/org/repository';
import { tenantSecurityItem } from '@thidua/functions/features/security/repository';
import { emulatorCredentials } from '@thidua/functions/local/emulators';
import type { Platform } from '@thidua/functions/local/platform';
import type { Role } from '@thidua/shared/org';
import { createPoolUser, signIn } from '../support/platform';
import type { BatchWriter } from './batch-write';
import type { Dataset } from './dataset';

/**
 * The benchmark's callers: real user-pool users in cognito-local, signed in over the Cognito protocol
 * (InitiateAuth USER_PASSWORD_AUTH, as the SPA does), each request carrying the user's ID token through
 * the gateway's JWT authorizer. Only the users the scenarios act as are created in the pool (a few dozen);
 * the dataset's other users exist as table items only.
 */
export interface BenchUserSpec {
  /** Unique within the run; becomes the e-mail's local part. */
  key: string;
  tenantId: string;
  unitId: string;
  roles: Role[];
  name: string;
}

export interface SignedInUser extends BenchUserSpec {
  email: string;
  /** The Cognito `sub`: the user's id in the table. */
  sub: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export const BENCH_PASSWORD = 'Bench@2023-thidua';

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as T;
      out[i] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const subOf = (token: string): string => {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('malformed ID token');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
  if (typeof claims.sub !== 'string') throw new Error('ID token without sub');
  return claims.sub;
};

/** Creates the users in the platform's user pool and signs each one in. */
export async function signInBenchUsers(
  platform: Platform,
  specs: readonly BenchUserSpec[],
): Promise<SignedInUser[]> {
  const cognito = new CognitoIdentityProviderClient({
    region: platform.region,
    endpoint: platform.cognitoEndpoint,
    credentials: emulatorCredentials,
  });
  try {
    return await mapLimited(specs, 4, async (spec) => {
      const email = `${spec.key}@bench.thidua.vn`;
      await createPoolUser(cognito, platform.userPoolId, {
        email,
        name: spec.name,
        tenantId: spec.tenantId,
        unitId: spec.unitId,
        password: BENCH_PASSWORD,
        roles: spec.roles,
      });
      const tokens = await signIn(platform, email, BENCH_PASSWORD);
      return { ...spec, email, sub: subOf(tokens.idToken), ...tokens };
    });
  } finally {
    cognito.destroy();
  }
}

/** The scenarios' callers: a reviewer per district, the province's reviewer and staff, a submitter per draft commune. */
function callerSpecs(dataset: Dataset): BenchUserSpec[] {
  const main = dataset.main;
  const person = (key: string, unitId: string, roles: Role[], name: string): BenchUserSpec => ({
    key,
    tenantId: main.tenantId,
    unitId,
    roles,
    name,
  });
  return [
    ...main.districts.map((d) => person(`reviewer-${d.id}`, d.id, ['reviewer'], `Thẩm định ${d.name}`)),
    person('reviewer-province', main.province.id, ['reviewer'], 'Thẩm định cấp tỉnh'),
    person('staff-province', main.province.id, ['admin', 'secretariat', 'reviewer'], 'Thường trực tỉnh'),
    ...[...new Set(dataset.drafts.map((d) => d.unitId))].map((unitId) =>
      person(`submitter-${unitId}`, unitId, ['submitter'], `Cán bộ ${unitId}`),
    ),
  ];
}

/**
 * Signs the callers in through cognito-local and writes their user items (the pool's `sub` is their id),
 * then lets the tenant require TOTP of nobody: the bench's callers sign in with a password only.
 */
export async function signInCallers(
  platform: Platform,
  dataset: Dataset,
  writer: BatchWriter,
): Promise<SignedInUser[]> {
  const users = await signInBenchUsers(platform, callerSpecs(dataset));
  for (const u of users) {
    await writer.put(
      userItem({
        tenantId: u.tenantId,
        id: u.sub,
        email: u.email,
        name: u.name,
        title: '',
        unitId: u.unitId,
        roles: u.roles,
        active: true,
      }),
    );
  }
  await writer.put(tenantSecurityItem({ tenantId: dataset.main.tenantId, mfaRequiredRoles: [] }));
  await writer.flush();
  return users;
}
