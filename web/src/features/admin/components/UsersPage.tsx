import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@thidua/shared/org';
import { type FormEvent, useState } from 'react';
import { type MessageKey, useT } from '../../../i18n';
import { Alert, Badge, Button, type Column, DataTable, Skeleton, TextField } from '../../../ui';
import { ConfirmDialog, UnitSelect, useA, useAdmin, useAdminMutation, useUnits } from '../common';
import { UserDialog } from './UserDialog';

type Act = 'deactivate' | 'reactivate' | 'resetPassword' | 'resend';

/**
 * Users by unit and by search (name without accents, or e-mail), each with its actions. Every action that
 * locks someone out or sends them mail is confirmed first; the result is said in a sentence.
 */
export function UsersPage() {
  const a = useA();
  const t = useT();
  const svc = useAdmin();
  const qc = useQueryClient();
  const units = useUnits();
  const [unitId, setUnitId] = useState('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [acting, setActing] = useState<{ act: Act; user: User } | null>(null);
  const [result, setResult] = useState('');
  const enabled = unitId !== '' || q.length >= 2;
  const users = useQuery({
    queryKey: ['admin', 'users', unitId, q],
    queryFn: () => svc.users({ ...(unitId ? { unitId } : {}), ...(q ? { q } : {}) }),
    enabled,
  });
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin', 'users'] });

  const act = useAdminMutation(
    async ({ act, user }: { act: Act; user: User }, key: string) => {
      if (act === 'resetPassword') return (await svc.resetPassword(user.id, key)).message;
      if (act === 'resend') return (await svc.resendInvitation(user.id, key)).message;
      await svc.updateUser(user.id, { active: act === 'reactivate' }, key);
      return a(act === 'reactivate' ? 'user.reactivated' : 'user.deactivated', { name: user.name });
    },
    async (message) => {
      setResult(message);
      setActing(null);
      await refresh();
    },
  );

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
  };

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: a('name'),
      label: a('name'),
      cell: (u) => (
        <>
          <strong>{u.name}</strong>
          <div className="muted admin-email">{u.email}</div>
          {u.title ? <div className="muted">{u.title}</div> : null}
        </>
      ),
    },
    { key: 'unit', header: a('unit'), label: a('unit'), cell: (u) => unitName(u.unitId) },
    {
      key: 'roles',
      header: a('roles'),
      label: a('roles'),
      cell: (u) => u.roles.map((r) => t(`role.${r}` as MessageKey)).join(', '),
    },
    {
      key: 'status',
      header: a('status'),
      label: a('status'),
      cell: (u) => (
        <Badge tone={u.active ? 'success' : 'neutral'}>{a(u.active ? 'active' : 'inactive')}</Badge>
      ),
    },
    {
      key: 'actions',
      header: a('actions'),
      label: a('actions'),
      cell: (u) => (
        <div className="admin-actions">
          <Button size="sm" onClick={() => setEditing(u)} aria-label={`${a('edit')}: ${u.name}`}>
            {a('edit')}
          </Button>
          {(u.active ? (['resend', 'resetPassword', 'deactivate'] as const) : (['reactivate'] as const)).map(
            (x) => (
              <Button
                key={x}
                size="sm"
                onClick={() => setActing({ act: x, user: u })}
                aria-label={`${a(x)}: ${u.name}`}
              >
                {a(x)}
              </Button>
            ),
          )}
        </div>
      ),
    },
  ];

  return (
    <div className="stack">
      <div className="row-between">
        <h1>{a('users.title')}</h1>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {a('users.add')}
        </Button>
      </div>
      {result ? <Alert tone="success">{result}</Alert> : null}
      <form className="admin-filters" onSubmit={search} aria-label={a('users.search')}>
        <UnitSelect label={a('unit')} units={units.data ?? []} value={unitId} onChange={setUnitId} />
        <TextField
          label={a('users.search')}
          help={a('users.searchHelp')}
          type="search"
          value={typed}
          onChange={setTyped}
        />
        <Button type="submit" className="admin-filter-button">
          {a('users.searchButton')}
        </Button>
      </form>
      {!enabled ? <p className="muted">{a('users.pick')}</p> : null}
      {users.isLoading ? <Skeleton label={a('loading')} /> : null}
      {users.data ? (
        <DataTable
          caption={a('users.caption')}
          captionHidden
          columns={columns}
          rows={users.data.items}
          rowKey={(u) => u.id}
          empty={a('users.none')}
        />
      ) : null}
      {editing ? (
        <UserDialog
          user={editing === 'new' ? null : editing}
          units={units.data ?? []}
          defaultUnitId={unitId}
          onClose={() => setEditing(null)}
          onDone={async (message) => {
            setResult(message);
            setEditing(null);
            await refresh();
          }}
        />
      ) : null}
      {acting ? (
        <ConfirmDialog
          open
          title={`${a(acting.act)}: ${acting.user.name}`}
          text={a(`confirm.${acting.act}`, { name: acting.user.name, email: acting.user.email })}
          confirmLabel={a(acting.act)}
          danger={acting.act === 'deactivate' || acting.act === 'resetPassword'}
          busy={act.isPending}
          error={act.error}
          onConfirm={() => act.mutate(acting)}
          onClose={() => {
            act.reset();
            setActing(null);
          }}
        />
      ) : null}
    </div>
  );
}
