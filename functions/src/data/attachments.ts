import { absent, equals } from './conditions';
import type { TableRef } from './entity';
import { attachmentEntity } from './keys';
import type { ConditionFailed, Conflict, Written } from './outcomes';
import type { Attachment } from './schemas';
import { TransactionRefused, type TxItem, transactWrite } from './transact';

export { Attachment } from './schemas';

export interface AttachmentRepository {
  get(tenantId: string, submissionId: string, attachmentId: string): Promise<Attachment | undefined>;
  list(tenantId: string, submissionId: string): Promise<Attachment[]>;
  /** Refused when the attachment exists (or the request's idempotency record does). */
  create(a: Attachment, extra?: readonly TxItem[]): Promise<Written | ConditionFailed>;
  /** pending → ready, conditioned on still being pending; a conflict carries the attachment as it is. */
  confirm(a: Attachment, extra?: readonly TxItem[]): Promise<Written | Conflict<Attachment>>;
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
    async confirm(a, extra = []) {
      try {
        await transactWrite(ref.client, [
          attachmentEntity.put(ref.table, a, equals('status', 'pending')),
          ...extra,
        ]);
        return { kind: 'written' };
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        const old = err.reasonAt(0)?.item;
        return { kind: 'conflict', current: old ? attachmentEntity.parse(old) : undefined };
      }
    },
  };
};
