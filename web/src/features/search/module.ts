import { defineFeature } from '../../app/extensions';

/** The search box's results (the box itself is in the shell header, on every page). */
export default defineFeature({
  appRoutes: [
    {
      path: 'search',
      lazy: async () => ({ Component: (await import('./components/SearchPage')).SearchPage }),
    },
  ],
});
