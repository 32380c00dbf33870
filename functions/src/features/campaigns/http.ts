import { campaignContracts as c } from '@thidua/shared/contracts';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';

/** Campaigns and form templates: read by everyone of the tenant, written through `admin`. */
export const campaignRoutes = (d: Pick<Deps, 'campaigns' | 'templates'>): RouteImpl[] => [
  userRoute(c.listCampaigns, async ({ identity, query }) =>
    ok(await d.campaigns.list(identity.tenantId, query)),
  ),

  userRoute(c.getCampaign, async ({ identity, params }) => {
    const campaign = await d.campaigns.get(identity.tenantId, params.campaignId);
    if (!campaign) throw new NotFound('Không tìm thấy phong trào');
    return ok(campaign);
  }),

  userRoute(c.getLatestTemplate, async ({ identity, params }) => {
    const template = await d.templates.latest(identity.tenantId, params.templateId);
    if (!template) throw new NotFound('Không tìm thấy biểu mẫu');
    return ok(template);
  }),

  userRoute(c.getTemplateVersion, async ({ identity, params }) => {
    const template = await d.templates.get(identity.tenantId, params.templateId, params.version);
    if (!template) throw new NotFound('Không tìm thấy phiên bản biểu mẫu');
    return ok(template);
  }),
];
