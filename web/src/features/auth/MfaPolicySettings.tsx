import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Role, roles } from '@thidua/shared/org';
import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../../app/services';
import { useT } from '../../i18n';
import { Alert, Button, Fieldset } from '../../ui';
import { securityService } from './security';

export const tenantSecurityKey = ['tenant-security'] as const;

/**
 * The administrator's setting of which roles must sign in with TOTP (PUT /tenant/security). A component
 * of its own so the administration screens can place it too; the API refuses anyone but an admin.
 */
export function MfaPolicySettings() {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: tenantSecurityKey, queryFn: () => securityService(api).tenant() });
  const [chosen, setChosen] = useState<Role[]>([]);
  useEffect(() => {
    if (current.data) setChosen(current.data.mfaRequiredRoles);
  }, [current.data]);
  const save = useMutation({
    mutationFn: (mfaRequiredRoles: Role[]) => securityService(api).saveTenant({ mfaRequiredRoles }),
    onSuccess: (saved) => queryClient.setQueryData(tenantSecurityKey, saved),
  });

  const toggle = (role: Role, on: boolean) =>
    setChosen((now) =>
      on ? roles.filter((r) => r === role || now.includes(r)) : now.filter((r) => r !== role),
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await save.mutateAsync(chosen).catch(() => undefined);
  };

  if (current.isPending) return null;
  if (current.isError) return <Alert tone="danger">{current.error.message}</Alert>;
  return (
    <section className="card">
      <h2>{t('account.policy.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <Fieldset legend={t('account.policy.intro')}>
          {roles.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                name="mfa-role"
                value={role}
                checked={chosen.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
              />{' '}
              {t(`role.${role}`)}
            </label>
          ))}
        </Fieldset>
        {chosen.length === 0 ? <p className="muted">{t('account.policy.none')}</p> : null}
        {save.isSuccess ? <Alert tone="success">{t('account.policy.saved')}</Alert> : null}
        {save.isError ? <Alert tone="danger">{save.error.message}</Alert> : null}
        <Button type="submit" variant="primary" loading={save.isPending}>
          {t('account.policy.save')}
        </Button>
      </form>
    </section>
  );
}
