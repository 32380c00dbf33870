import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeUnit, createUnit, recordSuccession, type UnitChangeBody } from '@thidua/shared/contracts';
import { builtInUnitKinds, type Unit } from '@thidua/shared/org';
import { type FormEvent, useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { useApi } from '../../../app/services';
import { formatDate, useCatalogue, useT } from '../../../i18n';
import { Alert, Button, Dialog, Field, SelectField, TextField } from '../../../ui';
import { messages } from '../messages';
import { kindLabel, matching, moveTargets, orgKeys } from '../model';

export type ChangeMode = 'create' | 'rename' | 'change_kind' | 'move' | 'close' | 'split' | 'merge';

/** Closing, splitting and merging end a unit: the administrator confirms them explicitly. */
const irreversible: readonly ChangeMode[] = ['close', 'split', 'merge'];

/**
 * One dialog per dated change of `unit`. What is sent is what the contract takes; the API answers what
 * would break the tree (422) and the dialog shows its reasons next to the form, keeping the input.
 */
export function ChangeDialog({
  mode,
  unit,
  asOf,
  rows,
  onClose,
  onDone,
}: {
  mode: ChangeMode;
  unit: Unit;
  asOf: string;
  rows: readonly { unit: Unit; depth: number }[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const m = useCatalogue(messages);
  const t = useT();
  const api = useApi();
  const qc = useQueryClient();
  // One user intent, one Idempotency-Key: a retry after a lost answer is not applied twice.
  const [key] = useState(newIdempotencyKey);
  const [from, setFrom] = useState(asOf);
  const [name, setName] = useState(mode === 'rename' ? unit.name : '');
  const [newId, setNewId] = useState('');
  const [kind, setKind] = useState('');
  const [parentId, setParentId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const others = useMemo(
    () => rows.map((r) => r.unit).filter((u) => u.id !== unit.id && !u.path.includes(unit.id)),
    [rows, unit],
  );
  const kinds = useMemo(
    () =>
      [...new Set([...builtInUnitKinds, ...rows.map((r) => r.unit.kind)])].map((k) => ({
        value: k,
        label: kindLabel(k),
      })),
    [rows],
  );

  const save = useMutation({
    mutationFn: async (): Promise<number> => {
      const idempotencyKey = key;
      if (mode === 'create') {
        await api.call(createUnit, {
          body: { kind, name, parentId: unit.id, openedOn: from, ...(newId ? { id: newId } : {}) },
          idempotencyKey,
        });
        return 1;
      }
      if (mode === 'split' || mode === 'merge') {
        const body =
          mode === 'split'
            ? { predecessorIds: [unit.id], successorIds: chosen, from }
            : { predecessorIds: chosen, successorIds: [unit.id], from };
        return (await api.call(recordSuccession, { body, idempotencyKey })).changed.length;
      }
      const body: UnitChangeBody =
        mode === 'rename'
          ? { type: 'rename', name, from }
          : mode === 'change_kind'
            ? { type: 'change_kind', kind, from }
            : mode === 'move'
              ? { type: 'move', parentId, from }
              : { type: 'close', on: from };
      return (await api.call(changeUnit, { params: { unitId: unit.id }, body, idempotencyKey })).changed
        .length;
    },
    onSuccess: async (count) => {
      await qc.invalidateQueries({ queryKey: orgKeys.all });
      onDone(count);
    },
    onError: (e) => {
      const reasons = isHttpError(e) ? e.details.map((d) => d.message).filter((x) => x !== e.message) : [];
      setProblem([describeError(e, t), ...reasons].join(' '));
    },
  });

  const missing =
    ((mode === 'create' || mode === 'rename') && name.trim() === '') ||
    ((mode === 'create' || mode === 'change_kind') && kind.trim() === '') ||
    (mode === 'move' && parentId === '') ||
    (mode === 'split' && chosen.length < 2) ||
    (mode === 'merge' && chosen.length < 1) ||
    (irreversible.includes(mode) && !confirmed);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!missing) save.mutate();
  };

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const dateLabel = mode === 'create' ? m('openedOn') : mode === 'close' ? m('closedOn') : m('from');

  return (
    <Dialog open title={`${m(`action.${mode}`)} — ${unit.name}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {mode === 'create' || mode === 'rename' ? (
          <TextField
            label={mode === 'create' ? m('name') : m('newName')}
            value={name}
            onChange={setName}
            required
          />
        ) : null}
        {mode === 'create' ? (
          <Field label={m('id')} help={m('idHelp')}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={newId}
                onChange={(e) => setNewId(e.target.value.trim())}
              />
            )}
          </Field>
        ) : null}
        {mode === 'create' || mode === 'change_kind' ? (
          <SelectField
            label={mode === 'create' ? m('kind') : m('newKind')}
            value={kind}
            onChange={setKind}
            choices={kinds.filter((k) => mode === 'create' || k.value !== unit.kind)}
            empty={m('choose')}
          />
        ) : null}
        {mode === 'move' ? (
          <SelectField
            label={m('newParent')}
            value={parentId}
            onChange={setParentId}
            choices={moveTargets(rows, unit).map((u) => ({
              value: u.id,
              label: `${u.name} (${kindLabel(u.kind)})`,
            }))}
            empty={m('choose')}
          />
        ) : null}
        {mode === 'split' || mode === 'merge' ? (
          <fieldset className="fieldset">
            <legend className="field-label">
              {mode === 'split' ? m('split.targets') : m('merge.sources', { unit: unit.name })}
            </legend>
            <TextField label={m('filter')} value={filter} onChange={setFilter} />
            <ul className="org-choices">
              {matching(others, filter).map((u) => (
                <li key={u.id}>
                  <label>
                    <input type="checkbox" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} />{' '}
                    {u.name} <span className="muted">({kindLabel(u.kind)})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <TextField label={dateLabel} type="date" value={from} onChange={setFrom} required />
        {irreversible.includes(mode) ? (
          <label className="org-confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
            {m(`confirm.${mode as 'close' | 'split' | 'merge'}`, { unit: unit.name, date: formatDate(from) })}
          </label>
        ) : null}
        {problem ? (
          <Alert tone="danger">
            <span role="alert">{problem}</span>
          </Alert>
        ) : null}
        <div className="row">
          <Button
            type="submit"
            variant={irreversible.includes(mode) ? 'danger' : 'primary'}
            disabled={missing}
            loading={save.isPending}
          >
            {m('submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
