import { defineFeature } from '../../app/extensions';

/** The secretariat's view of campaigns: everything filed, a summary chart, the Excel export. */
export default defineFeature({
  appRoutes: [
    {
      path: 'campaigns',
      lazy: async () => ({ Component: (await import('./components/CampaignsPage')).CampaignsPage }),
    },
    {
      path: 'campaigns/:campaignId',
      lazy: async () => ({ Component: (await import('./components/CampaignPage')).CampaignPage }),
    },
  ],
  navItems: [{ to: '/campaigns', label: 'nav.campaigns', workspace: 'campaign_reports', order: 40 }],
  homeFor: [{ workspace: 'campaign_export', path: '/campaigns', priority: 15 }],
});
