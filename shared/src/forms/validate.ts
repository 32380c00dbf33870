import * as z from 'zod';
import { brokenRules, computeValues, evaluateCondition, isEmptyValue, visibleRefs } from './evaluate';
import { ATTACHMENT_CONTENT_TYPES, FORM_LIMITS } from './limits';
import { groupsThousands } from './numbers';
import type { ColumnField, Field, FormData, FormDefinition } from './schema';
import { charCount, normalizeText } from './text';

export type ValidationMode = 'draft' | 'submit';
export interface ValidationOptions {
  /**
   * `draft`: partial data — types and hard limits (lengths, counts, options) are checked, `required`,
   * min/max, minimum counts and patterns are not. `submit`: everything.
   */
  mode: ValidationMode;
}

export type IssuePath = (string | number)[];
export interface FieldIssue {
  path: IssuePath;
  message: string;
}
/** An issue as the API and the browser show it: dotted path (`hotspots.2.result`). */
export interface FormattedIssue {
  path: string;
  message: string;
}

export interface FormValidationResult {
  ok: boolean;
  /** The cleaned data: unknown keys, hidden fields and empty values dropped, computed fields set. */
  value: FormData;
  issues: FieldIssue[];
}

export const formMessages = {
  notObject: 'Dữ liệu biểu mẫu không hợp lệ',
  required: 'Vui lòng nhập thông tin này',
  requiredChoice: 'Vui lòng chọn',
  requiredFile: 'Vui lòng đính kèm tệp minh chứng',
  requiredScore: 'Vui lòng nhập điểm tự chấm',
  text: 'Phải là văn bản',
  integer: 'Phải là số nguyên',
  number: 'Phải là số',
  date: 'Ngày không hợp lệ',
  option: 'Giá trị không có trong danh sách',
  yesNo: 'Vui lòng chọn Có hoặc Không',
  list: 'Phải là danh sách',
  duplicate: 'Giá trị bị trùng',
  row: 'Dòng không hợp lệ',
  attachment: 'Tệp đính kèm không hợp lệ',
  attachmentType: 'Loại tệp không được chấp nhận (chỉ PDF, DOCX, XLSX, JPEG, PNG)',
  score: 'Điểm không hợp lệ',
  minLength: (n: number) => `Tối thiểu ${n} ký tự`,
  maxLength: (n: number) => `Tối đa ${n} ký tự`,
  min: (n: number | string) => `Không được nhỏ hơn ${n}`,
  max: (n: number | string) => `Không được lớn hơn ${n}`,
  minItems: (n: number) => `Chọn ít nhất ${n} mục`,
  maxItems: (n: number) => `Chọn tối đa ${n} mục`,
  minRows: (n: number) => `Cần ít nhất ${n} dòng`,
  maxRows: (n: number) => `Tối đa ${n} dòng`,
  maxFiles: (n: number) => `Tối đa ${n} tệp`,
  fileTooLarge: (mb: number) => `Tệp vượt quá ${mb} MB`,
  scale: (n: number) => (n === 0 ? 'Phải là số nguyên' : `Tối đa ${n} chữ số thập phân`),
  step: (n: number) => `Điểm phải là bội số của ${n}`,
  maxPoints: (n: number) => `Điểm không được vượt quá ${n}`,
} as const;

/** Numbers in Vietnamese notation (1.234,5). */
const vn = (n: number): string => n.toLocaleString('vi-VN');

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value the data itself holds: never one inherited from Object.prototype (`constructor`, `toString`). */
const own = (o: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(o, key) ? o[key] : undefined;

const NUMERIC = /^-?\d+(\.\d+)?$/;
/** Browsers hand numbers over as strings; plain decimal strings are accepted and normalised. */
const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v.trim());
  return undefined;
};

