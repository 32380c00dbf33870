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
    // Combined inbox filters (ADR 0023): state with author unit; units by name for the search box. Four
    // indexes keep the throttle alarm's expression within CloudWatch's 10 metrics (table + indexes, r/w).
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
};
