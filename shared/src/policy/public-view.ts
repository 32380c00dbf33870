/**
 * What may appear on a public page: names, titles and units of awardees, the award, the decision's
 * number, date and signer, and the list's own metadata. Everything else (crime and social-evil figures,
 * personal data such as birth dates, ID numbers, addresses, phone numbers, e-mails, votes, comments'
 * authors) is dropped.
 */
export const PUBLIC_FIELDS = [
  'id',
  'tenantId',
  'campaignId',
  'decisionId',
  'listId',
  'number',
  'symbol',
  'date',
  'signedOn',
  'signedAt',
  'publishedAt',
  'issuedOn',
  'title',
  'name',
  'fullName',
  'kind',
  'nomineeKind',
  'unitId',
  'unitName',
  'awardTypeId',
  'awardTypeName',
  'awardName',
  'signer',
  'signerName',
  'signerTitle',
  'issuer',
  'issuingBody',
  'status',
  'revoked',
  'revokedAt',
  'revokedOn',
  'revocationReason',
  'revocationNumber',
  'awardees',
  'items',
  'entries',
  'nominees',
  'opensAt',
  'closesAt',
  'year',
] as const;

const allowed: ReadonlySet<string> = new Set<string>(PUBLIC_FIELDS);

/**
 * A copy of `value` keeping only the keys in `PUBLIC_FIELDS` (plus `extraAllowed`), at every depth.
 * An allow-list, so a field added later stays private until someone decides otherwise.
 */
export function publicView<T>(value: T, extraAllowed: readonly string[] = []): unknown {
  const keep = extraAllowed.length === 0 ? allowed : new Set<string>([...allowed, ...extraAllowed]);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (keep.has(k)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value);
}