const isCalendarDate = (v: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const decimals = (n: number): number => {
  const s = String(n);
  if (s.includes('e-')) return 99;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
};

const MISSING = Symbol('missing');
/** Records an issue; returns MISSING so that a check can `return issue(...)`. */
type Sink = (path: IssuePath, message: string) => typeof MISSING;
type Checked = unknown | typeof MISSING;

/**
 * Checks one scalar value (a field or a column). Returns the normalised value, or MISSING when empty.
 * Issues are reported at `path`.
 */
function checkScalar(
  field: ColumnField | Extract<Field, { type: 'yes_no' }>,
  raw: unknown,
  path: IssuePath,
  submit: boolean,
  issue: Sink,
): Checked {
  if (isEmptyValue(raw)) {
    if (submit && field.required) {
      issue(
        path,
        field.type === 'select' || field.type === 'multi_select' || field.type === 'yes_no'
          ? formMessages.requiredChoice
          : formMessages.required,
      );
    }
    return MISSING;
  }
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return issue(path, formMessages.text);
      // Stored, counted and matched as NFC, lengths in code points (text.ts): the browser and the API agree.
      const text = normalizeText(raw);
      const hardMax = field.type === 'text' ? FORM_LIMITS.textMaxLength : FORM_LIMITS.longTextMaxLength;
      const max = Math.min(field.maxLength ?? hardMax, hardMax);
      if (charCount(text) > max) issue(path, formMessages.maxLength(max));
      else if (submit && field.minLength !== undefined && charCount(text.trim()) < field.minLength) {
        issue(path, formMessages.minLength(field.minLength));
      } else if (submit && field.type === 'text' && field.pattern !== undefined) {
        if (!new RegExp(field.pattern.regex, 'u').test(text)) issue(path, field.pattern.message);
      }
      return text;
    }
    case 'integer':
    case 'decimal': {
      const n = asNumber(raw);
      if (n === undefined)
        return issue(path, field.type === 'integer' ? formMessages.integer : formMessages.number);
      if (field.type === 'integer') {
        if (!Number.isInteger(n)) return issue(path, formMessages.integer);
        if (n < FORM_LIMITS.integerMin) return issue(path, formMessages.min(vn(FORM_LIMITS.integerMin)));
        if (n > FORM_LIMITS.integerMax) return issue(path, formMessages.max(vn(FORM_LIMITS.integerMax)));
      } else {
        if (Math.abs(n) > FORM_LIMITS.decimalMaxAbs)
          return issue(path, formMessages.max(vn(FORM_LIMITS.decimalMaxAbs)));
        if (decimals(n) > field.scale) return issue(path, formMessages.scale(field.scale));
      }
      // A year's bounds read as years ("1975"), a quantity's grouped ("1.000").
      const bound = (b: number) => (groupsThousands(field) ? vn(b) : String(b));
      if (submit && field.min !== undefined && n < field.min) issue(path, formMessages.min(bound(field.min)));
      else if (submit && field.max !== undefined && n > field.max)
        issue(path, formMessages.max(bound(field.max)));
      return n;
    }
    case 'date': {
      if (typeof raw !== 'string' || !isCalendarDate(raw)) return issue(path, formMessages.date);
      const show = (d: string) => d.split('-').reverse().join('/');
      if (submit && field.min !== undefined && raw < field.min)
        issue(path, formMessages.min(show(field.min)));
      else if (submit && field.max !== undefined && raw > field.max)
        issue(path, formMessages.max(show(field.max)));
      return raw;
    }
    case 'select': {
      if (typeof raw !== 'string' || !field.options.some((o) => o.value === raw))
        return issue(path, formMessages.option);
      return raw;
    }
    case 'multi_select': {
      if (!Array.isArray(raw)) return issue(path, formMessages.list);
      const out: string[] = [];
      for (const [i, v] of raw.entries()) {
        if (typeof v !== 'string' || !field.options.some((o) => o.value === v))
          issue([...path, i], formMessages.option);
        else if (out.includes(v)) issue([...path, i], formMessages.duplicate);
        else out.push(v);
      }
      const max = Math.min(
        field.maxItems ?? FORM_LIMITS.multiSelectMaxItems,
        FORM_LIMITS.multiSelectMaxItems,
      );
      if (raw.length > max) issue(path, formMessages.maxItems(max));
      else if (submit && field.minItems !== undefined && out.length < field.minItems)
        issue(path, formMessages.minItems(field.minItems));
      return out;
    }
    case 'yes_no': {
      if (typeof raw !== 'boolean') return issue(path, formMessages.yesNo);
      return raw;
    }
  }
}

