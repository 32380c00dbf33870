import { useQueryClient } from '@tanstack/react-query';
import type { OfficeHolder, Unit } from '@thidua/shared/org';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isHttpError } from '../../../api/errors';
import { formatDate } from '../../../i18n';
import { Alert, Button, Field, Skeleton } from '../../../ui';
import { ErrorAlert, UnitSelect, useA, useAdmin, useAdminMutation, useUnits } from '../common';

type Draft = Omit<OfficeHolder, 'to'> & { to: string };

const toDraft = (h: OfficeHolder): Draft => ({ ...h, to: h.to ?? '' });
const newDraft = (): Draft => ({
  id: `h${Date.now().toString(36)}`,
  role: 'deputy',
  name: '',
  title: 'PHÓ CHỦ TỊCH',
  from: '',
  to: '',
});

/**
 * The dated office holders of a unit (head, deputies, the title printed in the signature block): what
 * commendation documents read to name their signer on the signing date.
 */
export function OfficeHoldersPage() {
  const a = useA();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? '';
  const unit = units.data?.find((u) => u.id === unitId);
  return (
    <div className="stack">
      <h1>{a('holders.title')}</h1>
      <p className="muted">{a('holders.intro')}</p>
      <UnitSelect
        label={a('unit')}
        units={units.data ?? []}
        value={unitId}
        onChange={(id) => setParams({ unit: id })}
      />
      {units.isLoading ? <Skeleton label={a('loading')} /> : null}
      {unit ? <HoldersEditor key={unit.id} unit={unit} /> : null}
    </div>
  );
}

function HoldersEditor({ unit }: { unit: Unit }) {
  const a = useA();
  const svc = useAdmin();
  const qc = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>((unit.officeHolders ?? []).map(toDraft));
  const [saved, setSaved] = useState('');
  const save = useAdminMutation(
    (_: undefined, key: string) =>
      svc.officeHolders(
        unit.id,
        { officeHolders: drafts.map((d) => ({ ...d, to: d.to === '' ? null : d.to })) },
        key,
      ),
    async () => {
      setSaved(a('holders.saved', { unit: unit.name }));
      await qc.invalidateQueries({ queryKey: ['admin', 'units'] });
    },
  );
  const errorAt = (i: number, field: string) =>
    isHttpError(save.error)
      ? save.error.details.find((d) => d.path === `body.officeHolders.${i}.${field}`)?.message
      : undefined;
  const change = (i: number, patch: Partial<Draft>) => {
    setSaved('');
    setDrafts((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={a('holders.caption', { unit: unit.name })}
    >
      <h2>{a('holders.caption', { unit: unit.name })}</h2>
      {drafts.length === 0 ? <p className="muted">{a('holders.none')}</p> : null}
      {drafts.map((d, i) => (
        <fieldset key={d.id} className="card stack fieldset">
          <legend className="field-label">
            {`${i + 1}. ${d.name || a('holders.editTitle')} (${formatDate(d.from) || '…'} – ${d.to ? formatDate(d.to) : a('holders.now')})`}
          </legend>
          <Field label={a('holders.role')}>
            {(p) => (
              <select
                {...p}
                className="select"
                value={d.role}
                onChange={(e) => change(i, { role: e.target.value as Draft['role'] })}
              >
                <option value="head">{a('holders.head')}</option>
                <option value="deputy">{a('holders.deputy')}</option>
              </select>
            )}
          </Field>
          <Field label={a('name')} required error={errorAt(i, 'name')}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={d.name}
                onChange={(e) => change(i, { name: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={a('holders.printedTitle')}
            help={a('holders.printedHelp')}
            required
            error={errorAt(i, 'title')}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                value={d.title}
                onChange={(e) => change(i, { title: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
          <Field label={a('holders.from')} required error={errorAt(i, 'from')}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                value={d.from}
                onChange={(e) => change(i, { from: e.target.value })}
              />
            )}
          </Field>
          <Field label={a('holders.to')} help={a('holders.toHelp')} error={errorAt(i, 'to')}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                value={d.to}
                onChange={(e) => change(i, { to: e.target.value })}
              />
            )}
          </Field>
          <div>
            <Button size="sm" onClick={() => setDrafts((xs) => xs.filter((_, j) => j !== i))}>
              {a('holders.remove')}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="row">
        <Button onClick={() => setDrafts((xs) => [...xs, newDraft()])}>{a('holders.add')}</Button>
        <Button type="submit" variant="primary" loading={save.isPending}>
          {a('save')}
        </Button>
      </div>
      <ErrorAlert error={save.error} />
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </form>
  );
}
