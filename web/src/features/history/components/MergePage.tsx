import { useMutation } from '@tanstack/react-query';
import type { MergerCandidates } from '@thidua/shared/contracts';
import { useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { formatDate, useT } from '../../../i18n';
import { Alert, Button, type Column, DataTable, Dialog, SelectField, TextField } from '../../../ui';
import { useH, useHistory } from './common';

type Row = MergerCandidates['predecessorUnits'][number];

/** The absorbed province's administrator consents (a date and the merged province). */
function ConsentSection() {
  const h = useH();
  const t = useT();
  const svc = useHistory();
  const [successor, setSuccessor] = useState('');
  const [date, setDate] = useState('');
  const [key] = useState(newIdempotencyKey);
  const consent = useMutation({
    mutationFn: () => svc.consent({ successorTenantId: successor.trim(), effectiveFrom: date }, key),
  });
  return (
    <section className="card stack" aria-label={h('consent.title')}>
      <h2>{h('consent.title')}</h2>
      <TextField label={h('consent.successor')} value={successor} onChange={setSuccessor} required />
      <TextField label={h('consent.date')} type="date" value={date} onChange={setDate} required />
      {consent.error ? <Alert tone="danger">{describeError(consent.error, t)}</Alert> : null}
      {consent.data ? (
        <Alert tone="success">
          {h('consent.done', {
            successor: consent.data.successorTenantId,
            date: formatDate(consent.data.effectiveFrom),
          })}
        </Alert>
      ) : null}
      <div>
        <Button
          disabled={!successor.trim() || !date}
          loading={consent.isPending}
          onClick={() => consent.mutate()}
        >
          {h('consent.send')}
        </Button>
      </div>
    </section>
  );
}

/** A default choice for a row: the unit of the same id, if this province has one of a fitting kind. */
const sameId = (row: Row, c: MergerCandidates) =>
  c.successorUnits.some((u) => u.id === row.id && u.kind === row.kind) ? row.id : '';

/**
 * The merged province's administrator loads a consenting province's units, maps each onto the unit that
 * carries it, and merges after typing the absorbed province's id (irreversible).
 */
function MergeSection() {
  const h = useH();
  const t = useT();
  const svc = useHistory();
  const [pred, setPred] = useState('');
  const [basis, setBasis] = useState('');
  const [map, setMap] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [key] = useState(newIdempotencyKey);
  const load = useMutation({
    mutationFn: () => svc.candidates(pred.trim()),
    onSuccess: (c) => setMap(Object.fromEntries(c.predecessorUnits.map((r) => [r.id, sameId(r, c)]))),
  });
  const c = load.data;
  const unitMap = Object.entries(map)
    .filter(([, to]) => to !== '')
    .map(([from, to]) => ({ from, to }));
  const merge = useMutation({
    mutationFn: () =>
      svc.merge(
        {
          predecessorTenantId: pred.trim(),
          effectiveFrom: c?.consent.effectiveFrom ?? '',
          legalBasis: basis,
          unitMap,
        },
        key,
      ),
    onSettled: () => setConfirming(false),
  });
  const columns: Column<Row>[] = [
    { key: 'from', header: h('merge.col.from'), label: h('merge.col.from'), cell: (r) => r.name },
    {
      key: 'to',
      header: h('merge.col.to'),
      label: h('merge.col.to'),
      cell: (r) => (
        <SelectField
          label={`${h('merge.col.to')}: ${r.name}`}
          value={map[r.id] ?? ''}
          onChange={(v) => setMap((m) => ({ ...m, [r.id]: v }))}
          empty={h('merge.unmapped')}
          choices={(c?.successorUnits ?? [])
            .filter((u) => u.kind === r.kind)
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      ),
    },
  ];
  return (
    <section className="card stack" aria-label={h('merge.section')}>
      <h2>{h('merge.section')}</h2>
      <TextField label={h('merge.predecessor')} value={pred} onChange={setPred} required />
      <div>
        <Button disabled={!pred.trim()} loading={load.isPending} onClick={() => load.mutate()}>
          {h('merge.load')}
        </Button>
      </div>
      {load.error ? <Alert tone="danger">{describeError(load.error, t)}</Alert> : null}
      {c ? (
        <>
          <TextField label={h('merge.basis')} value={basis} onChange={setBasis} required multiline />
          <DataTable
            caption={h('merge.mapCaption', {
              n: c.predecessorUnits.length,
              province: c.predecessorName,
              date: formatDate(c.consent.effectiveFrom),
            })}
            columns={columns}
            rows={c.predecessorUnits}
            rowKey={(r) => r.id}
          />
          {merge.error ? <Alert tone="danger">{describeError(merge.error, t)}</Alert> : null}
          {merge.data ? (
            <Alert tone="success">
              {h('merge.done', { province: merge.data.predecessorName, n: merge.data.unitCount })}
            </Alert>
          ) : (
            <div>
              <Button
                variant="danger"
                disabled={basis.trim().length < 3 || unitMap.length === 0}
                onClick={() => setConfirming(true)}
              >
                {h('merge.submit')}
              </Button>
            </div>
          )}
          <Dialog
            open={confirming}
            title={h('merge.submit')}
            onClose={() => setConfirming(false)}
            footer={
              <>
                <Button onClick={() => setConfirming(false)}>{h('merge.cancel')}</Button>
                <Button
                  variant="danger"
                  disabled={typed.trim() !== pred.trim()}
                  loading={merge.isPending}
                  onClick={() => merge.mutate()}
                >
                  {h('merge.submit')}
                </Button>
              </>
            }
          >
            <p>
              {h('merge.confirm', {
                province: c.predecessorName,
                date: formatDate(c.consent.effectiveFrom),
                n: unitMap.length,
              })}
            </p>
            <TextField label={h('merge.confirmCode')} value={typed} onChange={setTyped} required />
          </Dialog>
        </>
      ) : null}
    </section>
  );
}

/** Merging provinces (ADR 0017): each administrator uses the section for their side. */
export function MergePage() {
  const h = useH();
  return (
    <div className="stack">
      <h1>{h('merge.title')}</h1>
      <p className="muted">{h('merge.intro')}</p>
      <MergeSection />
      <ConsentSection />
    </div>
  );
}
