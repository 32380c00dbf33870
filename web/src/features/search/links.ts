import type { SearchHit } from '@thidua/shared/search';

/**
 * Where a hit leads: a report or a nomination opens; a unit opens its reports in the inbox's subtree view
 * (the API answers only within the caller's scope); a decision opens the tenant's published decisions.
 */
export function hitLink(h: SearchHit, tenantId: string): string {
  switch (h.kind) {
    case 'submission':
    case 'nominee':
      return `/submissions/${h.submissionId ?? h.id}`;
    case 'unit':
      return `/inbox?view=subtree&campaign=all&unit=${encodeURIComponent(h.id)}`;
    case 'decision':
      return `/public/${encodeURIComponent(tenantId)}/decisions`;
  }
}
