import type { Condition, FormDefinition, Scalar } from '@thidua/shared/forms';

/**
 * The condition editor's model: which fields a condition may look at, which comparisons each allows,
 * and how the pickers' choices become the template's `Condition` (all / any / not of comparisons).
 */

export type ConditionTargetKind = 'number' | 'yes_no' | 'choice' | 'choices' | 'text' | 'other';

export interface ConditionTarget {
  ref: string;
  label: string;
  kind: ConditionTargetKind;
  options: { value: string; label: string }[];
}

export type ComparisonOp =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'includes'
  | 'filled'
  | 'empty'
  | 'is_true'
  | 'is_false';

export const opLabels: Record<ComparisonOp, string> = {
  eq: 'bằng',
  neq: 'khác',
  gt: 'lớn hơn',
  gte: 'lớn hơn hoặc bằng',
  lt: 'nhỏ hơn',
  lte: 'nhỏ hơn hoặc bằng',
  includes: 'có chọn',
  filled: 'đã điền',
  empty: 'chưa điền',
  is_true: 'là Có',
  is_false: 'là Không',
};

export const opsFor = (kind: ConditionTargetKind): ComparisonOp[] => {
  switch (kind) {
    case 'number':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'filled', 'empty'];
    case 'yes_no':
      return ['is_true', 'is_false', 'filled', 'empty'];
    case 'choice':
      return ['eq', 'neq', 'filled', 'empty'];
    case 'choices':
      return ['includes', 'filled', 'empty'];
    case 'text':
      return ['eq', 'neq', 'filled', 'empty'];
    default:
      return ['filled', 'empty'];
  }
};

/** Every field of the form except `self` (a field cannot hide itself), as the picker lists them. */
export function conditionTargets(definition: FormDefinition, self?: string): ConditionTarget[] {
  const out: ConditionTarget[] = [];
  for (const s of definition.sections) {
    for (const f of s.fields) {
      const ref = `${s.key}.${f.key}`;
      if (ref === self) continue;
      const kind: ConditionTargetKind =
        f.type === 'integer' || f.type === 'decimal' || f.type === 'computed'
          ? 'number'
          : f.type === 'yes_no'
            ? 'yes_no'
            : f.type === 'select'
              ? 'choice'
              : f.type === 'multi_select'
                ? 'choices'
                : f.type === 'text' || f.type === 'long_text' || f.type === 'date'
                  ? 'text'
                  : 'other';
      const options = f.type === 'select' || f.type === 'multi_select' ? f.options : [];
      out.push({ ref, label: `${s.title} › ${f.label}`, kind, options });
    }
  }
  return out;
}

/** One comparison as the pickers hold it. */
export interface Comparison {
  field: string;
  op: ComparisonOp;
  value: string;
}

export type ConditionMode = 'all' | 'any' | 'not';

/** What the pickers show for a stored condition: a mode and its comparisons (one for `not`). */
export function toPickers(c: Condition | undefined): { mode: ConditionMode; items: Comparison[] } | null {
  if (c === undefined) return null;
  const one = (x: Condition): Comparison | null => {
    if (!('field' in x)) return null;
    if (x.op === 'in' || x.op === 'not_in') return null;
    const value = 'value' in x ? String(x.value) : '';
    return { field: x.field, op: x.op, value };
  };
  if ('all' in c) return { mode: 'all', items: c.all.map(one).filter((x): x is Comparison => x !== null) };
  if ('any' in c) return { mode: 'any', items: c.any.map(one).filter((x): x is Comparison => x !== null) };
  if ('not' in c) {
    const x = one(c.not);
    return { mode: 'not', items: x ? [x] : [] };
  }
  const x = one(c);
  return { mode: 'all', items: x ? [x] : [] };
}

/** The stored value of a comparison: numbers for number fields, text otherwise. */
function comparisonCondition(c: Comparison, target: ConditionTarget | undefined): Condition | null {
  if (c.field === '') return null;
  if (c.op === 'filled' || c.op === 'empty' || c.op === 'is_true' || c.op === 'is_false')
    return { field: c.field, op: c.op };
  if (target?.kind === 'number' || c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') {
    const n = Number(c.value.replace(',', '.'));
    if (c.value.trim() === '' || !Number.isFinite(n)) return null;
    return c.op === 'includes' ? null : ({ field: c.field, op: c.op, value: n } as Condition);
  }
  const value: Scalar = c.value;
  if (c.op === 'includes') return { field: c.field, op: 'includes', value };
  return { field: c.field, op: c.op, value };
}

/**
 * The template's condition from the pickers: one comparison stands alone, several are joined by
 * `all`/`any`, `not` negates its one comparison; unfinished comparisons are left out.
 */
export function fromPickers(
  mode: ConditionMode,
  items: readonly Comparison[],
  targets: readonly ConditionTarget[],
): Condition | undefined {
  const conditions = items
    .map((c) =>
      comparisonCondition(
        c,
        targets.find((t) => t.ref === c.field),
      ),
    )
    .filter((x): x is Condition => x !== null);
  if (conditions.length === 0) return undefined;
  if (mode === 'not') return { not: conditions[0] as Condition };
  if (conditions.length === 1) return conditions[0];
  return mode === 'all' ? { all: conditions } : { any: conditions };
}
