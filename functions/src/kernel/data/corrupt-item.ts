import type { z } from 'zod';

/**
 * A stored item that does not match its schema: data written by an older version, by hand, or damaged.
 * A domain outcome, not an HTTP error: the API's one mapper answers it as 502 `corrupt_item` naming the
 * item (http/error-response.ts), so a read or audit route says which record is broken instead of a bare
 * 500, and the operator's log line carries the same name.
 */
export class CorruptItem extends Error {
  override readonly name = 'CorruptItem';

  constructor(
    /** The item's `type` attribute (`Submission`, `AuditEvent`, ...), or `unknown`. */
    readonly itemType: string,
    /** Its primary key, `pk` and `sk` as stored. */
    readonly key: { pk: string; sk: string },
    /** The first mismatches, each with the attribute path inside the item. */
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `item ${key.pk}/${key.sk} (${itemType}) does not match its schema: ${issues
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  }
}

const MAX_ISSUES = 3;

/** THE conversion of a failed parse of a stored item into the domain error every reader throws. */
export const corruptItem = (item: Record<string, unknown>, error: z.ZodError): CorruptItem =>
  new CorruptItem(
    typeof item.type === 'string' ? item.type : 'unknown',
    { pk: String(item.pk), sk: String(item.sk) },
    error.issues.slice(0, MAX_ISSUES).map((i) => ({
      path: i.path.map(String).join('.') || '(item)',
      message: i.message,
    })),
  );
