import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type NotificationKind,
  type NotificationPreferences,
  notificationKinds,
} from '@thidua/shared/notifications';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { useCatalogue, useT } from '../../../i18n';
import { Alert, Button, Dialog, Pending, useToast } from '../../../ui';
import { kindLabel, messages } from '../messages';
import { useNotifications } from '../service';
import '../notifications.css';

const toggle = (list: readonly NotificationKind[], kind: NotificationKind, on: boolean) =>
  on ? [...new Set([...list, kind])] : list.filter((k) => k !== kind);

/**
 * Which kinds reach the person by e-mail at once, which are turned off, and whether the rest come as one
 * daily digest. The unsubscribe link of an e-mail lands here with `?unsubscribe=<kind>` and asks first.
 */
export function PreferencesPage() {
  const n = useCatalogue(messages);
  const t = useT();
  const svc = useNotifications();
  const notify = useToast();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const stored = useQuery({ queryKey: ['notifications', 'preferences'], queryFn: () => svc.preferences() });
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  useEffect(() => {
    if (stored.data && prefs === null) setPrefs(stored.data);
  }, [stored.data, prefs]);
  const save = useMutation({
    mutationFn: (p: NotificationPreferences) => svc.savePreferences(p),
    onSuccess: async (p) => {
      setPrefs(p);
      await queryClient.invalidateQueries({ queryKey: ['notifications', 'preferences'] });
      notify(n('prefs.saved'), 'success');
    },
  });
  const asked = notificationKinds.find((k) => k === params.get('unsubscribe'));

  return (
    <div className="stack">
      <h1>{n('prefs.title')}</h1>
      <p className="muted">{n('prefs.intro')}</p>
      {save.isError ? <Alert tone="danger">{describeError(save.error, t)}</Alert> : null}
      <Pending error={stored.isError ? describeError(stored.error, t) : undefined} pending={!prefs}>
        {prefs ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(prefs);
            }}
          >
            <table className="prefs-table">
              <thead>
                <tr>
                  <th scope="col">{n('prefs.kind')}</th>
                  <th scope="col">{n('prefs.now')}</th>
                  <th scope="col">{n('prefs.off')}</th>
                </tr>
              </thead>
              <tbody>
                {notificationKinds.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{kindLabel(kind)}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${n('prefs.now')}: ${kindLabel(kind)}`}
                        checked={prefs.emailKinds.includes(kind) && !prefs.unsubscribed.includes(kind)}
                        onChange={(e) =>
                          setPrefs({
                            ...prefs,
                            emailKinds: toggle(prefs.emailKinds, kind, e.target.checked),
                            unsubscribed: e.target.checked
                              ? toggle(prefs.unsubscribed, kind, false)
                              : prefs.unsubscribed,
                          })
                        }
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${n('prefs.off')}: ${kindLabel(kind)}`}
                        checked={prefs.unsubscribed.includes(kind)}
                        onChange={(e) =>
                          setPrefs({
                            ...prefs,
                            unsubscribed: toggle(prefs.unsubscribed, kind, e.target.checked),
                          })
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label>
              <input
                type="checkbox"
                checked={prefs.dailyDigest}
                onChange={(e) => setPrefs({ ...prefs, dailyDigest: e.target.checked })}
              />{' '}
              {n('prefs.digest')}
            </label>
            <div>
              <Button type="submit" variant="primary" loading={save.isPending}>
                {n('prefs.save')}
              </Button>
            </div>
          </form>
        ) : null}
      </Pending>
      <Dialog
        open={Boolean(asked && prefs && !prefs.unsubscribed.includes(asked))}
        title={n('prefs.unsubscribeConfirm')}
        onClose={() => setParams({})}
        footer={
          <>
            <Button onClick={() => setParams({})}>{n('cancel')}</Button>
            <Button
              variant="primary"
              loading={save.isPending}
              onClick={() => {
                if (!asked || !prefs) return;
                save.mutate(
                  { ...prefs, unsubscribed: toggle(prefs.unsubscribed, asked, true) },
                  { onSuccess: () => setParams({}) },
                );
              }}
            >
              {n('prefs.unsubscribeConfirm')}
            </Button>
          </>
        }
      >
        <p>{asked ? n('prefs.unsubscribe', { kind: kindLabel(asked) }) : null}</p>
      </Dialog>
    </div>
  );
}
