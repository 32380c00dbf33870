/**
 * Unsaved input kept on the device, per submission: whatever was typed survives a reload, a killed tab
 * or a dropped connection, until the server has it. Each copy remembers the server version it was
 * based on, so that on return we can tell "my edits on top of what the server has" from "the server
 * moved on since" (someone else saved, or this copy is stale).
 */
import type { KeyValueStorage } from '../../auth/session';

export interface LocalDraft {
  submissionId: string;
  /** The server version the edits were made on. */
  baseVersion: number;
  values: Record<string, unknown>;
  /** When the copy was written (ISO). */
  savedAt: string;
}

const PREFIX = 'thidua.draft.';

export class DraftStore {
  /**
   * `scope` is the signed-in user: on a shared office computer one officer's unsaved input is never
   * offered to another.
   */
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly scope = '',
  ) {}

  private key(submissionId: string): string {
    return `${PREFIX}${this.scope ? `${this.scope}.` : ''}${submissionId}`;
  }

  read(submissionId: string): LocalDraft | null {
    try {
      const raw = this.storage.getItem(this.key(submissionId));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return null;
      const d = parsed as Record<string, unknown>;
      if (
        d.submissionId !== submissionId ||
        typeof d.baseVersion !== 'number' ||
        typeof d.values !== 'object' ||
        d.values === null ||
        typeof d.savedAt !== 'string'
      ) {
        return null;
      }
      return {
        submissionId,
        baseVersion: d.baseVersion,
        values: d.values as Record<string, unknown>,
        savedAt: d.savedAt,
      };
    } catch {
      return null;
    }
  }

  write(draft: LocalDraft): boolean {
    try {
      this.storage.setItem(this.key(draft.submissionId), JSON.stringify(draft));
      return true;
    } catch {
      // Quota exceeded: the server copy is the only copy; the page says so through its save status.
      return false;
    }
  }

  clear(submissionId: string): void {
    try {
      this.storage.removeItem(this.key(submissionId));
    } catch {
      // Nothing to do.
    }
  }
}

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

export type Reconciliation =
  /** Nothing local, or the local copy says what the server says: start from the server. */
  | { kind: 'server' }
  /** Local edits on top of the server's current version: restore them silently (they are just unsaved). */
  | { kind: 'restore'; values: Record<string, unknown> }
  /** Local edits made on an older version, and the server changed since: the person chooses. */
  | { kind: 'choose'; local: LocalDraft };

export function reconcile(
  local: LocalDraft | null,
  server: { version: number; data: Record<string, unknown> },
): Reconciliation {
  if (!local) return { kind: 'server' };
  if (canonical(local.values) === canonical(server.data)) return { kind: 'server' };
  if (local.baseVersion === server.version) return { kind: 'restore', values: local.values };
  return { kind: 'choose', local };
}
