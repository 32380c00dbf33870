import { useQuery } from '@tanstack/react-query';
import { useSubmissionsApi } from '../submissions/queries';
import type { SubmissionSummary } from '../submissions/service';

/**
 * Every submission of a campaign under a root unit (all pages of the subtree list), optionally for one
 * form and period: a province holds a few hundred per form, read 100 at a time.
 */
export function useCampaignSubmissions(
  root: string | undefined,
  campaignId: string,
  formKey: string,
  period: string,
) {
  const s = useSubmissionsApi();
  return useQuery({
    queryKey: ['submissions', 'list', 'campaign-all', root, campaignId, formKey, period],
    queryFn: async ({ signal }) => {
      const out: SubmissionSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.list(
          {
            scope: 'subtree',
            ...(root ? { root } : {}),
            campaignId,
            ...(formKey ? { formKey } : {}),
            ...(formKey && period ? { period } : {}),
            limit: 100,
            ...(cursor ? { cursor } : {}),
          },
          signal,
        );
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
    enabled: Boolean(root && campaignId),
  });
}
