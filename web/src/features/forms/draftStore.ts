/**
 * Unsaved input kept on the device, per submission: whatever was typed survives a reload, a killed tab
 * or a dropped connection, until the server has it. Each copy remembers the server version it was
 * based on, so that on return we can tell "my edits on top of what the server has" from "the server
 * moved on since" (someone else saved, or this copy is stale).
 */
import { canonical, type MergeResult, mergeThreeWay } from '@thidua/shared/forms';
import type { KeyValueStorage } from '../../auth/session';

export interface LocalDraft {
  submissionId: string;
  /** The server version the edits were made on. */
  baseVersion: number;
  values: Record<string, unknown>;
  /**
   * The server's data at `baseVersion` (with its kept invalid input): the base of a three-way merge
   * when the server moved on meanwhile. Absent in copies written before it was kept.
   */
  base?: Record<string, unknown>;
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
        ...(typeof d.base === 'object' && d.base !== null ? { base: d.base as Record<string, unknown> } : {}),
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

// One comparison of form data for the device and the merge (shared/src/forms/merge.ts).
export { canonical };

export type Reconciliation =
  /** Nothing local, or the local copy says what the server says: start from the server. */
  | { kind: 'server' }
  /** Local edits on top of the server's current version: restore them silently (they are just unsaved). */
  | { kind: 'restore'; values: Record<string, unknown> }
  /**
   * Local edits made on an older version, and the server changed since: merged field by field against
   * the version the edits were made on; the person confirms, and decides the fields changed on both sides.
   */
  | { kind: 'choose'; local: LocalDraft; merge: MergeResult };

export function reconcile(
  local: LocalDraft | null,
  server: { version: number; data: Record<string, unknown> },
): Reconciliation {
  if (!local) return { kind: 'server' };
  if (canonical(local.values) === canonical(server.data)) return { kind: 'server' };
  if (local.baseVersion === server.version) return { kind: 'restore', values: local.values };
  // A copy without its base (written before bases were kept): every differing field is asked.
  return { kind: 'choose', local, merge: mergeThreeWay(local.base ?? {}, local.values, server.data) };
}
