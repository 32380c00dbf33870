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
      path: 'commendations/certificates',
      lazy: async () => ({ Component: (await import('./components/CertificatesPage')).CertificatesPage }),
    },
    {
      path: 'commendations/import',
      lazy: async () => ({ Component: (await import('./components/NomineeImportPage')).NomineeImportPage }),
    },
    {
      path: 'commendations/api-keys',
      lazy: async () => ({ Component: (await import('./components/ApiKeysPage')).ApiKeysPage }),
    },
    {
      path: 'commendations/head-decisions',
      lazy: async () => ({ Component: (await import('./components/HeadDecisionPage')).HeadDecisionPage }),
    },
    {
      path: 'commendations/notifications',
      lazy: async () => ({ Component: (await import('./components/NotificationsPage')).NotificationsPage }),
    },
  ],
  navItems: [
    {
      to: '/commendations/consolidate',
      label: pair('nav.consolidate'),
      workspace: 'consolidation',
      order: 40,
    },
    {
      to: '/commendations/batches',
      label: pair('nav.batches'),
      workspace: 'batch_review',
      order: 41,
    },
    { to: '/commendations/disclosures', label: pair('nav.disclosures'), workspace: 'disclosures', order: 42 },
    { to: '/commendations/council', label: pair('nav.council'), workspace: 'council', order: 43 },
    { to: '/commendations/vote', label: pair('nav.vote'), workspace: 'ballot', order: 44 },
    { to: '/commendations/sign', label: pair('nav.sign'), workspace: 'signature', order: 45 },
    {
      to: '/commendations/certificates',
      label: pair('nav.certificates'),
      workspace: 'signature',
      order: 45.5,
    },
    // A commune's, ward's or department's head decides the unit's own awards here (issue 17, point 6).
    {
      to: '/commendations/head-decisions',
      label: pair('nav.headDecisions'),
      workspace: 'head_decisions',
      order: 45.2,
    },
    // The province secretariat imports a unit's nominee list for it (ADR 0033); a unit's own filers reach
    // the same page from their commendation notices (their menus are pinned by the navigation test).
    {
      to: '/commendations/import',
      label: pair('nav.import'),
      workspace: 'nominee_import_for_units',
      order: 42.5,
    },
    { to: '/commendations/api-keys', label: pair('nav.apiKeys'), workspace: 'administration', order: 90 },
    {
      to: '/commendations/notifications',
      label: pair('nav.notifications'),
      workspace: 'notifications',
      order: 46,
    },
  ],
  homeFor: [
    { workspace: 'ballot', path: '/commendations/vote', priority: 12 },
    { workspace: 'signature', path: '/commendations/sign', priority: 12 },
  ],
});

function pair(key: keyof (typeof messages)['vi']): { vi: string; en: string } {
  return { vi: messages.vi[key], en: messages.en[key] };
}
