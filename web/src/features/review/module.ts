import { defineFeature } from '../../app/extensions';

/** Reviewers (district, province) and the secretariat: the inbox and who has filed. */
export default defineFeature({
  appRoutes: [
    { path: 'inbox', lazy: async () => ({ Component: (await import('./components/InboxPage')).InboxPage }) },
    {
      path: 'completeness',
      lazy: async () => ({ Component: (await import('./components/CompletenessPage')).CompletenessPage }),
    },
  ],
  navItems: [
    { to: '/inbox', label: 'nav.inbox', roles: ['reviewer', 'secretariat', 'unit_head'], order: 20 },
    { to: '/completeness', label: 'nav.completeness', roles: ['reviewer', 'secretariat'], order: 30 },
  ],
  homeFor: [{ roles: ['reviewer'], path: '/inbox', priority: 20 }],
});
