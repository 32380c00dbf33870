import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../i18n';
import { Badge, Skeleton } from '../../../ui';
import { useC, useCommendations } from '../common';

const tone = { decision: 'success', revocation: 'danger', batch_returned: 'warning' } as const;

/** What the province told the unit: decisions that concern it, revocations, returned tờ trình. */
export function NotificationsPage() {
  const c = useC();
  const svc = useCommendations();
  const q = useQuery({ queryKey: ['commendations', 'notifications'], queryFn: () => svc.notifications() });
  return (
    <div className="stack">
      <h1>{c('notifications.title')}</h1>
      {q.isLoading ? <Skeleton label={c('loading')} /> : null}
      {q.data?.length === 0 ? <p className="muted">{c('notifications.none')}</p> : null}
      <ul className="c-list">
        {(q.data ?? []).map((n) => (
          <li key={n.id} className="card c-item">
            <Badge tone={tone[n.kind]}>{formatDateTime(n.at)}</Badge>
            <span>{n.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
