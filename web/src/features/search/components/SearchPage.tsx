import { useQuery } from '@tanstack/react-query';
import { searchEverything } from '@thidua/shared/contracts';
import { MIN_QUERY, type SearchKind } from '@thidua/shared/search';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { useApi, useSession } from '../../../app/services';
import { useT } from '../../../i18n';
import { Pending } from '../../../ui';
import { hitLink } from '../links';

const KINDS: readonly SearchKind[] = ['unit', 'submission', 'nominee', 'decision'];

/** What the header's search box found, by kind, each a link; only what the caller may read. */
export function SearchPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const result = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.call(searchEverything, { query: { q }, signal }),
    enabled: q.length >= MIN_QUERY,
    staleTime: 30_000,
  });
  const hits = result.data?.hits ?? [];
  return (
    <div>
      <h1>{t('search.title', { q })}</h1>
      {q.length < MIN_QUERY ? (
        <p className="muted">{t('search.tooShort', { n: MIN_QUERY })}</p>
      ) : (
        <Pending
          error={result.isError ? describeError(result.error, t) : undefined}
          pending={result.isPending}
        >
          {hits.length === 0 ? <p>{t('search.none')}</p> : null}
          {KINDS.map((kind) => {
            const group = hits.filter((h) => h.kind === kind);
            if (group.length === 0) return null;
            return (
              <section key={kind} className="card" aria-labelledby={`search-${kind}`}>
                <h2 id={`search-${kind}`}>{t(`search.kind.${kind}`)}</h2>
                <ul className="search-hits">
                  {group.map((h) => (
                    <li key={h.id}>
                      <Link to={hitLink(h, session?.claims.tenantId ?? '')}>{h.title}</Link>
                      {h.detail ? <span className="muted"> — {h.detail}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </Pending>
      )}
    </div>
  );
}
