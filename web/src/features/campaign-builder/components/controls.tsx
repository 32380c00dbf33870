import { createContext, type ReactNode, useContext } from 'react';
import { useCatalogue } from '../../../i18n';
import { Button, type Choice, type ControlProps, Field, Fieldset } from '../../../ui';
import { builderMessages } from '../messages';
import {
  type BuilderCampaign,
  endInstant,
  fieldId,
  getIn,
  lastDay,
  openingDay,
  openingInstant,
  type Path,
  pathKey,
} from '../model';

/**
 * Controls bound to the campaign by path: each reads its value at `path`, writes through `set`, shows
 * the issue found at its path, and carries the id (`fieldId(path)`) an issue in the summary links to.
 */
export interface Binding {
  draft: BuilderCampaign;
  set: (path: Path, value: unknown) => void;
  issues: ReadonlyMap<string, string>;
}

const BindingContext = createContext<Binding | null>(null);
export const BindingProvider = BindingContext.Provider;

export function useBinding(): Binding {
  const b = useContext(BindingContext);
  if (!b) throw new Error('useBinding outside BindingProvider');
  return b;
}

export const useBuilderT = () => useCatalogue(builderMessages);

interface Common {
  path: Path;
  label: ReactNode;
  help?: ReactNode;
  required?: boolean;
}

export function TextInput({ path, label, help, required, multiline }: Common & { multiline?: boolean }) {
  const { draft, set, issues } = useBinding();
  const value = String(getIn(draft, path) ?? '');
  return (
    <Field id={fieldId(path)} label={label} help={help} required={required} error={issues.get(pathKey(path))}>
      {(p) =>
        multiline ? (
          <textarea {...p} className="textarea" value={value} onChange={(e) => set(path, e.target.value)} />
        ) : (
          <input {...p} className="input" value={value} onChange={(e) => set(path, e.target.value)} />
        )
      }
    </Field>
  );
}

/** A whole number; empty keeps `undefined` when `optional` (the schema's default applies). */
export function NumberInput({
  path,
  label,
  help,
  required,
  optional,
  min,
  max,
}: Common & {
  optional?: boolean;
  min?: number;
  max?: number;
}) {
  const { draft, set, issues } = useBinding();
  const v = getIn(draft, path);
  return (
    <Field id={fieldId(path)} label={label} help={help} required={required} error={issues.get(pathKey(path))}>
      {(p) => (
        <NumberControl
          control={p}
          min={min}
          max={max}
          value={typeof v === 'number' ? String(v) : ''}
          onChange={(raw) => set(path, raw === '' ? (optional ? undefined : 0) : Number(raw))}
        />
      )}
    </Field>
  );
}

/**
 * A day. `as`: `date` keeps the calendar date; `opening` keeps the instant the day starts in Vietnam;
 * `end` keeps the exclusive instant after the day (deadlines and closing days include the day typed).
 */
export function DateInput({
  path,
  label,
  help,
  required,
  as = 'date',
  nullable,
}: Common & {
  as?: 'date' | 'opening' | 'end';
  nullable?: boolean;
}) {
  const { draft, set, issues } = useBinding();
  const raw = getIn(draft, path);
  const stored = typeof raw === 'string' ? raw : '';
  const shown = as === 'date' ? stored : as === 'opening' ? openingDay(stored) : lastDay(stored);
  const write = (day: string) => {
    if (day === '' && nullable) return set(path, null);
    set(path, as === 'date' ? day : as === 'opening' ? openingInstant(day) : endInstant(day));
  };
  return (
    <Field id={fieldId(path)} label={label} help={help} required={required} error={issues.get(pathKey(path))}>
      {(p) => (
        <input {...p} className="input" type="date" value={shown} onChange={(e) => write(e.target.value)} />
      )}
    </Field>
  );
}

