import { foldText } from '@thidua/shared/admin';
import { AuditEvent, SubmissionSummary } from '@thidua/shared/api';
import { Campaign, CampaignAuditEvent, CampaignDraft, CampaignVersion } from '@thidua/shared/campaign';
import { FormTemplate, TemplateDraft } from '@thidua/shared/forms';
import { Unit, UnitChangeEvent, User } from '@thidua/shared/org';
import { finalStates, type SubmissionState } from '@thidua/shared/workflow';
import { defineEntity, pad, sortKey, tenantPrefix as t } from './entity';
import {
  Attachment,
  type CompletenessCell,
  CompletenessCell as CompletenessCellSchema,
  CompletenessCounts,
  Slot,
  Snapshot,
  StoredComment,
  StoredResponse,
  StoredSubmission,
} from './schemas';

/**
 * The item types of the core, each declared once with `defineEntity`: key and index composition, schema,
 * item builder and reads (the commendation items are in commendations/keys.ts). Every key starts with
 * the tenant (`T#<tenant>`), so one table hosts several provinces and no request can reach another
 * tenant's items. Ids never contain `#` (shared `Id` allows letters, digits, `-` and `_`), so `#` is a
 * safe separator. docs/data-model.md maps each access pattern of the product to these keys.
 */

/** How long a first answer is kept for replays (DynamoDB TTL attribute `ttl`, epoch seconds). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Scopes of the submission lists: the unit's own, awaiting the unit's action, the unit's subtree. */
export type ListScope = 'MINE' | 'INBOX' | 'TREE';

/** `/root/district/commune/`: the trailing slash keeps `/a/b` from matching `/a/bc`. */
export const treePathPrefix = (ids: readonly string[]): string => `/${ids.join('/')}/`;

// ── Organisation ─────────────────────────────────────────────────────────────────────────────────
export const unitEntity = defineEntity({
  type: 'Unit',
  schema: Unit,
  pk: (u: { tenantId: string; id: string }) => `${t(u.tenantId)}#UNIT#${u.id}`,
  sk: sortKey('UNIT'),
  indexes: {
    /** Units by parent (children of a unit), sorted by id (ids are stable, names change). */
    children: {
      index: 'gsi1',
      pk: (u: { tenantId: string; parentId: string | null }) =>
        `${t(u.tenantId)}#UNITS#CHILDREN#${u.parentId ?? 'ROOT'}`,
      sk: (u: Unit) => u.id,
    },
    /** Units by position in the tree: a subtree is one `begins_with` on the materialized path. */
    tree: {
      index: 'gsi2',
      pk: (u: { tenantId: string }) => `${t(u.tenantId)}#UNITS#TREE`,
      sk: (u: Unit) => treePathPrefix([...u.path, u.id]),
    },
  },
});

/**
 * The administration log of the organisation: one item per dated change (rename, move, merger...), in
 * one partition per tenant sorted by time (a few changes a day at most), written with the change.
 */
export const unitChangeEventEntity = defineEntity({
  type: 'UnitChangeEvent',
  schema: UnitChangeEvent,
  pk: (e: { tenantId: string }) => `${t(e.tenantId)}#ORGLOG`,
  sk: sortKey('EV#', (e: { at: string; id: string }) => `${e.at}#${e.id}`),
});

export const userEntity = defineEntity({
  type: 'User',
  schema: User,
  pk: (u: { tenantId: string; id: string }) => `${t(u.tenantId)}#USER#${u.id}`,
  sk: sortKey('USER'),
  indexes: {
    byUnit: {
      index: 'gsi1',
      pk: (u: { tenantId: string; unitId: string }) => `${t(u.tenantId)}#USERS#UNIT#${u.unitId}`,
      sk: (u: User) => u.id,
    },
    /** The administrator's search by name: `begins_with` on the name folded without accents. */
    byName: {
      index: 'gsi2',
      pk: (u: { tenantId: string }) => `${t(u.tenantId)}#USERS#NAME`,
      sk: (u: User) => `${foldText(u.name)}#${u.id}`,
    },
    /** By e-mail: a prefix search, and "is this address taken" before an import writes anything. */
    byEmail: {
      index: 'gsi3',
      pk: (u: { tenantId: string }) => `${t(u.tenantId)}#USERS#EMAIL`,
      sk: (u: User) => `${u.email.toLowerCase()}#${u.id}`,
    },
  },
});

