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
    { to: '/inbox', label: 'nav.inbox', workspace: 'inbox', order: 20 },
    { to: '/completeness', label: 'nav.completeness', workspace: 'completeness', order: 30 },
  ],
  homeFor: [{ workspace: 'inbox', path: '/inbox', priority: 20 }],
});
