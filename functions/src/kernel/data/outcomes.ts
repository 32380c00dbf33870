/**
 * What a refused or accepted write comes to, in domain terms. Repositories return these; the HTTP
 * layer decides what each means for the caller (kernel/outcomes.ts).
 */
export interface Written {
  kind: 'written';
}
/** A create found the item there already. */
export interface AlreadyExists<C = undefined> {
  kind: 'already_exists';
  current: C;
}
/** A replace found no item to replace. */
export interface NotFound {
  kind: 'not_found';
}
/** Someone else changed the item first: `current` is the item as it is now, when it could be read. */
export interface Conflict<C> {
  kind: 'conflict';
  current: C | undefined;
}
/** Another condition of the transaction refused it (an idempotency record, an event that exists...). */
export interface ConditionFailed {
  kind: 'condition_failed';
  reason: string;
}

export const written: Written = { kind: 'written' };

/** The outcome of writing one entity with `create` (must not exist) or `replace` (must exist). */
export type SaveOutcome = Written | AlreadyExists | NotFound | ConditionFailed;

export type WriteMode = 'create' | 'replace';
