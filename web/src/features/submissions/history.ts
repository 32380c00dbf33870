import type { Diff, HistoryEvent } from './service';

/** The last event of a kind (the latest return or rejection carries the reason the author must read). */
export function lastEvent(
  events: readonly HistoryEvent[],
  action: HistoryEvent['action'],
): HistoryEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.action === action) return e;
  }
  return undefined;
}

/**
 * For a resubmission: the version that was returned — the version the submit before the latest return
 * produced (the data snapshot is taken at each submit). null when nothing was returned, or the
 * submission has not come back since.
 */
export function returnedVersion(events: readonly HistoryEvent[]): number | null {
  let lastReturn = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]?.action === 'return') {
      lastReturn = i;
      break;
    }
  }
  if (lastReturn < 0) return null;
  if (!events.slice(lastReturn + 1).some((e) => e.action === 'submit')) return null;
  for (let i = lastReturn - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.action === 'submit') return e.version;
  }
  return null;
}

type Data = Record<string, unknown>;
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null;

/**
 * The data as it was, rebuilt from the current data and the API's list of changes (`path` dotted, at
 * any depth; `before` undefined = the value did not exist).
 */
export function previousData(current: Data, changes: Diff['changes']): Data {
  const out: Data = structuredClone(current);
  for (const change of changes) {
    const parts = change.path.split('.').filter((p) => p !== '');
    if (parts[0] === 'data') parts.shift();
    if (parts.length === 0) continue;
    let node: unknown = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i] ?? '';
      if (!isContainer(node)) break;
      const rec = node as Record<string, unknown>;
      if (!isContainer(rec[key])) rec[key] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
      node = rec[key];
    }
    if (!isContainer(node)) continue;
    const last = parts[parts.length - 1] ?? '';
    const rec = node as Record<string, unknown>;
    if (change.before === undefined) {
      if (Array.isArray(node) && /^\d+$/.test(last)) node.splice(Number(last), 1);
      else delete rec[last];
    } else rec[last] = change.before;
  }
  return out;
}
