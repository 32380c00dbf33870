import type { CampaignContent } from '@thidua/shared/campaign';
import { Field } from '../../../ui';
import { fieldId } from '../model';
import {
  DateInput,
  NumberInput,
  Repeater,
  SelectInput,
  Switch,
  TextInput,
  useBinding,
  useBuilderT,
} from './controls';

/** The plan the campaign implements, its contents, and the unit sign-off switch. */
export function PlanSection() {
  const t = useBuilderT();
  const { draft, set, issues } = useBinding();
  return (
    <>
      <section aria-labelledby="cb-plan" className="card cb-section">
        <h2 id="cb-plan">{t('plan.title')}</h2>
        <div className="grid">
          <TextInput path={['number']} label={t('plan.number')} help={t('plan.numberHelp')} required />
          <DateInput path={['issuedOn']} label={t('plan.issuedOn')} required />
          <NumberInput path={['year']} label={t('plan.year')} required min={2000} max={2100} />
          <SelectInput
            path={['kind']}
            label={t('plan.kind')}
            choices={[
              { value: 'thematic', label: t('plan.kind.thematic') },
              { value: 'regular', label: t('plan.kind.regular') },
            ]}
          />
        </div>
        <TextInput path={['title']} label={t('plan.name')} required multiline />
        <div className="grid">
          <TextInput path={['issuer']} label={t('plan.issuer')} />
          <TextInput path={['signer']} label={t('plan.signer')} />
        </div>
        {/* One basis per line: the list is edited as text, empty lines dropped. */}
        <Field id={fieldId('legalBasis')} label={t('plan.legalBasis')} error={issues.get('legalBasis')}>
          {(p) => (
            <textarea
              {...p}
              className="textarea"
              value={draft.legalBasis.join('\n')}
              onChange={(e) => set(['legalBasis'], e.target.value.split('\n'))}
              onBlur={(e) =>
                set(
                  ['legalBasis'],
                  e.target.value
                    .split('\n')
                    .map((l) => l.trim())
                    .filter(Boolean),
                )
              }
            />
          )}
        </Field>
      </section>

      <section aria-labelledby="cb-contents" className="card cb-section">
        <h2 id="cb-contents">{t('contents.title')}</h2>
        <Repeater<CampaignContent>
          path={['contents']}
          legend={t('contents.title')}
          title={(c) => t('contents.item', { no: c.no })}
          make={(items) => ({ no: Math.max(0, ...items.map((c) => c.no)) + 1, title: '', text: '' })}
          addLabel={t('contents.add')}
        >
          {(_c, i) => (
            <>
              <NumberInput path={['contents', i, 'no']} label={t('contents.no')} min={1} max={50} />
              <TextInput path={['contents', i, 'title']} label={t('contents.short')} required />
              <TextInput path={['contents', i, 'text']} label={t('contents.text')} required multiline />
            </>
          )}
        </Repeater>
      </section>

      <section aria-labelledby="cb-signoff" className="card cb-section">
        <h2 id="cb-signoff">{t('signoff.title')}</h2>
        <Switch path={['requireUnitSignOff']} label={t('signoff.switch')} />
      </section>
    </>
  );
}
