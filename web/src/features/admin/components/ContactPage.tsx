import { useQueryClient } from '@tanstack/react-query';
import type { SecretariatContact, TenantContact } from '@thidua/shared/tenancy';
import { type FormEvent, useState } from 'react';
import { isHttpError } from '../../../api/errors';
import { formatDateTime } from '../../../i18n';
import { Alert, Button, Field, Skeleton } from '../../../ui';
import { coreKeys, useTenantContact } from '../../core/queries';
import { ErrorAlert, useA, useAdmin, useAdminMutation } from '../common';

const blank: SecretariatContact = { name: '', phone: '', email: '', address: '' };
const fields = [
  {
    key: 'name',
    label: 'contact.name',
    help: 'contact.nameHelp',
    type: 'text',
    autoComplete: 'organization',
  },
  { key: 'phone', label: 'contact.phone', help: null, type: 'tel', autoComplete: 'tel' },
  { key: 'email', label: 'contact.email', help: null, type: 'email', autoComplete: 'email' },
  { key: 'address', label: 'contact.address', help: null, type: 'text', autoComplete: 'street-address' },
] as const;

/**
 * `/admin/contact`: the province secretariat's contact that every help page shows, kept by the
 * administrator (policy `tenant_settings`); the API checks each field and audits each change.
 */
export function ContactPage() {
  const a = useA();
  const contact = useTenantContact();
  return (
    <div className="stack">
      <h1>{a('home.contact')}</h1>
      <p className="muted">{a('contact.intro')}</p>
      {contact.isLoading ? <Skeleton label={a('loading')} /> : null}
      {contact.isError ? <ErrorAlert error={contact.error} /> : null}
      {contact.isSuccess ? <ContactForm current={contact.data} /> : null}
    </div>
  );
}

function ContactForm({ current }: { current: TenantContact | null }) {
  const a = useA();
  const svc = useAdmin();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<SecretariatContact>(() => {
    if (!current) return blank;
    const { updatedAt: _at, updatedByName: _by, ...values } = current;
    return values;
  });
  const [saved, setSaved] = useState(false);
  const save = useAdminMutation(
    (_: undefined, key: string) => svc.contact(draft, key),
    async (next) => {
      setSaved(true);
      qc.setQueryData(coreKeys.contact, next);
    },
  );
  const errorAt = (field: string) =>
    isHttpError(save.error) ? save.error.details.find((d) => d.path === `body.${field}`)?.message : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(undefined);
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={a('home.contact')}>
      {current ? (
        <p className="muted">
          {a('contact.updated', { at: formatDateTime(current.updatedAt), name: current.updatedByName })}
        </p>
      ) : (
        <Alert tone="info">{a('contact.none')}</Alert>
      )}
      {fields.map((f) => (
        <Field
          key={f.key}
          label={a(f.label)}
          {...(f.help ? { help: a(f.help) } : {})}
          required
          error={errorAt(f.key)}
        >
          {(p) => (
            <input
              {...p}
              className="input"
              type={f.type}
              autoComplete={f.autoComplete}
              value={draft[f.key]}
              onChange={(e) => {
                setSaved(false);
                setDraft((d) => ({ ...d, [f.key]: e.target.value }));
              }}
            />
          )}
        </Field>
      ))}
      <ErrorAlert error={save.error} />
      {saved ? <Alert tone="success">{a('contact.saved')}</Alert> : null}
      <Button type="submit" variant="primary" loading={save.isPending}>
        {a('contact.save')}
      </Button>
    </form>
  );
}
