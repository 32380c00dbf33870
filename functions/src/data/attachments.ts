import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AttachmentView } from '@thidua/shared/api';
import { TenantId } from '@thidua/shared/common';
import * as z from 'zod';
import { Conflict } from '../http/errors';
import { parseItem } from './items';
import { keys, submissionPartition } from './keys';
import type { TableRef } from './org';
import { queryAll } from './query';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

export { ScanState, Sha256 } from '@thidua/shared/api';

/** The stored attachment: the API's view plus its tenant and where its bytes are. */
export const Attachment = AttachmentView.extend({
  tenantId: TenantId,
  /** Where the browser uploads (one-time key under `upload/`); never served. */
  objectKey: z.string(),
  /**
   * Where the checked bytes live after `confirm` (under `evidence/`, a prefix no upload policy names);
   * null while pending, and for files confirmed before issue 12 (they were served from `objectKey`).
   */
  storedKey: z.string().nullable().default(null),
});
export type Attachment = z.infer<typeof Attachment>;

export interface AttachmentRepository {
  get(tenantId: string, submissionId: string, attachmentId: string): Promise<Attachment | undefined>;
  list(tenantId: string, submissionId: string): Promise<Attachment[]>;
  create(a: Attachment, extra?: readonly TxItem[]): Promise<void>;
  /** pending → ready, conditioned on still being pending. */
  confirm(a: Attachment, extra?: readonly TxItem[]): Promise<void>;
  /** The item of `confirm`, for a transaction that also appends to the submission's audit chain. */
  confirmItem(a: Attachment): TxItem;
  /**
   * Records a scanner's verdict on the object at `storedKey`; false when no ready attachment holds that
   * object (a verdict on something else, or a stale one).
   */
  recordScan(
    at: { tenantId: string; submissionId: string; attachmentId: string; storedKey: string },
    verdict: 'clean' | 'infected',
  ): Promise<boolean>;
}

const item = (a: Attachment): Record<string, unknown> => ({
  ...keys.attachment(a.tenantId, a.submissionId, a.id),
  type: 'Attachment',
  ...a,
});

/** The attachment's pending → ready Put, conditioned on it still being pending. */
const confirmItem = (table: string, a: Attachment): TxItem => ({
  Put: {
    TableName: table,
    Item: item(a),
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending' },
  },
});

export const createAttachmentRepository = ({ table, client }: TableRef): AttachmentRepository => ({
  async get(tenantId, submissionId, attachmentId) {
    const r = await client.send(
      new GetCommand({
        TableName: table,
        Key: keys.attachment(tenantId, submissionId, attachmentId),
        ConsistentRead: true,
      }),
    );
    return r.Item ? parseItem(Attachment, r.Item) : undefined;
  },
  list: (tenantId, submissionId) =>
    queryAll(client, Attachment, {
      table,
      partition: submissionPartition(tenantId, submissionId),
      sort: { beginsWith: 'ATT#' },
      consistent: true,
    }),
  async create(a, extra = []) {
    try {
      await transactWrite(client, [
        { Put: { TableName: table, Item: item(a), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...extra,
      ]);
    } catch (err) {
      if (err instanceof TransactionRefused)
        throw new Conflict('Yêu cầu trùng lặp', undefined, 'duplicate_request');
      throw err;
    }
  },
  async confirm(a, extra = []) {
    try {
      await transactWrite(client, [confirmItem(table, a), ...extra]);
    } catch (err) {
      if (err instanceof TransactionRefused) {
        throw new Conflict('Tệp đã được xác nhận trước đó', undefined, 'already_confirmed');
      }
      throw err;
    }
  },
  confirmItem: (a) => confirmItem(table, a),
  async recordScan(at, verdict) {
    try {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.attachment(at.tenantId, at.submissionId, at.attachmentId),
          UpdateExpression: 'SET #scan = :verdict',
          ConditionExpression: '#status = :ready AND #stored = :key',
          ExpressionAttributeNames: { '#scan': 'scanState', '#status': 'status', '#stored': 'storedKey' },
          ExpressionAttributeValues: { ':verdict': verdict, ':ready': 'ready', ':key': at.storedKey },
        }),
      );
      return true;
    } catch (err) {
      if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  },
});
