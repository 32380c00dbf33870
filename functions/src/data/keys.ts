/**
 * Key composition, declared once per entity. Every key starts with the tenant (`T#<tenant>`), so one
 * table hosts several provinces and no request can reach another tenant's items. Ids never contain `#`
 * (shared `Id` allows letters, digits, `-` and `_`), so `#` is a safe separator. docs/data-model.md maps
 * each access pattern of the product to one of these keys.
 */

export type Key = {
  pk: string;
  sk: string;
};
export type Gsi1 = {
  gsi1pk: string;
  gsi1sk: string;
};
export type Gsi2 = {
  gsi2pk: string;
  gsi2sk: string;
};
export type Gsi3 = {
  gsi3pk: string;
  gsi3sk: string;
};

const t = (tenantId: string): string => `T#${tenantId}`;

/** Fixed-width numbers sort as strings. */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Scopes of the submission lists: the unit's own, awaiting the unit's action, the unit's subtree. */
export type ListScope = 'MINE' | 'INBOX' | 'TREE';

export const keys = {
  // ── Organisation ───────────────────────────────────────────────────────────────────────────────
  unit: (tenantId: string, unitId: string): Key => ({ pk: `${t(tenantId)}#UNIT#${unitId}`, sk: 'UNIT' }),
  /** Units by parent (children of a unit), sorted by id (ids are stable, names change). */
  unitByParent: (tenantId: string, parentId: string | null, unitId: string): Gsi1 => ({
    gsi1pk: unitChildrenPartition(tenantId, parentId),
    gsi1sk: unitId,
  }),
  /** Units by position in the tree: a subtree is one `begins_with` on the materialized path. */
  unitInTree: (tenantId: string, path: readonly string[], unitId: string): Gsi2 => ({
    gsi2pk: unitTreePartition(tenantId),
    gsi2sk: treePathPrefix([...path, unitId]),
  }),

  user: (tenantId: string, userId: string): Key => ({ pk: `${t(tenantId)}#USER#${userId}`, sk: 'USER' }),
  /** Users by unit. */
  userByUnit: (tenantId: string, unitId: string, userId: string): Gsi1 => ({
    gsi1pk: usersOfUnitPartition(tenantId, unitId),
    gsi1sk: userId,
  }),

  // ── Campaigns and forms ────────────────────────────────────────────────────────────────────────
  campaign: (tenantId: string, campaignId: string): Key => ({
    pk: `${t(tenantId)}#CAMPAIGN#${campaignId}`,
    sk: 'CAMPAIGN',
  }),
  /** Campaigns of a tenant, newest first by the plan's date. */
  campaignInList: (tenantId: string, date: string, campaignId: string): Gsi1 => ({
    gsi1pk: campaignsPartition(tenantId),
    gsi1sk: `${date}#${campaignId}`,
  }),
  /** One template version; the versions of a template share a partition, latest = last. */
  templateVersion: (tenantId: string, templateId: string, version: number): Key => ({
    pk: templatePartition(tenantId, templateId),
    sk: `V#${pad(version, 6)}`,
  }),

  // ── Submissions and their item collection (submission, events, snapshots, attachments) ─────────
  submission: (tenantId: string, submissionId: string): Key => ({
    pk: submissionPartition(tenantId, submissionId),
    sk: 'SUB',
  }),
  event: (tenantId: string, submissionId: string, seq: number): Key => ({
    pk: submissionPartition(tenantId, submissionId),
    sk: `EV#${pad(seq, 8)}`,
  }),
  /** A campaign's audit trail in time order (CSV export). */
  eventInCampaign: (
    tenantId: string,
    campaignId: string,
    at: string,
    submissionId: string,
    seq: number,
  ): Gsi1 => ({
    gsi1pk: `${t(tenantId)}#AUDIT#C#${campaignId}`,
    gsi1sk: `${at}#${submissionId}#${pad(seq, 8)}`,
  }),
  /** The data as it was submitted at `version` (for "what changed since"). */
  snapshot: (tenantId: string, submissionId: string, version: number): Key => ({
    pk: submissionPartition(tenantId, submissionId),
    sk: `SNAP#${pad(version, 8)}`,
  }),
  attachment: (tenantId: string, submissionId: string, attachmentId: string): Key => ({
    pk: submissionPartition(tenantId, submissionId),
    sk: `ATT#${attachmentId}`,
  }),
  /**
   * One submission per unit, campaign, form and period: the uniqueness guard written with the draft. A
   * form filed several times per period (nominations) passes the submission's id as `discriminator`, so
   * each of its submissions has a slot of its own and several coexist.
   */
  submissionSlot: (
    tenantId: string,
    unitId: string,
    campaignId: string,
    formKey: string,
    period: string,
    discriminator?: string,
  ): Key => ({
    pk: `${t(tenantId)}#SLOT#${unitId}#${campaignId}#${formKey}#${period}${discriminator === undefined ? '' : `#S#${discriminator}`}`,
    sk: 'SLOT',
  }),

  /**
   * A list entry: the summary of one submission in one list partition (`MINE` of its unit, `TREE` of the
   * unit and each ancestor, `INBOX` of the unit whose turn it is). Filters are key conditions:
   * campaign → form → period is a prefix of `sk`; gsi1 adds the state, gsi2 the author unit, gsi3 the
   * due date within a campaign (overdue = `gsi3sk < now`).
   */
  listEntry: (
    tenantId: string,
    scope: ListScope,
    ownerUnitId: string,
    e: { campaignId: string; formKey: string; period: string; submissionId: string },
  ): Key => ({
    pk: listPartition(tenantId, scope, ownerUnitId),
    sk: listSortKey(e),
  }),
  listEntryByState: (
    tenantId: string,
    scope: ListScope,
    ownerUnitId: string,
    state: string,
    sk: string,
  ): Gsi1 => ({
    gsi1pk: `${listPartition(tenantId, scope, ownerUnitId)}#ST#${state}`,
    gsi1sk: sk,
  }),
  listEntryByUnit: (
    tenantId: string,
    scope: ListScope,
    ownerUnitId: string,
    authorUnitId: string,
    sk: string,
  ): Gsi2 => ({
    gsi2pk: `${listPartition(tenantId, scope, ownerUnitId)}#U#${authorUnitId}`,
    gsi2sk: sk,
  }),
  listEntryByDue: (
    tenantId: string,
    scope: ListScope,
    ownerUnitId: string,
    campaignId: string,
    dueAt: string,
    submissionId: string,
  ): Gsi3 => ({
    gsi3pk: `${listPartition(tenantId, scope, ownerUnitId)}#C#${campaignId}#DUE`,
    gsi3sk: `${dueAt}#${submissionId}`,
  }),

  /**
   * Completeness of the children of `parentUnitId` for one campaign, form and period: one cell per child
   * unit that has a submission (its state), and one counter item (`#COUNTS`, sorts first) with the number
   * of submissions per state (= children per state where a unit files once). A form filed several times
   * per period keeps one cell per submission (`submissionId` given): the roll-up merges a unit's cells.
   */
  completenessCell: (
    tenantId: string,
    c: CompletenessScope,
    childUnitId: string,
    submissionId?: string,
  ): Key => ({
    pk: completenessPartition(tenantId, c),
    sk: submissionId === undefined ? `U#${childUnitId}` : `U#${childUnitId}#S#${submissionId}`,
  }),
  completenessCounts: (tenantId: string, c: CompletenessScope): Key => ({
    pk: completenessPartition(tenantId, c),
    sk: '#COUNTS',
  }),

  // ── Requests ───────────────────────────────────────────────────────────────────────────────────
  /** An `Idempotency-Key` of one user: the first answer, kept for 24 hours. */
  idempotency: (tenantId: string, userId: string, key: string): Key => ({
    pk: `${t(tenantId)}#IDEM#${userId}#${key}`,
    sk: 'IDEM',
  }),
} as const;

