import {
  type ColumnField,
  type ComputedSource,
  type Condition,
  checkTemplate,
  type FieldType,
  type FormKind,
  type FormTemplate,
  fieldTypes,
  formKinds,
  type TemplateDraftContent,
  type TemplateIssue,
  TemplateWorkflow,
  templatePathText,
} from '@thidua/shared/forms';
import * as z from 'zod';

/**
 * The form builder's pure model (issue 14): the template being built, as data, and every edit the
 * screens make — add, change, move, remove — as functions from one state to the next. Components only
 * call these; the tests exercise them without a browser. What the builder makes is checked with the
 * same `checkTemplate` the publication route runs.
 */

/** A field as the builder holds it: the template schema's input shape (defaults may be missing). */
export type BuilderField = FormTemplate['sections'][number]['fields'][number];
export type BuilderColumn = ColumnField;
export interface BuilderSection {
  key: string;
  title: string;
  description?: string | undefined;
  visibleWhen?: Condition | undefined;
  /** Every field of the section is sensitive (redacted for readers the template does not name). */
  sensitive?: boolean | undefined;
  fields: BuilderField[];
}
export interface BuilderRule {
  key: string;
  formula: string;
  message: string;
}
export interface BuilderTemplate {
  kind: FormKind;
  title: string;
  description: string;
  sections: BuilderSection[];
  rules: BuilderRule[];
  workflow: TemplateWorkflow;
  /** Who reads the sensitive fields (absent: the policy's default), and "Mật" (no data entry at all). */
  sensitiveReaders?: FormTemplate['sensitiveReaders'];
  classified?: boolean | undefined;
}

// ── Keys ────────────────────────────────────────────────────────────────────────────────────────────

