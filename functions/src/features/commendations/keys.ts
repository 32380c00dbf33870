import { createHash } from 'node:crypto';
import {
  BallotPaper,
  Batch,
  CommendationConfig,
  CouncilSession,
  Decision,
  Disclosure,
  isIssued,
  liveStageList,
  NominationRecord,
  NomineeImport,
  PublicComment,
  Revocation,
  UnitNotification,
} from '@thidua/shared/commendation';
import * as z from 'zod';
import { defineEntity, pad, sortKey, tenantPrefix as t } from '../../kernel/data/entity';

/**
 * The commendation item types, each declared once with `defineEntity` (docs/data-model.md, section
 * "Commendations"): the key and index composition that writes an item is the one its readers query.
 * Every key starts with the tenant. Partitions that serve lists are written with the item they index.
 */

/** Nominee keys hold names: hashed so the key reveals nothing and contains no `#`. */
const nomineeHash = (nomineeKey: string): string =>
  createHash('sha256').update(nomineeKey).digest('base64url').slice(0, 32);

/** THAT a member voted (never what). */
export const Participation = z.object({ userId: z.string(), name: z.string(), votedAt: z.string() });
export type Participation = z.infer<typeof Participation>;

/** The last number taken in one sequence (kind, issuing body, year). */
export const Counter = z.object({ last: z.number().int().min(0) });

/** Comments sent from one address on one day. */
const RateCounter = z.object({ n: z.number().int().min(0) });

export const configEntity = defineEntity({
  type: 'CommendationConfig',
  schema: CommendationConfig,
  pk: (c: { tenantId: string; campaignId: string }) => `${t(c.tenantId)}#CAMPAIGN#${c.campaignId}`,
  sk: sortKey('COMMENDATION_CONFIG'),
  attributes: ({ tenantId: _t, ...config }: CommendationConfig & { tenantId: string }) => config,
});

const nominationPartition = (r: { tenantId: string; nominationId: string }): string =>
  `${t(r.tenantId)}#NOM#${r.nominationId}`;

/** One Excel import of a nominee list (its id comes from the caller's Idempotency-Key). */
export const nomineeImportEntity = defineEntity({
  type: 'NomineeImport',
  schema: NomineeImport,
  pk: (x: { tenantId: string; id: string }) => `${t(x.tenantId)}#NOMIMPORT#${x.id}`,
  sk: sortKey('NOMIMPORT'),
  attributes: ({ tenantId: _t, ...x }: NomineeImport & { tenantId: string }) => x,
});

/** The commendation record of a nomination (the submission's id). */
export const recordEntity = defineEntity({
  type: 'NominationRecord',
  schema: NominationRecord,
  pk: nominationPartition,
  sk: sortKey('NOM'),
  indexes: {
    /** Nominations by campaign and stage. */
    byStage: {
      index: 'gsi1',
      pk: (r: { tenantId: string; campaignId: string; stage: string }) =>
        `${t(r.tenantId)}#NOMS#C#${r.campaignId}#ST#${r.stage}`,
      sk: (r: NominationRecord) => `${r.unitId}#${r.nominationId}`,
    },
    /** Every nomination of one nominee, across campaigns and years (one achievement, one award). */
    byNominee: {
      index: 'gsi2',
      pk: (r: { tenantId: string; nomineeKey: string }) =>
        `${t(r.tenantId)}#NOMINEE#${nomineeHash(r.nomineeKey)}`,
      sk: (r: NominationRecord) => `${r.campaignId}#${r.nominationId}`,
    },
    /** Live nominations of a campaign by award type and proposing unit (quotas). Sparse: removed when dead. */
    inQuota: {
      index: 'gsi3',
      pk: (r: { tenantId: string; campaignId: string; awardTypeId: string }) =>
        `${t(r.tenantId)}#NOMQ#C#${r.campaignId}#A#${r.awardTypeId}`,
      sk: (r: NominationRecord) => `${r.proposingUnitId}#${r.nominationId}`,
      when: (r: NominationRecord) => liveStageList.includes(r.stage),
    },
  },
});

/** Which open tờ trình holds a nomination. */
export const NominationHold = z.object({
  tenantId: z.string(),
  nominationId: z.string(),
  batchId: z.string(),
});
export type NominationHold = z.infer<typeof NominationHold>;

/**
 * Which open tờ trình holds a nomination: one item per nomination, beside its record, written with a
 * condition in the batch's own transaction, so two open tờ trình can never hold the same nomination.
 */
