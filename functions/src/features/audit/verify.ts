import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEvent } from '@thidua/shared/api';
import {
  type AuditSubjectKind,
  auditSubjectLabels,
  ChainEvent,
  type ChainVerification,
} from '@thidua/shared/contracts';
import type { z } from 'zod';
import type { ChainKey } from '../../kernel/data/chain-key';
import { CorruptItem, corruptItem } from '../../kernel/data/corrupt-item';
import type { TableRef } from '../../kernel/data/entity';
import { submissionEntity } from '../../kernel/data/keys';
import { StoredSubmission } from '../../kernel/data/schemas';
import type { LatestAnchor } from './anchor';
import { dataHash, headRef, type Problem, sealDigest, verifyChain, verifyLinks } from './chain';
import { ChainHead, type ChainRef, chainPartition } from './chains';
import { type GenericKind, subjects } from './subjects';

/** What every verification needs: the table, the chain key, the tenant's newest anchor. */
export interface VerifyContext {
  ref: TableRef;
  key: ChainKey;
  anchor: LatestAnchor;
}

/** The seal of a chain's last event must be there, list this very head, and carry the key's MAC. */
export const sealProblems = async (
  key: ChainKey,
  chain: string,
  last: { seq: number; hash: string; seal?: unknown } | undefined,
): Promise<Problem[]> => {
  if (!last) return [];
  const seal = last.seal;
  if (typeof seal !== 'object' || seal === null || !('heads' in seal) || !('mac' in seal))
    return [{ seq: last.seq, problem: 'Sự kiện cuối không có chữ ký (MAC) của hệ thống' }];
  const { heads, mac } = seal as { heads: string[]; mac: string };
  if (!heads.includes(headRef(chain, last.seq, last.hash)))
    return [{ seq: last.seq, problem: 'Chữ ký (MAC) không phải của chuỗi này: chuỗi đã bị tính lại' }];
  if (!(await key.verify(sealDigest(heads), mac)))
    return [{ seq: last.seq, problem: 'Chữ ký (MAC) không hợp lệ: chuỗi đã bị tính lại hoặc giả mạo' }];
  return [];
};

/** The chain must still pass through the head the newest anchor recorded for it. */
export const anchorProblems = (
  anchor: LatestAnchor,
  chain: string,
  events: readonly { seq: number; hash: string }[],
): Problem[] => {
  if (anchor.kind === 'invalid') return [{ seq: null, problem: `${anchor.problem} (${anchor.key})` }];
  if (anchor.kind === 'none') return [];
  const anchored = anchor.anchor.heads[chain];
  if (!anchored) return [];
  const at = events[anchored.seq - 1];
  return at?.hash === anchored.hash
    ? []
    : [
        {
          seq: anchored.seq,
          problem: `Chuỗi khác với mốc neo lúc ${anchor.anchor.at} (sự kiện số ${anchored.seq}): nhật ký đã bị sửa, xóa hoặc tính lại sau khi neo`,
        },
      ];
};

const anchoredAt = (anchor: LatestAnchor): string | null =>
  anchor.kind === 'valid' ? anchor.anchor.at : null;

/** Parses stored items one by one: a corrupt one becomes a problem naming it, never an exception. */
const parseEach = <S extends z.ZodType>(
  schema: S,
  raws: readonly Record<string, unknown>[],
  problems: Problem[],
): z.output<S>[] => {
  const out: z.output<S>[] = [];
  for (const raw of raws) {
    const { pk: _pk, sk: _sk, type: _type, gsi1pk: _a, gsi1sk: _b, ...attributes } = raw;
    const r = schema.safeParse(attributes);
    if (r.success) out.push(r.data);
    else problems.push(corruptProblem(corruptItem(raw, r.error)));
  }
  return out;
};

