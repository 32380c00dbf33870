import type { ReactNode } from 'react';
import { Field, Options } from '../../../ui';

/**
 * The builder's small setting controls: a label and one input each, holding plain values (a number
 * setting is `undefined` when left empty, so an empty limit is no limit).
 */

export function TextSetting({
  label,
  value,
  onChange,
  help,
  multiline = false,
  required = false,
  id,
}: {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  help?: ReactNode;
  multiline?: boolean;
  required?: boolean;
  id?: string;
}) {
  return (
    <Field label={label} help={help} required={required} {...(id ? { id } : {})}>
      {(p) =>
        multiline ? (
          <textarea
            {...p}
            className="textarea"
            rows={2}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...p} className="input" value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function NumberSetting({
  label,
  value,
  onChange,
  integer = false,
}: {
  label: ReactNode;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  integer?: boolean;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <input
          {...p}
          className="input builder-number"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => {
            const raw = e.target.value.trim().replace(',', '.');
            if (raw === '') return onChange(undefined);
            const n = Number(raw);
            if (Number.isFinite(n)) onChange(integer ? Math.trunc(n) : n);
          }}
        />
      )}
    </Field>
  );
}

export function CheckSetting({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** An object without the keys whose value is `undefined` (optional settings left empty). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A compact `<select>` whose label is read by screen readers only (a row of pickers). */
export function PickerSelect({
  id,
  label,
  value,
  onChange,
  choices,
  empty,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  choices: readonly { value: string; label: string }[];
  /** A first choice with the value `''`. */
  empty?: string;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <Options choices={choices} empty={empty} />
      </select>
    </>
  );
}

/** The length limits of a text field. */
export function LengthSettings({
  minLength,
  maxLength,
  onChange,
}: {
  minLength: number | undefined;
  maxLength: number | undefined;
  onChange: (patch: { minLength?: number | undefined; maxLength?: number | undefined }) => void;
}) {
  return (
    <>
      <NumberSetting
        integer
        label="Số ký tự tối thiểu"
        value={minLength}
        onChange={(v) => onChange({ minLength: v })}
      />
      <NumberSetting
        integer
        label="Số ký tự tối đa"
        value={maxLength}
        onChange={(v) => onChange({ maxLength: v })}
      />
    </>
  );
}
