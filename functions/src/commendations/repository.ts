import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  BallotPaper,
  Batch,
  type BatchState,
  CommendationConfig,
  CouncilSession,
  Decision,
  Disclosure,
  liveStageList,
  NominationRecord,
  type NominationStage,
  PublicComment,
  Revocation,
  UnitNotification,
} from '@thidua/shared/commendation';
import * as z from 'zod';
import { parseItem, parseItems } from '../data/items';
import type { Page } from '../data/pagination';
import { queryAll, queryPage } from '../data/query';
import type { TxItem } from '../data/transact';
import { ckeys, partitions } from './keys';

/**
 * The commendation repository: small functions over `{ table, client }` that build items (for the one
 * transaction of each use case) and read them back through zod. No Scan, no filter expressions: every
 * list is one Query on one partition (docs/data-model.md, "Commendations").
 */
export interface TableRef {
  table: string;
  client: DynamoDBDocumentClient;
}

export const Participation = z.object({ userId: z.string(), name: z.string(), votedAt: z.string() });
export type Participation = z.infer<typeof Participation>;

const Counter = z.object({ last: z.number().int().min(0) });

/** `null` expected version = the item must not exist yet. */
const versionCondition = (expected: number | null) =>
  expected === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } };

export const recordItem = (r: NominationRecord): Record<string, unknown> => ({
  ...ckeys.record(r.tenantId, r.nominationId),
  ...ckeys.recordByStage(r.tenantId, r.campaignId, r.stage, r.unitId, r.nominationId),
  ...ckeys.recordByNominee(r.tenantId, r.nomineeKey, r.campaignId, r.nominationId),
  ...(liveStageList.includes(r.stage)
    ? ckeys.recordInQuota(r.tenantId, r.campaignId, r.awardTypeId, r.proposingUnitId, r.nominationId)
    : {}),
  type: 'NominationRecord',
  ...r,
});

export const batchItem = (b: Batch): Record<string, unknown> => ({
  ...ckeys.batch(b.tenantId, b.id),
  ...ckeys.batchOfUnit(b.tenantId, b.campaignId, b.unitId, b.createdAt, b.id),
  ...(b.state === 'draft'
    ? {}
    : ckeys.batchByState(b.tenantId, b.campaignId, b.state, b.submittedAt ?? b.createdAt, b.id)),
  type: 'Batch',
  ...b,
});

export const disclosureItem = (d: Disclosure): Record<string, unknown> => ({
  ...ckeys.disclosure(d.tenantId, d.id),
  ...ckeys.disclosureInCampaign(d.tenantId, d.campaignId, d.opensOn, d.id),
  ...ckeys.disclosurePublic(d.tenantId, d.opensOn, d.id),
  type: 'Disclosure',
  ...d,
});

export const sessionItem = (s: CouncilSession): Record<string, unknown> => ({
  ...ckeys.session(s.tenantId, s.id),
  ...ckeys.sessionInCampaign(s.tenantId, s.campaignId, s.openedAt, s.id),
  ...(s.state === 'open' ? ckeys.sessionOpen(s.tenantId, s.openedAt, s.id) : {}),
  type: 'CouncilSession',
  ...s,
});

export const decisionItem = (d: Decision): Record<string, unknown> => ({
  ...ckeys.decision(d.tenantId, d.id),
  ...ckeys.inRegister(d.tenantId, d.year, d.issuingBodyId, d.number),
  ...ckeys.decisionPublic(d.tenantId, d.signedAt, d.id),
  type: 'Decision',
  ...d,
});

