import { type AuditSubjectKind, ChainEvent } from '@thidua/shared/api';
import type { Identity } from '@thidua/shared/org';
import * as z from 'zod';
import { absent, equals } from '../../kernel/data/conditions';
import { defineEntity, pad, sortKey, type TableRef, tenantPrefix as t } from '../../kernel/data/entity';
import { auditChainSortKey, auditChainsPartition } from '../../kernel/data/keys';
import { queryAllItems } from '../../kernel/data/query';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import { usersDep } from '../org/repository';
import { dataHash, eventHash, GENESIS_HASH, SEAL_PENDING } from './chain';
import { type GenericKind, type SubjectValues, subjects } from './subjects';

/**
 * The chains of every audited subject other than a submission: one chain per subject, in a partition of
 * its own under `T#<tenant>#AUDIT#` (where IAM denies every write but a transactional Put, infra/src/
 * audit.ts): its events `EV#<seq>` and its head `HEAD`, which the tenant's chain index lists.
 */
export const chainPartition = (c: { tenantId: string; kind: string; subjectId: string }): string =>
  `${t(c.tenantId)}#AUDIT#${c.kind}#${c.subjectId}`;

export const ChainHead = z.object({
  tenantId: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  campaignId: z.string().nullable(),
  label: z.string(),
  seq: z.number().int().min(1),
  hash: z.string(),
});
export type ChainHead = z.infer<typeof ChainHead>;

export const chainEventEntity = defineEntity({
  type: 'ChainEvent',
  schema: ChainEvent,
  pk: chainPartition,
  sk: sortKey('EV#', (e: { seq: number }) => pad(e.seq, 8)),
  indexes: {
    /** A campaign's (or the tenant administration's, `-`) events in time order: the CSV export. */
    inScope: {
      index: 'gsi1',
      pk: (e: { tenantId: string; campaignId: string | null }) =>
        `${t(e.tenantId)}#AUDIT#CE#${e.campaignId ?? '-'}`,
      sk: (e: ChainEvent) => `${e.at}#${e.kind}#${e.subjectId}#${pad(e.seq, 8)}`,
    },
  },
});

export const chainHeadEntity = defineEntity({
  type: 'ChainHead',
  schema: ChainHead,
  pk: chainPartition,
  sk: sortKey('HEAD'),
  indexes: {
    chains: {
      index: 'gsi1',
      pk: (h: { tenantId: string }) => auditChainsPartition(h.tenantId),
      sk: (h: ChainHead) => auditChainSortKey(h.campaignId, h.kind, h.subjectId),
    },
  },
});

/** One change to record: what it was done to, the verb, and a sentence for people. */
export type AuditChange = {
  [K in GenericKind]: {
    kind: K;
    /** The subject as the same transaction stores it. */
    subject: SubjectValues[K];
    /** `created` for a new subject (the chain must start with it), else the domain's verb. */
    action: string;
    summary: string;
  };
}[GenericKind];

/** Who acted, as the chain records it: readable without looking the account up again. */
export interface AuditActor {
  userId: string;
  name: string;
  roles: readonly string[];
  unitId: string | null;
}

export interface AuditLog {
  /**
   * THE way a feature records an audited change: the items that append `changes` to their subjects'
   * chains, to put in the SAME transaction as the change (after its other items). The transaction's
   * MAC is added when it is written (one per transaction). Reads each chain's head once.
   */
  record(actor: Identity | AuditActor, ...changes: AuditChange[]): Promise<TxItem[]>;
}

