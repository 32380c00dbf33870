import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { DeadLetter } from '@thidua/shared/contracts';
import { describeError } from '../../../api/describe';
import { useCatalogue, useT } from '../../../i18n';
import { Button, type Column, DataTable, Pending, useToast } from '../../../ui';
import { kindLabel, messages } from '../../notifications/messages';
import { useNotifications } from '../../notifications/service';
import { ErrorAlert, useAdminMutation } from '../common';

/** The administrator's list of e-mails that failed every attempt, each with "Gửi lại". */
export function DeadLettersPage() {
  const n = useCatalogue(messages);
  const t = useT();
  const svc = useNotifications();
  const notify = useToast();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['admin', 'dead-letters'],
    queryFn: ({ pageParam }) => svc.deadLetters(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const replay = useAdminMutation(
    (letter: DeadLetter, key) => svc.replay(letter.id, key),
    async (r, letter) => {
      notify(
        r.sent ? n('dead.sent', { email: letter.email }) : n('dead.failed', { error: r.error ?? '' }),
        r.sent ? 'success' : 'danger',
      );
      await queryClient.invalidateQueries({ queryKey: ['admin', 'dead-letters'] });
    },
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<DeadLetter>[] = [
    {
      key: 'when',
      header: n('dead.col.when'),
      label: n('dead.col.when'),
      cell: (x) => new Date(x.failedAt).toLocaleString('vi-VN'),
    },
    { key: 'to', header: n('dead.col.to'), label: n('dead.col.to'), cell: (x) => x.email },
    {
      key: 'what',
      header: n('dead.col.what'),
      label: n('dead.col.what'),
      cell: (x) => `${kindLabel(x.kind)}: ${x.title}`,
    },
    {
      key: 'error',
      header: n('dead.col.error', { n: '' }),
      label: n('dead.col.error', { n: '' }),
      cell: (x) => `${x.lastError} (${x.attempts})`,
    },
    {
      key: 'replay',
      header: '',
      label: n('dead.replay'),
      cell: (x) => (
        <Button
          size="sm"
          loading={replay.isPending && replay.variables?.id === x.id}
          onClick={() => replay.mutate(x)}
        >
          {n('dead.replay')}
        </Button>
      ),
    },
  ];
  return (
    <div className="stack">
      <h1>{n('dead.title')}</h1>
      <p className="muted">{n('dead.intro')}</p>
      <ErrorAlert error={replay.error} />
      <Pending error={list.isError ? describeError(list.error, t) : undefined} pending={list.isPending}>
        <DataTable
          caption={n('dead.title')}
          columns={columns}
          rows={rows}
          rowKey={(x) => x.id}
          empty={n('dead.none')}
        />
      </Pending>
    </div>
  );
}
