import { type Expr, evaluateExpression, type Lookup, parseExpression, type Value } from './expression';
import {
  type ComputedSource,
  type Condition,
  type Field,
  type FormData,
  type FormDefinition,
  type FormRule,
  formulaReferences,
  type Scalar,
  type Section,
} from './schema';

type Row = Readonly<Record<string, unknown>>;
type Data = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `undefined`, `null`, `''`, `NaN` and empty lists count as "not filled". */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/** The raw value at `section.field` (or a bare column key inside `row`). */
export function readRef(data: Data, ref: string, row?: Row): unknown {
  const dot = ref.indexOf('.');
  if (dot < 0) return row?.[ref];
  const section = data[ref.slice(0, dot)];
  return isRecord(section) ? section[ref.slice(dot + 1)] : undefined;
}

const same = (a: unknown, b: Scalar): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'string' && String(a) === b);

/** Evaluates a condition against the data (and the current table row for column conditions). */
export function evaluateCondition(cond: Condition, data: Data, row?: Row, read = readRef): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, data, row, read));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, data, row, read));
  if ('not' in cond) return !evaluateCondition(cond.not, data, row, read);
  const v = read(data, cond.field, row);
  switch (cond.op) {
    case 'eq':
      return same(v, cond.value);
    case 'neq':
      return !same(v, cond.value);
    case 'in':
      return cond.values.some((x) => same(v, x));
    case 'not_in':
      return !cond.values.some((x) => same(v, x));
    case 'gt':
      return typeof v === 'number' && v > cond.value;
    case 'gte':
      return typeof v === 'number' && v >= cond.value;
    case 'lt':
      return typeof v === 'number' && v < cond.value;
    case 'lte':
      return typeof v === 'number' && v <= cond.value;
    case 'includes':
      return Array.isArray(v) && v.some((x) => same(x, cond.value));
    case 'filled':
      return !isEmptyValue(v);
    case 'empty':
      return isEmptyValue(v);
    case 'is_true':
      return v === true;
    case 'is_false':
      return v === false;
  }
}

/**
 * Whether a field (or a section, or a table column with its `row`) is shown for this data, reading the
 * referenced values as they are. Use `visibleRefs` for the whole form: there a field that depends on a
 * hidden field sees it as empty.
 */
export function isFieldVisible(
  field: Pick<Field, 'visibleWhen'> | Pick<Section, 'visibleWhen'>,
  data: Data,
  row?: Row,
): boolean {
  return field.visibleWhen === undefined || evaluateCondition(field.visibleWhen, data, row);
}

/**
 * The refs (`section.field`) visible for this data, in definition order. A field in a hidden section is
 * hidden; a condition that reads a hidden field sees it as empty (so hiding cascades).
 */