/** A `<select>`; `empty` adds a first choice that writes `emptyValue` (default `''`). */
export function SelectInput({
  path,
  label,
  help,
  required,
  choices,
  empty,
  emptyValue = '',
}: Common & {
  choices: readonly Choice[];
  empty?: ReactNode;
  emptyValue?: unknown;
}) {
  const { draft, set, issues } = useBinding();
  const v = getIn(draft, path);
  const value = v === emptyValue || v === undefined || v === null ? '' : String(v);
  return (
    <Field id={fieldId(path)} label={label} help={help} required={required} error={issues.get(pathKey(path))}>
      {(p) => (
        <select
          {...p}
          className="select"
          value={value}
          onChange={(e) => set(path, e.target.value === '' ? emptyValue : e.target.value)}
        >
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Checkboxes over `choices` writing the chosen values (in `choices` order) as an array at `path`. */
export function CheckboxList({
  path,
  label,
  help,
  required,
  choices,
  id,
}: Common & {
  choices: readonly Choice[];
  /** When several lists share a path (periods by kind): their own id, and the path's issue shown once elsewhere. */
  id?: string;
}) {
  const { draft, set, issues } = useBinding();
  const chosen = (getIn(draft, path) as string[] | undefined) ?? [];
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    // Values not offered (a unit closed since) are kept, after the offered ones.
    set(path, [
      ...choices.map((c) => c.value).filter((v) => next.has(v)),
      ...chosen.filter((v) => next.has(v) && !choices.some((c) => c.value === v)),
    ]);
  };
  return (
    <Fieldset
      id={id ?? fieldId(path)}
      legend={label}
      help={help}
      required={required}
      error={id ? undefined : issues.get(pathKey(path))}
    >
      <Checkboxes choices={choices} chosen={chosen} onToggle={toggle} />
    </Fieldset>
  );
}

export function Switch({ path, label }: { path: Path; label: ReactNode }) {
  const { draft, set } = useBinding();
  return (
    <label className="choice" id={fieldId(path)}>
      <input
        type="checkbox"
        checked={getIn(draft, path) === true}
        onChange={(e) => set(path, e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * A list at `path` (contents, forms, windows, deadlines, exceptions, chains, rules): each item in its
 * own group named by `title(i)`, with a remove button that says what it removes, and an add button.
 */
export function Repeater<T>({
  path,
  legend,
  help,
  title,
  make,
  addLabel,
  children,
}: {
  path: Path;
  legend: ReactNode;
  help?: ReactNode;
  title: (item: T, i: number) => string;
  make: (items: readonly T[]) => T;
  addLabel: string;
  children: (item: T, i: number) => ReactNode;
}) {
  const { draft, set, issues } = useBinding();
  const t = useBuilderT();
  const items = (getIn(draft, path) as T[] | undefined) ?? [];
  return (
    <Fieldset id={fieldId(path)} legend={legend} help={help} error={issues.get(pathKey(path))}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own; order is their identity
        <section key={i} className="cb-item" aria-label={title(item, i)} id={fieldId([...path, i])}>
          <div className="row row-between">
            <h4 className="cb-item-title">{title(item, i)}</h4>
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                set(
                  path,
                  items.filter((_, j) => j !== i),
                )
              }
              aria-label={t('removeItem', { item: title(item, i) })}
            >
              {t('remove')}
            </Button>
          </div>
          {children(item, i)}
        </section>
      ))}
      <Button size="sm" onClick={() => set(path, [...items, make(items)])}>
        {addLabel}
      </Button>
    </Fieldset>
  );
}

/** A row of checkboxes, each 44 px high, for values chosen from `choices`. */
export function Checkboxes({
  choices,
  chosen,
  onToggle,
}: {
  choices: readonly Choice[];
  chosen: readonly string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  return (
    <div className="cb-choices">
      {choices.map((c) => (
        <label key={c.value} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(c.value)}
            onChange={(e) => onToggle(c.value, e.target.checked)}
          />
          <span>{c.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A whole-number input (numeric keyboard on phones); `onChange` gets the trimmed text. */
export function NumberControl({
  control,
  value,
  onChange,
  min,
  max,
}: {
  control: ControlProps;
  value: string;
  onChange: (raw: string) => void;
  min?: number | undefined;
  max?: number | undefined;
}) {
  return (
    <input
      {...control}
      className="input"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={value}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}
