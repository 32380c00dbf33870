import { defineFeature } from '../../app/extensions';

/**
 * The form builder (issue 14): the template library and the visual builder, the province secretariat's
 * and administrator's work (workspace `form_builder`, ADR 0027). Both pages are lazy chunks: the builder's code never loads for anyone else.
 */
export default defineFeature({
  appRoutes: [
    {
      path: 'form-builder',
      lazy: async () => ({ Component: (await import('./components/LibraryPage')).LibraryPage }),
    },
    {
      path: 'form-builder/:templateId',
      lazy: async () => ({ Component: (await import('./components/BuilderPage')).BuilderPage }),
    },
  ],
  navItems: [
    {
      to: '/form-builder',
      label: { vi: 'Thiết kế biểu mẫu', en: 'Form builder' },
      workspace: 'form_builder',
      order: 45,
    },
  ],
});
