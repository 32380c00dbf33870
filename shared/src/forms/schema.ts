import * as z from 'zod';
import { CalendarDate, Id } from '../common';
import { Role } from '../org/schema';
import {
  checkExpression,
  EXPRESSION_LIMITS,
  type Expr,
  parseExpression,
  type RefType,
  type ValueType,
} from './expression';
import { ATTACHMENT_CONTENT_TYPES, FORM_LIMITS } from './limits';
import { sensitivityLeaks } from './sensitive';
import { chars } from './text';

/** A field or section key: used in data paths, so short and plain. */
export const FieldKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'Khóa chỉ gồm chữ cái, chữ số, dấu gạch dưới và bắt đầu bằng chữ cái')
  .max(FORM_LIMITS.keyMaxLength);
export type FieldKey = z.infer<typeof FieldKey>;

/**
 * A reference to a field: `section.field` from anywhere in the form, or a bare column key inside a
 * table row (conditions on table columns look at the same row).
 */
export const FieldRef = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)?$/);
export type FieldRef = z.infer<typeof FieldRef>;

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

export type Condition =
  | { field: FieldRef; op: 'eq' | 'neq'; value: Scalar }
  | { field: FieldRef; op: 'in' | 'not_in'; values: Scalar[] }
  | { field: FieldRef; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  /** For multi-select values: the list contains `value`. */
  | { field: FieldRef; op: 'includes'; value: Scalar }
  | { field: FieldRef; op: 'filled' | 'empty' | 'is_true' | 'is_false' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Conditional visibility, as data. A hidden field is neither validated nor kept nor summed. */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: FieldRef, op: z.enum(['eq', 'neq']), value: Scalar }),
    z.object({ field: FieldRef, op: z.enum(['in', 'not_in']), values: z.array(Scalar) }),
    z.object({ field: FieldRef, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
    z.object({ field: FieldRef, op: z.literal('includes'), value: Scalar }),
    z.object({ field: FieldRef, op: z.enum(['filled', 'empty', 'is_true', 'is_false']) }),
    z.object({ all: z.array(Condition) }),
    z.object({ any: z.array(Condition) }),
    z.object({ not: Condition }),
  ]),
);

/** A custom pattern with the message shown when it does not match. */
export const Pattern = z.object({
  regex: z.string().min(1).max(500),
  message: chars(300, 1),
});
export type Pattern = z.infer<typeof Pattern>;

export const SelectOption = z.object({
  value: z.string().min(1).max(100),
  label: chars(FORM_LIMITS.labelMaxLength, 1),
});
export type SelectOption = z.infer<typeof SelectOption>;

const base = {
  key: FieldKey,
  label: chars(FORM_LIMITS.labelMaxLength, 1),
  help: chars(FORM_LIMITS.helpMaxLength).optional(),
  required: z.boolean().default(false),
  visibleWhen: Condition.optional(),
  /**
   * Crime and social-evil figures, anything about persons: readers the template does not name in
   * `sensitiveReaders` get the value redacted (`sensitive.ts`). On a table: every column.
   */
  sensitive: z.boolean().optional(),
};

export const TextField = z.object({
  ...base,
  type: z.literal('text'),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(FORM_LIMITS.textMaxLength).optional(),
  pattern: Pattern.optional(),
  placeholder: chars(200).optional(),
});
export const LongTextField = z.object({
  ...base,
  type: z.literal('long_text'),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(FORM_LIMITS.longTextMaxLength).optional(),
});
export const IntegerField = z.object({
  ...base,
  type: z.literal('integer'),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  unit: chars(50).optional(),
});
export const DecimalField = z.object({
  ...base,
  type: z.literal('decimal'),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Decimal places allowed (e.g. 1 for a percentage like 85,5). */
  scale: z.number().int().min(0).max(FORM_LIMITS.decimalMaxScale).default(2),
  unit: chars(50).optional(),
});
export const DateField = z.object({
  ...base,
  type: z.literal('date'),
  min: CalendarDate.optional(),
  max: CalendarDate.optional(),
});
export const SelectField = z.object({
  ...base,
  type: z.literal('select'),
  options: z.array(SelectOption).min(1).max(FORM_LIMITS.optionsMax),
});
export const MultiSelectField = z.object({
  ...base,
  type: z.literal('multi_select'),
  options: z.array(SelectOption).min(1).max(FORM_LIMITS.optionsMax),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).max(FORM_LIMITS.multiSelectMaxItems).optional(),
});
export const YesNoField = z.object({ ...base, type: z.literal('yes_no') });

