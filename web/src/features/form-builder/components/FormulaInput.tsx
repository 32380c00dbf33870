import type { FormDefinition } from '@thidua/shared/forms';
import { useId, useMemo, useRef } from 'react';
import { formulaMessage, formulaReferences, functionList, insertAt } from '../formulas';
import { PickerSelect } from './settings';

const OPERATORS = [
  { value: '<=', label: '≤ (nhỏ hơn hoặc bằng)' },
  { value: '>=', label: '≥ (lớn hơn hoặc bằng)' },
  { value: 'and', label: 'and (và)' },
  { value: 'or', label: 'or (hoặc)' },
];

/**
 * A formula typed in the template language, with its problem shown live (parse, type and reference
 * checks, in Vietnamese) and pickers that insert a field or a function at the caret.
 */
export function FormulaInput({
  label,
  value,
  onChange,
  definition,
  want,
  id: givenId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  definition: FormDefinition;
  want: 'number' | 'boolean';
  id?: string;
}) {
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const id = givenId ?? `formula-${generated}`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const problem = formulaMessage(value, definition, want);
  const refs = useMemo(() => formulaReferences(definition), [definition]);
  const insert = (text: string) => {
    const el = ref.current;
    const sel = el
      ? { start: el.selectionStart, end: el.selectionEnd }
      : { start: value.length, end: value.length };
    const next = insertAt(value, text, sel);
    onChange(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };
  return (
    <div className={`field formula ${problem ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        className="textarea formula-text"
        rows={2}
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        aria-describedby={`${id}-status`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-status`} className={problem ? 'field-error' : 'field-help formula-ok'} aria-live="polite">
        {problem ??
          (want === 'number' ? 'Công thức hợp lệ (cho ra một số).' : 'Quy tắc hợp lệ (đúng hoặc sai).')}
      </p>
      <div className="formula-pickers">
        <PickerSelect
          id={`${id}-field`}
          label="Chèn trường vào công thức"
          value=""
          onChange={(v) => {
            if (v) insert(v);
          }}
          choices={refs.map((r) => ({ value: r.ref, label: r.label }))}
          empty="Chèn trường…"
        />
        <PickerSelect
          id={`${id}-fn`}
          label="Chèn hàm vào công thức"
          value=""
          onChange={(v) => {
            if (v) insert(v);
          }}
          choices={[
            ...functionList.map((f) => ({ value: f.insert, label: `${f.fn}: ${f.text}` })),
            ...OPERATORS,
          ]}
          empty="Chèn hàm…"
        />
      </div>
    </div>
  );
}
