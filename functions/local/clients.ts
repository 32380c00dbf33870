import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { emulatorCredentials, localRegion } from './emulators';

// The SDK's notice that it will require Node 22 (Node 20 runs here, Lambda runs 22) is switched off with
// its own documented variable; the SDK reads it when a client is created.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface EmulatorEndpoints {
  dynamoEndpoint: string;
  s3Endpoint: string;
  cognitoEndpoint: string;
}

export interface EmulatorClients {
  dynamo: DynamoDBClient;
  s3: S3Client;
  cognito: CognitoIdentityProviderClient;
  destroy(): void;
}

/**
 * SDK clients for the platform's own administration (bootstrap, seed, tests) — never for handlers, which
 * build theirs from the environment like in Lambda. S3 is path-style, and checksums only where S3
 * requires them: s3rver does not understand the SDK's default trailing CRC32 checksums.
 */
export function emulatorClients(endpoints: EmulatorEndpoints): EmulatorClients {
  const common = { region: localRegion, credentials: emulatorCredentials };
  const dynamo = new DynamoDBClient({ ...common, endpoint: endpoints.dynamoEndpoint });
  const s3 = new S3Client({
    ...common,
    endpoint: endpoints.s3Endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const cognito = new CognitoIdentityProviderClient({ ...common, endpoint: endpoints.cognitoEndpoint });
  return {
    dynamo,
    s3,
    cognito,
    destroy: () => {
      dynamo.destroy();
      s3.destroy();
      cognito.destroy();
    },
  };
}