/** Evidence: a list of uploaded attachments. */
export const FileField = z.object({
  ...base,
  type: z.literal('file'),
  maxFiles: z.number().int().min(1).max(FORM_LIMITS.filesMaxPerField).default(10),
  accept: z.array(z.enum(ATTACHMENT_CONTENT_TYPES)).min(1).optional(),
});

/** Columns of a table: the scalar field types. Column conditions refer to columns of the same row. */
export const ColumnField = z.discriminatedUnion('type', [
  TextField,
  LongTextField,
  IntegerField,
  DecimalField,
  DateField,
  SelectField,
  MultiSelectField,
  YesNoField,
]);
export type ColumnField = z.infer<typeof ColumnField>;

export const TableField = z.object({
  ...base,
  type: z.literal('table'),
  columns: z.array(ColumnField).min(1).max(FORM_LIMITS.tableMaxColumns),
  minRows: z.number().int().min(0).optional(),
  maxRows: z.number().int().min(1).max(FORM_LIMITS.tableMaxRows).default(FORM_LIMITS.tableMaxRows),
  addRowLabel: chars(100).optional(),
});

/**
 * A score criterion: the unit fills `selfScore`, the reviewer `reviewerScore`. Value:
 * `{ selfScore, reviewerScore?, note? }`. `required` applies to the self score.
 */
export const ScoreField = z.object({
  ...base,
  type: z.literal('score'),
  maxPoints: z.number().positive().max(FORM_LIMITS.scoreMaxPoints),
  /** Smallest step of a score (0.5 allows 7,5). */
  step: z.number().positive().default(0.5),
});

/** One term of a computed sum. */
export const ComputedSource = z.union([
  // Most specific first: a plain object schema would match (and strip) the others.
  /** A numeric column of a table, summed over its rows. */
  z.strictObject({ field: FieldRef, column: FieldKey }),
  /** A score field's part. */
  z.strictObject({ field: FieldRef, part: z.enum(['selfScore', 'reviewerScore']) }),
  /** A number field, another computed field, or a score field's self score. */
  z.strictObject({ field: FieldRef }),
]);
export type ComputedSource = z.infer<typeof ComputedSource>;

/**
 * A read-only value, recomputed from the data (never trusted from the client): a `sum` of fields, or a
 * `formula` in the template formula language (`expression.ts`) such as
 * `round(percent(ket_qua.da_xu_ly, ket_qua.phat_hien), 1)`.
 */
export const ComputedField = z
  .object({
    ...base,
    type: z.literal('computed'),
    sum: z.array(ComputedSource).min(1).optional(),
    formula: z.string().min(1).max(EXPRESSION_LIMITS.length).optional(),
    unit: chars(50).optional(),
  })
  .refine((f) => (f.sum === undefined) !== (f.formula === undefined), {
    message: 'Trường tính toán cần đúng một trong hai: danh sách cộng hoặc công thức',
    path: ['formula'],
  });

export const Field = z.discriminatedUnion('type', [
  ...ColumnField.options,
  FileField,
  TableField,
  ScoreField,
  ComputedField,
]);
export type Field = z.infer<typeof Field>;
export type FieldType = Field['type'];
export const fieldTypes = [
  'text',
  'long_text',
  'integer',
  'decimal',
  'date',
  'select',
  'multi_select',
  'yes_no',
  'file',
  'table',
  'score',
  'computed',
] as const satisfies readonly FieldType[];

export type TextField = z.infer<typeof TextField>;
export type LongTextField = z.infer<typeof LongTextField>;
export type IntegerField = z.infer<typeof IntegerField>;
export type DecimalField = z.infer<typeof DecimalField>;
export type DateField = z.infer<typeof DateField>;
export type SelectField = z.infer<typeof SelectField>;
export type MultiSelectField = z.infer<typeof MultiSelectField>;
export type YesNoField = z.infer<typeof YesNoField>;
export type FileField = z.infer<typeof FileField>;
export type TableField = z.infer<typeof TableField>;
export type ScoreField = z.infer<typeof ScoreField>;
export type ComputedField = z.infer<typeof ComputedField>;