export const createAuditLog = (
  ref: TableRef,
  names: { get(tenantId: string, userId: string): Promise<{ name: string } | undefined> },
): AuditLog => {
  const heads = chainHeadEntity.on(ref);
  const actorOf = async (a: Identity | AuditActor): Promise<AuditActor> => {
    if (!('email' in a)) return a;
    const name = a.name || (await names.get(a.tenantId, a.userId))?.name || a.email;
    return { userId: a.userId, name, roles: [...a.roles], unitId: a.unitId };
  };
  return {
    async record(who, ...changes) {
      const actor = await actorOf(who);
      const at = new Date().toISOString();
      const events: ChainEvent[] = [];
      const touched = new Map<string, { before: ChainHead | undefined; head: ChainHead; last: ChainEvent }>();
      for (const change of changes) {
        const def = subjects[change.kind] as (typeof subjects)[GenericKind];
        const subject = change.subject as never;
        const tenantId = (change.subject as { tenantId: string }).tenantId;
        const key = { tenantId, kind: change.kind as AuditSubjectKind, subjectId: def.id(subject) };
        const partition = chainPartition(key);
        const seen = touched.get(partition);
        const before = seen ? seen.before : await heads.get(key, { consistent: true });
        const head = seen?.head ?? before;
        const body: Omit<ChainEvent, 'hash'> = {
          ...key,
          campaignId: def.campaignId(subject),
          seq: (head?.seq ?? 0) + 1,
          action: change.action,
          summary: change.summary,
          actorId: actor.userId,
          actorName: actor.name,
          actorRoles: [...actor.roles],
          actorUnitId: actor.unitId,
          at,
          subjectHash: dataHash(def.audited(def.item(subject))),
          prevHash: head?.hash ?? GENESIS_HASH,
        };
        const event: ChainEvent = { ...body, hash: eventHash(body) };
        const next: ChainHead = {
          ...key,
          campaignId: body.campaignId,
          label: def.label(subject),
          seq: event.seq,
          hash: event.hash,
        };
        touched.set(partition, { before, head: next, last: event });
        events.push(event);
      }
      // The last event of each chain carries the transaction's seal.
      for (const { last } of touched.values()) last.seal = SEAL_PENDING;
      return [
        ...events.map((e) => chainEventEntity.put(ref.table, e, absent())),
        // One head Put per chain, conditioned on the head read: a concurrent append makes it fail.
        ...[...touched.values()].map(({ before, head }) =>
          chainHeadEntity.put(ref.table, head, before ? equals('seq', before.seq) : absent()),
        ),
      ];
    },
  };
};

/** A chain as its head says: its partition, what it is about, where it ends. */
export interface ChainRef {
  chain: string;
  kind: AuditSubjectKind;
  subjectId: string;
  campaignId: string | null;
  label: string;
  seq: number;
  hash: string;
  /** False when the head item does not parse (verification names it). */
  readable: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A head from the chain index: a submission (its head is on it) or a chain head item. */
const refOf = (raw: Record<string, unknown>): ChainRef => {
  const [campaign = '-', kind = 'submission', ...rest] = str(raw.gsi1sk).split('#');
  const fallback = {
    chain: str(raw.pk),
    kind: kind as AuditSubjectKind,
    subjectId: rest.join('#'),
    campaignId: campaign === '-' ? null : campaign,
  };
  if (raw.type === 'Submission') {
    const ok = typeof raw.lastEventHash === 'string' && typeof raw.eventSeq === 'number';
    return {
      ...fallback,
      label: `${str(raw.unitName)} — ${str(raw.formKey)} ${str(raw.period)}`.trim(),
      seq: num(raw.eventSeq),
      hash: str(raw.lastEventHash),
      readable: ok,
    };
  }
  const head = ChainHead.safeParse(raw);
  return head.success
    ? { ...fallback, label: head.data.label, seq: head.data.seq, hash: head.data.hash, readable: true }
    : { ...fallback, label: fallback.subjectId, seq: 0, hash: '', readable: false };
};

/** The chains of a campaign, of the tenant administration (`null`), or of the whole tenant (`'all'`). */
export const listChains = async (
  ref: TableRef,
  tenantId: string,
  scope: string | null | 'all',
): Promise<ChainRef[]> => {
  const items = await queryAllItems(ref.client, {
    table: ref.table,
    index: 'gsi1',
    partition: auditChainsPartition(tenantId),
    ...(scope === 'all' ? {} : { sort: { beginsWith: `${scope ?? '-'}#` } }),
    consistent: false,
  });
  return items.map(refOf);
};

/** `audit` of a route group's container (kernel/deps.ts): names come from the same container's `users`. */
export const auditDep = defineDep('audit', (c) => createAuditLog(c.ref, c.use(usersDep)));