export function visibleRefs(definition: FormDefinition, data: Data): Set<string> {
  const all = new Map<string, { section: Section; field: Field }>();
  for (const section of definition.sections) {
    for (const field of section.fields) all.set(`${section.key}.${field.key}`, { section, field });
  }
  const memo = new Map<string, boolean>();
  const sectionMemo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const read = (d: Data, ref: string, row?: Row): unknown => {
    if (ref.includes('.') && all.has(ref) && !visible(ref)) return undefined;
    return readRef(d, ref, row);
  };
  const sectionVisible = (s: Section): boolean => {
    const known = sectionMemo.get(s.key);
    if (known !== undefined) return known;
    const key = `§${s.key}`;
    if (visiting.has(key)) return false;
    visiting.add(key);
    const v = s.visibleWhen === undefined || evaluateCondition(s.visibleWhen, data, undefined, read);
    visiting.delete(key);
    sectionMemo.set(s.key, v);
    return v;
  };
  function visible(ref: string): boolean {
    const known = memo.get(ref);
    if (known !== undefined) return known;
    const entry = all.get(ref);
    if (entry === undefined) return false;
    // A condition loop hides the fields in it rather than recursing forever.
    if (visiting.has(ref)) return false;
    visiting.add(ref);
    const v =
      sectionVisible(entry.section) &&
      (entry.field.visibleWhen === undefined ||
        evaluateCondition(entry.field.visibleWhen, data, undefined, read));
    visiting.delete(ref);
    memo.set(ref, v);
    return v;
  }
  const out = new Set<string>();
  for (const ref of all.keys()) if (visible(ref)) out.add(ref);
  return out;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Round away binary noise so that 0,1 + 0,2 shows as 0,3. */
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The values of every computed field for this data, by ref (`section.field`). Hidden fields count as
 * empty (0); a hidden computed field is still returned (the caller drops hidden fields).
 */
export function computeValues(definition: FormDefinition, data: Data): Record<string, number> {
  return evaluation(definition, data).computedValues();
}

/** One pass over a form's data: its computed fields, and the values its formulas read. */
function evaluation(definition: FormDefinition, data: Data) {
  const fields = new Map<string, Field>();
  for (const s of definition.sections) for (const f of s.fields) fields.set(`${s.key}.${f.key}`, f);
  const shown = visibleRefs(definition, data);
  const memo = new Map<string, number | null>();
  const visiting = new Set<string>();

  const fieldValue = (ref: string): number => {
    const f = fields.get(ref);
    if (f === undefined) return 0;
    if (f.type === 'computed') return computed(ref, f) ?? 0;
    if (!shown.has(ref)) return 0;
    const v = readRef(data, ref);
    if (f.type === 'score') return isRecord(v) ? num(v.selfScore) : 0;
    return num(v);
  };
  /** A value as a formula sees it: empty (or hidden) is null, never 0. */
  const formulaValue = (path: string): Value | Value[] => {
    const parts = path.split('.');
    const ref = `${parts[0]}.${parts[1]}`;
    const f = fields.get(ref);
    if (f === undefined) return null;
    if (f.type === 'computed') return computed(ref, f);
    if (!shown.has(ref)) return null;
    const v = readRef(data, ref);
    if (parts.length === 3) {
      const column = f.type === 'table' ? f.columns.find((c) => c.key === parts[2]) : undefined;
      if (column === undefined || !Array.isArray(v)) return [];
      return v
        .filter(
          (r) =>
            isRecord(r) &&
            (column.visibleWhen === undefined || evaluateCondition(column.visibleWhen, data, r)),
        )
        .map((r) => finiteOrNull((r as Record<string, unknown>)[column.key]));
    }
    if (f.type === 'yes_no') return typeof v === 'boolean' ? v : null;
    if (f.type === 'score') return isRecord(v) ? finiteOrNull(v.selfScore) : null;
    return finiteOrNull(v);
  };
  function computed(ref: string, f: Extract<Field, { type: 'computed' }>): number | null {
    if (memo.has(ref)) return memo.get(ref) ?? null;
    if (visiting.has(ref)) return null;
    visiting.add(ref);
    const value = f.formula !== undefined ? formulaResult(f.formula, formulaValue) : sumOf(f.sum ?? []);
    visiting.delete(ref);
    memo.set(ref, value === null ? null : tidy(value));
    return memo.get(ref) ?? null;
  }
  function sumOf(sources: readonly ComputedSource[]): number {
    let total = 0;
    for (const src of sources) {
      const target = fields.get(src.field);
      if ('column' in src) {
        if (!shown.has(src.field) || target?.type !== 'table') continue;
        const column = target.columns.find((c) => c.key === src.column);
        const rows = readRef(data, src.field);
        if (column === undefined || !Array.isArray(rows)) continue;
        for (const r of rows) {
          if (
            isRecord(r) &&
            (column.visibleWhen === undefined || evaluateCondition(column.visibleWhen, data, r))
          ) {
            total += num(r[src.column]);
          }
        }
      } else if ('part' in src) {
        const v = shown.has(src.field) ? readRef(data, src.field) : undefined;
        total += isRecord(v) ? num(v[src.part]) : 0;
      } else {
        total += fieldValue(src.field);
      }
    }
    return total;
  }
  return {
    lookup: formulaValue,
    computedValues(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const [ref, f] of fields) {
        if (f.type !== 'computed') continue;
        const v = computed(ref, f);
        if (v !== null) out[ref] = v;
      }
      return out;
    },
  };
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const parsed = new Map<string, Expr | null>();
/** A formula's parse, remembered per text (templates are few; their formulas are read on every keystroke). */
const parseOnce = (formula: string): Expr | null => {
  let e = parsed.get(formula);
  if (e === undefined) {
    const r = parseExpression(formula);
    e = r.ok ? r.expr : null;
    if (parsed.size > 500) parsed.clear();
    parsed.set(formula, e);
  }
  return e;
};

/** A numeric formula's value for these values; null when empty, unparseable or not a number. */
const formulaResult = (formula: string, lookup: Lookup): number | null => {
  const e = parseOnce(formula);
  if (e === null) return null;
  const v = evaluateExpression(e, lookup);
  return typeof v === 'number' ? v : null;
};

/**
 * The rules of the definition that the data breaks (a formula that is false; empty figures do not
 * break a rule), each with the author's message and the first field it reads (where to show it).
 */
export function brokenRules(
  definition: FormDefinition,
  data: Data,
): { rule: FormRule; field: string | undefined }[] {
  const rules = definition.rules ?? [];
  if (rules.length === 0) return [];
  const { lookup } = evaluation(definition, data);
  const out: { rule: FormRule; field: string | undefined }[] = [];
  for (const rule of rules) {
    const e = parseOnce(rule.formula);
    if (e !== null && evaluateExpression(e, lookup) === false)
      out.push({ rule, field: formulaReferences(rule.formula)[0] });
  }
  return out;
}

/** `data` with every computed field set to its value (a new object; hidden fields untouched). */
export function withComputedValues(definition: FormDefinition, data: Data): FormData {
  const out: FormData = {};
  for (const [k, v] of Object.entries(data)) if (isRecord(v)) out[k] = { ...v };
  for (const [ref, value] of Object.entries(computeValues(definition, data))) {
    const dot = ref.indexOf('.');
    const s = ref.slice(0, dot);
    const section = out[s] ?? {};
    section[ref.slice(dot + 1)] = value;
    out[s] = section;
  }
  return out;
}

/**
 * Copies the reviewer scores of `from` into `data` (score fields only): the author's save never changes
 * what a reviewer scored, and a reviewer's save changes nothing else.
 */
export function mergeReviewerScores(definition: FormDefinition, data: Data, from: Data): FormData {
  const out: FormData = {};
  for (const [k, v] of Object.entries(data)) if (isRecord(v)) out[k] = { ...v };
  for (const s of definition.sections) {
    for (const f of s.fields) {
      if (f.type !== 'score') continue;
      const source = readRef(from, `${s.key}.${f.key}`);
      const reviewerScore = isRecord(source) ? source.reviewerScore : undefined;
      const current = readRef(out, `${s.key}.${f.key}`);
      const section = out[s.key] ?? {};
      const next: Record<string, unknown> = isRecord(current) ? { ...current } : {};
      if (reviewerScore === undefined || reviewerScore === null) delete next.reviewerScore;
      else next.reviewerScore = reviewerScore;
      if (Object.keys(next).length === 0 && !isRecord(current)) continue;
      section[f.key] = next;
      out[s.key] = section;
    }
  }
  return out;
}
