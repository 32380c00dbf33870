import { defineFeature } from '../../app/extensions';

/** One submission (fill, read, act, history) for authors and reviewers alike. */
export default defineFeature({
  appRoutes: [
    {
      path: 'submissions/:submissionId',
      lazy: async () => ({ Component: (await import('./components/SubmissionPage')).SubmissionPage }),
    },
  ],
});
