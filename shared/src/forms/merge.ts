/**
 * Three-way merge of a form's data, field by field (issue 15): two copies of a draft that both moved on
 * from the same version (the phone and the PC, or two officers) are merged against that base version.
 * A field changed on one side only takes that side's value without asking; a field changed on both sides
 * to different values is a conflict the person decides. A table whose rows stayed the same number on all
 * three sides merges row by row. Nothing is silently discarded: every field where the sides differ is
 * either merged (and listed) or asked.
 */

/** Stable JSON for comparing form data (key order does not matter, empty values do not count). */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = norm((v as Record<string, unknown>)[k]);
        if (x === undefined || x === null || x === '') continue;
        if (typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0) continue;
        out[k] = x;
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value) ?? null);
}

type Data = Record<string, unknown>;
type Path = (string | number)[];

export interface MergeConflict {
  /** `section.field` or `section.table.<row>`. */
  path: string;
  base: unknown;
  local: unknown;
  remote: unknown;
}

export interface MergeResult {
  /** The merged data; a conflict holds the remote value until `resolveMerge` says otherwise. */
  merged: Data;
  /** Fields taken from one side without asking. */
  fromLocal: string[];
  fromRemote: string[];
  conflicts: MergeConflict[];
}

const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
/** The value at a path of form data (own properties only), undefined when absent. */
export const valueAt = (root: unknown, path: readonly (string | number)[]): unknown => {
  let cur = root;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === 'number') cur = cur[p];
    else if (isRecord(cur) && typeof p === 'string' && Object.hasOwn(cur, p)) cur = cur[p];
    else return undefined;
  }
  return cur;
};
const set = (root: Data, path: Path, value: unknown): void => {
  let cur: unknown = root;
  for (const [i, p] of path.entries()) {
    const last = i === path.length - 1;
    if (Array.isArray(cur) && typeof p === 'number') {
      if (last) cur[p] = value === undefined ? {} : structuredClone(value);
      else cur = cur[p];
    } else if (isRecord(cur) && typeof p === 'string') {
      if (last) {
        if (value === undefined) delete cur[p];
        else cur[p] = structuredClone(value);
      } else {
        if (!isRecord(cur[p]) && !Array.isArray(cur[p])) cur[p] = {};
        cur = cur[p];
      }
    }
  }
};
const keysOf = (...vs: unknown[]): string[] => [
  ...new Set(vs.flatMap((v) => (isRecord(v) ? Object.keys(v) : []))),
];

/** The units merged one by one: every field of every section, a table's rows when their count held. */
function units(base: Data, local: Data, remote: Data): Path[] {
  const out: Path[] = [];
  for (const s of keysOf(base, local, remote).sort()) {
    const sections = [base[s], local[s], remote[s]];
    for (const f of keysOf(...sections).sort()) {
      const values = sections.map((x) => valueAt(x, [f]));
      const rows = values.every((v) => Array.isArray(v) && v.every(isRecord))
        ? new Set(values.map((v) => (v as unknown[]).length))
        : null;
      const n = rows?.size === 1 ? [...rows][0] : undefined;
      if (n !== undefined && n > 0) for (let i = 0; i < n; i++) out.push([s, f, i]);
      else out.push([s, f]);
    }
  }
  return out;
}

export function mergeThreeWay(base: Data, local: Data, remote: Data): MergeResult {
  const merged = structuredClone(remote);
  const result: MergeResult = { merged, fromLocal: [], fromRemote: [], conflicts: [] };
  for (const path of units(base, local, remote)) {
    const b = valueAt(base, path);
    const l = valueAt(local, path);
    const r = valueAt(remote, path);
    const key = path.join('.');
    if (same(l, r)) continue;
    if (same(b, r)) {
      set(merged, path, l);
      result.fromLocal.push(key);
    } else if (same(b, l)) result.fromRemote.push(key);
    else result.conflicts.push({ path: key, base: b, local: l, remote: r });
  }
  return result;
}

/** The merge with the person's answer for each conflict (`local` keeps this device's value). */
export function resolveMerge(
  result: MergeResult,
  choices: Readonly<Record<string, 'local' | 'remote'>>,
): Data {
  const out = structuredClone(result.merged);
  for (const c of result.conflicts) {
    if (choices[c.path] !== 'local') continue;
    set(
      out,
      c.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      c.local,
    );
  }
  return out;
}
