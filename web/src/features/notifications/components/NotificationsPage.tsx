import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { vnDateShort } from '@thidua/shared/commendation';
import { deadlineDay } from '@thidua/shared/common';
import { type InAppNotification, notificationHref } from '@thidua/shared/notifications';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/describe';
import { useCatalogue, useT } from '../../../i18n';
import { Alert, Badge, Button, Pending } from '../../../ui';
import { kindLabel, messages } from '../messages';
import { unreadKey, useNotifications } from '../service';
import '../notifications.css';

/** The bell's list: newest first, each item opening what it is about (a returned report at its field). */
export function NotificationsPage() {
  const n = useCatalogue(messages);
  const t = useT();
  const svc = useNotifications();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) => svc.page(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => svc.markRead(id), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => svc.markAllRead(), onSuccess: refresh });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const open = async (item: InAppNotification) => {
    if (item.readAt === null) await markRead.mutateAsync(item.id).catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: unreadKey });
    navigate(notificationHref(item));
  };

  return (
    <div className="stack">
      <div className="row-between">
        <h1>{n('list.title')}</h1>
        <span className="row">
          <Link to="/notifications/preferences">{n('list.preferences')}</Link>
          <Button
            size="sm"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {n('list.markAll')}
          </Button>
        </span>
      </div>
      {markAll.isError ? <Alert tone="danger">{describeError(markAll.error, t)}</Alert> : null}
      <Pending error={list.isError ? describeError(list.error, t) : undefined} pending={list.isPending}>
        {items.length === 0 ? (
          <p className="muted">{n('list.none')}</p>
        ) : (
          <ul className="notification-list">
            {items.map((item) => (
              <li key={item.id} className={`card notification-item ${item.readAt === null ? 'unread' : ''}`}>
                <div className="row-between">
                  <span>
                    {item.readAt === null ? <Badge tone="info">{n('list.unread')}</Badge> : null}{' '}
                    <strong>{kindLabel(item.kind)}</strong>
                  </span>
                  <time className="muted" dateTime={item.createdAt}>
                    {new Date(item.createdAt).toLocaleString('vi-VN')}
                  </time>
                </div>
                <p>
                  <a
                    href={notificationHref(item)}
                    onClick={(e) => {
                      e.preventDefault();
                      void open(item);
                    }}
                  >
                    {item.subject.title}
                  </a>
                </p>
                {item.dueAt ? (
                  <p className="muted">{n('list.due', { date: vnDateShort(deadlineDay(item.dueAt)) })}</p>
                ) : null}
                {item.reason ? <p>{n('list.reason', { text: item.reason })}</p> : null}
                {item.readAt === null ? (
                  <Button size="sm" variant="ghost" onClick={() => markRead.mutate(item.id)}>
                    {n('list.markRead')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {n('list.more')}
          </Button>
        ) : null}
      </Pending>
    </div>
  );
}
