import { useQuery } from '@tanstack/react-query';
import { toCalendarDate } from '@thidua/shared/common';
import { getOrgTree, getUnitLineage, listUnitChanges } from '@thidua/shared/contracts';
import { isActiveOn, type Unit } from '@thidua/shared/org';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../../api/describe';
import { useApi } from '../../../app/services';
import { formatDate, formatDateTime, useCatalogue, useT } from '../../../i18n';
import { Alert, Button, Field, Skeleton } from '../../../ui';
import { messages } from '../messages';
import { historyLines, kindLabel, orgKeys } from '../model';
import { ChangeDialog, type ChangeMode } from './ChangeDialog';
import '../org-admin.css';

/**
 * /admin/units: the tree on a chosen day, a unit's dated history, and every dated change (create,
 * rename, change of kind, move, close, split, merger) through one dialog. The API decides what is
 * allowed (shared policy, `administer` unit) and what would break the tree (422 with its reason).
 */
export function UnitsPage() {
  const m = useCatalogue(messages);
  const t = useT();
  const api = useApi();
  const [asOf, setAsOf] = useState(() => toCalendarDate(new Date().toISOString()));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<ChangeMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const tree = useQuery({
    queryKey: [...orgKeys.all, 'tree', asOf],
    queryFn: () => api.call(getOrgTree, { query: { asOf } }),
  });
  const log = useQuery({
    queryKey: [...orgKeys.all, 'log'],
    queryFn: () => api.call(listUnitChanges, { query: { limit: 20 } }),
  });
  const rows = tree.data?.rows ?? [];
  const selected = rows.find((r) => r.unit.id === selectedId)?.unit;
  const nameOf = (id: string) => rows.find((r) => r.unit.id === id)?.unit.name ?? id;

  return (
    <div className="org-admin">
      <h1>{m('title')}</h1>
      <p className="muted">{m('intro')}</p>
      <Field label={m('asOf')}>
        {(p) => (
          <input
            {...p}
            type="date"
            className="input org-date"
            value={asOf}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
          />
        )}
      </Field>
      {notice ? (
        <Alert tone="success">
          <span role="status">{notice}</span>
        </Alert>
      ) : null}
      {tree.isError ? <Alert tone="danger">{describeError(tree.error, t)}</Alert> : null}
      <div className="org-layout">
        <section aria-label={m('treeLabel', { date: formatDate(asOf) })} className="org-tree">
          {tree.isPending ? <Skeleton lines={6} /> : null}
          {tree.data && rows.length === 0 ? <p className="muted">{m('empty')}</p> : null}
          <ul className="org-rows">
            {rows.map(({ unit, depth }) => (
              <li key={unit.id} style={{ paddingInlineStart: `${Math.min(depth, 6) * 0.9}rem` }}>
                <button
                  type="button"
                  className="org-row"
                  aria-pressed={unit.id === selectedId}
                  onClick={() => setSelectedId(unit.id)}
                >
                  <span className="org-row-name">{unit.name}</span>
                  <span className="muted org-row-kind">{kindLabel(unit.kind)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="org-detail card" aria-live="polite">
          {selected ? (
            <UnitDetail key={selected.id} unit={selected} asOf={asOf} nameOf={nameOf} onAction={setMode} />
          ) : (
            <p className="muted">{m('select')}</p>
          )}
        </section>
      </div>
      <section className="org-log">
        <h2>{m('log')}</h2>
        {log.isError ? <Alert tone="danger">{describeError(log.error, t)}</Alert> : null}
        <ul>
          {(log.data?.items ?? []).map((e) => (
            <li key={e.id} className="muted">
              {m('log.entry', {
                date: formatDateTime(e.at),
                actor: e.actorName,
                action: m(`log.${e.action}`),
                units: e.unitIds.map(nameOf).join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
      {selected && mode ? (
        <ChangeDialog
          mode={mode}
          unit={selected}
          asOf={asOf}
          rows={rows}
          onClose={() => setMode(null)}
          onDone={(count) => {
            setMode(null);
            setNotice(m('done', { count }));
          }}
        />
      ) : null}
    </div>
  );
}

const actions: ChangeMode[] = ['create', 'rename', 'change_kind', 'move', 'close', 'split', 'merge'];

function UnitDetail({
  unit,
  asOf,
  nameOf,
  onAction,
}: {
  unit: Unit;
  asOf: string;
  nameOf: (id: string) => string;
  onAction: (mode: ChangeMode) => void;
}) {
  const m = useCatalogue(messages);
  const api = useApi();
  const lineage = useQuery({
    queryKey: [...orgKeys.all, 'lineage', unit.id],
    queryFn: () => api.call(getUnitLineage, { params: { unitId: unit.id } }),
  });
  const interval = (from: string, to: string | null) =>
    to === null
      ? m('since', { from: formatDate(from) })
      : m('between', { from: formatDate(from), to: formatDate(to) });
  const whatLabel = { name: m('name'), kind: m('kind'), parent: m('parent'), successor: m('successors') };
  const open = isActiveOn(unit, asOf);
  // At 360 px the detail sits below the whole tree: choosing a unit (one mount per unit, see `key`)
  // brings it into view and focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="stack">
      <h2 ref={heading} tabIndex={-1}>
        {unit.name}
      </h2>
      <p className="muted">
        {kindLabel(unit.kind)} · {m('id')}: {unit.id}
      </p>
      <div className="org-actions">
        {actions.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={a === 'close' || a === 'split' || a === 'merge' ? 'danger' : 'secondary'}
            disabled={!open || (a === 'move' && unit.parentId === null)}
            onClick={() => onAction(a)}
          >
            {m(`action.${a}`)}
          </Button>
        ))}
      </div>
      <h3>{m('history')}</h3>
      <ul className="org-history">
        {historyLines(unit, nameOf, m('root')).map((l) => (
          <li key={`${l.what}-${l.validFrom}-${l.value}`}>
            <strong>{whatLabel[l.what]}:</strong> {l.value}{' '}
            <span className="muted">({interval(l.validFrom, l.validTo)})</span>
          </li>
        ))}
      </ul>
      <h3>{m('predecessors')}</h3>
      {(lineage.data?.predecessors ?? []).length === 0 ? (
        <p className="muted">{m('none')}</p>
      ) : (
        <ul>
          {lineage.data?.predecessors.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.closedOn ? (
                <span className="muted">
                  {' '}
                  ({m('closedOn')}: {formatDate(p.closedOn)})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
