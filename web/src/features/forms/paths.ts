import type { Field, FormDefinition } from '@thidua/shared/forms';

/**
 * Names and ids of form controls. The form's values mirror the submission data
 * (`data[section][field]`), so a react-hook-form name is the dotted data path: `figures.drugCases`,
 * `hotspots.list.2.result`, `criteria.c1.selfScore`.
 */
export const fieldName = (sectionKey: string, fieldKey: string): string => `${sectionKey}.${fieldKey}`;

/** A DOM id derived from a name, so an error from the API can focus the control that caused it. */
export const domIdFor = (name: string): string => `fld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface ErrorTarget {
  /** The react-hook-form name to attach the error to. */
  name: string;
  /** The label of the field, for the error summary. */
  label: string;
}

/**
 * Where to show an error reported at `path` (from the API's `details[].path` or from the shared
 * validator): the most specific control that exists. The API reports body paths (`data.figures.x`);
 * the leading `data` is dropped. Returns null when the path is not inside the form (then the error is
 * shown at the top of the form).
 */
export function resolveErrorTarget(definition: FormDefinition, rawPath: string): ErrorTarget | null {
  const parts = rawPath.split('.').filter((p) => p !== '');
  if (parts[0] === 'data') parts.shift();
  const [sectionKey, fieldKey, ...rest] = parts;
  const section = definition.sections.find((s) => s.key === sectionKey);
  if (!section || fieldKey === undefined) return null;
  const field: Field | undefined = section.fields.find((f) => f.key === fieldKey);
  if (!field) return null;
  const base = fieldName(section.key, field.key);
  if (field.type === 'table') {
    const [row, column] = rest;
    const col = field.columns.find((c) => c.key === column);
    if (row !== undefined && /^\d+$/.test(row) && col) {
      return {
        name: `${base}.${row}.${col.key}`,
        label: `${field.label} – ${col.label} (${Number(row) + 1})`,
      };
    }
    return { name: base, label: field.label };
  }
  if (field.type === 'score') {
    const part = rest[0];
    if (part === 'selfScore' || part === 'reviewerScore' || part === 'note') {
      return { name: `${base}.${part}`, label: field.label };
    }
    return { name: `${base}.selfScore`, label: field.label };
  }
  // Lists (multi-select items, files) report item paths; the control is the whole field.
  return { name: base, label: field.label };
}
