import { defineFeature } from '../../app/extensions';

/**
 * Notifications (issue 16): the bell's list and the e-mail preferences inside the signed-in shell (the
 * bell itself sits in the shell's header, layout/AppShell.tsx), reached by everyone signed in.
 */
export default defineFeature({
  // An e-mail's unsubscribe link: no sign-in (the link's signed token says who).
  publicRoutes: [
    {
      path: '/public/notifications/preferences',
      lazy: async () => ({ Component: (await import('./components/UnsubscribePage')).UnsubscribePage }),
    },
  ],
  appRoutes: [
    {
      path: 'notifications',
      lazy: async () => ({ Component: (await import('./components/NotificationsPage')).NotificationsPage }),
    },
    {
      path: 'notifications/preferences',
      lazy: async () => ({ Component: (await import('./components/PreferencesPage')).PreferencesPage }),
    },
  ],
});
