import { defineFeature } from '../../app/extensions';
import { messages } from './messages';

/**
 * The province administrator's screens: the landing page, users and roles, the Excel import, office
 * holders and the secretariat's contact. The unit tree (/admin/units) belongs to the dated organisation's own feature; the landing page
 * links to it.
 */
export default defineFeature({
  appRoutes: [
    { path: 'admin', lazy: async () => ({ Component: (await import('./components/AdminHome')).AdminHome }) },
    {
      path: 'admin/users',
      lazy: async () => ({ Component: (await import('./components/UsersPage')).UsersPage }),
    },
    {
      path: 'admin/import',
      lazy: async () => ({ Component: (await import('./components/ImportPage')).ImportPage }),
    },
    {
      path: 'admin/notifications',
      lazy: async () => ({ Component: (await import('./components/DeadLettersPage')).DeadLettersPage }),
    },
    {
      path: 'admin/contact',
      lazy: async () => ({ Component: (await import('./components/ContactPage')).ContactPage }),
    },
    {
      path: 'admin/office-holders',
      lazy: async () => ({ Component: (await import('./components/OfficeHoldersPage')).OfficeHoldersPage }),
    },
  ],
  navItems: [
    {
      to: '/admin',
      label: { vi: messages.vi['nav.admin'], en: messages.en['nav.admin'] },
      workspace: 'administration',
      order: 90,
    },
  ],
  // The administrator's main work is the administration, ahead of the campaign pages they may also open.
  homeFor: [{ workspace: 'administration', path: '/admin', priority: 5 }],
});
