import { isParticipant } from '@thidua/shared/campaign';
import { isActiveOn, type Unit, unitKindLabels } from '@thidua/shared/org';
import { useMemo, useState } from 'react';
import { formatDate, useT } from '../../../i18n';
import { Field, Fieldset, TextField } from '../../../ui';
import { periodLabel } from '../../submissions/labels';
import {
  type BuilderCampaign,
  fieldId,
  getIn,
  kindsInForce,
  type Path,
  pathKey,
  periodsOfYear,
  sortPeriods,
} from '../model';
import { Checkboxes, CheckboxList, useBinding, useBuilderT } from './controls';

export const kindLabel = (kind: string): string => unitKindLabels[kind] ?? kind;

const MAX_MATCHES = 20;

/** Units picked from the tree (in force on `asOf`) by typing part of their name; chosen ones stay listed. */
function UnitPicker({
  path,
  label,
  units,
  asOf,
}: {
  path: Path;
  label: string;
  units: readonly Unit[];
  asOf: string;
}) {
  const t = useBuilderT();
  const { draft, set, issues } = useBinding();
  const [query, setQuery] = useState('');
  const chosen = (getIn(draft, path) as string[] | undefined) ?? [];
  const q = query.trim().toLocaleLowerCase('vi');
  const active = units.filter((u) => isActiveOn(u, asOf));
  const matches =
    q === '' ? [] : active.filter((u) => u.name.toLocaleLowerCase('vi').includes(q)).slice(0, MAX_MATCHES);
  const listed = [
    ...units.filter((u) => chosen.includes(u.id)),
    ...matches.filter((u) => !chosen.includes(u.id)),
  ];
  const toggle = (id: string, on: boolean) =>
    set(path, on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <Fieldset id={fieldId(path)} legend={label} error={issues.get(pathKey(path))}>
      <TextField label={t('participants.search')} type="search" value={query} onChange={setQuery} />
      <Checkboxes
        choices={listed.map((u) => ({
          value: u.id,
          label: (
            <>
              {u.name} <span className="muted">({kindLabel(u.kind)})</span>
            </>
          ),
        }))}
        chosen={chosen}
        onToggle={toggle}
      />
    </Fieldset>
  );
}

/** Who takes part (kinds, or units picked from the tree as of a date) and the campaign's periods. */
export function ParticipantsSection({
  units,
  asOf,
  setAsOf,
}: {
  units: readonly Unit[];
  asOf: string;
  setAsOf: (d: string) => void;
}) {
  const t = useBuilderT();
  const core = useT();
  const { draft, issues } = useBinding();
  const kinds = kindsInForce(units, asOf);
  const count = useMemo(
    () => units.filter((u) => isParticipant({ ...draft, tenantId: u.tenantId }, u, asOf)).length,
    [units, draft, asOf],
  );
  const year = draft.year;
  const extra = draft.periods.filter((p) => !p.startsWith(String(year)));
  return (
    <>
      <section aria-labelledby="cb-participants" className="card cb-section">
        <h2 id="cb-participants">{t('participants.title')}</h2>
        <Field label={t('participants.asOf')}>
          {(p) => (
            <input
              {...p}
              className="input cb-narrow"
              type="date"
              value={asOf}
              onChange={(e) => e.target.value && setAsOf(e.target.value)}
            />
          )}
        </Field>
        <CheckboxList
          path={['participants', 'unitKinds']}
          label={t('participants.kinds')}
          choices={[...new Set([...kinds, ...draft.participants.unitKinds])].map((k) => ({
            value: k,
            label: kindLabel(k),
          }))}
        />
        <UnitPicker
          path={['participants', 'unitIds']}
          label={t('participants.units')}
          units={units}
          asOf={asOf}
        />
        <UnitPicker
          path={['participants', 'excludedUnitIds']}
          label={t('participants.excluded')}
          units={units}
          asOf={asOf}
        />
        <p className="muted" aria-live="polite">
          {t('participants.count', { n: count, date: formatDate(asOf) })}
        </p>
      </section>

      <section aria-labelledby="cb-periods" className="card cb-section">
        <h2 id="cb-periods">{t('periods.title')}</h2>
        <p className="muted">{t('periods.help')}</p>
        <div id={fieldId('periods')} tabIndex={-1}>
          {issues.get('periods') ? <p className="field-error">{issues.get('periods')}</p> : null}
          {periodsOfYear(year).map((g) => (
            <CheckboxList
              key={g.kind}
              id={fieldId(`periods-${g.kind}`)}
              path={['periods']}
              label={t(`periods.kind.${g.kind}` as 'periods.kind.month')}
              choices={[...g.periods, ...(g.kind === 'year' ? extra : [])].map((p) => ({
                value: p,
                label: periodLabel(p, core),
              }))}
            />
          ))}
        </div>
      </section>
    </>
  );
}

/** The campaign's periods, in order, as choices. */
export const periodChoices = (draft: BuilderCampaign, label: (p: string) => string) =>
  sortPeriods(draft.periods).map((p) => ({ value: p, label: label(p) }));
