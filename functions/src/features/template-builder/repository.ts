import type { FormTemplate, TemplateDraft } from '@thidua/shared/forms';
import { absent, equals } from '../../kernel/data/conditions';
import type { TableRef } from '../../kernel/data/entity';
import { parseItem } from '../../kernel/data/items';
import { templateDraftEntity, templateVersionEntity } from '../../kernel/data/keys';
import {
  type AlreadyExists,
  type ConditionFailed,
  type Conflict,
  type Written,
  written,
} from '../../kernel/data/outcomes';
import { TransactionRefused, type TxItem, transactWrite } from '../../kernel/data/transact';
import { defineDep } from '../../kernel/deps';

/**
 * The form builder's store (issue 14): a template's one draft with optimistic locking on `revision`,
 * the library (every version and draft of the tenant), and publication — the next version and the
 * draft's removal in one transaction, so a published draft can neither linger nor be published twice.
 */
export interface TemplateDraftRepository {
  get(tenantId: string, templateId: string): Promise<TemplateDraft | undefined>;
  library(tenantId: string): Promise<{ versions: FormTemplate[]; drafts: TemplateDraft[] }>;
  /** Writes `draft` (its revision = expected + 1) if the stored one is still `expectedRevision` (null: none). */
  save(
    tenantId: string,
    draft: TemplateDraft,
    expectedRevision: number | null,
    extra?: readonly TxItem[],
  ): Promise<DraftOutcome>;
  /** The new version and the removal of the draft at `revision`; either both or neither. */
  publish(
    tenantId: string,
    template: FormTemplate,
    revision: number,
    extra?: readonly TxItem[],
  ): Promise<PublishOutcome>;
}

/** Another revision is stored (another tab or person saved first): `current` is it. */
export type DraftOutcome = Written | Conflict<TemplateDraft> | ConditionFailed;
/** `already_exists`: that version number was taken meanwhile (two publications at once). */
export type PublishOutcome = Written | AlreadyExists | Conflict<TemplateDraft> | ConditionFailed;

const draftOf = (raw: Record<string, unknown> | undefined): TemplateDraft | undefined =>
  raw === undefined ? undefined : parseItem(templateDraftEntity.schema, raw);

export const createTemplateDraftRepository = (ref: TableRef): TemplateDraftRepository => {
  const drafts = templateDraftEntity.on(ref);
  const versions = templateVersionEntity.on(ref);
  return {
    get: (tenantId, templateId) => drafts.get({ tenantId, templateId }, { consistent: true }),

    async library(tenantId) {
      // Bounded: a province keeps tens of templates, a few versions each.
      const [v, d] = await Promise.all([
        versions.all('library', { tenantId }),
        drafts.all('library', { tenantId }),
      ]);
      return { versions: v, drafts: d };
    },

    async save(tenantId, draft, expectedRevision, extra = []) {
      const condition = expectedRevision === null ? absent() : equals('revision', expectedRevision);
      try {
        await transactWrite(ref.client, [
          templateDraftEntity.put(ref.table, { tenantId, ...draft }, condition),
          ...extra,
        ]);
        return written;
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        const mine = err.reasonAt(0);
        if (mine?.code === 'ConditionalCheckFailed') return { kind: 'conflict', current: draftOf(mine.item) };
        return {
          kind: 'condition_failed',
          reason: err.conflicted ? 'concurrent transaction' : 'idempotency',
        };
      }
    },

    async publish(tenantId, template, revision, extra = []) {
      try {
        await transactWrite(ref.client, [
          templateVersionEntity.put(ref.table, { tenantId, ...template }, absent()),
          templateDraftEntity.delete(
            ref.table,
            { tenantId, templateId: template.id },
            equals('revision', revision),
          ),
          ...extra,
        ]);
        return written;
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        if (err.reasonAt(0)?.code === 'ConditionalCheckFailed')
          return { kind: 'already_exists', current: undefined };
        const draft = err.reasonAt(1);
        if (draft?.code === 'ConditionalCheckFailed')
          return { kind: 'conflict', current: draftOf(draft.item) };
        return {
          kind: 'condition_failed',
          reason: err.conflicted ? 'concurrent transaction' : 'idempotency',
        };
      }
    },
  };
};

/** `templateDrafts` of a route group's container (kernel/deps.ts). */
export const templateDraftsDep = defineDep('templateDrafts', (c) => createTemplateDraftRepository(c.ref));