export const corruptProblem = (e: CorruptItem): Problem => ({
  seq: null,
  problem: `Mục ${e.key.pk}/${e.key.sk} (${e.itemType}) bị hỏng: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
});

const partitionItems = async (ref: TableRef, pk: string): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await ref.client.send(
      new QueryCommand({
        TableName: ref.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((r.Items ?? []) as Record<string, unknown>[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
};

const isEvent = (raw: Record<string, unknown>) => String(raw.sk).startsWith('EV#');

export type VerifiedChain = ChainVerification & { events: (ChainEvent | AuditEvent)[] };

/** Verifies a submission's chain from the table, never throwing on a corrupt item. */
const verifySubmission = async (ctx: VerifyContext, tenantId: string, id: string): Promise<VerifiedChain> => {
  const chain = submissionEntity.partition({ tenantId, id });
  const items = await partitionItems(ctx.ref, chain);
  const problems: Problem[] = [];
  const events = parseEach(AuditEvent, items.filter(isEvent), problems).sort((a, b) => a.seq - b.seq);
  const [submission] = parseEach(
    StoredSubmission,
    items.filter((i) => i.sk === 'SUB'),
    problems,
  );
  const label = submission ? `${submission.unitName} — ${submission.formKey} ${submission.period}` : id;
  let headHash = '';
  if (submission) {
    const r = verifyChain(events, submission);
    problems.push(...r.problems);
    headHash = r.headHash;
  } else if (!items.some((i) => i.sk === 'SUB')) {
    problems.push({ seq: null, problem: 'Không còn hồ sơ của chuỗi này' });
  }
  problems.push(...(await sealProblems(ctx.key, chain, events.at(-1))));
  problems.push(...anchorProblems(ctx.anchor, chain, events));
  return {
    kind: 'submission',
    subjectId: id,
    label,
    valid: problems.length === 0,
    eventCount: events.length,
    headHash,
    anchoredAt: anchoredAt(ctx.anchor),
    problems,
    events,
  };
};

/** Verifies the chain of any other subject against its events, its head and the subject as stored now. */
const verifyGeneric = async (
  ctx: VerifyContext,
  tenantId: string,
  kind: GenericKind,
  subjectId: string,
): Promise<VerifiedChain> => {
  const chain = chainPartition({ tenantId, kind, subjectId });
  const items = await partitionItems(ctx.ref, chain);
  const problems: Problem[] = [];
  const events = parseEach(ChainEvent, items.filter(isEvent), problems).sort((a, b) => a.seq - b.seq);
  const [head] = parseEach(
    ChainHead,
    items.filter((i) => i.sk === 'HEAD'),
    problems,
  );
  const links = verifyLinks(events, 'created');
  problems.push(...links.problems);
  const last = events.at(-1);
  if (!head) problems.push({ seq: null, problem: 'Thiếu đầu chuỗi (HEAD) trong bảng' });
  else if (head.seq !== events.length || head.hash !== (last?.hash ?? ''))
    problems.push({
      seq: null,
      problem: `Đầu chuỗi (số ${head.seq}) khác với nhật ký (${events.length} sự kiện)`,
    });
  const def = subjects[kind];
  if (last) {
    try {
      const raw = await def.load(ctx.ref, tenantId, subjectId);
      if (!raw) {
        if (last.action !== 'deleted')
          problems.push({
            seq: last.seq,
            problem: `${auditSubjectLabels[kind]} không còn trong bảng nhưng nhật ký không ghi việc xóa`,
          });
      } else if (dataHash(def.audited(raw)) !== last.subjectHash) {
        problems.push({
          seq: last.seq,
          problem: `${auditSubjectLabels[kind]} hiện tại khác với lần thay đổi cuối đã ghi nhật ký`,
        });
      }
    } catch (err) {
      if (!(err instanceof CorruptItem)) throw err;
      problems.push(corruptProblem(err));
    }
  }
  problems.push(...(await sealProblems(ctx.key, chain, last)));
  problems.push(...anchorProblems(ctx.anchor, chain, events));
  return {
    kind,
    subjectId,
    label: head?.label ?? subjectId,
    valid: problems.length === 0,
    eventCount: events.length,
    headHash: links.headHash,
    anchoredAt: anchoredAt(ctx.anchor),
    problems,
    events,
  };
};

/** Verifies one chain, whatever its kind. */
export const verifyAuditChain = (
  ctx: VerifyContext,
  tenantId: string,
  kind: AuditSubjectKind,
  subjectId: string,
): Promise<VerifiedChain> =>
  kind === 'submission'
    ? verifySubmission(ctx, tenantId, subjectId)
    : verifyGeneric(ctx, tenantId, kind, subjectId);

/**
 * Verifies listed chains; and every chain the newest anchor recorded in the same scope must still be
 * listed (a head deleted from the table would otherwise just disappear from the list).
 */
export const verifyChains = async (
  ctx: VerifyContext,
  tenantId: string,
  listed: readonly ChainRef[],
  scope: string | null,
): Promise<VerifiedChain[]> => {
  const out: VerifiedChain[] = [];
  for (const c of listed) out.push(await verifyAuditChain(ctx, tenantId, c.kind, c.subjectId));
  if (ctx.anchor.kind === 'valid') {
    const present = new Set(listed.map((c) => c.chain));
    for (const [chain, anchored] of Object.entries(ctx.anchor.anchor.heads)) {
      if (present.has(chain) || anchored.scope !== (scope ?? '-')) continue;
      out.push({
        kind: 'submission',
        subjectId: chain,
        label: chain,
        valid: false,
        eventCount: 0,
        headHash: '',
        anchoredAt: ctx.anchor.anchor.at,
        problems: [
          {
            seq: null,
            problem: `Chuỗi ${chain} đã được neo lúc ${ctx.anchor.anchor.at} nhưng không còn trong bảng`,
          },
        ],
        events: [],
      });
    }
  }
  return out;
};