export const Section = z.object({
  key: FieldKey,
  title: chars(FORM_LIMITS.labelMaxLength, 1),
  description: chars(FORM_LIMITS.helpMaxLength).optional(),
  visibleWhen: Condition.optional(),
  /** Every field of the section is sensitive. */
  sensitive: z.boolean().optional(),
  fields: z.array(Field).min(1),
});
export type Section = z.infer<typeof Section>;

/** Form kinds from the glossary; the workflow rules of a template depend on its kind. */
export const formKinds = ['registration', 'report', 'scorecard', 'hotspot_report', 'nomination'] as const;
export const FormKind = z.enum(formKinds);
export type FormKind = z.infer<typeof FormKind>;

/**
 * What a form kind means for filing. `multiplePerPeriod`: a unit may file several submissions of the form
 * for one campaign and period — a nomination proposes one nominee, and a unit proposes several. Every
 * other kind is exactly one submission per unit, form and period (a report, a registration, a scorecard).
 */
export const formKindTraits = {
  registration: { multiplePerPeriod: false },
  report: { multiplePerPeriod: false },
  scorecard: { multiplePerPeriod: false },
  hotspot_report: { multiplePerPeriod: false },
  nomination: { multiplePerPeriod: true },
} as const satisfies Record<FormKind, { multiplePerPeriod: boolean }>;

export const isMultiplePerPeriod = (kind: FormKind): boolean => formKindTraits[kind].multiplePerPeriod;

/** Workflow rules a template carries (see `workflow/rules.ts`). */
export const TemplateWorkflow = z.object({
  /** `reject` ends the submission for good (nominations: ineligible); otherwise it goes back like `return`. */
  rejectIsTerminal: z.boolean().default(false),
  /** A consolidated report: the author's child units must all have theirs approved first. */
  requireChildrenApproved: z.boolean().default(false),
});
export type TemplateWorkflow = z.infer<typeof TemplateWorkflow>;

/**
 * A cross-field rule: a yes/no formula that must hold for the report to be sent, and the author's
 * message shown when it does not (`ket_qua.da_xu_ly <= ket_qua.phat_hien`). A rule whose figures are
 * still empty does not block (see `expression.ts`).
 */
export const FormRule = z.object({
  key: FieldKey,
  formula: z.string().min(1).max(EXPRESSION_LIMITS.length),
  message: chars(FORM_LIMITS.helpMaxLength, 3),
});
export type FormRule = z.infer<typeof FormRule>;

/** What the evaluators need: the sections and the rules. A template is a definition plus identity and workflow. */
export interface FormDefinition {
  sections: readonly Section[];
  rules?: readonly FormRule[];
}

/**
 * A form template, versioned: `(id, version)` never changes once published; a new version is a new
 * record, and a submission keeps the version it was created on.
 */
export const FormTemplate = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    kind: FormKind,
    title: chars(FORM_LIMITS.labelMaxLength, 1),
    description: chars(FORM_LIMITS.helpMaxLength).default(''),
    sections: z.array(Section).min(1).max(FORM_LIMITS.sectionsMaxPerTemplate),
    rules: z.array(FormRule).max(50).default([]),
    workflow: TemplateWorkflow.default({ rejectIsTerminal: false, requireChildrenApproved: false }),
    /**
     * Roles that read the sensitive fields (where the policy lets them read the submission at all);
     * absent: `DEFAULT_SENSITIVE_READERS` of the policy (the unit's officers and the reviewers).
     */
    sensitiveReaders: z.array(Role).min(1).optional(),
    /** "Mật": state-secret content, which does not belong in this system, so no data entry at all. */
    classified: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    for (const issue of checkDefinition(t))
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
export type FormTemplate = z.infer<typeof FormTemplate>;
export type FormTemplateInput = z.input<typeof FormTemplate>;

