import { defineFeature } from '../../app/extensions';

/** The province administrator's unit tree: the organisation as of a date and its dated changes. */
export default defineFeature({
  appRoutes: [
    {
      path: 'admin/units',
      lazy: async () => ({ Component: (await import('./components/UnitsPage')).UnitsPage }),
    },
  ],
  navItems: [
    { to: '/admin/units', label: { vi: 'Đơn vị', en: 'Units' }, workspace: 'administration', order: 90 },
  ],
});
