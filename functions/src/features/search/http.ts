import { nominationFields } from '@thidua/shared/commendation';
import { inboxContracts as c } from '@thidua/shared/contracts';
import { sensitiveRefs } from '@thidua/shared/forms';
import { unitKindLabels } from '@thidua/shared/org';
import type { SearchHit } from '@thidua/shared/search';
import { MIN_QUERY, normalizeSearch } from '@thidua/shared/search';
import { canReadBelow } from '../../kernel/access';
import type { TableRef } from '../../kernel/data/entity';
import { unitEntity } from '../../kernel/data/keys';
import type { Deps } from '../../kernel/deps';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { templateOf } from '../submissions/use-cases';
import { readsSensitive } from '../submissions/views';
import { type SearchScope, searchEntryEntity } from './keys';

/**
 * The one search box (ADR 0023): each kind of thing is one `begins_with` Query on a key written with the
 * thing — units on their own item's indexes (every user of the tenant may read the unit directory),
 * reports and nominees on search entries in the scopes the shared policy lets the caller read (its unit;
 * below it for those who read below), decisions in the tenant's published scope. Never a Scan.
 */
export const searchRoutes = (
  d: Pick<Deps, 'clients' | 'config' | 'submissions' | 'units' | 'templates'>,
): RouteImpl[] => {
  const ref: TableRef = { table: d.config.tableName, client: d.clients.doc };
  const entries = searchEntryEntity.on(ref);
  const units = unitEntity.on(ref);
  const nameFields = [nominationFields.fullName, nominationFields.collectiveName];

  return [
    userRoute(c.searchEverything, async ({ identity, query }) => {
      const tenantId = identity.tenantId;
      const term = normalizeSearch(query.q);
      if (term.length < MIN_QUERY) return ok({ q: query.q, hits: [] });
      const page = { sort: { beginsWith: term }, limit: query.limit };
      const scopes: SearchScope[] = [
        `UNIT#${identity.unitId}`,
        ...(canReadBelow(identity, { id: identity.unitId, path: [] })
          ? [`BELOW#${identity.unitId}` as const]
          : []),
        'ALL',
      ];
      const [whole, short, ...found] = await Promise.all([
        units.page('byName', { tenantId }, page),
        units.page('byShortName', { tenantId }, page),
        ...scopes.map((scope) => entries.page('primary', { tenantId, scope }, page)),
      ]);
      const hits = new Map<string, SearchHit>();
      for (const u of [...whole.items, ...short.items]) {
        hits.set(`unit#${u.id}`, {
          kind: 'unit',
          id: u.id,
          title: u.name,
          detail: unitKindLabels[u.kind] ?? u.kind,
          unitId: u.id,
        });
      }
      for (const h of found.flatMap((p) => p.items)) hits.set(`${h.kind}#${h.id}`, h);
      const visible = await Promise.all(
        [...hits.values()].map((h) => (h.kind === 'nominee' ? nomineeVisible(h) : h)),
      );
      return ok({
        q: query.q,
        hits: visible.filter((h): h is SearchHit => h !== null).slice(0, query.limit),
      });

      /**
       * A nominee's name is found only by who may read it: the template may mark the name fields
       * sensitive (a reader it does not name gets them redacted), so the hit is checked on the submission.
       */
      async function nomineeVisible(h: SearchHit): Promise<SearchHit | null> {
        const s = h.submissionId ? await d.submissions.get(tenantId, h.submissionId) : undefined;
        if (!s || s.classified) return null;
        const template = await templateOf(d, s);
        const sensitive = sensitiveRefs(template);
        if (nameFields.some((f) => sensitive.has(f)) && !readsSensitive(identity, s, template)) return null;
        return h;
      }
    }),
  ];
};
