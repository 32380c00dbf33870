import { templateBuilderContracts as c } from '@thidua/shared/contracts';
import { checkTemplate, type FormTemplate, libraryEntries, type TemplateDraft } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import { requireAction } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { Conflict, NotFound, RuleViolation } from '../../kernel/http/errors';
import { created, ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { auditTemplatePublication } from './audit';

/**
 * The form builder's routes (issue 14): the library, a template's autosaved draft, and its publication
 * as the next version. The province secretariat's and administrator's work (policy action `design`, ADR 0027); publication runs the same
 * checks as the administrator's JSON route (`publishableTemplate`).
 */

/** The template a body publishes, checked as publication checks it; 422 with every path otherwise. */
export const publishableTemplate = (
  content: unknown,
  id: string,
  version: number,
  at: string,
): FormTemplate => {
  const checked = checkTemplate(content, { id, version });
  if (checked.ok) return checked.template;
  const details = checked.issues.map((i) => ({ path: [at, ...i.path].join('.'), message: i.message }));
  throw new RuleViolation('Biểu mẫu chưa hợp lệ', details, 'invalid_template');
};

const mayDesign = (identity: Identity): void =>
  requireAction(identity, 'design', { type: 'template', tenantId: identity.tenantId });

const staleDraft = (current: TemplateDraft | undefined): Conflict =>
  new Conflict(
    'Bản nháp vừa được lưu ở nơi khác; hãy tải lại để xem bản mới nhất',
    current,
    'draft_conflict',
  );

export const templateBuilderRoutes = (
  d: Pick<Deps, 'templateDrafts' | 'templates' | 'audit'>,
): RouteImpl[] => [
  userRoute(c.listTemplateLibrary, async ({ identity }) => {
    mayDesign(identity);
    const { versions, drafts } = await d.templateDrafts.library(identity.tenantId);
    return ok({ items: libraryEntries(versions, drafts) });
  }),

  userRoute(c.getTemplateDraft, async ({ identity, params }) => {
    mayDesign(identity);
    const draft = await d.templateDrafts.get(identity.tenantId, params.templateId);
    if (!draft) throw new NotFound('Biểu mẫu chưa có bản nháp');
    return ok(draft);
  }),

  userRoute(c.saveTemplateDraft, async ({ identity, params, body, now, remember }) => {
    mayDesign(identity);
    const draft: TemplateDraft = {
      templateId: params.templateId,
      revision: (body.expectedRevision ?? 0) + 1,
      basedOnVersion: body.basedOnVersion,
      content: body.content,
      updatedAt: now.toISOString(),
      updatedBy: identity.name,
    };
    const response = ok(draft);
    const outcome = await d.templateDrafts.save(
      identity.tenantId,
      draft,
      body.expectedRevision,
      remember(response),
    );
    if (outcome.kind === 'conflict') throw staleDraft(outcome.current);
    if (outcome.kind === 'condition_failed') throw staleDraft(undefined);
    return response;
  }),

  userRoute(c.publishTemplateDraft, async ({ identity, params, body, remember }) => {
    mayDesign(identity);
    const t = identity.tenantId;
    const draft = await d.templateDrafts.get(t, params.templateId);
    if (!draft) throw new NotFound('Biểu mẫu chưa có bản nháp');
    if (draft.revision !== body.expectedRevision) throw staleDraft(draft);
    const latest = await d.templates.latest(t, params.templateId);
    const template = publishableTemplate(
      draft.content,
      params.templateId,
      (latest?.version ?? 0) + 1,
      'draft',
    );
    const response = created({ templateId: template.id, version: template.version });
    const audit = await auditTemplatePublication(d, identity, template, 'builder');
    const outcome = await d.templateDrafts.publish(t, template, draft.revision, [
      ...remember(response),
      ...audit,
    ]);
    switch (outcome.kind) {
      case 'written':
        return response;
      case 'already_exists':
        throw new Conflict(
          `Phiên bản ${template.version} của biểu mẫu vừa được công bố ở nơi khác`,
          { version: template.version },
          'already_exists',
        );
      case 'conflict':
        throw staleDraft(outcome.current);
      case 'condition_failed':
        throw staleDraft(undefined);
    }
  }),
];