export const holdEntity = defineEntity({
  type: 'NominationHold',
  schema: NominationHold,
  pk: nominationPartition,
  sk: sortKey('HOLD'),
});

export const batchEntity = defineEntity({
  type: 'Batch',
  schema: Batch,
  pk: (b: { tenantId: string; id: string }) => `${t(b.tenantId)}#BATCH#${b.id}`,
  sk: sortKey('BATCH'),
  indexes: {
    ofUnit: {
      index: 'gsi1',
      pk: (b: { tenantId: string; campaignId: string; unitId: string }) =>
        `${t(b.tenantId)}#BATCHES#C#${b.campaignId}#U#${b.unitId}`,
      sk: (b: Batch) => `${b.createdAt}#${b.id}`,
    },
    /** Submitted batches by state (a draft is its unit's own business). */
    byState: {
      index: 'gsi2',
      pk: (b: { tenantId: string; campaignId: string; state: string }) =>
        `${t(b.tenantId)}#BATCHES#C#${b.campaignId}#ST#${b.state}`,
      sk: (b: Batch) => `${b.submittedAt ?? b.createdAt}#${b.id}`,
      when: (b: Batch) => b.state !== 'draft',
    },
  },
});

const disclosurePartition = (c: { tenantId: string; disclosureId: string }): string =>
  `${t(c.tenantId)}#DISC#${c.disclosureId}`;

export const disclosureEntity = defineEntity({
  type: 'Disclosure',
  schema: Disclosure,
  pk: (d: { tenantId: string; id: string }) =>
    disclosurePartition({ tenantId: d.tenantId, disclosureId: d.id }),
  sk: sortKey('DISC'),
  indexes: {
    inCampaign: {
      index: 'gsi1',
      pk: (d: { tenantId: string; campaignId: string }) => `${t(d.tenantId)}#DISCS#C#${d.campaignId}`,
      sk: (d: Disclosure) => `${d.opensOn}#${d.id}`,
    },
    /** The public list of disclosures of a tenant (all of them are published when opened). */
    public: {
      index: 'gsi2',
      pk: (d: { tenantId: string }) => `${t(d.tenantId)}#PUBLIC#DISCLOSURES`,
      sk: (d: Disclosure) => `${d.opensOn}#${d.id}`,
    },
  },
});

export const commentEntity = defineEntity({
  type: 'PublicComment',
  schema: PublicComment,
  pk: disclosurePartition,
  sk: sortKey('CMT#', (c: { receivedAt: string; id: string }) => `${c.receivedAt}#${c.id}`),
});

/** Comments sent from one address on one day (rate limit); the address is stored hashed. */
export const rateEntity = defineEntity({
  type: 'CommentRate',
  schema: RateCounter,
  pk: (r: { tenantId: string; ipHash: string; day: string }) => `${t(r.tenantId)}#RATE#${r.ipHash}#${r.day}`,
  sk: sortKey('RATE'),
});

const sessionPartition = (v: { tenantId: string; sessionId: string }): string =>
  `${t(v.tenantId)}#SESSION#${v.sessionId}`;

/**
 * A unit's own council (ADR 0037) lists its sessions in partitions of its own (`…#U#<unit>`); the
 * province's keep the keys they always had, so its lists read exactly what they read before.
 */
const ofCouncil = (s: { unitId?: string | undefined }): string => (s.unitId ? `#U#${s.unitId}` : '');

export const sessionEntity = defineEntity({
  type: 'CouncilSession',
  schema: CouncilSession,
  pk: (s: { tenantId: string; id: string }) => sessionPartition({ tenantId: s.tenantId, sessionId: s.id }),
  sk: sortKey('SESSION'),
  indexes: {
    inCampaign: {
      index: 'gsi1',
      pk: (s: { tenantId: string; campaignId: string; unitId?: string | undefined }) =>
        `${t(s.tenantId)}#SESSIONS#C#${s.campaignId}${ofCouncil(s)}`,
      sk: (s: CouncilSession) => `${s.openedAt}#${s.id}`,
    },
    /** Sessions open for voting (sparse: removed at closing). */
    open: {
      index: 'gsi2',
      pk: (s: { tenantId: string; unitId?: string | undefined }) =>
        `${t(s.tenantId)}#SESSIONS#OPEN${ofCouncil(s)}`,
      sk: (s: CouncilSession) => `${s.openedAt}#${s.id}`,
      when: (s: CouncilSession) => s.state === 'open',
    },
  },
});

