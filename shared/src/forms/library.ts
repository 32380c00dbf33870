import * as z from 'zod';
import { vi } from 'zod/locales';
import { Id } from '../common';
import { FORM_LIMITS } from './limits';
import { checkPublishable, FormKind, FormTemplate, TemplateWorkflow } from './schema';

/**
 * What the form builder (issue 14) keeps between publications: a template's draft, autosaved while the
 * secretariat edits. A draft may be unfinished (a field without a label yet), so its sections and rules
 * are only bounded here; the full template schema and the publication checks run when it is published.
 */
export const TemplateDraftContent = z.object({
  kind: FormKind,
  title: z.string().max(FORM_LIMITS.labelMaxLength),
  description: z.string().max(FORM_LIMITS.helpMaxLength).default(''),
  sections: z.array(z.unknown()).max(FORM_LIMITS.sectionsMaxPerTemplate),
  rules: z.array(z.unknown()).max(50).default([]),
  workflow: TemplateWorkflow.optional(),
  sensitiveReaders: FormTemplate.shape.sensitiveReaders,
  classified: FormTemplate.shape.classified,
});
export type TemplateDraftContent = z.infer<typeof TemplateDraftContent>;

/** A template's one draft; `revision` grows by one per save (two tabs cannot overwrite each other). */
export const TemplateDraft = z
  .object({
    templateId: Id,
    revision: z.number().int().min(1),
    /** The published version the draft started from; null for a template never published. */
    basedOnVersion: z.number().int().min(1).nullable(),
    content: TemplateDraftContent,
    updatedAt: z.iso.datetime(),
    updatedBy: z.string().max(200),
  })
  .meta({ id: 'TemplateDraft' });
export type TemplateDraft = z.infer<typeof TemplateDraft>;

/** One template of the library: its published versions and its draft, if any. */
export const TemplateLibraryEntry = z
  .object({
    id: Id,
    title: z.string(),
    kind: FormKind,
    versions: z.array(z.object({ version: z.number().int().min(1), title: z.string() })),
    draft: z
      .object({
        revision: z.number().int().min(1),
        title: z.string(),
        updatedAt: z.iso.datetime(),
        updatedBy: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'TemplateLibraryEntry' });
export type TemplateLibraryEntry = z.infer<typeof TemplateLibraryEntry>;

/**
 * The library: every template of the tenant (the five 2023 forms are seeded), newest draft or version
 * title first. Built from the published versions and the drafts.
 */
export function libraryEntries(
  versions: readonly FormTemplate[],
  drafts: readonly TemplateDraft[],
): TemplateLibraryEntry[] {
  const byId = new Map<string, TemplateLibraryEntry>();
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    const entry = byId.get(v.id) ?? { id: v.id, title: v.title, kind: v.kind, versions: [], draft: null };
    entry.versions.push({ version: v.version, title: v.title });
    entry.title = v.title;
    entry.kind = v.kind;
    byId.set(v.id, entry);
  }
  for (const d of drafts) {
    const entry = byId.get(d.templateId) ?? {
      id: d.templateId,
      title: d.content.title,
      kind: d.content.kind,
      versions: [],
      draft: null,
    };
    entry.draft = {
      revision: d.revision,
      title: d.content.title,
      updatedAt: d.updatedAt,
      updatedBy: d.updatedBy,
    };
    byId.set(d.templateId, entry);
  }
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi'));
}

/** The draft a published version starts from (editing a published form, or copying it as a start point). */
export const draftContentOf = (t: FormTemplate): TemplateDraftContent => ({
  kind: t.kind,
  title: t.title,
  description: t.description,
  sections: t.sections,
  rules: t.rules,
  workflow: t.workflow,
  ...(t.sensitiveReaders ? { sensitiveReaders: t.sensitiveReaders } : {}),
  ...(t.classified !== undefined ? { classified: t.classified } : {}),
});

export interface TemplateIssue {
  path: (string | number)[];
  message: string;
}

export type TemplateCheck = { ok: true; template: FormTemplate } | { ok: false; issues: TemplateIssue[] };

/**
 * THE publication check, the same in the builder (live), in a JSON import and in the Lambda that
 * publishes: the template schema (messages in Vietnamese whatever the caller's zod locale) and the
 * rules only publication adds (`checkPublishable`: no reserved keys).
 */
export function checkTemplate(content: unknown, identity: { id: string; version: number }): TemplateCheck {
  const input = typeof content === 'object' && content !== null ? { ...content, ...identity } : content;
  const parsed = FormTemplate.safeParse(input, { error: vi().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: i.message,
      })),
    };
  }
  const reserved = checkPublishable(parsed.data);
  return reserved.length > 0 ? { ok: false, issues: reserved } : { ok: true, template: parsed.data };
}

const PART_NAMES: Record<string, string> = {
  sections: 'Phần',
  fields: 'Trường',
  columns: 'Cột',
  options: 'Lựa chọn',
  rules: 'Quy tắc',
  sum: 'Số hạng',
};
const ATTRIBUTE_NAMES: Record<string, string> = {
  key: 'khóa',
  label: 'nhãn',
  title: 'tiêu đề',
  help: 'hướng dẫn',
  description: 'mô tả',
  formula: 'công thức',
  message: 'thông báo',
  type: 'loại',
  kind: 'loại biểu mẫu',
  min: 'giá trị nhỏ nhất',
  max: 'giá trị lớn nhất',
  minLength: 'độ dài tối thiểu',
  maxLength: 'độ dài tối đa',
  pattern: 'mẫu',
  regex: 'biểu thức',
  value: 'giá trị',
  visibleWhen: 'điều kiện hiển thị',
  maxPoints: 'điểm tối đa',
  minRows: 'số dòng tối thiểu',
  maxRows: 'số dòng tối đa',
};

/**
 * A template path as the secretariat reads it: `sections.1.fields.2.label` → "Phần 2 › Trường 3 › nhãn"
 * (1-based, Vietnamese), with the raw path kept for whoever edits the JSON.
 */
export function templatePathText(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    const next = path[i + 1];
    if (typeof p === 'string' && PART_NAMES[p] !== undefined && typeof next === 'number') {
      parts.push(`${PART_NAMES[p]} ${next + 1}`);
      i++;
    } else if (typeof p === 'string') parts.push(ATTRIBUTE_NAMES[p] ?? p);
    else if (typeof p === 'number') parts.push(String(p + 1));
  }
  const raw = path.join('.');
  return parts.length === 0 ? 'Biểu mẫu' : `${parts.join(' › ')} (${raw})`;
}
