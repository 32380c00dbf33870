import { type ColumnField, groupsThousands, type SelectOption } from '@thidua/shared/forms';
import { useEffect, useState } from 'react';
import { useController } from 'react-hook-form';
import { formatDate, parseDisplayDate, useT } from '../../../i18n';
import type { ControlProps } from '../../../ui';
import { editedNumber, selectionOnEdit, shownNumber, typedNumber } from '../number-text';

/** Accessibility wiring of a control: from a `Field`, or a bare label for a table cell. */
export type AriaProps = Partial<ControlProps> & { 'aria-label'?: string; id: string };

const groupedNumber = (v: unknown): string => shownNumber(v, true);
const ungroupedNumber = (v: unknown): string => shownNumber(v, false);

/**
 * The props of a text input whose form value is shown formatted while not focused (and, given
 * `editable`, re-shown that way on focus, the selection kept on the same characters). Typing keeps
 * exactly what was typed and hands `parse` of it to the form; leaving hands the blur to the form.
 */
function useFormattedInput(
  name: string,
  show: (value: unknown) => string,
  parse: (raw: string) => unknown,
  editable?: (value: unknown) => string,
) {
  const { field } = useController({ name });
  const [focused, setFocused] = useState(false);
  const [text, setText] = useState(() => show(field.value));
  useEffect(() => {
    if (!focused) setText(show(field.value));
  }, [field.value, focused, show]);
  return {
    ref: field.ref,
    name: field.name,
    type: 'text',
    autoComplete: 'off',
    value: text,
    onFocus: (e: { currentTarget: HTMLInputElement }) => {
      setFocused(true);
      if (!editable) return;
      const input = e.currentTarget;
      const shown = input.value;
      // After the focusing task, once the browser (or a test driver) has placed its selection: switched
      // with it, so that all of `1.250` selected becomes all of `1250` and typing replaces it. Replacing
      // the text on render would drop the selection and append what is typed. Nothing is switched once
      // the person has typed.
      setTimeout(() => {
        if (input.ownerDocument.activeElement !== input || input.value !== shown) return;
        const edited = editable(field.value);
        const selection = selectionOnEdit(shown, edited, {
          start: input.selectionStart ?? shown.length,
          end: input.selectionEnd ?? shown.length,
        });
        input.value = edited;
        input.setSelectionRange(selection.start, selection.end);
        setText(edited);
      }, 0);
    },
    onBlur: () => {
      setFocused(false);
      field.onBlur();
    },
    onChange: (e: { target: { value: string } }) => {
      const raw = e.target.value;
      setText(raw);
      field.onChange(parse(raw));
    },
  };
}

/**
 * A number typed the Vietnamese way (`1.234,5`). While focused the text is shown plain (`1234,5`) so
 * editing is never ambiguous; on blur it is grouped. The form value is the number, or the raw text when
 * it is not one (so the validator flags it and nothing typed is lost).
 */
export function NumberInput({
  name,
  decimal,
  aria,
  grouping = true,
}: {
  name: string;
  decimal: boolean;
  aria: AriaProps;
  /** False for a year or a code: shown `2022`, never `2.022`. */
  grouping?: boolean;
}) {
  const input = useFormattedInput(
    name,
    grouping ? groupedNumber : ungroupedNumber,
    typedNumber,
    editedNumber,
  );
  return (
    <input {...aria} {...input} className="input num-input" inputMode={decimal ? 'decimal' : 'numeric'} />
  );
}

const showDate = (v: unknown): string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : String(v ?? '');
const parseDateText = (raw: string): unknown => (raw.trim() === '' ? null : (parseDisplayDate(raw) ?? raw));

/** A date typed as dd/MM/yyyy (native date pickers follow the browser's locale, often MM/dd). */
export function DateInput({ name, aria }: { name: string; aria: AriaProps }) {
  const t = useT();
  const input = useFormattedInput(name, showDate, parseDateText);
  return (
    <input
      {...aria}
      {...input}
      className="input"
      inputMode="numeric"
      placeholder={t('form.datePlaceholder')}
    />
  );
}

