import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import { MergerCopyReport } from './copy-across-merger';
import { Campaign } from './schema';

/**
 * Campaign versions (issue 14): a campaign in force changes only by publishing a new version. Each
 * version keeps the whole campaign as published, who published it and which fields changed; the
 * submissions already created keep what they snapshotted (template version, chain, rules), so a new
 * version changes only what is read live (windows, deadlines, lock exceptions) and new drafts.
 */
export const CampaignVersion = z.object({
  tenantId: TenantId,
  campaignId: Id,
  version: z.number().int().min(1),
  publishedAt: Instant,
  publishedBy: z.string().min(1).max(128),
  publishedByName: z.string().max(200).default(''),
  /** Why the campaign was changed (shown in the history). */
  note: z.string().max(500).default(''),
  /** Top-level fields (forms by key: `forms.periodic_report`) that differ from the version before. */
  changed: z.array(z.string()),
  campaign: Campaign,
});
export type CampaignVersion = z.infer<typeof CampaignVersion>;

/** A version without its campaign, for the history list. */
export const CampaignVersionSummary = CampaignVersion.omit({ campaign: true, tenantId: true });
export type CampaignVersionSummary = z.infer<typeof CampaignVersionSummary>;

/**
 * The builder's server copy of what is being typed: any JSON object, valid or not (a half-filled form
 * must be kept), with a revision so that two tabs cannot overwrite each other silently.
 */
export const CampaignDraftData = z.record(z.string(), z.unknown());
export const CampaignDraft = z.object({
  tenantId: TenantId,
  campaignId: Id,
  /** 1 on the first save, +1 on each. */
  revision: z.number().int().min(1),
  /** The published version the draft edits (0: a campaign never published). */
  baseVersion: z.number().int().min(0),
  /** Set on a copy: where it came from. */
  copiedFrom: Id.nullable().default(null),
  /** A copy from an absorbed province: what was carried onto the merged province's tree, what was not. */
  mergerCopy: MergerCopyReport.nullable().default(null),
  title: z.string().max(500).default(''),
  updatedAt: Instant,
  updatedBy: z.string().min(1).max(128),
  data: CampaignDraftData,
});
export type CampaignDraft = z.infer<typeof CampaignDraft>;

/** What an audit event of a campaign records (one per change; drafts saved as one types are not changes). */
export const CampaignChangeKind = z.enum(['created', 'copied', 'published', 'replaced']);
export type CampaignChangeKind = z.infer<typeof CampaignChangeKind>;

const stable = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
};

/**
 * Which fields differ between two versions: top-level fields, and forms by their key (a form added,
 * removed or changed is `forms.<formKey>`). `before` null: the first version, everything is new.
 */
export function changedFields(before: Campaign | null, after: Campaign): string[] {
  if (before === null) return ['*'];
  const out: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Campaign>;
  for (const k of [...keys].sort()) {
    if (k === 'forms') continue;
    if (stable(before[k]) !== stable(after[k])) out.push(k);
  }
  const formKeys = [...new Set([...before.forms, ...after.forms].map((f) => f.formKey))].sort();
  for (const key of formKeys) {
    const a = before.forms.find((f) => f.formKey === key);
    const b = after.forms.find((f) => f.formKey === key);
    if (stable(a) !== stable(b)) out.push(`forms.${key}`);
  }
  return out;
}

export type PublicationPlan =
  | { ok: true; version: number; mode: 'create' | 'replace' }
  | { ok: false; latest: number };

/**
 * The version a publication writes. `baseVersion` is the version the editor started from; a version
 * published by someone else since refuses the publication (the editor reloads and sees the change)
 * rather than overwriting it. A campaign that exists without versions (seeded, or written by the JSON
 * route before versions existed) is version 0.
 */
export function planPublication(input: {
  exists: boolean;
  latestVersion: number | null;
  baseVersion: number;
}): PublicationPlan {
  const latest = input.latestVersion ?? 0;
  if (input.baseVersion !== latest) return { ok: false, latest };
  return { ok: true, version: latest + 1, mode: input.exists ? 'replace' : 'create' };
}

/**
 * One audit event of a campaign, chained by hash like a submission's (each stores the hash of the one
 * before it), so a removed or edited change breaks the recomputation. `dataHash`: the campaign (or the
 * copy) as the change left it.
 */
export const CampaignAuditEvent = z.object({
  tenantId: TenantId,
  campaignId: Id,
  seq: z.number().int().min(1),
  at: Instant,
  actorId: z.string().min(1).max(128),
  kind: CampaignChangeKind,
  /** The version a publication wrote (null for a copy, which is only a draft). */
  version: z.number().int().min(1).nullable(),
  /** A copy: the campaign it was copied from. */
  sourceCampaignId: Id.nullable(),
  /** A copy from another tenant (an absorbed province): that tenant. Absent for a copy within one. */
  sourceTenantId: TenantId.optional(),
  dataHash: z.string().length(64),
  prevHash: z.string().length(64),
  hash: z.string().length(64),
});
export type CampaignAuditEvent = z.infer<typeof CampaignAuditEvent>;

/**
 * The day the tree is read at when a campaign is checked: the first day any of its forms opens for
 * entry, or `today` when no window is set or the first one has passed (the tree units file under).
 */
export function checkDateOf(c: Pick<Campaign, 'forms'>, today: string): string {
  const opens = c.forms
    .flatMap((f) => f.entryWindows.map((w) => w.opensAt))
    .sort()
    .map((at) => new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10));
  const first = opens[0];
  return first !== undefined && first > today ? first : today;
}
