import { SearchHit } from '@thidua/shared/search';
import { defineEntity, sortKey, tenantPrefix as t } from '../../kernel/data/entity';

/**
 * Where a search entry is read from (ADR 0023): `ALL` the tenant's published things (decisions),
 * `UNIT#<u>` the unit's own reports, `BELOW#<u>` the reports of the units below it. A caller reads its
 * unit's partition, and the one below it when the policy lets it read below.
 */
export type SearchScope = 'ALL' | `UNIT#${string}` | `BELOW#${string}`;

/**
 * A search entry: one folded term (`searchTerms`) of one thing in one scope, written in the same
 * transaction as the thing; `begins_with(sk, <folded query>)` is the search.
 */
export const searchEntryEntity = defineEntity({
  type: 'SearchEntry',
  schema: SearchHit,
  pk: (e: { tenantId: string; scope: SearchScope }) => `${t(e.tenantId)}#SEARCH#${e.scope}`,
  sk: sortKey('', (e: { term: string; kind: string; id: string }) => `${e.term}#${e.kind}#${e.id}`),
  attributes: ({
    tenantId: _t,
    scope: _s,
    term: _term,
    ...hit
  }: SearchHit & { tenantId: string; scope: SearchScope; term: string }) => hit,
});
