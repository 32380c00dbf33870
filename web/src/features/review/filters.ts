import { SubmissionState } from '@thidua/shared/workflow';
import type { ListQuery } from '../submissions/service';

/** The inbox filters as the person sets them (kept in the URL). */
export interface InboxFilters {
  view: 'inbox' | 'subtree';
  campaignId: string;
  formKey: string;
  period: string;
  status: string;
  unitId: string;
  overdue: boolean;
  /** The subtree view's root: one area (a district) of the caller's subtree. */
  area: string;
}

export const emptyFilters: InboxFilters = {
  view: 'inbox',
  campaignId: '',
  formKey: '',
  period: '',
  status: '',
  unitId: '',
  overdue: false,
  area: '',
};

const ALL = 'all';

export function filtersFromParams(p: URLSearchParams): InboxFilters {
  return {
    view: p.get('view') === 'subtree' ? 'subtree' : 'inbox',
    campaignId: p.get('campaign') === ALL ? '' : (p.get('campaign') ?? ''),
    formKey: p.get('form') ?? '',
    period: p.get('period') ?? '',
    status: p.get('status') ?? '',
    unitId: p.get('unit') ?? '',
    overdue: p.get('overdue') === '1',
    area: p.get('view') === 'subtree' ? (p.get('area') ?? '') : '',
  };
}

export function filtersToParams(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view === 'subtree') p.set('view', 'subtree');
  // "All campaigns" is written out, so that an absent parameter can mean "the default campaign".
  p.set('campaign', f.campaignId || ALL);
  if (f.formKey) p.set('form', f.formKey);
  if (f.period) p.set('period', f.period);
  if (f.status) p.set('status', f.status);
  if (f.unitId) p.set('unit', f.unitId);
  if (f.overdue) p.set('overdue', '1');
  if (f.area && f.view === 'subtree') p.set('area', f.area);
  return p;
}

/**
 * Which filters can be set now. The API answers what a key condition can answer (docs/data-model.md):
 * campaign → form → period is a prefix; status and unit combine with it and with each other; overdue
 * combines with campaign and form; an area is the root of the subtree view.
 */
export interface FilterAvailability {
  formKey: boolean;
  period: boolean;
  status: boolean;
  unitId: boolean;
  overdue: boolean;
  area: boolean;
}

export function availability(f: InboxFilters): FilterAvailability {
  return {
    formKey: f.campaignId !== '',
    period: f.formKey !== '' && !f.overdue,
    status: !f.overdue,
    unitId: !f.overdue,
    overdue: f.campaignId !== '' && f.period === '' && f.status === '' && f.unitId === '',
    area: f.view === 'subtree',
  };
}

/**
 * Applies one change and clears what it makes impossible (a form needs a campaign, a period a form;
 * "overdue" stands with a campaign and a form, not with a period, a status or a unit; an area belongs
 * to the subtree view).
 */
export function change(f: InboxFilters, patch: Partial<InboxFilters>): InboxFilters {
  const next = { ...f, ...patch };
  if ('campaignId' in patch && patch.campaignId !== f.campaignId) {
    next.formKey = '';
    next.period = '';
  }
  if ('formKey' in patch && patch.formKey !== f.formKey) next.period = '';
  if (!next.campaignId) {
    next.formKey = '';
    next.period = '';
    next.overdue = false;
  }
  if (next.view !== 'subtree') next.area = '';
  if (patch.overdue) {
    next.period = '';
    next.status = '';
    next.unitId = '';
  }
  if (patch.period || patch.status || patch.unitId) next.overdue = false;
  return next;
}

/** The list query for these filters (the caller's own unit is the root of the subtree view). */
export function toListQuery(f: InboxFilters, cursor: string | undefined, pageSize: number): ListQuery {
  // A state typed into the URL by hand that is no state filters nothing.
  const status = SubmissionState.safeParse(f.status);
  return {
    scope: f.view,
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.formKey && f.campaignId ? { formKey: f.formKey } : {}),
    ...(f.period && f.formKey ? { period: f.period } : {}),
    ...(status.success ? { status: status.data } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.overdue && f.campaignId ? { overdue: true } : {}),
    ...(f.area && f.view === 'subtree' ? { root: f.area } : {}),
    limit: pageSize,
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * The inbox showing one unit's reports of a form and period (all of the area, not only those waiting):
 * where a name in the completeness list leads.
 */
export function unitReportsLink(q: {
  campaignId: string;
  formKey: string;
  period: string;
  unitId: string;
}): string {
  return `/inbox?${filtersToParams({ ...emptyFilters, view: 'subtree', ...q }).toString()}`;
}