// ── Campaigns and forms ──────────────────────────────────────────────────────────────────────────
export const campaignEntity = defineEntity({
  type: 'Campaign',
  schema: Campaign,
  // Every save and submit reads its campaign (the live rules); a campaign changes a few times a year.
  reuseParse: true,
  pk: (c: { tenantId: string; id: string }) => `${t(c.tenantId)}#CAMPAIGN#${c.id}`,
  sk: sortKey('CAMPAIGN'),
  indexes: {
    /** Campaigns of a tenant, newest first by the plan's date. */
    list: {
      index: 'gsi1',
      pk: (c: { tenantId: string }) => `${t(c.tenantId)}#CAMPAIGNS`,
      sk: (c: Campaign) => `${c.issuedOn}#${c.id}`,
    },
  },
});

/** A published version of a campaign: the campaign's partition holds its versions, latest = last. */
export const campaignVersionEntity = defineEntity({
  type: 'CampaignVersion',
  schema: CampaignVersion,
  pk: (v: { tenantId: string; campaignId: string }) => `${t(v.tenantId)}#CAMPAIGN#${v.campaignId}`,
  sk: sortKey('V#', (v: { version: number }) => pad(v.version, 6)),
});

/** The campaign builder's server draft (one per campaign); drafts of campaigns never published are listed. */
export const campaignDraftEntity = defineEntity({
  type: 'CampaignDraft',
  schema: CampaignDraft,
  pk: (v: { tenantId: string; campaignId: string }) => `${t(v.tenantId)}#CAMPAIGN#${v.campaignId}`,
  sk: sortKey('DRAFT'),
  indexes: {
    /** Every draft of a tenant, by campaign id (the builder's list). */
    list: {
      index: 'gsi1',
      pk: (v: { tenantId: string }) => `${t(v.tenantId)}#CAMPAIGN-DRAFTS`,
      sk: (v: CampaignDraft) => v.campaignId,
    },
  },
});

/** The hash-chained audit events of a campaign, in order (`seq`). */
export const campaignAuditEventEntity = defineEntity({
  type: 'CampaignAuditEvent',
  schema: CampaignAuditEvent,
  pk: (e: { tenantId: string; campaignId: string }) => `${t(e.tenantId)}#CAMPAIGN#${e.campaignId}`,
  sk: sortKey('EV#', (e: { seq: number }) => pad(e.seq, 8)),
});

const templatePartition = (v: { tenantId: string; id: string }): string =>
  `${t(v.tenantId)}#TEMPLATE#${v.id}`;

/** One template version; the versions of a template share a partition, latest = last. */
export const templateVersionEntity = defineEntity({
  type: 'FormTemplate',
  // Stored templates were checked when written; reading re-checks the shape with the same schema.
  schema: FormTemplate,
  pk: templatePartition,
  sk: sortKey('V#', (v: { version: number }) => pad(v.version, 6)),
  indexes: {
    /** The library: every version of every template of the tenant, by template then version. */
    library: {
      index: 'gsi1',
      pk: (v: { tenantId: string }) => `${t(v.tenantId)}#TEMPLATES`,
      sk: (v: FormTemplate) => `${v.id}#${pad(v.version, 6)}`,
    },
  },
  attributes: (v: FormTemplate & { tenantId: string }) => v,
});

/** A template's one draft in the form builder, beside its versions (same partition, sort key `DRAFT`). */
export const templateDraftEntity = defineEntity({
  type: 'TemplateDraft',
  schema: TemplateDraft,
  pk: (d: { tenantId: string; templateId: string }) =>
    templatePartition({ tenantId: d.tenantId, id: d.templateId }),
  sk: sortKey('DRAFT'),
  indexes: {
    /** The drafts of the tenant, for the library. */
    library: {
      index: 'gsi1',
      pk: (d: { tenantId: string }) => `${t(d.tenantId)}#TEMPLATE_DRAFTS`,
      sk: (d: TemplateDraft) => d.templateId,
    },
  },
  attributes: ({ tenantId: _tenant, ...d }: TemplateDraft & { tenantId: string }) => d,
});

