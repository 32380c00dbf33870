import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AttachmentView } from '@thidua/shared/api';
import { TenantId } from '@thidua/shared/common';
import * as z from 'zod';
import { Conflict } from '../http/errors';
import { parseItem } from './items';
import { keys, submissionPartition } from './keys';
import type { TableRef } from './org';
import { queryAll } from './query';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

/** The stored attachment: the API's view plus its tenant and where its bytes are. */
export const Attachment = AttachmentView.extend({ tenantId: TenantId, objectKey: z.string() });
export type Attachment = z.infer<typeof Attachment>;

export interface AttachmentRepository {
  get(tenantId: string, submissionId: string, attachmentId: string): Promise<Attachment | undefined>;
  list(tenantId: string, submissionId: string): Promise<Attachment[]>;
  create(a: Attachment, extra?: readonly TxItem[]): Promise<void>;
  /** pending → ready, conditioned on still being pending. */
  confirm(a: Attachment, extra?: readonly TxItem[]): Promise<void>;
}

const item = (a: Attachment): Record<string, unknown> => ({
  ...keys.attachment(a.tenantId, a.submissionId, a.id),
  type: 'Attachment',
  ...a,
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
      await transactWrite(client, [
        {
          Put: {
            TableName: table,
            Item: item(a),
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          },
        },
        ...extra,
      ]);
    } catch (err) {
      if (err instanceof TransactionRefused) {
        throw new Conflict('Tệp đã được xác nhận trước đó', undefined, 'already_confirmed');
      }
      throw err;
    }
  },
});
