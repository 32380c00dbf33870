import {
  type BallotPaper,
  type Batch,
  type BatchState,
  type CommendationConfig,
  type CouncilSession,
  Decision,
  type Disclosure,
  type NominationRecord,
  type NominationStage,
  type PublicComment,
  type RegisterWrite,
  Revocation,
  type UnitNotification,
} from '@thidua/shared/commendation';
import * as z from 'zod';
import type { Condition } from '../../kernel/data/conditions';
import { absent, and, compare, equals, isNull, or, present, unchanged } from '../../kernel/data/conditions';
import type { TableRef } from '../../kernel/data/entity';
import type { Page } from '../../kernel/data/pagination';
import { queryAll } from '../../kernel/data/query';
import type { TxItem } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';
import {
  ballotEntity,
  batchEntity,
  commentEntity,
  configEntity,
  counterEntity,
  decisionEntity,
  disclosureEntity,
  notificationEntity,
  type Participation,
  type RegisterSlot,
  rateEntity,
  recordEntity,
  registerSlotEntity,
  revocationEntity,
  sessionEntity,
  voterEntity,
} from './keys';

export type { TableRef } from '../../kernel/data/entity';
export type { Participation } from './keys';

/**
 * The commendation repository: small functions over `{ table, client }` that build items (for the one
 * transaction of each use case) and read them back, all through the entities of keys.ts. No Scan, no
 * filter expressions: every list is one Query on one partition (docs/data-model.md, "Commendations").
 */

/** `null` expected version = the item must not exist yet. */
const versionCondition = (expected: number | null): Condition =>
  expected === null ? absent() : equals('version', expected);

export interface CommendationRepository {
  ref: TableRef;
  getConfig(tenantId: string, campaignId: string): Promise<CommendationConfig | undefined>;
  putConfig(tenantId: string, config: CommendationConfig): TxItem;