// ── Audit chains ─────────────────────────────────────────────────────────────────────────────────
/** The index partition listing every audit chain head of a tenant (sorted by campaign, kind, subject). */
export const auditChainsPartition = (tenantId: string): string => `${t(tenantId)}#CHAINS`;
/** `<campaign or ->#<kind>#<subject>`: a campaign's chains are one `begins_with`, the tenant's own `-#`. */
export const auditChainSortKey = (campaignId: string | null, kind: string, subjectId: string): string =>
  `${campaignId ?? '-'}#${kind}#${subjectId}`;

// ── Submissions and their item collection (submission, events, snapshots, attachments) ───────────
const submissionPartition = (s: { tenantId: string; submissionId: string }): string =>
  `${t(s.tenantId)}#SUB#${s.submissionId}`;

export const submissionEntity = defineEntity({
  type: 'Submission',
  schema: StoredSubmission,
  pk: (s: { tenantId: string; id: string }) =>
    submissionPartition({ tenantId: s.tenantId, submissionId: s.id }),
  sk: sortKey('SUB'),
  indexes: {
    /** Every audit chain of a tenant (audit/chains.ts): a submission's head is the submission. */
    chains: {
      index: 'gsi1',
      pk: (s: { tenantId: string }) => auditChainsPartition(s.tenantId),
      sk: (s: StoredSubmission) => auditChainSortKey(s.campaignId, 'submission', s.id),
    },
  },
});

export const auditEventEntity = defineEntity({
  type: 'AuditEvent',
  schema: AuditEvent,
  pk: submissionPartition,
  sk: sortKey('EV#', (e: { seq: number }) => pad(e.seq, 8)),
  indexes: {
    /** A campaign's audit trail in time order (CSV export). */
    inCampaign: {
      index: 'gsi1',
      pk: (e: { tenantId: string; campaignId: string }) => `${t(e.tenantId)}#AUDIT#C#${e.campaignId}`,
      sk: (e: AuditEvent) => `${e.at}#${e.submissionId}#${pad(e.seq, 8)}`,
    },
  },
});

/** The data as it was submitted at `version` (for "what changed since"). */
export const snapshotEntity = defineEntity({
  type: 'Snapshot',
  schema: Snapshot,
  pk: submissionPartition,
  sk: sortKey('SNAP#', (s: { version: number }) => pad(s.version, 8)),
  attributes: (s: Snapshot & { tenantId: string; submissionId: string }): Snapshot => ({
    version: s.version,
    data: s.data,
  }),
});

/** A reviewer's comment on a field or row and the unit's answer (issue 15), in the submission's partition. */
export const reviewCommentEntity = defineEntity({
  type: 'ReviewComment',
  schema: StoredComment,
  pk: submissionPartition,
  sk: sortKey('CMT#', (c: { id: string }) => c.id),
});

export const attachmentEntity = defineEntity({
  type: 'Attachment',
  schema: Attachment,
  pk: submissionPartition,
  sk: sortKey('ATT#', (a: { id: string }) => a.id),
});

/**
 * One submission per unit, campaign, form and period: the uniqueness guard written with the draft. A
 * form filed several times per period (nominations) passes the submission's id as `discriminator`, so
 * each of its submissions has a slot of its own and several coexist.
 */
interface SlotOwner {
  tenantId: string;
  unitId: string;
  campaignId: string;
  formKey: string;
  period: string;
  discriminator: string | undefined;
}

export const slotEntity = defineEntity({
  type: 'SubmissionSlot',
  schema: Slot,
  pk: (s: SlotOwner) =>
    `${t(s.tenantId)}#SLOT#${s.unitId}#${s.campaignId}#${s.formKey}#${s.period}${s.discriminator === undefined ? '' : `#S#${s.discriminator}`}`,
  sk: sortKey('SLOT'),
  attributes: (s: SlotOwner & { submissionId: string }) => ({ submissionId: s.submissionId }),
});

/** Where a list entry lives: the list of one scope of one unit. */
export interface ListOwner {
  tenantId: string;
  scope: ListScope;
  ownerUnitId: string;
}

const listPartition = (o: ListOwner): string => `${t(o.tenantId)}#LIST#${o.scope}#${o.ownerUnitId}`;

/** `C#<campaign>#F#<form>#P#<period>#`: any leading part is a valid filter prefix. */
export const listSortPrefix = (f: { campaignId?: string; formKey?: string; period?: string }): string => {
  if (f.campaignId === undefined) return '';
  let p = `C#${f.campaignId}#`;
  if (f.formKey === undefined) return p;
  p += `F#${f.formKey}#`;
  if (f.period === undefined) return p;
  return `${p}P#${f.period}#`;
};

