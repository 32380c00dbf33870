import { readFile } from 'node:fs/promises';
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

/**
 * The latest code cognito-local (or its gate) "sent" to `email` — an invitation's temporary password,
 * a password-reset code — read from the platform's cognito log as the README tells a person to, waiting
 * up to `timeoutMs` for one that differs from `not` (a resend must bring a new one).
 */
export async function latestCodeFor(
  platform: Pick<Platform, 'cognitoLogFile'>,
  email: string,
  { not, timeoutMs = 5_000 }: { not?: string; timeoutMs?: number } = {},
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await readFile(platform.cognitoLogFile, 'utf8').catch(() => '');
    let destination = '';
    let code: string | undefined;
    // Colours stripped; a JSON log line carries the box with escaped newlines.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
    const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
    for (const line of plain.split(/\n|\\n/)) {
      const d = /\bDestination:\s+([^\s│"]+)/.exec(line);
      if (d?.[1]) destination = d[1];
      const c = /\bCode:\s+([^\s│"]+)/.exec(line);
      if (c?.[1] && destination.toLowerCase() === email.toLowerCase()) code = c[1];
    }
    if (code !== undefined && code !== not) return code;
    if (Date.now() > deadline) throw new Error(`no code for ${email} in ${platform.cognitoLogFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
