import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@thidua/shared/org';
import { defineDep } from '../../kernel/deps';
import { Conflict } from '../../kernel/http/errors';
import { newId } from '../../kernel/ids';

/**
 * The sign-in side of a user (Cognito): the account, its attributes (`custom:tenant_id`,
 * `custom:unit_id`, `name`) and its groups (= roles). Without a configured user pool, users exist in the
 * table only and get a generated id (tests of the table alone, tools).
 */
export interface UserDirectory {
  /**
   * Creates the account and returns its `sub`. The invitation e-mail (with a temporary password) is sent
   * by Cognito unless `invite: false` (an import sends them with `resendInvitation` once its rows are all
   * written, so nobody is invited to an account an aborted import removes).
   */
  create(
    u: {
      tenantId: string;
      email: string;
      name: string;
      unitId: string;
      roles: readonly Role[];
    },
    options?: { invite?: boolean },
  ): Promise<string>;
  /** Removes an account created by an import that did not complete (compensation). */
  remove(email: string): Promise<void>;
  /** The old password stops working; Cognito e-mails a code for "Quên mật khẩu?". */
  resetPassword(email: string): Promise<void>;
  /** A new temporary password by e-mail, for an account that has not signed in yet. */
  resendInvitation(email: string): Promise<void>;
  /** Changes the account; `active: false` also disables it and signs it out everywhere. */
  update(
    email: string,
    change: {
      name?: string | undefined;
      unitId?: string | undefined;
      addRoles: readonly Role[];
      removeRoles: readonly Role[];
      active?: boolean | undefined;
    },
  ): Promise<void>;
  /**
   * Whom `accessToken` belongs to and whether TOTP is enabled for them, as Cognito says (GetUser with the
   * user's own token: no IAM permission, and nobody can vouch for another account). Undefined without a
   * user pool, or when Cognito refuses the token.
   */
  softwareTokenOf(accessToken: string): Promise<{ sub: string; enabled: boolean } | undefined>;
  /** Revokes every refresh token of the account (AdminUserGlobalSignOut). */
  signOutEverywhere(email: string): Promise<void>;
}

/**
 * A user's attributes in the pool, as the identity middleware reads them back from the token: the e-mail
 * (verified: the administrator vouches for it), the name, and the immutable tenant and unit.
 */
export const poolAttributes = (u: { email: string; name: string; tenantId: string; unitId: string }) => [
  { Name: 'email', Value: u.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: u.name },
  { Name: 'custom:tenant_id', Value: u.tenantId },
  { Name: 'custom:unit_id', Value: u.unitId },
];

