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
  const { id, describedBy } = useDescribedId('f', givenId, error, help);
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
        {hint ? <span className="field-hint"> {hint}</span> : null}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      <Notes id={id} error={error} help={help} />
    </div>
  );
}

/** The id of a field or group (given, or a generated one valid in CSS selectors) and what describes it. */
function useDescribedId(
  prefix: string,
  givenId: string | undefined,
  error: string | undefined,
  help: ReactNode,
) {
  const generated = useId();
  const id = givenId ?? `${prefix}${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const describedBy =
    [error ? `${id}-error` : undefined, help ? `${id}-help` : undefined].filter(Boolean).join(' ') ||
    undefined;
  return { id, describedBy };
}

/** The error then the help of a field or group, with the ids its `aria-describedby` names. */
function Notes({ id, error, help }: { id: string; error: string | undefined; help: ReactNode }) {
  return (
    <>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </>
  );
}

/** The visual "required" star (the control itself carries `aria-required`). */
function RequiredMark() {
  return (
    <span className="field-required" aria-hidden="true">
      {' '}
      *
    </span>
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
  const { id, describedBy } = useDescribedId('g', givenId, error, help);
  return (
    <fieldset
      className={['fieldset', error ? 'field-invalid' : ''].join(' ').trim()}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="field-label">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      <Notes id={id} error={error} help={help} />
      {children}
    </fieldset>
  );
}
