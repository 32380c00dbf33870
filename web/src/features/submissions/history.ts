import type { HistoryEvent } from './service';

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
 * For a resubmission: the version that was returned, i.e. the version written by the submit before the
 * latest return (each write adds one version and one event, so an event's sequence number is the
 * version it produced). null when nothing was ever returned, or the submission has not come back yet.
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
  const resubmitted = events.slice(lastReturn + 1).some((e) => e.action === 'submit');
  if (!resubmitted) return null;
  for (let i = lastReturn - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.action === 'submit') return e.seq ?? null;
  }
  return null;
}
