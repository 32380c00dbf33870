import type { FormTemplate } from '@thidua/shared/forms';
import type { Identity } from '@thidua/shared/org';
import type { TxItem } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';

/**
 * THE call site where a template change becomes an audit event (the audit chain's `d.audit.record`):
 * the publication of a version, by the builder or by the JSON route, appended in the publication's own
 * transaction. Drafts are work in progress and are not audited; what units fill is the published version.
 */
export const auditTemplatePublication = (
  d: Pick<Deps, 'audit'>,
  identity: Identity,
  template: FormTemplate,
  via: 'builder' | 'json' = 'json',
): Promise<TxItem[]> =>
  d.audit.record(identity, {
    kind: 'template',
    subject: { ...template, tenantId: identity.tenantId },
    action: template.version === 1 ? 'created' : 'published',
    summary: `Công bố biểu mẫu ${template.title}, phiên bản ${template.version}${via === 'builder' ? ' (trình thiết kế biểu mẫu)' : ''}`,
  });
