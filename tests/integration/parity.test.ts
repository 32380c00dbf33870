import { readFileSync, readlinkSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  GetUserCommand,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { decodeJwt, decodeProtectedHeader, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalAddresses, reachable } from '../support/network';
import {
  api,
  createAppClient,
  createPoolUser,
  DEMO_PASSWORD,
  DEMO_TENANT,
  emulatorClients,
  type Platform,
  signIn,
  startTestPlatform,
} from '../support/platform';

/**
 * Parity: each test names one guarantee AWS gives (with the AWS documentation page it relies on) and
 * checks that the local platform gives it too, through the same protocol a client or an attacker would
 * use. Each refusal is paired with the legitimate request that must still pass, so a test cannot pass by
 * the emulator refusing everything.
 */
const OFFICER = 'canbo.tanphu@demo.thidua.vn';
const OFFICER_UNIT = 'dong-xoai-tan-phu';
const PASSWORD = 'ThiDua@2026!';

let platform: Platform;
let clients: ReturnType<typeof emulatorClients>;
let anonymousCognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = emulatorClients(platform);
  // Public user operations carry no IAM credentials; an SDK client still wants some to sign with.
  anonymousCognito = new CognitoIdentityProviderClient({
    region: platform.region,
    endpoint: platform.cognitoEndpoint,
    credentials: { accessKeyId: 'anonymous', secretAccessKey: 'anonymous' },
  });
});

afterAll(async () => {
  anonymousCognito?.destroy();
  clients?.destroy();
  await platform?.stop();
});

let userCount = 0;
/** A fresh user of the demo tenant, so tests that disable or sign out do not disturb the others. */
async function createUser(): Promise<string> {
  userCount += 1;
  const email = `parity.${userCount}.${Date.now()}@demo.thidua.vn`;
  await createPoolUser(clients.cognito, platform.userPoolId, {
    email,
    name: 'Người kiểm thử',
    tenantId: DEMO_TENANT,
    unitId: OFFICER_UNIT,
    password: PASSWORD,
  });
  return email;
}

const refresh = (refreshToken: string, clientId = platform.clientId) =>
  anonymousCognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );

