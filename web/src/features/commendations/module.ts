import { defineFeature } from '../../app/extensions';
import { messages } from './messages';

/**
 * Commendations: district consolidation, the province's review of batches, public disclosure, the
 * council's secret ballot and the chair's signature. Each page is its own chunk.
 */
export default defineFeature({
  appRoutes: [
    {
      path: 'commendations/consolidate',
      lazy: async () => ({ Component: (await import('./components/ConsolidatePage')).ConsolidatePage }),
    },
    {
      path: 'commendations/batches',
      lazy: async () => ({ Component: (await import('./components/BatchReviewPage')).BatchReviewPage }),
    },
    {
      path: 'commendations/disclosures',
      lazy: async () => ({ Component: (await import('./components/DisclosuresPage')).DisclosuresPage }),
    },
    {
      path: 'commendations/council',
      lazy: async () => ({ Component: (await import('./components/CouncilPage')).CouncilPage }),
    },
    {
      path: 'commendations/vote',
      lazy: async () => ({ Component: (await import('./components/VotePage')).VotePage }),
    },
    {
      path: 'commendations/sign',
      lazy: async () => ({ Component: (await import('./components/SignPage')).SignPage }),
    },
    {
      path: 'commendations/notifications',
      lazy: async () => ({ Component: (await import('./components/NotificationsPage')).NotificationsPage }),
    },
  ],
  navItems: [
    { to: '/commendations/consolidate', label: pair('nav.consolidate'), roles: ['reviewer'], order: 40 },
    {
      to: '/commendations/batches',
      label: pair('nav.batches'),
      roles: ['reviewer', 'secretariat'],
      order: 41,
    },
    { to: '/commendations/disclosures', label: pair('nav.disclosures'), roles: ['secretariat'], order: 42 },
    { to: '/commendations/council', label: pair('nav.council'), roles: ['secretariat'], order: 43 },
    { to: '/commendations/vote', label: pair('nav.vote'), roles: ['council_member'], order: 44 },
    { to: '/commendations/sign', label: pair('nav.sign'), roles: ['chair'], order: 45 },
    {
      to: '/commendations/notifications',
      label: pair('nav.notifications'),
      roles: ['submitter', 'unit_head', 'reviewer'],
      order: 46,
    },
  ],
  homeFor: [
    { roles: ['council_member'], path: '/commendations/vote', priority: 30 },
    { roles: ['chair'], path: '/commendations/sign', priority: 30 },
  ],
});

function pair(key: keyof (typeof messages)['vi']): { vi: string; en: string } {
  return { vi: messages.vi[key], en: messages.en[key] };
}