function checkField(
  field: Field,
  raw: unknown,
  path: IssuePath,
  submit: boolean,
  data: Readonly<Record<string, unknown>>,
  issue: Sink,
): Checked {
  switch (field.type) {
    case 'computed':
      // Recomputed from the data by the caller; whatever the client sent is ignored.
      return MISSING;
    case 'file': {
      if (isEmptyValue(raw)) {
        if (submit && field.required) issue(path, formMessages.requiredFile);
        return MISSING;
      }
      if (!Array.isArray(raw)) return issue(path, formMessages.list);
      if (raw.length > field.maxFiles) issue(path, formMessages.maxFiles(field.maxFiles));
      const accepted: readonly string[] = field.accept ?? ATTACHMENT_CONTENT_TYPES;
      const out: Record<string, unknown>[] = [];
      const ids = new Set<string>();
      for (const [i, f] of raw.entries()) {
        const at = [...path, i];
        if (
          !isRecord(f) ||
          typeof f.attachmentId !== 'string' ||
          !/^[A-Za-z0-9_-]{1,64}$/.test(f.attachmentId) ||
          typeof f.name !== 'string' ||
          f.name.length === 0 ||
          charCount(normalizeText(f.name)) > FORM_LIMITS.attachmentNameMaxLength ||
          typeof f.size !== 'number' ||
          !Number.isInteger(f.size) ||
          f.size < 0 ||
          typeof f.contentType !== 'string'
        ) {
          issue(at, formMessages.attachment);
          continue;
        }
        if (f.size > FORM_LIMITS.attachmentMaxBytes) {
          issue(at, formMessages.fileTooLarge(FORM_LIMITS.attachmentMaxBytes / 1024 / 1024));
          continue;
        }
        if (!accepted.includes(f.contentType)) {
          issue(at, formMessages.attachmentType);
          continue;
        }
        if (ids.has(f.attachmentId)) {
          issue(at, formMessages.duplicate);
          continue;
        }
        ids.add(f.attachmentId);
        out.push({ attachmentId: f.attachmentId, name: f.name, size: f.size, contentType: f.contentType });
      }
      return out;
    }
    case 'score': {
      if (raw === undefined || raw === null) {
        if (submit && field.required) issue([...path, 'selfScore'], formMessages.requiredScore);
        return MISSING;
      }
      if (!isRecord(raw)) return issue(path, formMessages.score);
      const out: Record<string, unknown> = {};
      for (const part of ['selfScore', 'reviewerScore'] as const) {
        const v = raw[part];
        if (isEmptyValue(v)) continue;
        const n = asNumber(v);
        const at = [...path, part];
        if (n === undefined) issue(at, formMessages.number);
        else if (n < 0) issue(at, formMessages.min(0));
        else if (n > field.maxPoints) issue(at, formMessages.maxPoints(field.maxPoints));
        else if (Math.abs(n / field.step - Math.round(n / field.step)) > 1e-9)
          issue(at, formMessages.step(field.step));
        else out[part] = n;
      }
      if (submit && field.required && isEmptyValue(raw.selfScore))
        issue([...path, 'selfScore'], formMessages.requiredScore);
      if (!isEmptyValue(raw.note)) {
        if (typeof raw.note !== 'string') issue([...path, 'note'], formMessages.text);
        else if (charCount(normalizeText(raw.note)) > FORM_LIMITS.longTextMaxLength) {
          issue([...path, 'note'], formMessages.maxLength(FORM_LIMITS.longTextMaxLength));
        } else out.note = normalizeText(raw.note);
      }
      return Object.keys(out).length === 0 ? MISSING : out;
    }
    case 'table': {
      if (isEmptyValue(raw)) {
        if (submit && (field.required || (field.minRows ?? 0) > 0)) {
          issue(path, formMessages.minRows(Math.max(1, field.minRows ?? 1)));
        }
        return MISSING;
      }
      if (!Array.isArray(raw)) return issue(path, formMessages.list);
      if (raw.length > field.maxRows) return issue(path, formMessages.maxRows(field.maxRows));
      if (submit && field.minRows !== undefined && raw.length < field.minRows)
        issue(path, formMessages.minRows(field.minRows));
      const rows: Record<string, unknown>[] = [];
      for (const [i, r] of raw.entries()) {
        if (!isRecord(r)) {
          issue([...path, i], formMessages.row);
          rows.push({});
          continue;
        }
        const row: Record<string, unknown> = {};
        for (const col of field.columns) {
          if (col.visibleWhen !== undefined && !evaluateCondition(col.visibleWhen, data, r)) continue;
          const v = checkScalar(col, own(r, col.key), [...path, i, col.key], submit, issue);
          if (v !== MISSING) row[col.key] = v;
        }
        rows.push(row);
      }
      return rows;
    }
    default:
      return checkScalar(field, raw, path, submit, issue);
  }
}

