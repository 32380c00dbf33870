import {
  type Campaign,
  type CampaignCheck,
  type CampaignCopy,
  type CampaignIssue,
  checkCampaign,
  checkDateOf,
  type MergerCopyReport,
} from '@thidua/shared/campaign';
import { addDays, deadlineDay, startOfDayInVietnam, toCalendarDate } from '@thidua/shared/common';
import { UpdateCampaignBody } from '@thidua/shared/contracts';
import { type ChainConfig, indexUnits, isActiveOn, type Unit } from '@thidua/shared/org';
import { vi } from 'zod/locales';

/**
 * The builder's model, pure: the campaign as it is being typed (a `Campaign` whose plan number and date
 * may still be empty), edits by path, the dates a person types turned into the instants the API keeps,
 * and every check before publication turned into issues that name a field on screen.
 */
export type BuilderCampaign = Omit<CampaignCopy, 'tenantId'> & { tenantId?: string };

/** A path into the campaign: `forms.0.deadlines.2.dueAt`. */
export type Path = readonly (string | number)[];

export const pathKey = (path: Path): string => path.join('.');

/** The DOM id of the control (or group) of a path: what an issue links to and focuses. */
export const fieldId = (path: Path | string): string =>
  `cb-${(typeof path === 'string' ? path : pathKey(path)).replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A copy of `value` with `path` set (arrays stay arrays); nothing else is copied or changed. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const current = (value ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const child = setIn(current[head], rest, next);
  if (Array.isArray(current)) {
    const out = [...current];
    out[head as number] = child;
    return out as T;
  }
  return { ...current, [head]: child } as T;
}

/** A blank campaign of `year` under `id`: one content and one chain rule to start from. */
export function blankCampaign(id: string, year: number): BuilderCampaign {
  return {
    id,
    year,
    number: '',
    issuedOn: '',
    title: '',
    kind: 'thematic',
    issuer: '',
    signer: '',
    legalBasis: [],
    contents: [{ no: 1, title: '', text: '' }],
    participants: { unitKinds: [], unitIds: [], excludedUnitIds: [] },
    periods: [`${year}-Y`],
    forms: [],
    awardTypeIds: [],
    chainConfigs: [blankChain(year)],
    requireUnitSignOff: false,
    status: 'draft',
  };
}

export const blankChain = (year: number): ChainConfig => ({
  id: `chain_${year}`,
  name: `Luồng duyệt năm ${year}`,
  effectiveFrom: `${year}-01-01`,
  effectiveTo: null,
  legalBasis: '',
  rules: [],
});

export const blankForm = (year: number, n: number): Campaign['forms'][number] => ({
  formKey: `form_${n}`,
  templateId: '',
  templateVersion: 1,
  periods: [`${year}-Y`],
  unitKinds: [],
  deadlines: [],
  entryWindows: [],
  lockExceptions: [],
});

/** Every period a campaign of `year` may use, grouped as the picker shows them. */
export function periodsOfYear(year: number): { kind: string; periods: string[] }[] {
  const y = String(year);
  return [
    {
      kind: 'month',
      periods: Array.from({ length: 12 }, (_, i) => `${y}-M${String(i + 1).padStart(2, '0')}`),
    },
    { kind: 'quarter', periods: [1, 2, 3, 4].map((q) => `${y}-Q${q}`) },
    { kind: 'half', periods: [`${y}-H1`, `${y}-H2`] },
    { kind: 'nine_months', periods: [`${y}-9M`] },
    { kind: 'year', periods: [`${y}-Y`] },
  ];
}

/** The order periods are listed in: by year, then months, quarters, halves, nine months, the year. */
export function sortPeriods(periods: readonly string[]): string[] {
  const rank = (p: string) => {
    const tail = p.slice(5);
    if (tail.startsWith('M')) return Number(tail.slice(1));
    if (tail.startsWith('Q')) return 20 + Number(tail.slice(1));
    if (tail.startsWith('H')) return 30 + Number(tail.slice(1));
    return tail === '9M' ? 40 : 50;
  };
  return [...periods].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)) || rank(a) - rank(b));
}

// ── Dates as typed ↔ instants as kept ────────────────────────────────────────────────────────────
/** The day a window opens (its first instant) as a date input shows it. */
export const openingDay = (instant: string): string => (instant ? toCalendarDate(instant) : '');
/** An exclusive end (closes, due) as the last day it still includes. */
export const lastDay = (instant: string): string => (instant ? deadlineDay(instant) : '');
export const openingInstant = (date: string): string => (date ? startOfDayInVietnam(date) : '');
/** The last day included → the exclusive instant the next day starts in Vietnam. */
export const endInstant = (date: string): string => (date ? startOfDayInVietnam(addDays(date, 1)) : '');

// ── Units of the tree ─────────────────────────────────────────────────────────────────────────────
/** The kinds of the units in force on `date`, in the order they first appear in the tree. */
export function kindsInForce(units: readonly Unit[], date: string): string[] {
  return [...new Set(units.filter((u) => isActiveOn(u, date)).map((u) => u.kind))];
}

// ── Checks before publication ────────────────────────────────────────────────────────────────────
export interface BuilderCheck extends CampaignCheck {
  /** The campaign as the API will receive it, when it passed the schema. */
  campaign: Campaign | null;
}

const viErrors = vi().localeError;

/**
 * Everything that blocks publication, in Vietnamese, each at a field path: the route's own schema
 * first (what the API would refuse with 400), then `checkCampaign` on the tree in force (422).
 */
export function checkBeforePublishing(
  draft: BuilderCampaign,
  ctx: {
    tenantId: string;
    units: readonly Unit[];
    publishedTemplates: ReadonlyMap<string, readonly number[]>;
    today: string;
  },
): BuilderCheck {
  const { id: _id, tenantId: _tenant, ...body } = draft;
  const parsed = UpdateCampaignBody.safeParse(body, { error: viErrors });
  if (!parsed.success) {
    const errors: CampaignIssue[] = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }));
    return { errors, warnings: [], campaign: null };
  }
  const campaign: Campaign = { ...parsed.data, id: draft.id, tenantId: ctx.tenantId };
  const check = checkCampaign(campaign, {
    units: ctx.units,
    unitsById: indexUnits(ctx.units),
    asOf: checkDateOf(campaign, ctx.today),
    publishedTemplates: ctx.publishedTemplates,
  });
  return { ...check, campaign };
}

/**
 * The control an issue's path lands on: the path itself when the screen has a control for it, else
 * the nearest enclosing group that has one (`participants.unitKinds.1` → `participants.unitKinds`),
 * else the top of the builder.
 */
export function targetOf(path: string, exists: (id: string) => boolean): string {
  const parts = path.replace(/^body\.campaign\./, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = fieldId(parts.slice(0, n).join('.'));
    if (exists(id)) return id;
  }
  return 'cb-top';
}

/** Issues by path, for the controls that show their own. */
export function issuesByPath(issues: readonly CampaignIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const key = i.path.replace(/^body\.campaign\./, '');
    out.set(key, out.has(key) ? `${out.get(key)}; ${i.message}` : i.message);
  }
  return out;
}

// ── Where the editor starts ────────────────────────────────────────────────────────────────────────
export interface StartingPoint {
  draft: BuilderCampaign;
  /** The server draft's revision the next save builds on (0: none yet). */
  revision: number;
  /** The published version the edit starts from (0: never published). */
  baseVersion: number;
  /** What was typed on this device and not yet on the server was taken back. */
  restored: boolean;
  copiedFrom: string | null;
  /** A copy from an absorbed province: what was carried onto the merged province's tree, what was not. */
  mergerCopy: MergerCopyReport | null;
}

/**
 * What the editor opens with, so nothing typed is lost: this device's copy when it is at least as new
 * as the server draft it was based on; else the server draft; else the published campaign; else a
 * blank campaign of `year`.
 */
export function startingPoint(input: {
  id: string;
  year: number;
  local: { baseVersion: number; values: Record<string, unknown> } | null;
  server: {
    revision: number;
    baseVersion: number;
    copiedFrom: string | null;
    mergerCopy?: MergerCopyReport | null;
    data: Record<string, unknown>;
  } | null;
  published: Campaign | null;
  latestVersion: number;
}): StartingPoint {
  const { server, published, local } = input;
  const fromServer = server ? (server.data as unknown as BuilderCampaign) : null;
  const fromPublished = published ? ({ ...published, tenantId: undefined } as BuilderCampaign) : null;
  const base: BuilderCampaign = {
    ...(fromServer ?? fromPublished ?? blankCampaign(input.id, input.year)),
    id: input.id,
  };
  const revision = server?.revision ?? 0;
  const baseVersion = server?.baseVersion ?? input.latestVersion;
  const copiedFrom = server?.copiedFrom ?? null;
  const mergerCopy = server?.mergerCopy ?? null;
  if (local && local.baseVersion >= revision) {
    const draft = { ...(local.values as unknown as BuilderCampaign), id: input.id };
    const differs = JSON.stringify(draft) !== JSON.stringify(base);
    return { draft, revision, baseVersion, restored: differs, copiedFrom, mergerCopy };
  }
  return { draft: base, revision, baseVersion, restored: false, copiedFrom, mergerCopy };
}

/** The day the tree is first shown at: the campaign's check date (its first entry day, or today). */
export function checkDateFor(draft: BuilderCampaign, today = new Date().toISOString().slice(0, 10)): string {
  const forms = Array.isArray(draft.forms) ? draft.forms : [];
  return checkDateOf({ forms: forms.map((f) => ({ ...f, entryWindows: f.entryWindows ?? [] })) }, today);
}
