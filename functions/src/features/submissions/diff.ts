import { canonicalJson } from '../audit/chain';

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const leaves = (value: unknown, prefix: string, out: Map<string, unknown>): void => {
  if (isPlainObject(value) || Array.isArray(value)) {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0 && prefix !== '') out.set(prefix, value);
    for (const [k, v] of entries) leaves(v, prefix === '' ? k : `${prefix}.${k}`, out);
    return;
  }
  out.set(prefix, value);
};

/** Field-level differences between two versions of form data (`figures.drugCases`, `hotspots.list.2.result`). */
export const diffData = (before: unknown, after: unknown): Change[] => {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: Change[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (canonicalJson(x ?? null) !== canonicalJson(y ?? null))
      changes.push({ path, before: x ?? null, after: y ?? null });
  }
  return changes;
};