/**
 * Validates and cleans form data against a definition. Pure; the same code runs in the browser and on
 * the server (through `buildSubmissionSchema`).
 */
export function validateFormData(
  definition: FormDefinition,
  input: unknown,
  options: ValidationOptions,
): FormValidationResult {
  const issues: FieldIssue[] = [];
  const issue: Sink = (path, message) => {
    issues.push({ path, message });
    return MISSING;
  };
  if (!isRecord(input))
    return { ok: false, value: {}, issues: [{ path: [], message: formMessages.notObject }] };
  const submit = options.mode === 'submit';
  const shown = visibleRefs(definition, input);
  const value: FormData = {};
  for (const section of definition.sections) {
    const rawSection = own(input, section.key);
    const sectionData = isRecord(rawSection) ? rawSection : {};
    if (rawSection !== undefined && rawSection !== null && !isRecord(rawSection))
      issue([section.key], formMessages.notObject);
    const out: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!shown.has(`${section.key}.${field.key}`)) continue;
      const v = checkField(
        field,
        own(sectionData, field.key),
        [section.key, field.key],
        submit,
        input,
        issue,
      );
      if (v !== MISSING) out[field.key] = v;
    }
    value[section.key] = out;
  }
  for (const [ref, total] of Object.entries(computeValues(definition, value))) {
    if (!shown.has(ref)) continue;
    const dot = ref.indexOf('.');
    const section = value[ref.slice(0, dot)];
    if (section !== undefined) section[ref.slice(dot + 1)] = total;
  }
  // Cross-field rules block sending, not saving: a draft may hold figures still being corrected.
  if (submit) {
    for (const broken of brokenRules(definition, value))
      issue(broken.field ? broken.field.split('.') : ['rules', broken.rule.key], broken.rule.message);
  }
  for (const [k, v] of Object.entries(value)) if (Object.keys(v).length === 0) delete value[k];
  return { ok: issues.length === 0, value, issues };
}

/**
 * THE schema of a submission's data, for the server and the browser alike (react-hook-form's
 * zodResolver). Output: the cleaned data (see `validateFormData`). Errors carry field paths
 * (`['figures', 'drugCases']`, `['hotspots', 'list', 2, 'result']`) and Vietnamese messages.
 */
export function buildSubmissionSchema(
  definition: FormDefinition,
  options: ValidationOptions,
): z.ZodType<FormData, Record<string, unknown>> {
  return z.record(z.string(), z.unknown(), { error: formMessages.notObject }).transform((input, ctx) => {
    const result = validateFormData(definition, input, options);
    for (const i of result.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    return result.value;
  });
}

/** Zod issues (or our own) as `[{ path: 'a.b.2.c', message }]` for the error body and the UI. */
export function formatIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FormattedIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p))).join('.'),
    message: i.message,
  }));
}
