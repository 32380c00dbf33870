import { defineFeature } from '../../app/extensions';

/**
 * Public pages (no sign-in): the lists under public disclosure, with a comment form, and the published
 * decisions with their DOCX. They show names, titles, units and awards only.
 */
export default defineFeature({
  publicRoutes: [
    {
      path: '/public/:tenantId/disclosures',
      lazy: async () => ({
        Component: (await import('./components/PublicDisclosuresPage')).PublicDisclosuresPage,
      }),
    },
    {
      path: '/public/:tenantId/decisions',
      lazy: async () => ({
        Component: (await import('./components/PublicDecisionsPage')).PublicDecisionsPage,
      }),
    },
  ],
});
