import { useQuery } from '@tanstack/react-query';
import {
  getCampaign,
  getMe,
  getTenantContact,
  listCampaigns,
  type ResponseOf,
} from '@thidua/shared/contracts';
import { useApi } from '../../app/services';

/**
 * What every feature reads: the signed-in user (unit, roles, workspaces) and the campaigns. One home so
 * that submissions, review, home and commendations share one cache entry each instead of importing each
 * other's modules.
 */
export type Me = ResponseOf<typeof getMe>;

export const coreKeys = {
  me: ['me'] as const,
  campaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaigns', id] as const,
  contact: ['tenant', 'contact'] as const,
};

/** The caller, their unit and roles: fetched once per session. */
export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: coreKeys.me,
    queryFn: () => api.call(getMe),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCampaigns() {
  const api = useApi();
  return useQuery({
    queryKey: coreKeys.campaigns,
    queryFn: () => api.call(listCampaigns, { query: { limit: 100 } }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useCampaign(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: coreKeys.campaign(id ?? ''),
    queryFn: () => api.call(getCampaign, { params: { campaignId: id ?? '' } }),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/** The province secretariat's contact (help pages, and the administrator's screen that keeps it). */
export function useTenantContact() {
  const api = useApi();
  return useQuery({
    queryKey: coreKeys.contact,
    queryFn: () => api.call(getTenantContact).then((r) => r.contact),
    staleTime: 10 * 60_000,
  });
}
