import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_TENANT, emulatorClients, type Platform, PROVINCE_ID } from './platform';

/**
 * A user as an administrator creates one: AdminCreateUser with a temporary password and no invitation,
 * so the first sign-in answers NEW_PASSWORD_REQUIRED. A province-level account of the demo tenant.
 */
export async function createUserWithTemporaryPassword(
  platform: Platform,
  email: string,
  temporaryPassword: string,
  name = 'Người Dùng Mới',
): Promise<void> {
  const clients = emulatorClients(platform);
  try {
    await clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: platform.userPoolId,
        Username: email,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: name },
          { Name: 'custom:tenant_id', Value: DEMO_TENANT },
          { Name: 'custom:unit_id', Value: PROVINCE_ID },
        ],
      }),
    );
  } finally {
    clients.destroy();
  }
}
