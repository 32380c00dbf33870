import { useQuery } from '@tanstack/react-query';
import type { UnitNotification } from '@thidua/shared/commendation';
import { authorizeWorkspace } from '@thidua/shared/policy';
import { Link } from 'react-router';
import { useSession } from '../../../app/services';
import { workspaceContextOf } from '../../../auth/workspace';
import { formatDateTime } from '../../../i18n';
import { useShellMe } from '../../../layout/useShellMe';
import { Badge, Skeleton } from '../../../ui';
import { useC, useCommendations } from '../common';
import { notificationLink } from '../links';

const tone = { decision: 'success', revocation: 'danger', batch_returned: 'warning' } as const;

/** What the province told the unit: decisions that concern it, revocations, returned tờ trình. */
export function NotificationsPage() {
  const c = useC();
  const svc = useCommendations();
  const session = useSession();
  const tenantId = session?.claims.tenantId ?? '';
  const me = useShellMe();
  const q = useQuery({ queryKey: ['commendations', 'notifications'], queryFn: () => svc.notifications() });
  // The head of a commune (ward, department) decides the unit's own awards from here.
  const context = workspaceContextOf(session?.claims, me.data?.rootUnitId);
  const decides = authorizeWorkspace(context, 'head_decisions').allowed;
  // Offered to those the import's policy lets file the unit's list (not, say, a district's reviewer).
  const imports = authorizeWorkspace(context, 'nominee_import').allowed;
  return (
    <div className="stack">
      <h1>{c('notifications.title')}</h1>
      {/* The unit's commendation page: where its authors also bring a nominee list from Excel. */}
      {imports ? (
        <p>
          <Link to="/commendations/import">{c('nav.import')}</Link>
        </p>
      ) : null}
      {decides ? (
        <p>
          <Link to="/commendations/head-decisions">{c('head.link')}</Link>
        </p>
      ) : null}
      {q.isLoading ? <Skeleton label={c('loading')} /> : null}
      {q.data?.length === 0 ? <p className="muted">{c('notifications.none')}</p> : null}
      <NotificationList items={q.data ?? []} tenantId={tenantId} />
    </div>
  );
}

/** The notices, newest first as the API gives them, each a link to what it is about. */
export function NotificationList({
  items,
  tenantId,
}: {
  items: readonly Pick<UnitNotification, 'id' | 'kind' | 'refId' | 'title' | 'at'>[];
  tenantId: string;
}) {
  return (
    <ul className="c-list">
      {items.map((n) => (
        <li key={n.id} className="card c-item">
          <Badge tone={tone[n.kind]}>{formatDateTime(n.at)}</Badge>
          <Link to={notificationLink(n, tenantId)}>{n.title}</Link>
        </li>
      ))}
    </ul>
  );
}
