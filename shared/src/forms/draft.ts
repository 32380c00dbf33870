import * as z from 'zod';
import { valueAt } from './merge';
import type { FormData, FormDefinition } from './schema';
import { type IssuePath, validateFormData } from './validate';

/**
 * What a person typed that does not fit its field yet ("12a" in a number, a date half typed), kept with
 * the draft instead of refusing the whole save: the valid fields reach the server, the invalid ones are
 * kept beside them and flagged, and nothing typed is lost between devices. `path` is a field
 * (`figures.cases`), a table row (`list.rows.2`) or a table cell (`list.rows.2.result`).
 */
export const InvalidEntry = z.object({
  path: z.string().min(1).max(300),
  value: z.unknown(),
  message: z.string(),
});
export type InvalidEntry = z.infer<typeof InvalidEntry>;

/**
 * The most a draft keeps of invalid input (its JSON): data (≤ 256 KB body) and the kept input share one
 * DynamoDB item of at most 400 KB.
 */
export const INVALID_KEPT_MAX_BYTES = 64 * 1024;

export type DraftSplit =
  | { ok: true; value: FormData; invalid: InvalidEntry[] }
  /** Kept input beyond `INVALID_KEPT_MAX_BYTES`, or data that is not a form's at all. */
  | { ok: false; issues: { path: string; message: string }[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The unit an issue keeps: its table cell, its table row, or else its whole field (or section). */
function keptUnit(definition: FormDefinition, path: IssuePath): IssuePath {
  const field = definition.sections.find((s) => s.key === path[0])?.fields.find((f) => f.key === path[1]);
  if (field?.type === 'table' && typeof path[2] === 'number') {
    return typeof path[3] === 'string' ? path.slice(0, 4) : path.slice(0, 3);
  }
  return path.slice(0, 2);
}

/** Removes a kept unit from the cleaned data (a row becomes empty so later rows keep their index). */
function drop(value: Record<string, unknown>, unit: IssuePath): void {
  const parent = valueAt(value, unit.slice(0, -1));
  const last = unit[unit.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = {};
  else if (isRecord(parent) && typeof last === 'string') delete parent[last];
  else if (unit.length === 1 && typeof last === 'string') delete value[last];
}

/**
 * Splits a draft into its valid data (cleaned as `validateFormData` in draft mode cleans it, computed
 * fields recomputed without the invalid input) and its invalid input, kept raw with the message that
 * says why. Pure; the server stores both, the browser shows the kept input back in its fields.
 */
export function splitDraft(definition: FormDefinition, input: Record<string, unknown>): DraftSplit {
  const first = validateFormData(definition, input, { mode: 'draft' });
  if (first.ok) return { ok: true, value: first.value, invalid: [] };
  const units = new Map<string, { unit: IssuePath; message: string }>();
  for (const issue of first.issues) {
    if (issue.path.length === 0) return { ok: false, issues: [{ path: '', message: issue.message }] };
    const unit = keptUnit(definition, issue.path);
    const key = unit.join('.');
    if (!units.has(key)) units.set(key, { unit, message: issue.message });
  }
  const invalid: InvalidEntry[] = [];
  const trimmed = structuredClone(input);
  for (const [path, { unit, message }] of units) {
    invalid.push({ path, value: valueAt(input, unit), message });
    drop(trimmed, unit);
  }
  if (JSON.stringify(invalid).length > INVALID_KEPT_MAX_BYTES) {
    return {
      ok: false,
      issues: invalid.map((i) => ({ path: i.path, message: i.message })),
    };
  }
  // Once the invalid input is out, what remains is valid by construction; the second pass recomputes
  // the totals without it. Should it still find something, nothing is hidden: the save is refused.
  const second = validateFormData(definition, trimmed, { mode: 'draft' });
  if (!second.ok) {
    return { ok: false, issues: second.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  return { ok: true, value: second.value, invalid };
}

/** The draft as a person last typed it: the valid data with the kept invalid input put back in place. */
export function withInvalidInput(data: FormData | Record<string, unknown>, invalid: readonly InvalidEntry[]) {
  const out = structuredClone(data) as Record<string, unknown>;
  for (const entry of invalid) {
    const parts = entry.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let cur: unknown = out;
    for (const [i, p] of parts.entries()) {
      const last = i === parts.length - 1;
      const nextIsIndex = typeof parts[i + 1] === 'number';
      if (Array.isArray(cur) && typeof p === 'number') {
        if (last) cur[p] = entry.value;
        else {
          while (cur.length <= p) cur.push({});
          cur = cur[p];
        }
      } else if (isRecord(cur) && typeof p === 'string') {
        if (last) cur[p] = entry.value;
        else {
          if (!isRecord(cur[p]) && !Array.isArray(cur[p])) cur[p] = nextIsIndex ? [] : {};
          cur = cur[p];
        }
      } else break;
    }
  }
  return out;
}

/**
 * A copy of a draft as the merge compares it: cleaned the way the server stores it (numbers typed as
 * text become numbers), its invalid input back in place, computed fields left out (the server recomputes
 * them, so they are never a person's edit to merge or to ask about).
 */
export function mergeable(
  definition: FormDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const split = splitDraft(definition, data);
  const typed = split.ok ? withInvalidInput(split.value, split.invalid) : structuredClone(data);
  for (const section of definition.sections) {
    const values = typed[section.key];
    if (!isRecord(values)) continue;
    for (const field of section.fields) if (field.type === 'computed') delete values[field.key];
  }
  return typed;
}
