import { defineFeature } from '../../app/extensions';
import { messages } from './messages';

/**
 * The history a unit inherited from the units of an absorbed province (a merger, ADR 0017): what they
 * filed and were awarded, read-only, with where each item came from. Opened by whoever reads their own
 * unit's or the units below's reports (the policy's `notifications` workspace: officers, heads, reviewers,
 * the secretariat); the API decides item by item.
 */
export default defineFeature({
  appRoutes: [
    {
      path: 'history',
      lazy: async () => ({ Component: (await import('./components/HistoryPage')).HistoryPage }),
    },
    {
      path: 'history/:tenantId/:submissionId',
      lazy: async () => ({
        Component: (await import('./components/InheritedSubmissionPage')).InheritedSubmissionPage,
      }),
    },
    {
      path: 'admin/mergers',
      lazy: async () => ({ Component: (await import('./components/MergePage')).MergePage }),
    },
  ],
  navItems: [
    {
      to: '/history',
      label: { vi: messages.vi['nav.history'], en: messages.en['nav.history'] },
      workspace: 'notifications',
      order: 70,
    },
    {
      to: '/admin/mergers',
      label: { vi: messages.vi['nav.mergers'], en: messages.en['nav.mergers'] },
      workspace: 'administration',
      order: 92,
    },
  ],
});