export const revocationItem = (r: Revocation): Record<string, unknown> => ({
  ...ckeys.revocation(r.tenantId, r.decisionId, r.id),
  ...ckeys.inRegister(r.tenantId, r.year, r.issuingBodyId, r.number),
  type: 'Revocation',
  ...r,
});

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
  sessionsOfCampaign(tenantId: string, campaignId: string): Promise<CouncilSession[]>;
  openSessions(tenantId: string): Promise<CouncilSession[]>;
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

  getDecision(tenantId: string, id: string): Promise<Decision | undefined>;
  putDecision(d: Decision): TxItem;
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
  const get = async <S extends z.ZodType>(schema: S, key: { pk: string; sk: string }, consistent = true) => {
    const r = await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: consistent }));
    return r.Item ? (parseItem(schema, r.Item) as z.output<S>) : undefined;
  };
  const put = (item: Record<string, unknown>, expected: number | null): TxItem => ({
    Put: {
      TableName: table,
      Item: item,
      ...versionCondition(expected),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  });

  return {
    ref,
    getConfig: (tenantId, campaignId) => get(CommendationConfig, ckeys.config(tenantId, campaignId), false),
    putConfig: (tenantId, config) => ({
      Put: {
        TableName: table,
        Item: { ...ckeys.config(tenantId, config.campaignId), type: 'CommendationConfig', ...config },
      },
    }),

    async getRecords(tenantId, ids) {
      const out = new Map<string, NominationRecord>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 100) {
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [table]: {
            Keys: unique.slice(i, i + 100).map((id) => ckeys.record(tenantId, id)),
            ConsistentRead: true,
          },
        };
        for (let attempt = 0; request && attempt < 5; attempt++) {
          const r: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: request }));
          for (const x of parseItems(NominationRecord, r.Responses?.[table])) out.set(x.nominationId, x);
          const left = r.UnprocessedKeys?.[table]?.Keys;
          request = left && left.length > 0 ? { [table]: { Keys: left, ConsistentRead: true } } : undefined;
        }
      }
      return out;
    },
    recordsByStage: (tenantId, campaignId, stage, page) =>
      queryPage(client, NominationRecord, {
        table,
        index: 'gsi1',
        partition: partitions.recordsByStage(tenantId, campaignId, stage),
        ...page,
      }),
    recordsOfNominee: (tenantId, nomineeKey) =>
      queryAll(client, NominationRecord, {
        table,
        index: 'gsi2',
        partition: partitions.recordsByNominee(tenantId, nomineeKey),
      }),
    quotaRecords: (tenantId, campaignId, awardTypeId) =>
      queryAll(client, NominationRecord, {
        table,
        index: 'gsi3',
        partition: partitions.quota(tenantId, campaignId, awardTypeId),
      }),
    putRecord: (r, expected) => put(recordItem(r), expected),

    getBatch: (tenantId, id) => get(Batch, ckeys.batch(tenantId, id)),
    batchesOfUnit: (tenantId, campaignId, unitId) =>
      queryAll(client, Batch, {
        table,
        index: 'gsi1',
        partition: partitions.batchesOfUnit(tenantId, campaignId, unitId),
        descending: true,
      }),
    batchesByState: (tenantId, campaignId, state) =>
      queryAll(client, Batch, {
        table,
        index: 'gsi2',
        partition: partitions.batchesByState(tenantId, campaignId, state),
      }),
    putBatch: (b, expected) => put(batchItem(b), expected),

    getDisclosure: (tenantId, id) => get(Disclosure, ckeys.disclosure(tenantId, id)),
    disclosuresOfCampaign: (tenantId, campaignId) =>
      queryAll(client, Disclosure, {
        table,
        index: 'gsi1',
        partition: partitions.disclosuresOfCampaign(tenantId, campaignId),
        descending: true,
      }),
    publicDisclosures: (tenantId, page) =>
      queryPage(client, Disclosure, {
        table,
        index: 'gsi2',
        partition: partitions.publicDisclosures(tenantId),
        descending: true,
        ...page,
      }),
    putDisclosure: (d, expected) => put(disclosureItem(d), expected),
    comments: (tenantId, disclosureId) =>
      queryAll(client, PublicComment, {
        table,
        partition: partitions.disclosure(tenantId, disclosureId),
        sort: { beginsWith: 'CMT#' },
        consistent: true,
      }),
    commentItems: (c, ipHash, today, maxPerDay, ttl) => [
      {
        Put: {
          TableName: table,
          Item: {
            ...ckeys.comment(c.tenantId, c.disclosureId, c.receivedAt, c.id),
            type: 'PublicComment',
            ...c,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: table,
          Key: ckeys.rate(c.tenantId, ipHash, today),
          UpdateExpression: 'ADD n :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(n) OR n < :max',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':max': maxPerDay, ':ttl': ttl },
        },
      },
      {
        Update: {
          TableName: table,
          Key: ckeys.disclosure(c.tenantId, c.disclosureId),
          UpdateExpression: 'ADD commentCount :one',
          ConditionExpression:
            'attribute_exists(pk) AND opensOn <= :today AND closesOn >= :today AND attribute_type(closedEarly, :null)',
          ExpressionAttributeValues: { ':one': 1, ':today': today, ':null': 'NULL' },
        },
      },
    ],

    getSession: (tenantId, id) => get(CouncilSession, ckeys.session(tenantId, id)),
    sessionsOfCampaign: (tenantId, campaignId) =>
      queryAll(client, CouncilSession, {
        table,
        index: 'gsi1',
        partition: partitions.sessionsOfCampaign(tenantId, campaignId),
        descending: true,
      }),
    openSessions: (tenantId) =>
      queryAll(client, CouncilSession, {
        table,
        index: 'gsi2',
        partition: partitions.openSessions(tenantId),
        descending: true,
      }),
    putSession: (s, expected) => put(sessionItem(s), expected),
    participation: (tenantId, sessionId) =>
      queryAll(client, Participation, {
        table,
        partition: partitions.session(tenantId, sessionId),
        sort: { beginsWith: 'VOTER#' },
        consistent: true,
      }),
    myParticipation: (tenantId, sessionId, userId) =>
      get(Participation, ckeys.voter(tenantId, sessionId, userId)),
    papers: (tenantId, sessionId) =>
      queryAll(client, BallotPaper, {
        table,
        partition: partitions.session(tenantId, sessionId),
        sort: { beginsWith: 'BALLOT#' },
        consistent: true,
      }),
    voteItems: (s, voter, paperId, paper) => [
      {
        Update: {
          TableName: table,
          Key: ckeys.session(s.tenantId, s.id),
          UpdateExpression: 'ADD ballotCount :one',
          ConditionExpression: '#state = :open',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
        },
      },
      {
        Put: {
          TableName: table,
          Item: { ...ckeys.voter(s.tenantId, s.id, voter.userId), type: 'Participation', ...voter },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        // No voter, no time: nothing on the paper points back to a person.
        Put: {
          TableName: table,
          Item: { ...ckeys.ballot(s.tenantId, s.id, paperId), type: 'BallotPaper', choices: paper.choices },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    closeSessionItem: (closed, expectedBallots) => ({
      Put: {
        TableName: table,
        Item: sessionItem(closed),
        ConditionExpression: '#state = :open AND ballotCount = :n',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':open': 'open', ':n': expectedBallots },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    }),

    async counter(tenantId, sequence) {
      const c = await get(Counter, ckeys.counter(tenantId, sequence));
      return c ? c.last : null;
    },
    counterItem: (tenantId, sequence, current, next) =>
      current === null
        ? {
            Put: {
              TableName: table,
              Item: { ...ckeys.counter(tenantId, sequence), type: 'Counter', last: next },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : {
            Update: {
              TableName: table,
              Key: ckeys.counter(tenantId, sequence),
              UpdateExpression: 'SET #last = :next',
              ConditionExpression: '#last = :current',
              ExpressionAttributeNames: { '#last': 'last' },
              ExpressionAttributeValues: { ':next': next, ':current': current },
            },
          },

    getDecision: (tenantId, id) => get(Decision, ckeys.decision(tenantId, id)),
    putDecision: (d) => put(decisionItem(d), null),
    publicDecisions: (tenantId, page) =>
      queryPage(client, Decision, {
        table,
        index: 'gsi2',
        partition: partitions.publicDecisions(tenantId),
        descending: true,
        ...page,
      }),
    register: (tenantId, year) =>
      queryAll(client, RegisterEntry, {
        table,
        index: 'gsi1',
        partition: partitions.register(tenantId),
        sort: { beginsWith: `${year}#` },
      }),
    revocations: (tenantId, decisionId) =>
      queryAll(client, Revocation, {
        table,
        partition: partitions.decision(tenantId, decisionId),
        sort: { beginsWith: 'REV#' },
        consistent: true,
      }),
    putRevocation: (r) => put(revocationItem(r), null),

    putNotification: (n) => ({
      Put: {
        TableName: table,
        Item: { ...ckeys.notification(n.tenantId, n.unitId, n.at, n.id), type: 'UnitNotification', ...n },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    notifications: async (tenantId, unitId, limit) =>
      (
        await queryPage(client, UnitNotification, {
          table,
          partition: partitions.notifications(tenantId, unitId),
          descending: true,
          limit,
        })
      ).items,
  };
};

/** Rate counters expire on their own (TTL): two days after the day they count. */
export const rateTtl = (now: Date): number => Math.floor(now.getTime() / 1000) + 2 * 86_400;
