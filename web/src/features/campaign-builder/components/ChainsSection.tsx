import { previewChain } from '@thidua/shared/campaign';
import { type ChainConfig, type ChainRule, indexUnits, isActiveOn, type Unit } from '@thidua/shared/org';
import { useMemo, useState } from 'react';
import { Alert, Field } from '../../../ui';
import { blankChain } from '../model';
import {
  CheckboxList,
  DateInput,
  Repeater,
  SelectInput,
  TextInput,
  useBinding,
  useBuilderT,
} from './controls';
import { kindLabel } from './ParticipantsSection';

/** The chain the chosen unit will get on the chosen day, derived by the same code the API runs. */
function ChainPreview({ units, asOf }: { units: readonly Unit[]; asOf: string }) {
  const t = useBuilderT();
  const { draft } = useBinding();
  const [unitId, setUnitId] = useState('');
  const [date, setDate] = useState(asOf);
  const byId = useMemo(() => indexUnits(units), [units]);
  const active = units.filter((u) => isActiveOn(u, date));
  const unit = byId.get(unitId);
  const result = unit ? previewChain({ ...draft, tenantId: unit.tenantId }, byId, unit.id, date) : null;
  return (
    <section aria-labelledby="cb-preview" className="cb-preview">
      <h3 id="cb-preview">{t('preview.title')}</h3>
      <div className="grid">
        <Field label={t('preview.unit')}>
          {(p) => (
            <select {...p} className="select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('choose')}</option>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({kindLabel(u.kind)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('preview.date')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={date}
              onChange={(e) => e.target.value && setDate(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div aria-live="polite">
        {!unit || !result ? (
          <p className="muted">{t('preview.none')}</p>
        ) : result.ok ? (
          <>
            <h4>{t('preview.result', { unit: unit.name })}</h4>
            <ol className="cb-chain" aria-label={t('preview.result', { unit: unit.name })}>
              {result.chain.map((l) => (
                <li key={l.unitId}>
                  {l.unitName} <span className="muted">({kindLabel(l.unitKind)})</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <Alert tone="warning">{t('preview.failed', { message: result.message })}</Alert>
        )}
      </div>
    </section>
  );
}

/** Approval chains, effective-dated, each a rule per filing kind picking reviewing kinds from the tree. */
export function ChainsSection({
  units,
  kinds,
  asOf,
}: {
  units: readonly Unit[];
  kinds: readonly string[];
  asOf: string;
}) {
  const t = useBuilderT();
  const { draft } = useBinding();
  const kindChoices = kinds.map((k) => ({ value: k, label: kindLabel(k) }));
  return (
    <section aria-labelledby="cb-chains" className="card cb-section">
      <h2 id="cb-chains">{t('chains.title')}</h2>
      <p className="muted">{t('chains.help')}</p>
      <Repeater<ChainConfig>
        path={['chainConfigs']}
        legend={t('chains.title')}
        title={(c) => t('chains.item', { name: c.name || c.id })}
        make={(items) => ({ ...blankChain(draft.year), id: `chain_${draft.year}_${items.length + 1}` })}
        addLabel={t('chains.add')}
      >
        {(_config, i) => (
          <>
            <div className="grid">
              <TextInput path={['chainConfigs', i, 'id']} label={t('chains.id')} required />
              <TextInput path={['chainConfigs', i, 'name']} label={t('chains.name')} required />
              <DateInput path={['chainConfigs', i, 'effectiveFrom']} label={t('chains.from')} required />
              <DateInput path={['chainConfigs', i, 'effectiveTo']} label={t('chains.to')} nullable />
            </div>
            <TextInput path={['chainConfigs', i, 'legalBasis']} label={t('chains.basis')} />
            <Repeater<ChainRule>
              path={['chainConfigs', i, 'rules']}
              legend={t('chains.title')}
              title={(r) =>
                t('chains.rule', {
                  kind: r.authorKind ? kindLabel(r.authorKind).toLocaleLowerCase('vi') : '…',
                })
              }
              make={() => ({ authorKind: '', reviewerKinds: [''], optionalKinds: [] })}
              addLabel={t('chains.addRule')}
            >
              {(rule, r) => (
                <>
                  <SelectInput
                    path={['chainConfigs', i, 'rules', r, 'authorKind']}
                    label={t('chains.author')}
                    choices={kindChoices}
                    empty={t('choose')}
                    required
                  />
                  <Repeater<string>
                    path={['chainConfigs', i, 'rules', r, 'reviewerKinds']}
                    legend={t('chains.level', { n: '' })}
                    title={(k, n) => `${t('chains.level', { n: n + 1 })}${k ? `: ${kindLabel(k)}` : ''}`}
                    make={() => ''}
                    addLabel={t('chains.addLevel')}
                  >
                    {(_k, n) => (
                      <SelectInput
                        path={['chainConfigs', i, 'rules', r, 'reviewerKinds', n]}
                        label={t('chains.level', { n: n + 1 })}
                        choices={kindChoices}
                        empty={t('choose')}
                        required
                      />
                    )}
                  </Repeater>
                  <CheckboxList
                    path={['chainConfigs', i, 'rules', r, 'optionalKinds']}
                    label={t('chains.optional')}
                    choices={rule.reviewerKinds
                      .filter(Boolean)
                      .map((k) => ({ value: k, label: kindLabel(k) }))}
                  />
                </>
              )}
            </Repeater>
          </>
        )}
      </Repeater>
      <ChainPreview units={units} asOf={asOf} />
    </section>
  );
}
