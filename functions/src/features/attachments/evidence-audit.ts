import { createHash } from 'node:crypto';
import type { AuditEvent } from '../audit/chain';
import type { AttachmentRepository } from './repository';
import type { FileStorage } from './storage';

export interface EvidenceProblem {
  seq: number | null;
  problem: string;
}

/**
 * The evidence half of an audit check. The chain records each file's SHA-256 at confirm (`attach`
 * events); here the attachment records and the stored bytes are compared with it: a changed hash on the
 * record, a replaced or deleted object, a confirmed file the chain never saw. The bytes are re-read and
 * re-hashed, so tampering directly in the bucket is caught too.
 */
export const verifyEvidence = async (
  d: { attachments: Pick<AttachmentRepository, 'list'>; files: Pick<FileStorage, 'read' | 'head'> },
  tenantId: string,
  submissionId: string,
  events: readonly AuditEvent[],
): Promise<EvidenceProblem[]> => {
  const problems: EvidenceProblem[] = [];
  const records = new Map((await d.attachments.list(tenantId, submissionId)).map((a) => [a.id, a]));
  const chained = new Set<string>();
  for (const e of events) {
    if (e.action !== 'attach' || !e.attachment) continue;
    const logged = e.attachment;
    chained.add(logged.id);
    const a = records.get(logged.id);
    if (a?.status !== 'ready' || a.storedKey === null) {
      problems.push({ seq: e.seq, problem: `Tệp "${logged.name}" đã ghi nhật ký nhưng không còn hồ sơ` });
      continue;
    }
    if (a.sha256 !== logged.sha256) {
      problems.push({ seq: e.seq, problem: `Mã băm của tệp "${logged.name}" khác với nhật ký` });
    }
    if ((await d.files.head(a.storedKey)) === undefined) {
      problems.push({ seq: e.seq, problem: `Tệp "${logged.name}" không còn trong kho lưu trữ` });
      continue;
    }
    const actual = createHash('sha256')
      .update(await d.files.read(a.storedKey))
      .digest('hex');
    if (actual !== logged.sha256) {
      problems.push({ seq: e.seq, problem: `Nội dung tệp "${logged.name}" đã bị thay đổi sau khi xác nhận` });
    }
  }
  for (const a of records.values()) {
    // Files confirmed before the chain recorded hashes (no sha256) cannot be checked, and are not claimed.
    if (a.status === 'ready' && a.sha256 !== null && !chained.has(a.id)) {
      problems.push({ seq: null, problem: `Tệp "${a.name}" đã xác nhận nhưng không có trong nhật ký` });
    }
  }
  return problems;
};
