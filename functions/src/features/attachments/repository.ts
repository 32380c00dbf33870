import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { absent, equals, unchanged } from '../../kernel/data/conditions';
import type { TableRef } from '../../kernel/data/entity';
import { attachmentEntity } from '../../kernel/data/keys';
import type { ConditionFailed, Written } from '../../kernel/data/outcomes';
import type { Attachment } from '../../kernel/data/schemas';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

export { Attachment, ScanState, Sha256 } from '../../kernel/data/schemas';

export interface AttachmentRepository {
  get(tenantId: string, submissionId: string, attachmentId: string): Promise<Attachment | undefined>;
  list(tenantId: string, submissionId: string): Promise<Attachment[]>;
  /** Refused when the attachment exists (or the request's idempotency record does). */
  create(a: Attachment, extra?: readonly TxItem[]): Promise<Written | ConditionFailed>;
  /**
   * The pending → ready Put, conditioned on still being pending (a refusal carries the attachment as it
   * is), for the transaction that also appends to the submission's audit chain.
   */
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

export const createAttachmentRepository = (ref: TableRef): AttachmentRepository => {
  const attachments = attachmentEntity.on(ref);
  return {
    get: (tenantId, submissionId, id) =>
      attachments.get({ tenantId, submissionId, id }, { consistent: true }),
    list: (tenantId, submissionId) =>
      attachments.all('primary', { tenantId, submissionId }, { consistent: true }),
    async create(a, extra = []) {
      try {
        await transactWrite(ref.client, [attachmentEntity.put(ref.table, a, absent()), ...extra]);
        return { kind: 'written' };
      } catch (err) {
        if (err instanceof TransactionRefused) return { kind: 'condition_failed', reason: 'exists' };
        throw err;
      }
    },
    confirmItem: (a) => attachmentEntity.put(ref.table, a, equals('status', 'pending')),
    async recordScan(at, verdict) {
      const update = attachmentEntity.update(
        ref.table,
        { tenantId: at.tenantId, submissionId: at.submissionId, id: at.attachmentId },
        { set: { scanState: verdict } },
        unchanged({ status: 'ready', storedKey: at.storedKey }),
      );
      try {
        if (update.Update) await ref.client.send(new UpdateCommand(update.Update));
        return true;
      } catch (err) {
        if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw err;
      }
    },
  };
};

/** `attachments` of a route group's container (kernel/deps.ts). */
export const attachmentsDep = defineDep('attachments', (c) => createAttachmentRepository(c.ref));
