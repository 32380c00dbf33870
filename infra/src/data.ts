import { tableDefinition } from '@thidua/functions/kernel/data/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';

/**
 * The single DynamoDB table. Key schema and indexes come from `tableDefinition`, the same object the local
 * bootstrap passes to CreateTable on DynamoDB Local, so the two can never disagree.
 */
export class Data extends Construct {
  readonly table: TableV2;
  /** Index names, for exact (wildcard-free) IAM resources. */
  readonly indexNames: readonly string[];

  constructor(scope: Construct, id: string, props: { config: EnvConfig }) {
    super(scope, id);
    const { config } = props;
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
        // projection ALL (the default): an inbox page is one Query with no follow-up GetItem per row.
      })),
      // On demand: a province's load is spiky (deadlines, year-end) and tiny on average.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The table outlives the stack: deleting the stack must never delete a province's records.
      removalPolicy: RemovalPolicy.RETAIN,
      contributorInsightsSpecification: { enabled: config.contributorInsights },
      // Idempotency records carry `ttl` (epoch seconds): DynamoDB deletes them for free once expired.
      timeToLiveAttribute: 'ttl',
      // The notifications' outbox is delivered from the stream (infra/src/notifications.ts); new images
      // only: the consumer reads what was written. The local platform turns on the same stream.
      dynamoStream: StreamViewType.NEW_IMAGE,
    });
    this.indexNames = tableDefinition.globalSecondaryIndexes.map((gsi) => gsi.indexName);
  }
}
