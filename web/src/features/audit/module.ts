import { defineFeature } from '../../app/extensions';

/** The audit trail: the secretariat (and the administrator) verify every chain and export it. */
export default defineFeature({
  appRoutes: [
    {
      path: 'audit',
      lazy: async () => ({ Component: (await import('./components/AuditPage')).AuditPage }),
    },
  ],
  navItems: [
    { to: '/audit', label: { vi: 'Nhật ký kiểm toán', en: 'Audit trail' }, workspace: 'audit', order: 90 },
  ],
});
