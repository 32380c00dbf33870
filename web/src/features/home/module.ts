import { defineFeature } from '../../app/extensions';

/** The unit officer's home: what the unit must file, what is due, overdue or returned. */
export default defineFeature({
  appRoutes: [
    { path: 'home', lazy: async () => ({ Component: (await import('./components/HomePage')).HomePage }) },
  ],
  navItems: [{ to: '/home', label: 'nav.home', roles: ['submitter', 'unit_head'], order: 10 }],
  homeFor: [{ roles: ['submitter', 'unit_head'], path: '/home', priority: 10 }],
});
