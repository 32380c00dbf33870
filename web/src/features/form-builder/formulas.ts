import type { FunctionName, RefType } from '@thidua/shared/forms';
import {
  type FormDefinition,
  formulaProblem,
  formulaReferenceTypes,
  functionNames,
} from '@thidua/shared/forms';

/**
 * What the formula editor shows while the secretariat types: the fields a formula may read (for the
 * picker) and the parse, type and reference problem of the formula as written — the same check that
 * publication runs (`formulaProblem`), so the builder never accepts what the server refuses.
 */

export interface FormulaReference {
  ref: string;
  label: string;
  type: RefType;
}

const typeNames: Record<RefType, string> = { number: 'số', boolean: 'có/không', number_list: 'cột số' };

/** The fields of `definition` a formula may read, labelled "Phần › Trường (số)". */
export function formulaReferences(definition: FormDefinition): FormulaReference[] {
  const types = formulaReferenceTypes(definition);
  const labels = new Map<string, string>();
  for (const s of definition.sections) {
    for (const f of s.fields) {
      labels.set(`${s.key}.${f.key}`, `${s.title} › ${f.label}`);
      if (f.type === 'table')
        for (const c of f.columns)
          labels.set(`${s.key}.${f.key}.${c.key}`, `${s.title} › ${f.label} › ${c.label}`);
    }
  }
  return [...types].map(([ref, type]) => ({
    ref,
    type,
    label: `${labels.get(ref) ?? ref} (${typeNames[type]})`,
  }));
}

/** The problem of `formula` in Vietnamese, or null when it parses, type-checks and reads known fields. */
export function formulaMessage(
  formula: string,
  definition: FormDefinition,
  want: 'number' | 'boolean',
): string | null {
  if (formula.trim() === '') return 'Chưa nhập công thức';
  return formulaProblem(formula, formulaReferenceTypes(definition), want);
}

/** The functions of the language with what each does, for the picker. */
export const functionHelp: Record<FunctionName, { insert: string; text: string }> = {
  sum: { insert: 'sum()', text: 'Tổng các giá trị (bỏ qua ô trống)' },
  min: { insert: 'min()', text: 'Giá trị nhỏ nhất' },
  max: { insert: 'max()', text: 'Giá trị lớn nhất' },
  avg: { insert: 'avg()', text: 'Trung bình cộng' },
  count: { insert: 'count()', text: 'Số ô đã điền' },
  round: { insert: 'round(, 0)', text: 'Làm tròn: round(x, số chữ số)' },
  abs: { insert: 'abs()', text: 'Giá trị tuyệt đối' },
  if: { insert: 'if(, , )', text: 'Nếu … thì … không thì …' },
  percent: { insert: 'percent(, )', text: 'Tỷ lệ phần trăm: percent(a, b) = a / b × 100' },
  coalesce: { insert: 'coalesce(, 0)', text: 'Giá trị đầu tiên không trống' },
};

export const functionList = functionNames.map((fn) => ({ fn, ...functionHelp[fn] }));

/** `text` with `insert` put at the caret (replacing a selection); the caret after it. */
export function insertAt(
  text: string,
  insert: string,
  selection: { start: number; end: number },
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(text.length, selection.start));
  const end = Math.max(start, Math.min(text.length, selection.end));
  const before = text.slice(0, start);
  const spaced = before !== '' && !/[\s(,]$/.test(before) ? ` ${insert}` : insert;
  return { text: before + spaced + text.slice(end), caret: start + spaced.length };
}
