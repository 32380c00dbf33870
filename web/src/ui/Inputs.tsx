import type { ReactNode } from 'react';
import { Field } from './Field';

export interface Choice {
  value: string;
  label: ReactNode;
}

/** A labelled `<select>` over plain choices, with an optional empty first choice ("all", "choose"). */
export function SelectField({
  label,
  help,
  value,
  onChange,
  choices,
  empty,
  disabled,
}: {
  label: ReactNode;
  help?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  /** Label of a first choice with the value `''`; none when omitted. */
  empty?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <Field label={label} help={help}>
      {(p) => (
        <select
          {...p}
          className="select"
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        >
          <Options choices={choices} empty={empty} />
        </select>
      )}
    </Field>
  );
}

/** The `<option>`s of a select: an optional empty first choice (value `''`), then `choices`. */
export function Options({ choices, empty }: { choices: readonly Choice[]; empty?: ReactNode }) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {choices.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** A labelled one-line input, or a textarea when `multiline`, holding plain text state. */
export function TextField({
  label,
  help,
  value,
  onChange,
  required,
  multiline = false,
  type,
}: {
  label: ReactNode;
  help?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  /** The input's kind where it is not plain text (a search box, a calendar date). */
  type?: 'search' | 'date';
}) {
  return (
    <Field label={label} help={help} required={required}>
      {(p) =>
        multiline ? (
          <textarea {...p} className="textarea" value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...p}
            className="input"
            type={type}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
