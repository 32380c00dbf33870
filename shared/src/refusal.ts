/** The statuses a domain refusal answers: not allowed, not in the state it must be in, a rule broken. */
export type RefusalStatus = 403 | 409 | 422;

/**
 * A pure transition's refusal (the submission workflow's, the commendation lifecycles'): its code, a
 * message for the user, its HTTP status from the domain's one table, and the fields at fault, if any.
 */
export interface Refusal<C extends string, Detail> {
  code: C;
  /** Vietnamese, for the user. */
  message: string;
  status: RefusalStatus;
  details?: Detail[];
}

/** A domain's refusal maker: the status of a code comes from the domain's table, never from the caller. */
export const refusalMaker =
  <C extends string, Detail>(statuses: Readonly<Record<C, RefusalStatus>>) =>
  (code: C, message: string, details?: Detail[]): Refusal<C, Detail> => ({
    code,
    message,
    status: statuses[code],
    ...(details !== undefined ? { details } : {}),
  });
