import { defineFeature } from '../../app/extensions';

/**
 * The campaign builder (issue 14): the province secretariat and admin set up, copy, version and publish
 * campaigns. Stable URLs: `/campaign-builder`, `/campaign-builder/:campaignId` (the editor; `?year=` for a
 * new one), `/campaign-builder/:campaignId/versions`.
 */
export default defineFeature({
  appRoutes: [
    {
      path: 'campaign-builder',
      lazy: async () => ({ Component: (await import('./components/BuilderListPage')).BuilderListPage }),
    },
    {
      path: 'campaign-builder/:campaignId',
      lazy: async () => ({ Component: (await import('./components/BuilderPage')).BuilderPage }),
    },
    {
      path: 'campaign-builder/:campaignId/versions',
      lazy: async () => ({ Component: (await import('./components/VersionsPage')).VersionsPage }),
    },
  ],
  navItems: [
    {
      to: '/campaign-builder',
      label: { vi: 'Thiết lập phong trào', en: 'Campaign setup' },
      workspace: 'campaign_setup',
      order: 45,
    },
  ],
});