export interface CompletenessScope {
  parentUnitId: string;
  campaignId: string;
  formKey: string;
  period: string;
}

export const unitChildrenPartition = (tenantId: string, parentId: string | null): string =>
  `${t(tenantId)}#UNITS#CHILDREN#${parentId ?? 'ROOT'}`;
export const unitTreePartition = (tenantId: string): string => `${t(tenantId)}#UNITS#TREE`;
/** `/root/district/commune/`: the trailing slash keeps `/a/b` from matching `/a/bc`. */
export const treePathPrefix = (ids: readonly string[]): string => `/${ids.join('/')}/`;
export const usersOfUnitPartition = (tenantId: string, unitId: string): string =>
  `${t(tenantId)}#USERS#UNIT#${unitId}`;
export const campaignsPartition = (tenantId: string): string => `${t(tenantId)}#CAMPAIGNS`;
export const templatePartition = (tenantId: string, templateId: string): string =>
  `${t(tenantId)}#TEMPLATE#${templateId}`;
export const submissionPartition = (tenantId: string, submissionId: string): string =>
  `${t(tenantId)}#SUB#${submissionId}`;
export const campaignAuditPartition = (tenantId: string, campaignId: string): string =>
  `${t(tenantId)}#AUDIT#C#${campaignId}`;
export const listPartition = (tenantId: string, scope: ListScope, ownerUnitId: string): string =>
  `${t(tenantId)}#LIST#${scope}#${ownerUnitId}`;
export const completenessPartition = (tenantId: string, c: CompletenessScope): string =>
  `${t(tenantId)}#COMPL#${c.parentUnitId}#C#${c.campaignId}#F#${c.formKey}#P#${c.period}`;

/** `C#<campaign>#F#<form>#P#<period>#S#<submission>`; any leading part is a valid filter prefix. */
export const listSortKey = (e: {
  campaignId: string;
  formKey: string;
  period: string;
  submissionId: string;
}): string => `${listSortPrefix(e)}S#${e.submissionId}`;

export const listSortPrefix = (f: { campaignId?: string; formKey?: string; period?: string }): string => {
  if (f.campaignId === undefined) return '';
  let p = `C#${f.campaignId}#`;
  if (f.formKey === undefined) return p;
  p += `F#${f.formKey}#`;
  if (f.period === undefined) return p;
  return `${p}P#${f.period}#`;
};
