import { useQuery } from '@tanstack/react-query';
import {
  createCampaignCopy,
  getCampaign,
  getCampaignDraft,
  getLatestTemplate,
  listCampaignDrafts,
  listCampaignVersions,
  listInheritedCampaigns,
  listUnits,
  publishCampaign,
  type RequestOf,
  saveCampaignDraft,
} from '@thidua/shared/contracts';
import type { Unit } from '@thidua/shared/org';
import { useMemo } from 'react';
import { isHttpError } from '../../api/errors';
import { useApi } from '../../app/services';

/** The builder's calls to the API (its own routes, the campaigns, the tree, the templates). */
export const builderKeys = {
  drafts: ['campaign-builder', 'drafts'] as const,
  draft: (id: string) => ['campaign-builder', 'draft', id] as const,
  versions: (id: string) => ['campaign-builder', 'versions', id] as const,
  units: ['campaign-builder', 'units'] as const,
  template: (id: string) => ['campaign-builder', 'template', id] as const,
  inherited: ['campaign-builder', 'inherited'] as const,
};

/** null for an answer of 404 (no draft, no such campaign), the error otherwise. */
const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (err) {
    if (isHttpError(err) && err.status === 404) return null;
    throw err;
  }
};

export function useBuilderApi() {
  const api = useApi();
  return useMemo(() => builderApi(api), [api]);
}

function builderApi(api: ReturnType<typeof useApi>) {
  return {
    drafts: () => api.call(listCampaignDrafts, { query: { limit: 100 } }).then((r) => r.items),
    draft: (campaignId: string) => orNull(api.call(getCampaignDraft, { params: { campaignId } })),
    campaign: (campaignId: string) => orNull(api.call(getCampaign, { params: { campaignId } })),
    versions: (campaignId: string) => api.call(listCampaignVersions, { params: { campaignId } }),
    saveDraft: (campaignId: string, body: RequestOf<typeof saveCampaignDraft>['body']) =>
      api.call(saveCampaignDraft, { params: { campaignId }, body }),
    copy: (
      campaignId: string,
      body: { id: string; year: number; sourceTenantId?: string },
      idempotencyKey: string,
    ) => api.call(createCampaignCopy, { params: { campaignId }, body, idempotencyKey }),
    /** Campaigns of the provinces merged into this one (sources of a copy). */
    inherited: () => api.call(listInheritedCampaigns, {}).then((r) => r.items),
    publish: (campaignId: string, body: RequestOf<typeof publishCampaign>['body'], idempotencyKey: string) =>
      api.call(publishCampaign, { params: { campaignId }, body, idempotencyKey }),
    /** The latest published version of a template (null: none). */
    latestTemplate: (templateId: string) => orNull(api.call(getLatestTemplate, { params: { templateId } })),
    /** Every unit of the tree, every page. */
    async units(): Promise<Unit[]> {
      const out: Unit[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.call(listUnits, { query: { limit: 100, ...(cursor ? { cursor } : {}) } });
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
  };
}

export function useTree() {
  const b = useBuilderApi();
  return useQuery({ queryKey: builderKeys.units, queryFn: () => b.units(), staleTime: 5 * 60_000 });
}

export function useInheritedCampaigns() {
  const b = useBuilderApi();
  return useQuery({ queryKey: builderKeys.inherited, queryFn: () => b.inherited(), staleTime: 5 * 60_000 });
}

export function useDrafts() {
  const b = useBuilderApi();
  return useQuery({ queryKey: builderKeys.drafts, queryFn: () => b.drafts() });
}

export function useVersions(campaignId: string) {
  const b = useBuilderApi();
  return useQuery({ queryKey: builderKeys.versions(campaignId), queryFn: () => b.versions(campaignId) });
}

/** Published versions of a template: 1..latest (versions never disappear). */
export function useTemplateVersions(templateId: string) {
  const b = useBuilderApi();
  return useQuery({
    queryKey: builderKeys.template(templateId),
    queryFn: async () => {
      const t = await b.latestTemplate(templateId);
      return t ? { title: t.title, versions: Array.from({ length: t.version }, (_, i) => i + 1) } : null;
    },
    enabled: /^[A-Za-z0-9_-]+$/.test(templateId),
    staleTime: 60_000,
  });
}
