import { type ReactNode, useId } from 'react';

/** What a control needs to be announced with its label, help and error. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Optional extra shown after the label (e.g. "max 10 points"). */
  hint?: ReactNode;
  className?: string;
  /** Use the given id instead of a generated one (lets a form focus the field of an API error). */
  id?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control whose help text and error are wired through `aria-describedby`, and whose error
 * is announced and visible next to it. The control itself is rendered by the caller.
 */
export function Field({ label, help, error, required, hint, className, id: givenId, children }: FieldProps) {
  const generated = useId();
  const id = givenId ?? `f${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
        {hint ? <span className="field-hint"> {hint}</span> : null}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

export interface FieldsetProps {
  legend: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  id?: string;
  children: ReactNode;
}

/** A group of controls (radios, checkboxes, a table) with one legend, help and error. */
export function Fieldset({ legend, help, error, required, id: givenId, children }: FieldsetProps) {
  const generated = useId();
  const id = givenId ?? `g${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={['fieldset', error ? 'field-invalid' : ''].join(' ').trim()}
      id={id}
      aria-describedby={[errorId, helpId].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="field-label">
        {legend}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
