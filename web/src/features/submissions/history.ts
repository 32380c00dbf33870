import type { SubmissionState } from '@thidua/shared/workflow';
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

/** Autosaves further apart than this belong to different sittings (a new line in the history). */
export const SESSION_GAP_MS = 2 * 60 * 60 * 1000;

/** One line of the history as people read it: an event, or a sitting's autosaves folded into one. */
export interface HistoryLine {
  /** The event shown (for folded saves, the last one). */
  event: HistoryEvent;
  /** How many autosaves the line stands for (1 for any other event). */
  saves: number;
  /** When the line began (the first save of the sitting). */
  firstAt: string;
}

/**
 * The history in order, with consecutive autosaves by the same person in one sitting folded into one
 * line: "Lưu nháp (4 lần)" once before a submission, not four lines that hide what matters.
 */
export function historyLines(events: readonly HistoryEvent[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const event of events) {
    const prev = lines[lines.length - 1];
    if (
      event.action === 'save' &&
      prev?.event.action === 'save' &&
      prev.event.actorId === event.actorId &&
      Date.parse(event.at) - Date.parse(prev.event.at) <= SESSION_GAP_MS
    ) {
      prev.event = event;
      prev.saves++;
    } else {
      lines.push({ event, saves: 1, firstAt: event.at });
    }
  }
  return lines;
}

/**
 * The version a reviewer compares a resubmission with ("changed since the return"), only while it
 * waits for a decision: once approved or rejected the comparison is history, not news.
 */
export function comparedVersion(state: SubmissionState, events: readonly HistoryEvent[]): number | null {
  return state === 'under_review' || state === 'awaiting_signoff' ? returnedVersion(events) : null;
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