/** Evidence attached to a file field. */
export const AttachmentRef = z.object({
  attachmentId: Id,
  name: chars(FORM_LIMITS.attachmentNameMaxLength, 1),
  size: z.number().int().min(0).max(FORM_LIMITS.attachmentMaxBytes),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** A score criterion's value. */
export interface ScoreValue {
  selfScore?: number | null;
  reviewerScore?: number | null;
  note?: string;
}

/** Form data: `data[sectionKey][fieldKey]`; table rows are arrays of `{ columnKey: value }`. */
export type FormData = Record<string, Record<string, unknown>>;

/**
 * Structural checks of a definition: unique keys, references that resolve, sums over numbers only,
 * no cycles among computed fields, sane limits. Returns issues (empty when sound).
 */
/**
 * Keys that name members of `Object.prototype` (`constructor`, `toString`, `valueOf`, `__proto__`, …):
 * in code that reads `data[key]` they answer with a built-in function instead of the user's value.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * What publishing a template adds to `checkDefinition`: no section, field or column key among
 * RESERVED_KEYS. Kept apart from the schema so templates stored before the rule still read.
 */
export function checkPublishable(
  definition: FormDefinition,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const check = (key: string, path: (string | number)[]) => {
    if (RESERVED_KEYS.has(key)) {
      issues.push({
        path,
        message: `Khóa "${key}" trùng tên thuộc tính có sẵn của JavaScript; hãy đặt tên khác`,
      });
    }
  };
  definition.sections.forEach((s, si) => {
    check(s.key, ['sections', si, 'key']);
    s.fields.forEach((f, fi) => {
      check(f.key, ['sections', si, 'fields', fi, 'key']);
      if (f.type === 'table') {
        f.columns.forEach((c, ci) => {
          check(c.key, ['sections', si, 'fields', fi, 'columns', ci, 'key']);
        });
      }
    });
  });
  return issues;
}

export function checkDefinition(
  definition: FormDefinition,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const byRef = new Map<string, Field>();
  const sectionKeys = new Set<string>();
  let fieldCount = 0;
  definition.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key))
      issues.push({ path: ['sections', si, 'key'], message: `Trùng khóa phần "${s.key}"` });
    sectionKeys.add(s.key);
    s.fields.forEach((f, fi) => {
      fieldCount++;
      const ref = `${s.key}.${f.key}`;
      if (byRef.has(ref))
        issues.push({ path: ['sections', si, 'fields', fi, 'key'], message: `Trùng khóa trường "${ref}"` });
      byRef.set(ref, f);
      if (f.type === 'table') {
        const cols = new Set<string>();
        f.columns.forEach((c, ci) => {
          if (cols.has(c.key)) {
            issues.push({
              path: ['sections', si, 'fields', fi, 'columns', ci, 'key'],
              message: `Trùng khóa cột "${c.key}"`,
            });
          }
          cols.add(c.key);
        });
        if (f.minRows !== undefined && f.minRows > f.maxRows) {
          issues.push({
            path: ['sections', si, 'fields', fi, 'minRows'],
            message: 'Số dòng tối thiểu lớn hơn tối đa',
          });
        }
      }
      if (
        (f.type === 'integer' || f.type === 'decimal') &&
        f.min !== undefined &&
        f.max !== undefined &&
        f.min > f.max
      ) {
        issues.push({
          path: ['sections', si, 'fields', fi, 'min'],
          message: 'Giá trị tối thiểu lớn hơn tối đa',
        });
      }
      if (f.type === 'text' && f.pattern !== undefined) {
        try {
          new RegExp(f.pattern.regex, 'u');
        } catch {
          issues.push({
            path: ['sections', si, 'fields', fi, 'pattern', 'regex'],
            message: 'Biểu thức chính quy không hợp lệ',
          });
        }
      }
    });
  });
  if (fieldCount > FORM_LIMITS.fieldsMaxPerTemplate) {
    issues.push({
      path: ['sections'],
      message: `Biểu mẫu có quá nhiều trường (tối đa ${FORM_LIMITS.fieldsMaxPerTemplate})`,
    });
  }
  const numeric = new Set(['integer', 'decimal', 'computed', 'score']);
  const refTypes = formulaReferenceTypes(definition);
  (definition.rules ?? []).forEach((r, ri) => {
    const problem = formulaProblem(r.formula, refTypes, 'boolean');
    if (problem) issues.push({ path: ['rules', ri, 'formula'], message: problem });
  });
  definition.sections.forEach((s, si) => {
    s.fields.forEach((f, fi) => {
      if (f.type !== 'computed') return;
      if (f.formula !== undefined) {
        const problem = formulaProblem(f.formula, refTypes, 'number');
        if (problem) issues.push({ path: ['sections', si, 'fields', fi, 'formula'], message: problem });
      }
      (f.sum ?? []).forEach((src, ki) => {
        const target = byRef.get(src.field);
        const at = ['sections', si, 'fields', fi, 'sum', ki];
        if (target === undefined) {
          issues.push({ path: at, message: `Trường "${src.field}" không tồn tại` });
        } else if ('column' in src) {
          const col = target.type === 'table' ? target.columns.find((c) => c.key === src.column) : undefined;
          if (col === undefined || (col.type !== 'integer' && col.type !== 'decimal')) {
            issues.push({ path: at, message: `Cột số "${src.field}.${src.column}" không tồn tại` });
          }
        } else if ('part' in src ? target.type !== 'score' : !numeric.has(target.type)) {
          issues.push({ path: at, message: `Trường "${src.field}" không phải trường số` });
        }
      });
    });
  });
  // Cycles among computed fields.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (ref: string): boolean => {
    const f = byRef.get(ref);
    if (f === undefined || f.type !== 'computed') return true;
    const st = state.get(ref);
    if (st === 'done') return true;
    if (st === 'visiting') return false;
    state.set(ref, 'visiting');
    const ok = computedDependencies(f).every(visit);
    state.set(ref, 'done');
    return ok;
  };
  for (const ref of byRef.keys()) {
    if (!visit(ref)) {
      issues.push({ path: ['sections'], message: `Trường tính toán "${ref}" tham chiếu vòng tròn` });
      break;
    }
  }
  issues.push(...sensitivityLeaks(definition));
  return issues;
}

