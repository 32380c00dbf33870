import { createHash } from 'node:crypto';
import { pad } from '../data/keys';

/**
 * Keys of the commendation entities, declared once (docs/data-model.md, section "Commendations").
 * Every key starts with the tenant. Partitions that serve lists are written with the item they index.
 */

const t = (tenantId: string): string => `T#${tenantId}`;

/** Nominee keys hold names: hashed so the key reveals nothing and contains no `#`. */
export const nomineeHash = (nomineeKey: string): string =>
  createHash('sha256').update(nomineeKey).digest('base64url').slice(0, 32);

export const ckeys = {
  config: (tenantId: string, campaignId: string) => ({
    pk: `${t(tenantId)}#CAMPAIGN#${campaignId}`,
    sk: 'COMMENDATION_CONFIG',
  }),

  /** The commendation record of a nomination (the submission's id). */
  record: (tenantId: string, nominationId: string) => ({
    pk: `${t(tenantId)}#NOM#${nominationId}`,
    sk: 'NOM',
  }),
  /** Nominations by campaign and stage. */
  recordByStage: (
    tenantId: string,
    campaignId: string,
    stage: string,
    unitId: string,
    nominationId: string,
  ) => ({
    gsi1pk: `${t(tenantId)}#NOMS#C#${campaignId}#ST#${stage}`,
    gsi1sk: `${unitId}#${nominationId}`,
  }),
  /** Every nomination of one nominee, across campaigns and years (one achievement, one award). */
  recordByNominee: (tenantId: string, nomineeKey: string, campaignId: string, nominationId: string) => ({
    gsi2pk: `${t(tenantId)}#NOMINEE#${nomineeHash(nomineeKey)}`,
    gsi2sk: `${campaignId}#${nominationId}`,
  }),
  /** Live nominations of a campaign by award type and proposing unit (quotas). Sparse: removed when dead. */
  recordInQuota: (
    tenantId: string,
    campaignId: string,
    awardTypeId: string,
    proposingUnitId: string,
    id: string,
  ) => ({
    gsi3pk: `${t(tenantId)}#NOMQ#C#${campaignId}#A#${awardTypeId}`,
    gsi3sk: `${proposingUnitId}#${id}`,
  }),

  batch: (tenantId: string, batchId: string) => ({ pk: `${t(tenantId)}#BATCH#${batchId}`, sk: 'BATCH' }),
  batchOfUnit: (
    tenantId: string,
    campaignId: string,
    unitId: string,
    createdAt: string,
    batchId: string,
  ) => ({
    gsi1pk: `${t(tenantId)}#BATCHES#C#${campaignId}#U#${unitId}`,
    gsi1sk: `${createdAt}#${batchId}`,
  }),
  batchByState: (tenantId: string, campaignId: string, state: string, at: string, batchId: string) => ({
    gsi2pk: `${t(tenantId)}#BATCHES#C#${campaignId}#ST#${state}`,
    gsi2sk: `${at}#${batchId}`,
  }),

  disclosure: (tenantId: string, id: string) => ({ pk: `${t(tenantId)}#DISC#${id}`, sk: 'DISC' }),
  disclosureInCampaign: (tenantId: string, campaignId: string, opensOn: string, id: string) => ({
    gsi1pk: `${t(tenantId)}#DISCS#C#${campaignId}`,
    gsi1sk: `${opensOn}#${id}`,
  }),
  /** The public list of disclosures of a tenant (all of them are published when opened). */
  disclosurePublic: (tenantId: string, opensOn: string, id: string) => ({
    gsi2pk: `${t(tenantId)}#PUBLIC#DISCLOSURES`,
    gsi2sk: `${opensOn}#${id}`,
  }),
  comment: (tenantId: string, disclosureId: string, receivedAt: string, id: string) => ({
    pk: `${t(tenantId)}#DISC#${disclosureId}`,
    sk: `CMT#${receivedAt}#${id}`,
  }),
  /** Comments sent from one address on one day (rate limit); the address is stored hashed. */
  rate: (tenantId: string, ipHash: string, day: string) => ({
    pk: `${t(tenantId)}#RATE#${ipHash}#${day}`,
    sk: 'RATE',
  }),

  session: (tenantId: string, id: string) => ({ pk: `${t(tenantId)}#SESSION#${id}`, sk: 'SESSION' }),
  sessionInCampaign: (tenantId: string, campaignId: string, openedAt: string, id: string) => ({
    gsi1pk: `${t(tenantId)}#SESSIONS#C#${campaignId}`,
    gsi1sk: `${openedAt}#${id}`,
  }),
  /** Sessions open for voting (sparse: removed at closing). */
  sessionOpen: (tenantId: string, openedAt: string, id: string) => ({
    gsi2pk: `${t(tenantId)}#SESSIONS#OPEN`,
    gsi2sk: `${openedAt}#${id}`,
  }),
  /** THAT a member voted. */
  voter: (tenantId: string, sessionId: string, userId: string) => ({
    pk: `${t(tenantId)}#SESSION#${sessionId}`,
    sk: `VOTER#${userId}`,
  }),
  /** WHAT was voted, on an anonymous paper with a random id. */
  ballot: (tenantId: string, sessionId: string, paperId: string) => ({
    pk: `${t(tenantId)}#SESSION#${sessionId}`,
    sk: `BALLOT#${paperId}`,
  }),

  decision: (tenantId: string, id: string) => ({ pk: `${t(tenantId)}#DECISION#${id}`, sk: 'DECISION' }),
  /** The register: decisions and revocations by year, issuing body and number. */
  inRegister: (tenantId: string, year: number, issuingBodyId: string, n: number) => ({
    gsi1pk: `${t(tenantId)}#DECISIONS`,
    gsi1sk: `${year}#${issuingBodyId}#${pad(n, 6)}`,
  }),
  /** Published decisions (every signed decision is published), newest last. */
  decisionPublic: (tenantId: string, signedAt: string, id: string) => ({
    gsi2pk: `${t(tenantId)}#PUBLIC#DECISIONS`,
    gsi2sk: `${signedAt}#${id}`,
  }),
  revocation: (tenantId: string, decisionId: string, id: string) => ({
    pk: `${t(tenantId)}#DECISION#${decisionId}`,
    sk: `REV#${id}`,
  }),
  /** The number counter of one sequence (kind, issuing body, year). */
  counter: (tenantId: string, sequence: string) => ({ pk: `${t(tenantId)}#SEQ#${sequence}`, sk: 'COUNTER' }),

  notification: (tenantId: string, unitId: string, at: string, id: string) => ({
    pk: `${t(tenantId)}#NOTIF#${unitId}`,
    sk: `${at}#${id}`,
  }),
} as const;

