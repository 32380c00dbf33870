import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { isMultiplePerPeriod } from '@thidua/shared/forms';
import { useMemo } from 'react';
import { useApi } from '../../app/services';
import { type ListQuery, submissionsApi } from './service';

export const submissionKeys = {
  template: (id: string, version: number) => ['templates', id, version] as const,
  all: ['submissions'] as const,
  lists: ['submissions', 'list'] as const,
  list: (q: ListQuery) => ['submissions', 'list', q] as const,
  detail: (id: string) => ['submissions', 'detail', id] as const,
  history: (id: string) => ['submissions', 'history', id] as const,
  comments: (id: string) => ['submissions', 'comments', id] as const,
  attachments: (id: string) => ['submissions', 'attachments', id] as const,
  diff: (id: string, since: number) => ['submissions', 'diff', id, since] as const,
};

export function useSubmissionsApi() {
  const api = useApi();
  return useMemo(() => submissionsApi(api), [api]);
}

/** A template version never changes once published: cached for the session. */
export function useTemplate(id: string | undefined, version: number | undefined) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: submissionKeys.template(id ?? '', version ?? 0),
    queryFn: () => s.template(id ?? '', version ?? 0),
    enabled: Boolean(id) && Boolean(version),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSubmission(id: string | undefined) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: submissionKeys.detail(id ?? ''),
    queryFn: () => s.get(id ?? ''),
    enabled: Boolean(id),
    // An officer's open draft must not be swapped under their fingers by a background refetch.
    refetchOnWindowFocus: false,
  });
}

export function useHistory(id: string | undefined) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: submissionKeys.history(id ?? ''),
    queryFn: () => s.history(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useDiff(id: string | undefined, since: number | null) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: submissionKeys.diff(id ?? '', since ?? 0),
    queryFn: () => s.diff(id ?? '', since ?? 0),
    enabled: Boolean(id) && since !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One page of a list; the previous page stays on screen while the next loads. */
export function useSubmissionList(q: ListQuery | null) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: submissionKeys.list(q ?? { scope: 'mine' }),
    queryFn: ({ signal }) => s.list(q ?? { scope: 'mine' }, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

type CampaignForms =
  | { forms: readonly { formKey: string; templateId: string; templateVersion: number }[] }
  | undefined;

/** The templates of a campaign's forms, by form key (undefined until loaded). */
function useCampaignTemplates(campaign: CampaignForms) {
  const s = useSubmissionsApi();
  const forms = campaign?.forms ?? [];
  const results = useQueries({
    queries: forms.map((a) => ({
      queryKey: submissionKeys.template(a.templateId, a.templateVersion),
      queryFn: () => s.template(a.templateId, a.templateVersion),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  return (formKey: string) => results[forms.findIndex((a) => a.formKey === formKey)]?.data;
}

/** Titles of a campaign's forms, by form key (from their templates; the key until loaded). */
export function useFormTitles(campaign: CampaignForms) {
  const templateOf = useCampaignTemplates(campaign);
  return (formKey: string): string => templateOf(formKey)?.title ?? formKey;
}

/** Whether a unit may file a campaign's form several times per period (nominations), by form key. */
export function useMultiplePerPeriod(campaign: CampaignForms) {
  const templateOf = useCampaignTemplates(campaign);
  return (formKey: string): boolean => {
    const t = templateOf(formKey);
    return t !== undefined && isMultiplePerPeriod(t.kind);
  };
}

/** Every unit of a subtree (all pages), for filters and pickers. */
export function useSubtreeUnits(root: string | undefined) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: ['units', 'subtree', root ?? ''],
    queryFn: async () => {
      const out = [];
      let cursor: string | undefined;
      do {
        const page = await s.units(root, cursor);
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
    enabled: Boolean(root),
    staleTime: 10 * 60_000,
  });
}

/**
 * The scan state of each attachment of a submission, by id: what the file list shows beside each file
 * ("Chưa quét virus" where the deployment has no scanner).
 */
export function useScanStates(submissionId: string) {
  const s = useSubmissionsApi();
  const q = useQuery({
    queryKey: submissionKeys.attachments(submissionId),
    queryFn: () => s.attachments(submissionId),
    staleTime: 30_000,
  });
  return useMemo(
    () => new Map((q.data ?? []).flatMap((a) => (a.scanState ? [[a.id, a.scanState] as const] : []))),
    [q.data],
  );
}

/** Reviewers' comments on the fields of a submission, with the unit's answers. */
export function useComments(id: string) {
  const s = useSubmissionsApi();
  return useQuery({ queryKey: submissionKeys.comments(id), queryFn: () => s.comments(id) });
}
