import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { emulatorCredentials } from '@thidua/functions/local/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, signIn, startPlatform } from '../support/platform';
import { createUserWithTemporaryPassword } from '../support/temporary-user';

/**
 * The two password journeys the web app runs, over the Cognito protocol against the local platform
 * (cognito-local behind the Cognito gate): a user created by an administrator with a temporary password
 * answers NEW_PASSWORD_REQUIRED with a new one; a user who forgot the password resets it with the code
 * read where a developer reads it, `<dataDir>/logs/cognito.log` (the README's place). Parity: Cognito
 * refuses a new password that breaks the pool's policy and a wrong confirmation code
 * (InvalidPasswordException, CodeMismatchException), so the gate and cognito-local must too.
 */
const TEMPORARY = 'Tam-thoi-2026!';
const CHOSEN = 'Mat-khau-moi-2026!';

let platform: Platform;
let cognito: CognitoIdentityProviderClient;
let dataDir: string;

beforeAll(async () => {
  // Persistent mode in a fresh folder: the only mode that writes cognito-local's log, where codes are read.
  dataDir = join(process.env.TMPDIR ?? '/tmp', `thidua-signin-${process.pid}-${Date.now()}`);
  platform = await startPlatform({ mode: 'persistent', dataDir, seed: false });
  cognito = new CognitoIdentityProviderClient({
    region: platform.region,
    endpoint: platform.cognitoEndpoint,
    credentials: emulatorCredentials,
  });
});

afterAll(async () => {
  cognito?.destroy();
  await platform?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const createWithTemporaryPassword = (email: string) =>
  createUserWithTemporaryPassword(platform, email, TEMPORARY);

const initiate = (email: string, password: string) =>
  cognito.send(
    new InitiateAuthCommand({
      ClientId: platform.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );

/** The last code cognito-local delivered to `email`, from its "Confirmation Code Delivery" box in the log. */
async function deliveredCode(email: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const log = await readFile(join(dataDir, 'logs', 'cognito.log'), 'utf8').catch(() => '');
    const boxes = log.split('Confirmation Code Delivery').slice(1);
    const mine = boxes.filter((box) => box.includes(email)).pop();
    const code = mine?.match(/Code:\s+(\d+)/)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code delivered to ${email} in cognito.log`);
}

describe('first sign-in of a user created by an administrator', () => {
  const email = 'nguoi.moi@demo.thidua.vn';

  it('answers NEW_PASSWORD_REQUIRED with a new password and receives tokens', async () => {
    await createWithTemporaryPassword(email);
    const first = await initiate(email, TEMPORARY);
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(first.Session).toEqual(expect.any(String));
    const username = first.ChallengeParameters?.USER_ID_FOR_SRP ?? email;

    // Parity: the pool's policy applies to the new password (Cognito: InvalidPasswordException).
    await expect(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: platform.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: first.Session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: 'yeu' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException' });

    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: platform.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: CHOSEN },
      }),
    );
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(answered.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));

    // From now on the chosen password signs in directly; the temporary one no longer does.
    const tokens = await signIn(platform, email, CHOSEN);
    expect(tokens.idToken).toEqual(expect.any(String));
    await expect(initiate(email, TEMPORARY)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('forgot password', () => {
  const email = 'quen.matkhau@demo.thidua.vn';

  it('resets the password with the code delivered by e-mail (locally: the cognito log)', async () => {
    await createWithTemporaryPassword(email);
    const first = await initiate(email, TEMPORARY);
    await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: platform.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: {
          USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? email,
          NEW_PASSWORD: CHOSEN,
        },
      }),
    );

    const sent = await cognito.send(
      new ForgotPasswordCommand({ ClientId: platform.clientId, Username: email }),
    );
    expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const code = await deliveredCode(email);

    const reset = 'Dat-lai-2026-moi!';
    const confirm = (confirmationCode: string, password: string) =>
      cognito.send(
        new ConfirmForgotPasswordCommand({
          ClientId: platform.clientId,
          Username: email,
          ConfirmationCode: confirmationCode,
          Password: password,
        }),
      );
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(confirm(wrong, reset)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await expect(confirm(code, 'ngan')).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    await confirm(code, reset);

    expect((await signIn(platform, email, reset)).idToken).toEqual(expect.any(String));
    await expect(initiate(email, CHOSEN)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