describe('Cognito: what a user may change about themselves', () => {
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
  // "An app client can write only the attributes in its write permissions": UpdateUserAttributes with a
  // user's own access token fails with NotAuthorizedException for any other attribute.
  it('refuses UpdateUserAttributes outside the app client’s WriteAttributes (unit, tenant), allows locale', async () => {
    const tokens = await signIn(platform, OFFICER);
    for (const name of ['custom:unit_id', 'custom:tenant_id']) {
      await expect(
        anonymousCognito.send(
          new UpdateUserAttributesCommand({
            AccessToken: tokens.accessToken,
            UserAttributes: [{ Name: name, Value: 'phu-rieng' }],
          }),
        ),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    }
    await anonymousCognito.send(
      new UpdateUserAttributesCommand({
        AccessToken: tokens.accessToken,
        UserAttributes: [{ Name: 'locale', Value: 'vi' }],
      }),
    );
    const again = decodeJwt((await signIn(platform, OFFICER)).idToken);
    expect(again['custom:unit_id']).toBe(OFFICER_UNIT);
    expect(again['custom:tenant_id']).toBe(DEMO_TENANT);
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-custom-attributes
  // "You can't change a custom attribute after it is set if it is immutable" — not even an administrator
  // (AdminUpdateUserAttributes). infra/src/auth.ts declares custom:tenant_id immutable, custom:unit_id not.
  it('refuses to change an immutable attribute even for an administrator; a mutable one changes', async () => {
    const email = await createUser();
    await expect(
      clients.cognito.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: platform.userPoolId,
          Username: email,
          UserAttributes: [{ Name: 'custom:tenant_id', Value: 'tinh-khac' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await clients.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: platform.userPoolId,
        Username: email,
        UserAttributes: [{ Name: 'custom:unit_id', Value: 'dong-xoai' }],
      }),
    );
    const claims = decodeJwt((await signIn(platform, email, PASSWORD)).idToken);
    expect(claims['custom:tenant_id']).toBe(DEMO_TENANT);
    expect(claims['custom:unit_id']).toBe('dong-xoai');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html — Admin* and every other
  // IAM-authorized Cognito operation needs a request signed by AWS credentials; only the public user
  // operations (InitiateAuth, UpdateUserAttributes with an access token, ...) go without.
  it('refuses an administrative call that is not signed with the platform’s credentials', async () => {
    const unsigned = await fetch(platform.cognitoEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      },
      body: JSON.stringify({ UserPoolId: platform.userPoolId, Username: OFFICER }),
    });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
    await expect(
      anonymousCognito.send(new AdminGetUserCommand({ UserPoolId: platform.userPoolId, Username: OFFICER })),
    ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    const signed = await clients.cognito.send(
      new AdminGetUserCommand({ UserPoolId: platform.userPoolId, Username: OFFICER }),
    );
    expect(signed.Enabled).toBe(true);
  });
});

describe('Cognito: who may sign in', () => {
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableUser.html
  // "Deactivates a user and revokes all access tokens for the user. A deactivated user can't sign in";
  // Cognito answers NotAuthorizedException "User is disabled." to sign-in and to refresh.
  it('refuses a disabled user at sign-in, at refresh and with an access token issued before', async () => {
    const email = await createUser();
    const before = await signIn(platform, email, PASSWORD);
    expect((await refresh(before.refreshToken)).AuthenticationResult?.IdToken).toBeTruthy();
    await clients.cognito.send(
      new AdminDisableUserCommand({ UserPoolId: platform.userPoolId, Username: email }),
    );

    await expect(signIn(platform, email, PASSWORD)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await expect(refresh(before.refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await expect(
      anonymousCognito.send(new GetUserCommand({ AccessToken: before.accessToken })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // A wrong password says nothing about the account's state.
    await expect(signIn(platform, email, 'Sai@MatKhau1')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html
  // "Invalidates the identity, access, and refresh tokens that Amazon Cognito issued to a user."
  it('revokes refresh tokens with AdminUserGlobalSignOut', async () => {
    const email = await createUser();
    const before = await signIn(platform, email, PASSWORD);
    await clients.cognito.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: platform.userPoolId, Username: email }),
    );
    await expect(refresh(before.refreshToken)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // `iat` counts whole seconds
    const after = await signIn(platform, email, PASSWORD);
    expect((await refresh(after.refreshToken)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
  // A refresh token is issued to one app client; another client of the same pool cannot use it.
  it('refuses a refresh token presented by another app client', async () => {
    const other = await createAppClient(clients.cognito, platform.userPoolId, 'another-app');
    const tokens = await signIn(platform, OFFICER);
    await expect(refresh(tokens.refreshToken, other)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
    expect((await refresh(tokens.refreshToken)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
  // With PreventUserExistenceErrors ENABLED, an unknown user and a wrong password give the same
  // NotAuthorizedException "Incorrect username or password."
  it('does not tell an unknown user from a wrong password', async () => {
    for (const [email, password] of [
      ['khongco@demo.thidua.vn', DEMO_PASSWORD],
      [OFFICER, 'Sai@MatKhau1'],
    ] as const) {
      await expect(signIn(platform, email, password)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
  // An app client accepts only the auth flows in its ExplicitAuthFlows.
  it('refuses an auth flow the app client does not allow', async () => {
    const created = await clients.cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: platform.userPoolId,
        ClientName: 'srp-only',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const srpOnly = created.UserPoolClient?.ClientId ?? '';
    await expect(signIn(platform, OFFICER, DEMO_PASSWORD, srpOnly)).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html#user-pool-password-policy
  // Passwords that break the pool's password policy are refused with InvalidPasswordException.
  it('refuses a password that breaks the pool’s policy', async () => {
    const email = await createUser();
    await expect(
      clients.cognito.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: platform.userPoolId,
          Username: email,
          Password: 'short',
          Permanent: true,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException' });
  });
});

describe('Cognito keys and the gateway’s JWT authorizer', () => {
  const cognitoLocalDir = dirname(createRequire(import.meta.url).resolve('cognito-local/package.json'));
  const shippedKey = JSON.parse(
    readFileSync(join(cognitoLocalDir, 'lib', 'keys', 'cognitoLocal.private.json'), 'utf8'),
  ) as { pem: string };

  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
  // Each user pool signs with its own keys, published at its JWKS URL; API Gateway's JWT authorizer
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html) accepts
  // only tokens that verify with a key of the issuer's JWKS. A key anyone can download is not one.
  it('refuses a token signed with the private key shipped inside the cognito-local package', async () => {
    const genuine = await signIn(platform, OFFICER);
    expect((await api(platform, genuine.idToken).get('/me')).status).toBe(200);
    const { kid } = decodeProtectedHeader(genuine.idToken);
    expect(kid).not.toBe('CognitoLocal');
    const jwks = (await (await fetch(platform.jwksUrl)).json()) as { keys: { kid: string; n: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([kid]);

    const shipped = await importPKCS8(
      // The package stores a PKCS#1 key; jose wants PKCS#8, Node converts.
      (await import('node:crypto'))
        .createPrivateKey(shippedKey.pem)
        .export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      'RS256',
    );
    const claims = { ...decodeJwt(genuine.idToken), 'cognito:groups': ['admin'] };
    for (const headerKid of ['CognitoLocal', kid ?? '']) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: headerKid })
        .sign(shipped);
      expect(await api(platform, forged).get('/me')).toMatchObject({ status: 401 });
    }
    // cognito-local decodes access tokens without verifying them; the gate verifies.
    const forgedAccess = await new SignJWT({ ...decodeJwt(genuine.accessToken) })
      .setProtectedHeader({ alg: 'RS256', kid: kid ?? '' })
      .sign(shipped);
    await expect(
      anonymousCognito.send(
        new UpdateUserAttributesCommand({
          AccessToken: forgedAccess,
          UserAttributes: [{ Name: 'locale', Value: 'en' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});

describe('S3: presigned POST uploads and presigned downloads', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
  const MAX = 64;

  /** A presigned POST with the conditions the API issues (functions/src/features/attachments/storage.ts). */
  const presign = (key: string, expires = 600) =>
    createPresignedPost(clients.s3, {
      Bucket: platform.bucketName,
      Key: key,
      Conditions: [
        ['content-length-range', 1, MAX],
        ['eq', '$Content-Type', 'application/pdf'],
      ],
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: expires,
    });

  const post = async (
    upload: { url: string; fields: Record<string, string> },
    bytes: Buffer,
    change: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...upload.fields, ...change })) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'file.pdf');
    const response = await fetch(upload.url, { method: 'POST', body: form });
    return { status: response.status, text: await response.text() };
  };

  const stored = async (key: string): Promise<string> => {
    const got = await clients.s3.send(new GetObjectCommand({ Bucket: platform.bucketName, Key: key }));
    return (await got.Body?.transformToString('latin1')) ?? '';
  };

  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
  // "Each form field that you specify in a form ... must appear in the list of conditions" and each
  // condition must hold: the key is exactly the signed one, the size is within content-length-range
  // (else EntityTooLarge), Content-Type is exactly the signed one. Otherwise 403/400 and nothing stored.
  it('stores the signed upload and refuses a changed key, an oversize file, another content type', async () => {
    const victim = 'attachments/other-unit/confirmed.pdf';
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: platform.bucketName,
        Key: victim,
        Body: pdf,
        ContentType: 'application/pdf',
      }),
    );
    const upload = await presign('attachments/mine/upload.pdf');
    expect((await post(upload, pdf)).status).toBe(204);
    expect(await stored('attachments/mine/upload.pdf')).toBe(pdf.toString('latin1'));

    const evil = Buffer.from('MZ not a pdf at all', 'latin1');
    const otherKey = await post(upload, evil, { key: victim });
    expect(otherKey.status).toBe(403);
    expect(otherKey.text).toContain('Policy Condition failed');
    const oversize = await post(upload, Buffer.concat([pdf, Buffer.alloc(MAX)]));
    expect(oversize.status).toBe(400);
    expect(oversize.text).toContain('EntityTooLarge');
    const otherType = await post(upload, evil, { 'Content-Type': 'application/x-msdownload' });
    expect(otherType.status).toBe(403);
    const extraField = await post(upload, pdf, { 'x-amz-meta-note': 'unsigned' });
    expect(extraField.status).toBe(403);
    expect(extraField.text).toContain('Extra input fields');
    expect(await stored(victim)).toBe(pdf.toString('latin1'));
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html ("expiration")
  // and https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html: a policy
  // past its expiration, or one changed after signing (SignatureDoesNotMatch), is refused.
  it('refuses an upload after the policy expired, and a policy changed after signing', async () => {
    const upload = await presign('attachments/mine/late.pdf', 1);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8')) as {
      conditions: unknown[];
    };
    policy.conditions = policy.conditions.map((condition) =>
      Array.isArray(condition) && condition[0] === 'content-length-range'
        ? [condition[0], 1, 10_000_000]
        : condition,
    );
    const widened = await post(upload, pdf, {
      Policy: Buffer.from(JSON.stringify(policy)).toString('base64'),
    });
    expect(widened.status).toBe(403);
    expect(widened.text).toContain('SignatureDoesNotMatch');

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const late = await post(upload, pdf);
    expect(late.status).toBe(403);
    expect(late.text).toContain('Policy expired');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html: a presigned URL is
  // valid for X-Amz-Expires seconds, and its signature covers the key; an unsigned request to a private
  // bucket is AccessDenied (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
  it('refuses a presigned GET after it expired, one for another key, and an anonymous GET', async () => {
    const key = 'attachments/mine/download.pdf';
    await clients.s3.send(new PutObjectCommand({ Bucket: platform.bucketName, Key: key, Body: pdf }));
    const url = await getSignedUrl(
      clients.s3,
      new GetObjectCommand({ Bucket: platform.bucketName, Key: key }),
      {
        expiresIn: 1,
      },
    );
    expect((await fetch(url)).status).toBe(200);
    const otherKey = url.replace('download.pdf', 'upload.pdf');
    expect((await fetch(otherKey)).status).toBe(403);
    expect((await fetch(`${platform.s3Endpoint}/${platform.bucketName}/${key}`)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('Request has expired');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html ("Permissions"): without
  // s3:ListBucket — every function role here but the health check's, and a presigned download — a missing
  // object is 403 AccessDenied, not 404 NoSuchKey; s3rver says 404, the gate answers as S3 does.
  it('answers a GET or HEAD of a missing object with 403, as S3 does to a caller without ListBucket', async () => {
    const missing = { Bucket: platform.bucketName, Key: 'attachments/never/uploaded.pdf' };
    const get = await clients.s3.send(new GetObjectCommand(missing)).catch((e: unknown) => e);
    expect((get as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
    const head = await clients.s3.send(new HeadObjectCommand(missing)).catch((e: unknown) => e);
    expect((head as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
    expect((await fetch(await getSignedUrl(clients.s3, new GetObjectCommand(missing)))).status).toBe(403);
  });
});

describe('every emulator listens on the loopback interface only', () => {
  // AWS services are reached over authenticated HTTPS only; their local stand-ins have no authentication
  // (DynamoDB Local accepts any credentials), so they must not be reachable from the network at all.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html
  const ports = () => ({
    'DynamoDB Local': Number(new URL(platform.dynamoEndpoint).port),
    's3 gate': Number(new URL(platform.s3Endpoint).port),
    'cognito gate': Number(new URL(platform.cognitoEndpoint).port),
    'API gateway': Number(new URL(platform.apiUrl).port),
  });

  it('answers on 127.0.0.1 and refuses connections to this machine’s other addresses', async () => {
    const external = externalAddresses();
    for (const [what, port] of Object.entries(ports())) {
      expect(await reachable('127.0.0.1', port), `${what} on 127.0.0.1`).toBe(true);
      for (const address of external) {
        expect(await reachable(address, port), `${what} on ${address}`).toBe(false);
      }
    }
  });

  // Also the hidden ports (s3rver's and cognito-local's own, the trigger endpoint): every TCP socket any
  // process of this platform listens on is bound to 127.0.0.1. Linux only (/proc).
  it.runIf(process.platform === 'linux')(
    'binds every listening socket of the platform to 127.0.0.1',
    async () => {
      const pids = await descendants(process.pid);
      const inodes = new Set<string>();
      for (const pid of pids) {
        for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
          try {
            const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
            const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
            if (inode) inodes.add(inode);
          } catch {
            // The descriptor closed meanwhile.
          }
        }
      }
      const listening = [...listeningSockets('/proc/net/tcp'), ...listeningSockets('/proc/net/tcp6')].filter(
        (socket) => inodes.has(socket.inode),
      );
      // DynamoDB Local, s3rver, cognito-local, and this process's gates, gateway and trigger endpoint.
      expect(listening.length).toBeGreaterThanOrEqual(7);
      for (const socket of listening) {
        expect(['0100007F', '0000000000000000FFFF00000100007F'], `port ${socket.port}`).toContain(
          socket.address,
        );
      }
    },
  );
});

async function descendants(pid: number): Promise<number[]> {
  const found = [pid];
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of children ? children.split(' ') : [])
      found.push(...(await descendants(Number(child))));
  }
  return found;
}

function listeningSockets(file: string): { address: string; port: number; inode: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === '0A')
    .map((fields) => {
      const [address = '', port = '0'] = (fields[1] ?? '').split(':');
      return { address, port: Number.parseInt(port, 16), inode: fields[9] ?? '' };
    });
}
