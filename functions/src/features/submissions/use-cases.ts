import { type Campaign, filesForm, findFormAssignment } from '@thidua/shared/campaign';
import { toCalendarDate } from '@thidua/shared/common';
import { classifiedRefusal, type FormTemplate } from '@thidua/shared/forms';
import type { Identity, Unit } from '@thidua/shared/org';
import { type Completeness, completeness, rulesFor, type WorkflowRules } from '@thidua/shared/workflow';
import { requireAllowed, submissionResource } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import type { CompletenessCell, StoredSubmission } from './repository';

/** The submission, if the caller may read it; 404 otherwise (existence does not leak). */
export const loadReadable = async (
  d: Deps,
  identity: Identity,
  submissionId: string,
): Promise<StoredSubmission> => {
  const s = await d.submissions.get(identity.tenantId, submissionId);
  if (!s) throw new NotFound('Không tìm thấy báo cáo');
  requireAllowed(identity, 'read', submissionResource(identity.tenantId, s));
  return s;
};

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
export const templateOf = async (d: Deps, s: StoredSubmission): Promise<FormTemplate> => {
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
  d: Deps,
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
  d: Deps,
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
