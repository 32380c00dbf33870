import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { poolAttributes } from '../src/features/org/directory';

/**
 * Users created straight in the user pool, as an operator would (the seed, tests, benchmarks):
 * AdminCreateUser without invitation, a permanent password, one group per role.
 * `cognito` must carry the platform's credentials (administrative calls are signed, as in AWS).
 */
export interface PoolUser {
  email: string;
  name: string;
  tenantId: string;
  unitId: string;
  password: string;
  roles?: readonly string[];
}

/** Sets the permanent password and adds the groups; both are idempotent. */
export async function setPasswordAndGroups(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: PoolUser,
): Promise<void> {
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      Password: user.password,
      Permanent: true,
    }),
  );
  for (const role of user.roles ?? []) {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: role }),
    );
  }
}

/** Creates the user; returns its `sub`. */
export async function createPoolUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: PoolUser,
): Promise<string> {
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: poolAttributes(user),
    }),
  );
  await setPasswordAndGroups(cognito, userPoolId, user);
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`cognito-local returned no sub for ${user.email}`);
  return sub;
}
