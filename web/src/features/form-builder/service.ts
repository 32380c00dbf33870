import {
  getLatestTemplate,
  getTemplateDraft,
  listTemplateLibrary,
  publishTemplateDraft,
  type RequestOf,
  saveTemplateDraft,
} from '@thidua/shared/contracts';
import type { ApiClient } from '../../api/client';

/** The form builder's API: typed calls of the routes' contracts (answers parsed with their schemas). */
export const builderService = (api: ApiClient) => ({
  library: () => api.call(listTemplateLibrary).then((r) => r.items),
  draft: (templateId: string) => api.call(getTemplateDraft, { params: { templateId } }),
  latest: (templateId: string) => api.call(getLatestTemplate, { params: { templateId } }),
  saveDraft: (
    templateId: string,
    body: RequestOf<typeof saveTemplateDraft>['body'],
    idempotencyKey: string,
  ) => api.call(saveTemplateDraft, { params: { templateId }, body, idempotencyKey }),
  publish: (templateId: string, expectedRevision: number, idempotencyKey: string) =>
    api.call(publishTemplateDraft, { params: { templateId }, body: { expectedRevision }, idempotencyKey }),
});

export type BuilderService = ReturnType<typeof builderService>;

export const builderKeys = {
  library: ['template-library'] as const,
  draft: (templateId: string) => ['template-draft', templateId] as const,
};
