import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * A second, informative floor: the hello-world plus what any function of ours cannot avoid — the
 * runtime-provided DynamoDB client, created at load, and one GetItem per request. The distance from the
 * hello-world to this is the SDK's; the distance from this to a real function is our code's.
 */
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});

export const handler = async (): Promise<{
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}> => {
  await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: 'HEALTH' }, sk: { S: 'HEALTH' } },
    }),
  );
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' };
};
