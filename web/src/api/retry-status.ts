import { useSyncExternalStore } from 'react';

/**
 * How many API calls are waiting to retry right now (the server answered 503, or a write lost its
 * connection): the app shell says "Máy chủ đang bận, đang thử lại…" while it is above zero. Every client
 * made by `createApiClient` reports here unless given its own `onRetry`.
 */
let waiting = 0;
const listeners = new Set<() => void>();

const notify = (): void => {
  for (const l of listeners) l();
};

export const retryStatus = {
  /** A call started waiting for its next attempt; call the returned function once it has finished. */
  begin(): () => void {
    waiting++;
    notify();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      waiting--;
      notify();
    };
  },
  retrying(): boolean {
    return waiting > 0;
  },
  subscribe(onChange: () => void): () => void {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  },
};

/** True while at least one API call is retrying. */
export function useRetrying(): boolean {
  return useSyncExternalStore(retryStatus.subscribe, retryStatus.retrying, () => false);
}
