import { defineFeature } from '../../app/extensions';

/** The unit officer's home: what the unit must file, what is due, overdue or returned. */
export default defineFeature({
  appRoutes: [
    { path: 'home', lazy: async () => ({ Component: (await import('./components/HomePage')).HomePage }) },
  ],
  navItems: [{ to: '/home', label: 'nav.home', workspace: 'unit_work', order: 10 }],
  homeFor: [{ workspace: 'unit_work', path: '/home', priority: 10 }],
});