/** `client` creates the Cognito client on first use: only `admin` ever imports the Cognito SDK. */
export const createUserDirectory = (
  client: (() => Promise<CognitoIdentityProviderClient>) | undefined,
  userPoolId: string | undefined,
): UserDirectory => {
  if (!client || !userPoolId) {
    const none = async () => undefined;
    return {
      create: async () => newId(),
      update: none,
      remove: none,
      resetPassword: none,
      resendInvitation: none,
      softwareTokenOf: none,
      signOutEverywhere: none,
    };
  }
  const pool = { UserPoolId: userPoolId };
  const sdk = async () => {
    const [cognito, commands] = await Promise.all([
      client(),
      import('@aws-sdk/client-cognito-identity-provider'),
    ]);
    return { cognito, ...commands };
  };
  /** Cognito's refusals of an account action in this account's state, as the administrator reads them. */
  const stateRefusal = (err: unknown, message: string): never => {
    const name = (err as { name?: string }).name;
    if (name === 'UnsupportedUserStateException' || name === 'NotAuthorizedException')
      throw new Conflict(message, undefined, 'account_state');
    throw err;
  };
  return {
    async create(u, options = {}) {
      const {
        cognito,
        AdminCreateUserCommand,
        AdminGetUserCommand,
        AdminAddUserToGroupCommand,
        UsernameExistsException,
      } = await sdk();
      let sub: string | undefined;
      try {
        const created = await cognito.send(
          new AdminCreateUserCommand({
            ...pool,
            Username: u.email,
            DesiredDeliveryMediums: ['EMAIL'],
            ...(options.invite === false ? { MessageAction: 'SUPPRESS' as const } : {}),
            UserAttributes: poolAttributes(u),
          }),
        );
        sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      } catch (err) {
        if (err instanceof UsernameExistsException) {
          throw new Conflict('Email này đã có tài khoản', undefined, 'already_exists');
        }
        throw err;
      }
      if (!sub) {
        const got = await cognito.send(new AdminGetUserCommand({ ...pool, Username: u.email }));
        sub = got.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
      }
      if (!sub) throw new Error('Cognito returned no sub for a created user');
      for (const role of u.roles) {
        await cognito.send(new AdminAddUserToGroupCommand({ ...pool, Username: u.email, GroupName: role }));
      }
      return sub;
    },
    async update(email, change) {
      const {
        cognito,
        AdminUpdateUserAttributesCommand,
        AdminAddUserToGroupCommand,
        AdminRemoveUserFromGroupCommand,
        AdminEnableUserCommand,
        AdminDisableUserCommand,
        AdminUserGlobalSignOutCommand,
      } = await sdk();
      const attributes = [
        ...(change.name !== undefined ? [{ Name: 'name', Value: change.name }] : []),
        ...(change.unitId !== undefined ? [{ Name: 'custom:unit_id', Value: change.unitId }] : []),
      ];
      if (attributes.length > 0) {
        await cognito.send(
          new AdminUpdateUserAttributesCommand({ ...pool, Username: email, UserAttributes: attributes }),
        );
      }
      for (const role of change.addRoles) {
        await cognito.send(new AdminAddUserToGroupCommand({ ...pool, Username: email, GroupName: role }));
      }
      for (const role of change.removeRoles) {
        await cognito.send(
          new AdminRemoveUserFromGroupCommand({ ...pool, Username: email, GroupName: role }),
        );
      }
      if (change.active === true)
        await cognito.send(new AdminEnableUserCommand({ ...pool, Username: email }));
      if (change.active === false) {
        await cognito.send(new AdminDisableUserCommand({ ...pool, Username: email }));
        // Signed out everywhere: refresh tokens revoked, so no device gets a new ID token. ID tokens
        // already issued stay valid until they expire; the API's user record check refuses them.
        await cognito.send(new AdminUserGlobalSignOutCommand({ ...pool, Username: email }));
      }
    },
    async softwareTokenOf(accessToken) {
      const { cognito, GetUserCommand, NotAuthorizedException } = await sdk();
      try {
        const got = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
        const sub = got.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
        if (!sub) return undefined;
        return { sub, enabled: (got.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA') };
      } catch (err) {
        if (err instanceof NotAuthorizedException) return undefined;
        throw err;
      }
    },
    async signOutEverywhere(email) {
      const { cognito, AdminUserGlobalSignOutCommand } = await sdk();
      await cognito.send(new AdminUserGlobalSignOutCommand({ ...pool, Username: email }));
    },
    async remove(email) {
      const { cognito, AdminDeleteUserCommand } = await sdk();
      await cognito.send(new AdminDeleteUserCommand({ ...pool, Username: email }));
    },
    async resetPassword(email) {
      const { cognito, AdminResetUserPasswordCommand } = await sdk();
      try {
        await cognito.send(new AdminResetUserPasswordCommand({ ...pool, Username: email }));
      } catch (err) {
        stateRefusal(err, 'Tài khoản chưa đăng nhập lần nào: hãy gửi lại lời mời thay vì đặt lại mật khẩu');
      }
    },
    async resendInvitation(email) {
      const { cognito, AdminCreateUserCommand } = await sdk();
      try {
        await cognito.send(
          new AdminCreateUserCommand({
            ...pool,
            Username: email,
            MessageAction: 'RESEND',
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
      } catch (err) {
        stateRefusal(err, 'Tài khoản đã đặt mật khẩu: hãy dùng "Đặt lại mật khẩu" thay vì gửi lại lời mời');
      }
    },
  };
};

/** `directory` of a route group's container (kernel/deps.ts). */
export const directoryDep = defineDep('directory', (c) =>
  createUserDirectory(c.clients.cognito, c.config.userPoolId),
);