  getRecords(tenantId: string, ids: readonly string[]): Promise<Map<string, NominationRecord>>;
  recordsByStage(
    tenantId: string,
    campaignId: string,
    stage: NominationStage,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<Page<NominationRecord>>;
  recordsOfNominee(tenantId: string, nomineeKey: string): Promise<NominationRecord[]>;
  /** Live nominations of a campaign for an award type: one Query per award type. */
  quotaRecords(tenantId: string, campaignId: string, awardTypeId: string): Promise<NominationRecord[]>;
  putRecord(r: NominationRecord, expectedVersion: number | null): TxItem;

  getBatch(tenantId: string, id: string): Promise<Batch | undefined>;
  batchesOfUnit(tenantId: string, campaignId: string, unitId: string): Promise<Batch[]>;
  batchesByState(tenantId: string, campaignId: string, state: BatchState): Promise<Batch[]>;
  putBatch(b: Batch, expectedVersion: number | null): TxItem;

  getDisclosure(tenantId: string, id: string): Promise<Disclosure | undefined>;
  disclosuresOfCampaign(tenantId: string, campaignId: string): Promise<Disclosure[]>;
  publicDisclosures(
    tenantId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<Page<Disclosure>>;
  putDisclosure(d: Disclosure, expectedVersion: number | null): TxItem;
  comments(tenantId: string, disclosureId: string): Promise<PublicComment[]>;
  /**
   * The comment, the per-address daily counter (refused past `maxPerDay`) and the disclosure's count
   * (refused unless the window is open on `today`): three items of one transaction.
   */
  commentItems(c: PublicComment, ipHash: string, today: string, maxPerDay: number, ttl: number): TxItem[];

  getSession(tenantId: string, id: string): Promise<CouncilSession | undefined>;
  /** A council's sessions: the province's (no unit) or one unit's own (ADR 0037). */
  sessionsOfCampaign(tenantId: string, campaignId: string, unitId?: string): Promise<CouncilSession[]>;
  openSessions(tenantId: string, unitId?: string): Promise<CouncilSession[]>;
  putSession(s: CouncilSession, expectedVersion: number | null): TxItem;
  participation(tenantId: string, sessionId: string): Promise<Participation[]>;
  myParticipation(tenantId: string, sessionId: string, userId: string): Promise<Participation | undefined>;
  papers(tenantId: string, sessionId: string): Promise<BallotPaper[]>;
  /** Counter bump (session open), THAT-voted record (once per member), anonymous paper. */
  voteItems(s: CouncilSession, voter: Participation, paperId: string, paper: BallotPaper): TxItem[];
  /** Freezes the results; refused if the session is not open or a paper arrived since it was read. */
  closeSessionItem(closed: CouncilSession, expectedBallots: number): TxItem;

  counter(tenantId: string, sequence: string): Promise<number | null>;
  /** Moves the counter from `current` to `next` (conditioned on `current`). */
  counterItem(tenantId: string, sequence: string, current: number | null, next: number): TxItem;
  /** A number's slot as stored (reserved or issued), if any. */
  slot(tenantId: string, sequence: string, number: number): Promise<RegisterSlot | undefined>;
  /** The transaction items of a register plan (`planRegisterClaim`, `planReservation`). */
  registerItems(tenantId: string, writes: readonly RegisterWrite[], ref: string, at: string): TxItem[];

  getDecision(tenantId: string, id: string): Promise<Decision | undefined>;
  putDecision(d: Decision): TxItem;
  /** The issued decision, replacing it only while it still awaits its signature (one signature issues it). */
  issueDecisionItem(d: Decision): TxItem;
  publicDecisions(
    tenantId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<Page<Decision>>;
  register(tenantId: string, year: number): Promise<(Decision | Revocation)[]>;
  revocations(tenantId: string, decisionId: string): Promise<Revocation[]>;
  putRevocation(r: Revocation): TxItem;

  putNotification(n: UnitNotification): TxItem;
  notifications(tenantId: string, unitId: string, limit: number): Promise<UnitNotification[]>;
}

const RegisterEntry = z.union([Decision, Revocation]);

export const createCommendationRepository = (ref: TableRef): CommendationRepository => {
  const { table, client } = ref;
  const records = recordEntity.on(ref);
  const batches = batchEntity.on(ref);
  const disclosures = disclosureEntity.on(ref);
  const sessions = sessionEntity.on(ref);
  const decisions = decisionEntity.on(ref);

  return {
    ref,
    getConfig: (tenantId, campaignId) => configEntity.on(ref).get({ tenantId, campaignId }),
    putConfig: (tenantId, config) => configEntity.put(table, { tenantId, ...config }),

    async getRecords(tenantId, ids) {
      const found = await records.getMany(
        ids.map((nominationId) => ({ tenantId, nominationId })),
        { consistent: true },
      );
      return new Map(found.map((r) => [r.nominationId, r]));
    },
    recordsByStage: (tenantId, campaignId, stage, page) =>
      records.page('byStage', { tenantId, campaignId, stage }, page),
    recordsOfNominee: (tenantId, nomineeKey) => records.all('byNominee', { tenantId, nomineeKey }),
    quotaRecords: (tenantId, campaignId, awardTypeId) =>
      records.all('inQuota', { tenantId, campaignId, awardTypeId }),
    putRecord: (r, expected) => recordEntity.put(table, r, versionCondition(expected)),

    getBatch: (tenantId, id) => batches.get({ tenantId, id }, { consistent: true }),
    batchesOfUnit: (tenantId, campaignId, unitId) =>
      batches.all('ofUnit', { tenantId, campaignId, unitId }, { descending: true }),
    batchesByState: (tenantId, campaignId, state) => batches.all('byState', { tenantId, campaignId, state }),
    putBatch: (b, expected) => batchEntity.put(table, b, versionCondition(expected)),

    getDisclosure: (tenantId, id) => disclosures.get({ tenantId, id }, { consistent: true }),
    disclosuresOfCampaign: (tenantId, campaignId) =>
      disclosures.all('inCampaign', { tenantId, campaignId }, { descending: true }),
    publicDisclosures: (tenantId, page) =>
      disclosures.page('public', { tenantId }, { ...page, descending: true }),
    putDisclosure: (d, expected) => disclosureEntity.put(table, d, versionCondition(expected)),
    comments: (tenantId, disclosureId) =>
      commentEntity.on(ref).all('primary', { tenantId, disclosureId }, { consistent: true }),
    commentItems: (c, ipHash, today, maxPerDay, ttl) => [
      commentEntity.put(table, c, absent()),
      rateEntity.update(
        table,
        { tenantId: c.tenantId, ipHash, day: today },
        { add: { n: 1 }, set: { ttl } },
        or(absent('n'), compare('n', '<', maxPerDay)),
      ),
      disclosureEntity.update(
        table,
        { tenantId: c.tenantId, id: c.disclosureId },
        { add: { commentCount: 1 } },
        and(
          present(),
          compare('opensOn', '<=', today),
          compare('closesOn', '>=', today),
          isNull('closedEarly'),
        ),
      ),
    ],

    getSession: (tenantId, id) => sessions.get({ tenantId, id }, { consistent: true }),
    sessionsOfCampaign: (tenantId, campaignId, unitId) =>
      sessions.all('inCampaign', { tenantId, campaignId, unitId }, { descending: true }),
    openSessions: (tenantId, unitId) => sessions.all('open', { tenantId, unitId }, { descending: true }),
    putSession: (s, expected) => sessionEntity.put(table, s, versionCondition(expected)),
    participation: (tenantId, sessionId) =>
      voterEntity.on(ref).all('primary', { tenantId, sessionId }, { consistent: true }),
    myParticipation: (tenantId, sessionId, userId) =>
      voterEntity.on(ref).get({ tenantId, sessionId, userId }, { consistent: true }),
    papers: (tenantId, sessionId) =>
      ballotEntity.on(ref).all('primary', { tenantId, sessionId }, { consistent: true }),
    voteItems: (s, voter, paperId, paper) => [
      sessionEntity.update(table, s, { add: { ballotCount: 1 } }, equals('state', 'open')),
      voterEntity.put(table, { tenantId: s.tenantId, sessionId: s.id, ...voter }, absent()),
      ballotEntity.put(table, { tenantId: s.tenantId, sessionId: s.id, paperId, ...paper }, absent()),
    ],
    closeSessionItem: (closed, expectedBallots) =>
      sessionEntity.put(table, closed, unchanged({ state: 'open', ballotCount: expectedBallots })),

    async counter(tenantId, sequence) {
      const c = await counterEntity.on(ref).get({ tenantId, sequence }, { consistent: true });
      return c ? c.last : null;
    },
    counterItem: (tenantId, sequence, current, next) =>
      current === null
        ? counterEntity.put(table, { tenantId, sequence, last: next }, absent())
        : counterEntity.update(
            table,
            { tenantId, sequence },
            { set: { last: next } },
            equals('last', current),
          ),

    slot: (tenantId, sequence, number) =>
      registerSlotEntity.on(ref).get({ tenantId, sequence, number }, { consistent: true }),
    registerItems(tenantId, writes, documentRef, at) {
      return writes.map((w) =>
        w.item === 'counter'
          ? this.counterItem(tenantId, w.sequence, w.expect, w.set)
          : registerSlotEntity.put(
              table,
              { tenantId, sequence: w.sequence, number: w.number, state: w.set, ref: documentRef, at },
              w.expect === 'absent' ? absent() : equals('state', 'reserved'),
            ),
      );
    },

    getDecision: (tenantId, id) => decisions.get({ tenantId, id }, { consistent: true }),
    putDecision: (d) => decisionEntity.put(table, d, absent()),
    issueDecisionItem: (d) => decisionEntity.put(table, d, equals('state', 'awaiting_signature')),
    publicDecisions: (tenantId, page) =>
      decisions.page('public', { tenantId }, { ...page, descending: true }),
    // Decisions and revocations share the register: one Query, each entry parsed as what it is.
    register: (tenantId, year) =>
      queryAll(client, RegisterEntry, {
        table,
        index: 'gsi1',
        partition: decisionEntity.indexPartition('inRegister', { tenantId }),
        sort: { beginsWith: `${year}#` },
      }),
    revocations: (tenantId, decisionId) =>
      revocationEntity.on(ref).all('primary', { tenantId, decisionId }, { consistent: true }),
    putRevocation: (r) => revocationEntity.put(table, r, absent()),

    putNotification: (n) => notificationEntity.put(table, n, absent()),
    notifications: async (tenantId, unitId, limit) =>
      (await notificationEntity.on(ref).page('primary', { tenantId, unitId }, { descending: true, limit }))
        .items,
  };
};

/** Rate counters expire on their own (TTL): two days after the day they count. */
export const rateTtl = (now: Date): number => Math.floor(now.getTime() / 1000) + 2 * 86_400;

/** `commendations` of a route group's container (kernel/deps.ts). */
export const commendationsDep = defineDep('commendations', (c) => createCommendationRepository(c.ref));
