import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCatalogue } from '../../../i18n';
import { messages } from '../messages';
import { unreadKey, useNotifications } from '../service';

/** The header's bell on every page: a link to the list, with the unread count (refreshed each minute). */
export function Bell() {
  const n = useCatalogue(messages);
  const svc = useNotifications();
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: () => svc.unread(),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="btn btn-ghost btn-sm notification-bell"
      aria-label={count > 0 ? n('bell.unread', { n: count }) : n('bell.label')}
      data-testid="notification-bell"
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 ? (
        <span className="notification-count" data-testid="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
