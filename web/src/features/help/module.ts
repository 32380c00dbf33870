import { defineFeature } from '../../app/extensions';

/** Help for every signed-in person: reached from the header's "Trợ giúp" link on every page, not the menu. */
export default defineFeature({
  appRoutes: [
    { path: 'help', lazy: async () => ({ Component: (await import('./components/HelpPage')).HelpPage }) },
  ],
});
