import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GroupExistsException,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import { roles } from '@thidua/shared/org';
import { type TableDefinition, tableDefinition } from '../src/kernel/data/table';
import { PlatformError } from './errors';

/**
 * Creates what the CDK stack creates in AWS, on the emulators, and only what is missing: the table (key
 * schema and indexes from `functions/src/kernel/data/table.ts`, the definition CDK uses), the attachments bucket
 * with CORS for the web origin, the user pool with its custom attributes, one group per role and the SPA's
 * app client. Running it again changes nothing; the pool and client are found again by name in
 * cognito-local's persisted state, so a restart keeps users and ids.
 */
export interface BootstrapOptions {
  clients: { dynamo: DynamoDBClient; s3: S3Client; cognito: CognitoIdentityProviderClient };
  cognitoEndpoint: string;
  /** Origins allowed to upload to the bucket from the browser (the web app). */
  webOrigins: readonly string[];
  tableName?: string;
  bucketName?: string;
}

export interface BootstrapResult {
  tableName: string;
  bucketName: string;
  userPoolId: string;
  clientId: string;
  /** What API Gateway's JWT authorizer is configured with: `<cognito endpoint>/<pool id>`. */
  issuer: string;
  jwksUrl: string;
}

export const USER_POOL_NAME = 'thidua-local';
export const APP_CLIENT_NAME = 'thidua-web';
export const DEFAULT_TABLE_NAME = 'thidua-local';
export const DEFAULT_BUCKET_NAME = 'thidua-attachments-local';

export async function bootstrap(options: BootstrapOptions): Promise<BootstrapResult> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const bucketName = options.bucketName ?? DEFAULT_BUCKET_NAME;
  await Promise.all([
    ensureTable(options.clients.dynamo, tableName, tableDefinition),
    ensureBucket(options.clients.s3, bucketName, options.webOrigins),
  ]);
  const { userPoolId, clientId } = await ensureUserPool(options.clients.cognito);
  const issuer = `${options.cognitoEndpoint}/${userPoolId}`;
  return { tableName, bucketName, userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
}

function attributeDefinitions(definition: TableDefinition): AttributeDefinition[] {
  const names = new Set([definition.partitionKey, definition.sortKey]);
  for (const index of definition.globalSecondaryIndexes) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
}

const indexSpec = (index: TableDefinition['globalSecondaryIndexes'][number]) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/** New images only: the consumer reads what was written, never what was there before. */
const tableStream = { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' as const };

/** Creates the table, or adds the indexes a table created from an older definition lacks. */
export async function ensureTable(
  dynamo: DynamoDBClient,
  tableName: string,
  definition: TableDefinition,
): Promise<void> {
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(definition),
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map(indexSpec),
        // The notifications' outbox is read from the table's stream (as on AWS, infra/src/data.ts).
        StreamSpecification: tableStream,
      }),
    );
    await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: tableName });
    return;
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const described = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  if (!described.Table?.StreamSpecification?.StreamEnabled) {
    // A table created before the outbox: its stream is turned on (only new writes appear in it).
    await dynamo.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: tableStream }));
  }
  const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  // DynamoDB accepts one index creation per UpdateTable call.
  for (const index of definition.globalSecondaryIndexes) {
    if (present.has(index.indexName)) continue;
    await dynamo.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions(definition),
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
  }
}

async function ensureBucket(s3: S3Client, bucketName: string, webOrigins: readonly string[]): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucketName }));
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  if (webOrigins.length === 0) return;
  // Put every time: the web origin (its port) may differ from the last run.
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucketName,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...webOrigins],
            AllowedMethods: ['GET', 'HEAD', 'POST', 'PUT'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
}

export async function ensureUserPool(cognito: CognitoIdentityProviderClient): Promise<{
  userPoolId: string;
  clientId: string;
}> {
  const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((pool) => pool.Name === USER_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: USER_POOL_NAME,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: {
          PasswordPolicy: {
            MinimumLength: 8,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          },
        },
        // As infra/src/auth.ts declares them: a user never changes province, an admin may move their unit.
        Schema: [
          { Name: 'tenant_id', AttributeDataType: 'String', Mutable: false },
          { Name: 'unit_id', AttributeDataType: 'String', Mutable: true },
        ],
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local created a user pool without an id');
  } else {
    await assertSchemaCurrent(cognito, userPoolId);
  }
  // As infra/src/auth.ts: MFA optional per user, TOTP the only second factor (a user who enabled TOTP is
  // challenged for a code at every sign-in). Idempotent, so an older data directory gets it too.
  await cognito.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );

  // cognito-local's CreateGroup silently replaces an existing group, memberships included: create only
  // the missing ones.
  const groups = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  const existing = new Set((groups.Groups ?? []).map((group) => group.GroupName));
  for (const role of roles) {
    if (existing.has(role)) continue;
    try {
      await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role }));
    } catch (error) {
      if (!(error instanceof GroupExistsException)) throw error;
    }
  }

  const clients = await cognito.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.find((client) => client.ClientName === APP_CLIENT_NAME)?.ClientId;
  if (!clientId) clientId = await createAppClient(cognito, userPoolId, APP_CLIENT_NAME);
  else {
    // A client made by an older bootstrap let users write every attribute; Cognito allows this update.
    await cognito.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientId: clientId,
        ...attributePermissions,
      }),
    );
  }
  return { userPoolId, clientId };
}

/**
 * A pool's schema cannot change in Cognito, and a pool made by an older bootstrap has a mutable
 * `custom:tenant_id`: such a data directory cannot give the guarantees of the deployed pool.
 */
async function assertSchemaCurrent(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
): Promise<void> {
  const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  const tenant = described.UserPool?.SchemaAttributes?.find(
    (attribute) => attribute.Name === 'custom:tenant_id',
  );
  if (tenant?.Mutable !== false) {
    throw new PlatformError(
      'The local user pool was created by an older version, in which custom:tenant_id can be changed; a Cognito pool cannot change that. Run `npm run reset` (it deletes .data/ and the demo world is seeded again).',
    );
  }
}

/**
 * Which attributes the SPA's client may read and write with a user's own access token, as CDK configures
 * the web client (infra/src/auth.ts): the tenant, the unit and the roles are never self-service.
 */
const attributePermissions = {
  ReadAttributes: ['email', 'email_verified', 'name', 'custom:tenant_id', 'custom:unit_id'],
  WriteAttributes: ['locale'],
};

/**
 * An app client like the SPA's: no secret, password sign-in and refresh, tokens valid for an hour (the
 * Cognito default). Exported for tests that need a second client ("a token for another client").
 */
export async function createAppClient(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  clientName: string,
): Promise<string> {
  const created = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: clientName,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
      PreventUserExistenceErrors: 'ENABLED',
      ...attributePermissions,
    }),
  );
  const clientId = created.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local created an app client without an id');
  return clientId;
}
