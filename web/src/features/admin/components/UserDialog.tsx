import { type Role, roles, type Unit, type User } from '@thidua/shared/org';
import { type FormEvent, useState } from 'react';
import { isHttpError } from '../../../api/errors';
import { type MessageKey, useT } from '../../../i18n';
import { Button, Dialog, Field, Fieldset } from '../../../ui';
import { ErrorAlert, UnitSelect, useA, useAdmin, useAdminMutation } from '../common';

/**
 * Create a user (name, e-mail, title, unit, roles) or change one (name, title, roles, move to another
 * unit). The API's field errors are shown next to their fields.
 */
export function UserDialog({
  user,
  units,
  defaultUnitId,
  onClose,
  onDone,
}: {
  user: User | null;
  units: readonly Unit[];
  defaultUnitId: string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const a = useA();
  const t = useT();
  const svc = useAdmin();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [title, setTitle] = useState(user?.title ?? '');
  const [unitId, setUnitId] = useState(user?.unitId ?? defaultUnitId);
  const [chosen, setChosen] = useState<Role[]>(user?.roles ?? []);
  const [rolesError, setRolesError] = useState<string | undefined>();
  const save = useAdminMutation(
    async (_: undefined, key: string) => {
      const body = { name: name.trim(), title: title.trim(), unitId, roles: chosen };
      if (user) {
        await svc.updateUser(user.id, body, key);
        return a('user.saved', { name: body.name });
      }
      const created = await svc.createUser({ ...body, email: email.trim() }, key);
      return a('user.created', { email: created.email });
    },
    (message) => onDone(message),
  );
  const fieldError = (field: string) =>
    isHttpError(save.error) ? save.error.details.find((d) => d.path === `body.${field}`)?.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setRolesError(a('user.rolesError'));
      return;
    }
    setRolesError(undefined);
    save.mutate(undefined);
  };
  const toggle = (r: Role) => setChosen((xs) => (xs.includes(r) ? xs.filter((x) => x !== r) : [...xs, r]));

  return (
    <Dialog
      open
      title={user ? a('user.editTitle', { name: user.name }) : a('user.createTitle')}
      onClose={onClose}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={a('name')} required error={fieldError('name')}>
          {(p) => (
            <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </Field>
        {user ? null : (
          <Field label={a('email')} required help={a('user.emailHelp')} error={fieldError('email')}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
              />
            )}
          </Field>
        )}
        <Field label={a('title')} error={fieldError('title')}>
          {(p) => <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <UnitSelect
          label={a('unit')}
          required
          units={units}
          value={unitId}
          onChange={setUnitId}
          help={user ? a('user.unitHelp') : undefined}
          error={fieldError('unitId')}
        />
        <Fieldset legend={a('roles')} required error={rolesError ?? fieldError('roles')}>
          <div className="admin-roles">
            {roles.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={chosen.includes(r)} onChange={() => toggle(r)} />
                {t(`role.${r}` as MessageKey)}
              </label>
            ))}
          </div>
        </Fieldset>
        <ErrorAlert error={save.error} />
        <div className="row">
          <Button type="button" onClick={onClose}>
            {a('cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {a('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