/**
 * What a formula may read in this definition: number fields (and score fields' self score) as numbers,
 * yes/no fields as yes/no, numeric table columns as lists (`section.table.column`).
 */
export function formulaReferenceTypes(definition: FormDefinition): Map<string, RefType> {
  const types = new Map<string, RefType>();
  for (const s of definition.sections) {
    for (const f of s.fields) {
      const ref = `${s.key}.${f.key}`;
      if (f.type === 'integer' || f.type === 'decimal' || f.type === 'computed' || f.type === 'score')
        types.set(ref, 'number');
      else if (f.type === 'yes_no') types.set(ref, 'boolean');
      else if (f.type === 'table') {
        for (const c of f.columns)
          if (c.type === 'integer' || c.type === 'decimal') types.set(`${ref}.${c.key}`, 'number_list');
      }
    }
  }
  return types;
}

/** The parse, type and reference check of one formula, as one Vietnamese sentence (null: sound). */
export function formulaProblem(
  formula: string,
  refs: ReadonlyMap<string, RefType>,
  want: ValueType,
): string | null {
  const parsed = parseExpression(formula);
  if (!parsed.ok) return `Công thức lỗi ở ký tự ${parsed.error.at + 1}: ${parsed.error.message}`;
  const checked = checkExpression(parsed.expr, refs);
  if (!checked.ok) return `Công thức lỗi: ${checked.error.message}`;
  if (checked.type !== want)
    return want === 'number' ? 'Công thức phải cho ra một số' : 'Quy tắc phải cho ra đúng hoặc sai';
  return null;
}

/** Every path a formula reads, whole (`section.field`, `section.table.column`); none when it does not parse. */
export function formulaPaths(formula: string): string[] {
  const parsed = parseExpression(formula);
  if (!parsed.ok) return [];
  const refs: string[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'ref') refs.push(e.path.join('.'));
    else if (e.kind === 'unary') walk(e.arg);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(parsed.expr);
  return refs;
}

/** The fields (`section.field`) a formula reads; none when it does not parse. */
export function formulaReferences(formula: string): string[] {
  return formulaPaths(formula).map((p) => p.split('.').slice(0, 2).join('.'));
}

/** What a computed field reads, for cycle checks: its sum's fields or its formula's references. */
export function computedDependencies(f: ComputedField): string[] {
  if (f.formula !== undefined) return formulaReferences(f.formula);
  return (f.sum ?? []).filter((src) => !('column' in src) && !('part' in src)).map((src) => src.field);
}