/** A key from a Vietnamese label: "Số vụ phát hiện" → `so_vu_phat_hien` (letters, digits, `_`). */
export function keyFromLabel(label: string, fallback = 'truong'): string {
  const ascii = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(ascii) ? ascii : `${fallback}_${ascii}`.replace(/_+$/, '');
  return key.slice(0, 40).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… — the first not in `taken`. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const allFieldKeys = (t: BuilderTemplate, sectionIndex: number): string[] =>
  t.sections[sectionIndex]?.fields.map((f) => f.key) ?? [];

// ── New things ──────────────────────────────────────────────────────────────────────────────────────

export const fieldTypeLabels: Record<FieldType, string> = {
  text: 'Văn bản ngắn',
  long_text: 'Văn bản dài',
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  date: 'Ngày',
  select: 'Chọn một',
  multi_select: 'Chọn nhiều',
  yes_no: 'Có / Không',
  file: 'Tệp minh chứng',
  table: 'Bảng',
  score: 'Tiêu chí chấm điểm',
  computed: 'Trường tính toán',
};

export const formKindLabels: Record<FormKind, string> = {
  registration: 'Đăng ký thi đua',
  report: 'Báo cáo định kỳ',
  scorecard: 'Bảng chấm điểm',
  hotspot_report: 'Báo cáo điểm nóng',
  nomination: 'Đề nghị khen thưởng',
};

/** Column types of a table: the scalar field types. */
export const columnTypes = fieldTypes.filter(
  (t) => t !== 'file' && t !== 'table' && t !== 'score' && t !== 'computed',
) as ColumnField['type'][];

/** What a field of `type` starts as: valid at once (a label, an option, a column, a formula). */
export function newField(type: FieldType, key: string, label = fieldTypeLabels[type]): BuilderField {
  const base = { key, label, required: false };
  switch (type) {
    case 'select':
    case 'multi_select':
      return { ...base, type, options: [{ value: 'lua_chon_1', label: 'Lựa chọn 1' }] };
    case 'decimal':
      return { ...base, type, scale: 2 };
    case 'file':
      return { ...base, type, maxFiles: 10 };
    case 'table':
      return {
        ...base,
        type,
        columns: [{ key: 'cot_1', label: 'Cột 1', type: 'text', required: false }],
        maxRows: 500,
      };
    case 'score':
      return { ...base, type, maxPoints: 10, step: 0.5 };
    case 'computed':
      return { ...base, type, formula: '0' };
    default:
      return { ...base, type };
  }
}

export function emptyTemplate(title = 'Biểu mẫu mới', kind: FormKind = 'report'): BuilderTemplate {
  return {
    kind,
    title,
    description: '',
    sections: [{ key: 'phan_1', title: 'Phần 1', fields: [newField('integer', 'truong_1', 'Trường 1')] }],
    rules: [],
    workflow: { rejectIsTerminal: false, requireChildrenApproved: false },
  };
}

// ── Edits ───────────────────────────────────────────────────────────────────────────────────────────

/** `list` with the item at `from` moved to `to` (both clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] =>
  list.map((x, j) => (j === i ? item : x));

export function addSection(t: BuilderTemplate, title = 'Phần mới'): BuilderTemplate {
  const key = uniqueKey(
    keyFromLabel(title, 'phan'),
    t.sections.map((s) => s.key),
  );
  const section: BuilderSection = { key, title, fields: [newField('integer', 'truong_1', 'Trường 1')] };
  return { ...t, sections: [...t.sections, section] };
}

export function updateSection(
  t: BuilderTemplate,
  si: number,
  patch: Partial<BuilderSection>,
): BuilderTemplate {
  const s = t.sections[si];
  return s ? { ...t, sections: replaceAt(t.sections, si, { ...s, ...patch }) } : t;
}

export const removeSection = (t: BuilderTemplate, si: number): BuilderTemplate => ({
  ...t,
  sections: t.sections.filter((_, i) => i !== si),
});

export const moveSection = (t: BuilderTemplate, from: number, to: number): BuilderTemplate => ({
  ...t,
  sections: moveItem(t.sections, from, to),
});

export function addField(t: BuilderTemplate, si: number, type: FieldType): BuilderTemplate {
  const s = t.sections[si];
  if (!s) return t;
  const label = fieldTypeLabels[type];
  const key = uniqueKey(keyFromLabel(label), allFieldKeys(t, si));
  return updateSection(t, si, { fields: [...s.fields, newField(type, key, label)] });
}

export function updateField(
  t: BuilderTemplate,
  si: number,
  fi: number,
  field: BuilderField,
): BuilderTemplate {
  const s = t.sections[si];
  return s ? updateSection(t, si, { fields: replaceAt(s.fields, fi, field) }) : t;
}

export function removeField(t: BuilderTemplate, si: number, fi: number): BuilderTemplate {
  const s = t.sections[si];
  return s ? updateSection(t, si, { fields: s.fields.filter((_, i) => i !== fi) }) : t;
}

/**
 * Moves a field within its section or into another (drag and drop across sections); a key taken in
 * the target section gets a suffix so the move never makes two fields one.
 */
export function moveField(
  t: BuilderTemplate,
  from: { section: number; field: number },
  to: { section: number; field: number },
): BuilderTemplate {
  const source = t.sections[from.section];
  const field = source?.fields[from.field];
  if (!source || !field || !t.sections[to.section]) return t;
  if (from.section === to.section)
    return updateSection(t, from.section, { fields: moveItem(source.fields, from.field, to.field) });
  const removed = removeField(t, from.section, from.field);
  const target = removed.sections[to.section] as BuilderSection;
  const key = uniqueKey(
    field.key,
    target.fields.map((f) => f.key),
  );
  const fields = [...target.fields];
  fields.splice(Math.max(0, Math.min(fields.length, to.field)), 0, { ...field, key });
  return updateSection(removed, to.section, { fields });
}

/**
 * A field changed to another type keeps what every field has (key, label, help, required, condition)
 * and starts the rest afresh.
 */
export function changeFieldType(field: BuilderField, type: FieldType): BuilderField {
  if (field.type === type) return field;
  const fresh = newField(type, field.key, field.label);
  return {
    ...fresh,
    ...(field.help !== undefined ? { help: field.help } : {}),
    required: field.required ?? false,
    ...(field.visibleWhen !== undefined ? { visibleWhen: field.visibleWhen } : {}),
  } as BuilderField;
}

/**
 * A computed field's list of sums (the 2023 forms use them) as the same total in the formula language,
 * `sum(a, b, t.col)` — `sum` skips empty values as the list did. A reviewer's score part has no formula
 * reference (a score field reads as its self score), so such a list stays a list (null).
 */
export function sumAsFormula(sum: readonly ComputedSource[]): string | null {
  if (sum.some((s) => 'part' in s && s.part === 'reviewerScore')) return null;
  return `sum(${sum.map((s) => ('column' in s ? `${s.field}.${s.column}` : s.field)).join(', ')})`;
}

export function addRule(t: BuilderTemplate): BuilderTemplate {
  const key = uniqueKey(
    'quy_tac',
    t.rules.map((r) => r.key),
  );
  return { ...t, rules: [...t.rules, { key, formula: '', message: '' }] };
}

export const updateRule = (t: BuilderTemplate, ri: number, rule: BuilderRule): BuilderTemplate => ({
  ...t,
  rules: replaceAt(t.rules, ri, rule),
});

export const removeRule = (t: BuilderTemplate, ri: number): BuilderTemplate => ({
  ...t,
  rules: t.rules.filter((_, i) => i !== ri),
});

// ── Drafts, templates, JSON ─────────────────────────────────────────────────────────────────────────

/** What the draft route stores. */
export const toDraftContent = (t: BuilderTemplate): TemplateDraftContent => ({ ...t });

/** The builder's template checked as publication will check it (`id`/`version` are the route's). */
export const checkBuilt = (t: BuilderTemplate, id = 'ban-nhap', version = 1) =>
  checkTemplate(toDraftContent(t), { id, version });

/**
 * A stored draft read back: the loose shape the builder wrote (a section with a title and fields, a
 * field with a known type and a label); what does not fit is left out rather than guessed.
 */
const LooseField = z.looseObject({ key: z.string(), label: z.string(), type: z.enum(fieldTypes) });
const LooseSection = z.looseObject({
  key: z.string(),
  title: z.string(),
  fields: z.array(z.unknown()).transform((fs) =>
    fs.flatMap((f) => {
      const r = LooseField.safeParse(f);
      return r.success ? [r.data as unknown as BuilderField] : [];
    }),
  ),
});
const LooseRule = z.object({ key: z.string(), formula: z.string(), message: z.string() });

export function fromDraftContent(c: TemplateDraftContent): BuilderTemplate {
  return {
    kind: c.kind,
    title: c.title,
    description: c.description,
    sections: c.sections.flatMap((s) => {
      const r = LooseSection.safeParse(s);
      return r.success ? [r.data as unknown as BuilderSection] : [];
    }),
    rules: c.rules.flatMap((x) => {
      const r = LooseRule.safeParse(x);
      return r.success ? [r.data] : [];
    }),
    workflow: TemplateWorkflow.parse(c.workflow ?? {}),
    ...(c.sensitiveReaders ? { sensitiveReaders: c.sensitiveReaders } : {}),
    ...(c.classified !== undefined ? { classified: c.classified } : {}),
  };
}

/** A published template as the builder's start point (editing it, or copying it). */
export function fromTemplate(t: FormTemplate): BuilderTemplate {
  return {
    kind: t.kind,
    title: t.title,
    description: t.description,
    sections: structuredClone(t.sections) as BuilderSection[],
    rules: structuredClone(t.rules),
    workflow: { ...t.workflow },
    ...(t.sensitiveReaders ? { sensitiveReaders: [...t.sensitiveReaders] } : {}),
    ...(t.classified !== undefined ? { classified: t.classified } : {}),
  };
}

/** The JSON a secretariat downloads: the template without its identity (an import gets a new one). */
export function exportJson(t: BuilderTemplate): string {
  return `${JSON.stringify(toDraftContent(t), null, 2)}\n`;
}

export interface ImportProblem {
  /** Where, as the secretariat reads it ("Phần 2 › Trường 3 › nhãn (sections.1.fields.2.label)"). */
  where: string;
  message: string;
}

/**
 * A template from JSON text (an export of this builder, or a published template with `id`/`version`,
 * which are ignored): checked with the template schema and the publication rules; every problem with
 * its path, in Vietnamese.
 */
export function importJson(
  text: string,
): { ok: true; template: BuilderTemplate } | { ok: false; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return { ok: false, problems: [{ where: 'Tệp JSON', message: `Không đọc được JSON (${detail})` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [{ where: 'Tệp JSON', message: 'Cần một đối tượng biểu mẫu { … }' }] };
  const { id: _id, version: _version, ...content } = raw as Record<string, unknown>;
  const checked = checkTemplate(content, { id: 'nhap-json', version: 1 });
  if (!checked.ok) return { ok: false, problems: checked.issues.map(problemOf) };
  return { ok: true, template: fromTemplate(checked.template) };
}

export const problemOf = (i: TemplateIssue): ImportProblem => ({
  where: templatePathText(i.path),
  message: i.message,
});

export const isFormKind = (v: string): v is FormKind => (formKinds as readonly string[]).includes(v);
