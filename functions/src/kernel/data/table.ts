/**
 * The single table's key schema and indexes. One definition, used by the CDK stack (TableV2) and by the
 * local bootstrap (CreateTable on DynamoDB Local). Key composition lives in `kernel/data/keys.ts`; the access
 * patterns are documented in docs/data-model.md.
 */
export interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  globalSecondaryIndexes: readonly IndexDefinition[];
}

export const tableDefinition: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    // Combined inbox filters (ADR 0023): state with author unit, overdue within a form. CloudFormation
    // creates one index per stack update, so an existing stack takes gsi4 and gsi5 in two deployments.
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  ],
};
