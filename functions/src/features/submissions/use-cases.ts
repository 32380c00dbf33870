import type { SubmissionOrigin } from '@thidua/shared/api';
import { type Campaign, filesForm, findFormAssignment } from '@thidua/shared/campaign';
import { toCalendarDate } from '@thidua/shared/common';
import { classifiedRefusal, type FormTemplate } from '@thidua/shared/forms';
import type { Identity, Unit } from '@thidua/shared/org';
import { authorize, readsThroughLineage } from '@thidua/shared/policy';
import { type Completeness, completeness, rulesFor, type WorkflowRules } from '@thidua/shared/workflow';
import { submissionResource } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import type { CompletenessCell, StoredSubmission } from './repository';

const NOT_FOUND = 'Không tìm thấy báo cáo';

/**
 * The submission, if the caller may read it — where it was filed, or through lineage as the work of a
 * unit the caller's unit (or a unit below it) succeeded, then with its `origin`; 404 otherwise, exactly
 * as for an unknown id (existence does not leak). Heirs are read by key only when the direct read is
 * refused, so a direct reader pays nothing for lineage.
 */
export const loadReadableWithOrigin = async (
  d: Pick<Deps, 'submissions' | 'units'>,
  identity: Identity,
  submissionId: string,
  now: Date = new Date(),
): Promise<{ submission: StoredSubmission; origin?: SubmissionOrigin }> => {
  const s = await d.submissions.get(identity.tenantId, submissionId);
  if (!s) throw new NotFound(NOT_FOUND);
  const resource = submissionResource(identity.tenantId, s);
  if (authorize(identity, 'read', resource).allowed) return { submission: s };
  const heirs = await d.units.heirsOn(identity.tenantId, s.unitId, toCalendarDate(now.toISOString()));
  const through = readsThroughLineage(identity, { ...resource, heirs });
  const heir = through && heirs.find((h) => h.unitId === through.unitId);
  if (!heir) throw new NotFound(NOT_FOUND);
  return {
    submission: s,
    origin: {
      relation: 'predecessor',
      unitId: s.unitId,
      unitName: s.unitName,
      heirUnitId: heir.unitId,
      heirUnitName: heir.unitName,
    },
  };
};

/** The submission, if the caller may read it (see `loadReadableWithOrigin`); 404 otherwise. */
export const loadReadable = async (
  d: Pick<Deps, 'submissions' | 'units'>,
  identity: Identity,
  submissionId: string,
): Promise<StoredSubmission> => (await loadReadableWithOrigin(d, identity, submissionId)).submission;

/**
 * Published template versions, per dependency container (one table): `(id, version)` never changes once
 * written, so a warm Lambda reads each version once. Every submission view needs its template (which
 * fields are sensitive); the cache keeps an approval at one GetItem once the template has been read.
 */
const templateCache = new WeakMap<object, Map<string, FormTemplate>>();
const TEMPLATE_CACHE_MAX = 200;

/** A published template version, or undefined; read once per warm instance. */
export const templateVersionOf = async (
  d: Pick<Deps, 'templates'>,
  tenantId: string,
  templateId: string,
  version: number,
): Promise<FormTemplate | undefined> => {
  const cache = templateCache.get(d) ?? new Map<string, FormTemplate>();
  templateCache.set(d, cache);
  const key = `${tenantId}#${templateId}#${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const t = await d.templates.get(tenantId, templateId, version);
  if (!t) return undefined;
  if (cache.size >= TEMPLATE_CACHE_MAX) cache.clear();
  cache.set(key, t);
  return t;
};

/** The template a submission was filled on (it never changes; a missing one is a broken invariant). */
export const templateOf = async (d: Pick<Deps, 'templates'>, s: StoredSubmission): Promise<FormTemplate> => {
  const t = await templateVersionOf(d, s.tenantId, s.templateId, s.templateVersion);
  if (!t) throw new Error(`template ${s.templateId} v${s.templateVersion} of submission ${s.id} is missing`);
  return t;
};

/** 422 `classified` when the template or the submission is "Mật": no data entry at all (nothing is lost). */
export const refuseClassified = (
  template: Pick<FormTemplate, 'classified'>,
  submission?: { classified?: boolean | undefined },
): void => {
  const refusal = classifiedRefusal(template, submission);
  if (refusal) throw new RuleViolation(refusal.message, [], refusal.code);
};

/**
 * The rules in force now (entry window with the unit's lock exception, deadlines), from the live
 * campaign. Submitting and saving use them; other actions use the snapshot on the submission.
 */
export const liveRules = async (
  d: Pick<Deps, 'campaigns'>,
  s: StoredSubmission,
  template: FormTemplate,
): Promise<{ rules: WorkflowRules; campaign: Campaign | undefined }> => {
  const campaign = await d.campaigns.get(s.tenantId, s.campaignId);
  if (!campaign) return { rules: s.rules, campaign };
  return {
    rules: rulesFor({ campaign, template, unitId: s.unitId, period: s.period, formKey: s.formKey }),
    campaign,
  };
};

/**
 * The roll-up of the children of `parent` for a campaign's form and period: the child units that file
 * the form, their cells (state of their submission, or of each of them for a form filed several times
 * per period) — two queries — merged by the shared `completeness`.
 */
export const childrenCompleteness = async (
  d: Pick<Deps, 'units' | 'submissions'>,
  campaign: Campaign,
  formKey: string,
  period: string,
  parent: Pick<Unit, 'id' | 'tenantId'>,
  now: Date,
): Promise<{ result: Completeness; counters: Record<string, number> }> => {
  const today = toCalendarDate(now.toISOString());
  const assignment = findFormAssignment(campaign, formKey);
  const [children, cells] = await Promise.all([
    d.units.allChildren(parent.tenantId, parent.id),
    d.submissions.completeness(parent.tenantId, {
      parentUnitId: parent.id,
      campaignId: campaign.id,
      formKey,
      period,
    }),
  ]);
  const filing = assignment ? children.filter((u) => filesForm(campaign, assignment, u, today)) : [];
  // A unit has one cell per submission where the form is filed several times per period (nominations).
  const statuses = new Map<string, CompletenessCell[]>();
  for (const c of cells.cells) statuses.set(c.unitId, [...(statuses.get(c.unitId) ?? []), c]);
  return {
    result: completeness(filing, statuses, { reviewerUnitId: parent.id, onDate: today }),
    counters: cells.counts,
  };
};