export const partitions = {
  recordsByStage: (tenantId: string, campaignId: string, stage: string) =>
    `${t(tenantId)}#NOMS#C#${campaignId}#ST#${stage}`,
  recordsByNominee: (tenantId: string, nomineeKey: string) =>
    `${t(tenantId)}#NOMINEE#${nomineeHash(nomineeKey)}`,
  quota: (tenantId: string, campaignId: string, awardTypeId: string) =>
    `${t(tenantId)}#NOMQ#C#${campaignId}#A#${awardTypeId}`,
  batchesOfUnit: (tenantId: string, campaignId: string, unitId: string) =>
    `${t(tenantId)}#BATCHES#C#${campaignId}#U#${unitId}`,
  batchesByState: (tenantId: string, campaignId: string, state: string) =>
    `${t(tenantId)}#BATCHES#C#${campaignId}#ST#${state}`,
  disclosuresOfCampaign: (tenantId: string, campaignId: string) => `${t(tenantId)}#DISCS#C#${campaignId}`,
  publicDisclosures: (tenantId: string) => `${t(tenantId)}#PUBLIC#DISCLOSURES`,
  disclosure: (tenantId: string, id: string) => `${t(tenantId)}#DISC#${id}`,
  sessionsOfCampaign: (tenantId: string, campaignId: string) => `${t(tenantId)}#SESSIONS#C#${campaignId}`,
  openSessions: (tenantId: string) => `${t(tenantId)}#SESSIONS#OPEN`,
  session: (tenantId: string, id: string) => `${t(tenantId)}#SESSION#${id}`,
  register: (tenantId: string) => `${t(tenantId)}#DECISIONS`,
  publicDecisions: (tenantId: string) => `${t(tenantId)}#PUBLIC#DECISIONS`,
  decision: (tenantId: string, id: string) => `${t(tenantId)}#DECISION#${id}`,
  notifications: (tenantId: string, unitId: string) => `${t(tenantId)}#NOTIF#${unitId}`,
};

/**
 * Which open tờ trình holds a nomination: one item per nomination, beside its record, written with a
 * condition in the batch's own transaction, so two open tờ trình can never hold the same nomination.
 */
export const holdKey = (tenantId: string, nominationId: string) => ({
  pk: `${t(tenantId)}#NOM#${nominationId}`,
  sk: 'HOLD',
});