type ListedSubmission = Pick<SubmissionSummary, 'campaignId' | 'formKey' | 'period' | 'id'>;
const listSortKey = sortKey('', (e: ListedSubmission) => `${listSortPrefix(e)}S#${e.id}`);

/**
 * A list entry: the summary of one submission in one list partition (`MINE` of its unit, `TREE` of the
 * unit and each ancestor, `INBOX` of the unit whose turn it is). Filters are key conditions:
 * campaign → form → period is a prefix of `sk`; gsi1 adds the state, gsi2 the author unit, gsi3 the
 * due date within a campaign (overdue = `gsi3sk < now`).
 */
export const listEntryEntity = defineEntity({
  type: 'ListEntry',
  schema: SubmissionSummary,
  pk: listPartition,
  sk: listSortKey,
  attributes: ({ scope: _scope, ownerUnitId: _owner, ...summary }: SubmissionSummary & ListOwner) => summary,
  indexes: {
    byState: {
      index: 'gsi1',
      pk: (e: ListOwner & { state: SubmissionState }) => `${listPartition(e)}#ST#${e.state}`,
      sk: listSortKey.of,
    },
    byAuthorUnit: {
      index: 'gsi2',
      pk: (e: ListOwner & { unitId: string }) => `${listPartition(e)}#U#${e.unitId}`,
      sk: listSortKey.of,
      // The unit's own list holds only its own submissions.
      when: (e: ListOwner) => e.scope !== 'MINE',
    },
    byDue: {
      index: 'gsi3',
      pk: (e: ListOwner & { campaignId: string }) => `${listPartition(e)}#C#${e.campaignId}#DUE`,
      sk: (e: SubmissionSummary) => `${e.dueAt}#${e.id}`,
      // A deadline runs until the submission reaches a final state.
      when: (e: SubmissionSummary) =>
        e.dueAt !== null && !(finalStates as readonly SubmissionState[]).includes(e.state),
    },
  },
});

/**
 * Completeness of the children of `parentUnitId` for one campaign, form and period: one cell per child
 * unit that has a submission (its state), and one counter item (`#COUNTS`, sorts first) with the number
 * of submissions per state (= children per state where a unit files once). A form filed several times
 * per period keeps one cell per submission (`discriminator` given): the roll-up merges a unit's cells.
 */
export interface CompletenessScope {
  parentUnitId: string;
  campaignId: string;
  formKey: string;
  period: string;
}

const completenessPartition = (c: { tenantId: string; scope: CompletenessScope }): string =>
  `${t(c.tenantId)}#COMPL#${c.scope.parentUnitId}#C#${c.scope.campaignId}#F#${c.scope.formKey}#P#${c.scope.period}`;

export const completenessCellEntity = defineEntity({
  type: 'CompletenessCell',
  schema: CompletenessCellSchema,
  pk: completenessPartition,
  sk: sortKey('U#', (c: { unitId: string; discriminator: string | undefined }) =>
    c.discriminator === undefined ? c.unitId : `${c.unitId}#S#${c.discriminator}`,
  ),
  attributes: (
    c: CompletenessCell & { tenantId: string; scope: CompletenessScope; discriminator: string | undefined },
  ): CompletenessCell => ({
    unitId: c.unitId,
    submissionId: c.submissionId,
    state: c.state,
    level: c.level,
    chain: c.chain,
  }),
});

export const completenessCountsEntity = defineEntity({
  type: 'CompletenessCounts',
  schema: CompletenessCounts,
  pk: completenessPartition,
  sk: sortKey('#COUNTS'),
});

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────
/** An `Idempotency-Key` of one user: the first answer, kept for 24 hours. */
export const idempotencyEntity = defineEntity({
  type: 'Idempotency',
  schema: StoredResponse,
  pk: (r: { tenantId: string; userId: string; key: string }) => `${t(r.tenantId)}#IDEM#${r.userId}#${r.key}`,
  sk: sortKey('IDEM'),
  attributes: ({
    tenantId: _t,
    userId: _u,
    key: _k,
    ...response
  }: StoredResponse & { tenantId: string; userId: string; key: string }) => response,
  extra: (r: { createdAt: string }) => ({
    ttl: Math.floor(Date.parse(r.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
  }),
});