/** The props binding a free-text control to its form value (a string; anything else shows empty). */
function useTextBinding(name: string) {
  const { field } = useController({ name });
  return {
    ref: field.ref,
    name: field.name,
    value: typeof field.value === 'string' ? field.value : '',
    onChange: (e: { target: { value: string } }) => field.onChange(e.target.value),
    onBlur: field.onBlur,
  };
}

export function TextInput({
  name,
  aria,
  maxLength,
  placeholder,
}: {
  name: string;
  aria: AriaProps;
  maxLength?: number;
  placeholder?: string;
}) {
  const text = useTextBinding(name);
  return (
    <input
      {...aria}
      {...text}
      className="input"
      type="text"
      maxLength={maxLength}
      placeholder={placeholder}
    />
  );
}

export function TextArea({ name, aria, maxLength }: { name: string; aria: AriaProps; maxLength?: number }) {
  const text = useTextBinding(name);
  return <textarea {...aria} {...text} className="textarea" maxLength={maxLength} />;
}

export function SelectInput({
  name,
  aria,
  options,
}: {
  name: string;
  aria: AriaProps;
  options: readonly SelectOption[];
}) {
  const t = useT();
  const { field } = useController({ name });
  return (
    <select
      {...aria}
      ref={field.ref}
      name={field.name}
      className="select"
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(e) => field.onChange(e.target.value === '' ? null : e.target.value)}
      onBlur={field.onBlur}
    >
      <option value="">{t('form.chooseOption')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes; the value is the list of chosen option values, in option order. */
export function MultiSelectInput({
  name,
  idBase,
  options,
}: {
  name: string;
  idBase: string;
  options: readonly SelectOption[];
}) {
  const { field } = useController({ name });
  const chosen: string[] = Array.isArray(field.value)
    ? field.value.filter((v): v is string => typeof v === 'string')
    : [];
  return (
    <div className="choices">
      {options.map((o, i) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            id={`${idBase}-${i}`}
            ref={i === 0 ? field.ref : undefined}
            checked={chosen.includes(o.value)}
            onChange={(e) => {
              const next = e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
              field.onChange(options.map((x) => x.value).filter((v) => next.includes(v)));
            }}
            onBlur={field.onBlur}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

export function YesNoInput({ name, idBase }: { name: string; idBase: string }) {
  const t = useT();
  const { field } = useController({ name });
  return (
    <div className="choices choices-inline">
      {([true, false] as const).map((v) => (
        <label key={String(v)} className="choice">
          <input
            type="radio"
            id={`${idBase}-${v ? 'yes' : 'no'}`}
            name={field.name}
            ref={v ? field.ref : undefined}
            checked={field.value === v}
            onChange={() => field.onChange(v)}
            onBlur={field.onBlur}
          />
          <span>{v ? t('common.yes') : t('common.no')}</span>
        </label>
      ))}
    </div>
  );
}

/** A scalar control for a field or a table column: the one switch on field types for editing. */
export function ScalarControl({ field, name, aria }: { field: ColumnField; name: string; aria: AriaProps }) {
  switch (field.type) {
    case 'text':
      return (
        <TextInput name={name} aria={aria} maxLength={field.maxLength} placeholder={field.placeholder} />
      );
    case 'long_text':
      return <TextArea name={name} aria={aria} maxLength={field.maxLength} />;
    case 'integer':
      return <NumberInput name={name} decimal={false} aria={aria} grouping={groupsThousands(field)} />;
    case 'decimal':
      return <NumberInput name={name} decimal aria={aria} />;
    case 'date':
      return <DateInput name={name} aria={aria} />;
    case 'select':
      return <SelectInput name={name} aria={aria} options={field.options} />;
    case 'multi_select':
      return <MultiSelectInput name={name} idBase={aria.id} options={field.options} />;
    case 'yes_no':
      return <YesNoInput name={name} idBase={aria.id} />;
  }
}

/** Group controls (radios, checkboxes) are labelled by a fieldset legend rather than a `<label for>`. */
export const isGroupControl = (field: ColumnField): boolean =>
  field.type === 'multi_select' || field.type === 'yes_no';