/** THAT a member voted. */
export const voterEntity = defineEntity({
  type: 'Participation',
  schema: Participation,
  pk: sessionPartition,
  sk: sortKey('VOTER#', (v: { userId: string }) => v.userId),
  attributes: ({
    tenantId: _t,
    sessionId: _s,
    ...p
  }: Participation & { tenantId: string; sessionId: string }) => p,
});

/** WHAT was voted, on an anonymous paper with a random id. */
export const ballotEntity = defineEntity({
  type: 'BallotPaper',
  schema: BallotPaper,
  pk: sessionPartition,
  sk: sortKey('BALLOT#', (b: { paperId: string }) => b.paperId),
  // No voter, no time: nothing on the paper points back to a person.
  attributes: (b: BallotPaper & { tenantId: string; sessionId: string; paperId: string }): BallotPaper => ({
    choices: b.choices,
  }),
});

const decisionPartition = (d: { tenantId: string; decisionId: string }): string =>
  `${t(d.tenantId)}#DECISION#${d.decisionId}`;

/** The register: decisions and revocations by year, issuing body and number. */
const inRegister = {
  index: 'gsi1',
  pk: (r: { tenantId: string }) => `${t(r.tenantId)}#DECISIONS`,
  sk: (r: { year: number; issuingBodyId: string; number: number }) =>
    `${r.year}#${r.issuingBodyId}#${pad(r.number, 6)}`,
} as const;

export const decisionEntity = defineEntity({
  type: 'Decision',
  schema: Decision,
  pk: (d: { tenantId: string; id: string }) => decisionPartition({ tenantId: d.tenantId, decisionId: d.id }),
  sk: sortKey('DECISION'),
  indexes: {
    inRegister,
    /** Published decisions, newest last: only issued ones (a digital one once its signature is verified). */
    public: {
      index: 'gsi2',
      pk: (d: { tenantId: string }) => `${t(d.tenantId)}#PUBLIC#DECISIONS`,
      sk: (d: Decision) => `${d.signedAt}#${d.id}`,
      when: (d: Decision) => isIssued(d),
    },
  },
});

export const revocationEntity = defineEntity({
  type: 'Revocation',
  schema: Revocation,
  pk: decisionPartition,
  sk: sortKey('REV#', (r: { id: string }) => r.id),
  indexes: { inRegister },
});

/** The number counter of one sequence (kind, issuing body, year). */
export const counterEntity = defineEntity({
  type: 'Counter',
  schema: Counter,
  pk: (c: { tenantId: string; sequence: string }) => `${t(c.tenantId)}#SEQ#${c.sequence}`,
  sk: sortKey('COUNTER'),
  attributes: (c: { tenantId: string; sequence: string; last: number }) => ({ last: c.last }),
});

/**
 * One number of a sequence, in both register modes: written only if absent (or, for a number the văn thư
 * reserved, only while reserved) in the transaction of its document, so no number is used twice (Decree
 * 30/2020, Art. 15). Beside the counter in the sequence's partition: a year's numbers are one Query.
 */
export const RegisterSlot = z.object({
  number: z.number().int().min(1),
  state: z.enum(['reserved', 'issued']),
  /** The document that took it (issued), or what the văn thư reserved it for. */
  ref: z.string().max(200),
  at: z.string(),
});
export type RegisterSlot = z.infer<typeof RegisterSlot>;

export const registerSlotEntity = defineEntity({
  type: 'RegisterSlot',
  schema: RegisterSlot,
  pk: (c: { tenantId: string; sequence: string }) => `${t(c.tenantId)}#SEQ#${c.sequence}`,
  sk: sortKey('NO#', (c: { number: number }) => pad(c.number, 6)),
  attributes: (c: RegisterSlot & { tenantId: string; sequence: string }): RegisterSlot => ({
    number: c.number,
    state: c.state,
    ref: c.ref,
    at: c.at,
  }),
});

export const notificationEntity = defineEntity({
  type: 'UnitNotification',
  schema: UnitNotification,
  pk: (n: { tenantId: string; unitId: string }) => `${t(n.tenantId)}#NOTIF#${n.unitId}`,
  sk: sortKey('', (n: { at: string; id: string }) => `${n.at}#${n.id}`),
});
