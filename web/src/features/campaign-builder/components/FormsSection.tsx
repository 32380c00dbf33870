import type { Deadline, EntryWindow, FormAssignment, LockException } from '@thidua/shared/campaign';
import { isActiveOn, type Unit } from '@thidua/shared/org';
import { useT } from '../../../i18n';
import { Field } from '../../../ui';
import { periodLabel, periodWithCutOff } from '../../submissions/labels';
import { blankForm, endInstant, fieldId, openingInstant, pathKey, sortPeriods } from '../model';
import { useTemplateVersions } from '../service';
import {
  CheckboxList,
  DateInput,
  NumberInput,
  Repeater,
  SelectInput,
  TextInput,
  useBinding,
  useBuilderT,
} from './controls';
import { kindLabel } from './ParticipantsSection';

const TEMPLATE_LIST = 'cb-known-templates';

/** The template of a form (an id, suggested from those in use) and its published version. */
function TemplatePicker({ i, form }: { i: number; form: FormAssignment }) {
  const t = useBuilderT();
  const { set, issues } = useBinding();
  const versions = useTemplateVersions(form.templateId);
  const path = ['forms', i, 'templateId'] as const;
  const vPath = ['forms', i, 'templateVersion'] as const;
  const known = versions.data?.versions ?? [];
  return (
    <div className="grid">
      <Field
        id={fieldId(path)}
        label={t('forms.template')}
        help={versions.data?.title ?? t('forms.templateHelp')}
        required
        error={issues.get(pathKey(path))}
      >
        {(p) => (
          <input
            {...p}
            className="input"
            list={TEMPLATE_LIST}
            value={form.templateId}
            onChange={(e) => set(path, e.target.value.trim())}
          />
        )}
      </Field>
      <Field id={fieldId(vPath)} label={t('forms.version')} required error={issues.get(pathKey(vPath))}>
        {(p) => (
          <select
            {...p}
            className="select"
            value={String(form.templateVersion)}
            onChange={(e) => set(vPath, Number(e.target.value))}
          >
            {[...new Set([...known, form.templateVersion])]
              .sort((a, b) => b - a)
              .map((v) => (
                <option key={v} value={v}>
                  {known.includes(v) ? `${v}` : `${v} — ${t('forms.versionNone')}`}
                </option>
              ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** Each period of the form with the day its figures count to, when a cut-off is set. */
function CutOffDates({ form }: { form: FormAssignment }) {
  const core = useT();
  if (form.cutOffDay === undefined) return null;
  return (
    <ul className="cb-cutoffs muted">
      {sortPeriods(form.periods).map((p) => (
        <li key={p}>{periodWithCutOff(p, core, form.cutOffDay)}</li>
      ))}
    </ul>
  );
}

/** The forms units file, with their periods, cut-off, entry windows, deadlines and lock exceptions. */
export function FormsSection({
  units,
  kinds,
  asOf,
  templateIds,
}: {
  units: readonly Unit[];
  kinds: readonly string[];
  asOf: string;
  templateIds: readonly string[];
}) {
  const t = useBuilderT();
  const core = useT();
  const { draft } = useBinding();
  const periods = sortPeriods(draft.periods).map((p) => ({ value: p, label: periodLabel(p, core) }));
  const kindChoices = kinds.map((k) => ({ value: k, label: kindLabel(k) }));
  const unitChoices = units.filter((u) => isActiveOn(u, asOf)).map((u) => ({ value: u.id, label: u.name }));
  const periodOrAll = { choices: periods, empty: t('windows.allPeriods'), emptyValue: null };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="cb-forms" className="card cb-section">
      <h2 id="cb-forms">{t('forms.title')}</h2>
      <datalist id={TEMPLATE_LIST}>
        {templateIds.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <Repeater<FormAssignment>
        path={['forms']}
        legend={t('forms.title')}
        title={(f) => t('forms.item', { key: f.formKey || '…' })}
        make={(items) => blankForm(draft.year, items.length + 1)}
        addLabel={t('forms.add')}
      >
        {(form, i) => (
          <>
            <TextInput path={['forms', i, 'formKey']} label={t('forms.key')} required />
            <TemplatePicker i={i} form={form} />
            <CheckboxList
              path={['forms', i, 'periods']}
              label={t('forms.periods')}
              choices={periods}
              required
            />
            <NumberInput
              path={['forms', i, 'cutOffDay']}
              label={t('forms.cutOff')}
              help={t('forms.cutOffHelp')}
              optional
              min={1}
              max={31}
            />
            <CutOffDates form={form} />
            <CheckboxList
              path={['forms', i, 'unitKinds']}
              label={t('forms.unitKinds')}
              choices={kindChoices}
            />

            <Repeater<EntryWindow>
              path={['forms', i, 'entryWindows']}
              legend={t('windows.title')}
              title={(_w, j) => t('windows.item', { n: j + 1 })}
              make={() => ({ period: null, opensAt: openingInstant(today), closesAt: endInstant(today) })}
              addLabel={t('windows.add')}
            >
              {(_w, j) => (
                <div className="grid">
                  <SelectInput
                    path={['forms', i, 'entryWindows', j, 'period']}
                    label={t('windows.period')}
                    {...periodOrAll}
                  />
                  <DateInput
                    path={['forms', i, 'entryWindows', j, 'opensAt']}
                    label={t('windows.opens')}
                    as="opening"
                    required
                  />
                  <DateInput
                    path={['forms', i, 'entryWindows', j, 'closesAt']}
                    label={t('windows.closes')}
                    as="end"
                    required
                  />
                </div>
              )}
            </Repeater>

            <Repeater<Deadline>
              path={['forms', i, 'deadlines']}
              legend={t('deadlines.title')}
              title={(_d, j) => t('deadlines.item', { n: j + 1 })}
              make={() => ({ period: null, stage: 'submit', dueAt: endInstant(today) })}
              addLabel={t('deadlines.add')}
            >
              {(d, j) => (
                <div className="grid">
                  <SelectInput
                    path={['forms', i, 'deadlines', j, 'period']}
                    label={t('windows.period')}
                    {...periodOrAll}
                  />
                  <SelectInput
                    path={['forms', i, 'deadlines', j, 'stage']}
                    label={t('deadlines.stage')}
                    choices={(['submit', 'sign_off', 'review'] as const).map((s) => ({
                      value: s,
                      label: t(`deadlines.stage.${s}`),
                    }))}
                  />
                  {d.stage === 'review' ? (
                    <SelectInput
                      path={['forms', i, 'deadlines', j, 'reviewerKind']}
                      label={t('deadlines.reviewerKind')}
                      choices={kindChoices}
                      empty={t('deadlines.anyLevel')}
                      emptyValue={undefined}
                    />
                  ) : null}
                  <DateInput
                    path={['forms', i, 'deadlines', j, 'dueAt']}
                    label={t('deadlines.due')}
                    as="end"
                    required
                  />
                </div>
              )}
            </Repeater>

            <Repeater<LockException>
              path={['forms', i, 'lockExceptions']}
              legend={t('exceptions.title')}
              title={(_x, j) => t('exceptions.item', { n: j + 1 })}
              make={() => ({ unitId: '', period: null, closesAt: endInstant(today), reason: '' })}
              addLabel={t('exceptions.add')}
            >
              {(_x, j) => (
                <div className="grid">
                  <SelectInput
                    path={['forms', i, 'lockExceptions', j, 'unitId']}
                    label={t('exceptions.unit')}
                    choices={unitChoices}
                    empty={t('choose')}
                    required
                  />
                  <SelectInput
                    path={['forms', i, 'lockExceptions', j, 'period']}
                    label={t('windows.period')}
                    {...periodOrAll}
                  />
                  <DateInput
                    path={['forms', i, 'lockExceptions', j, 'closesAt']}
                    label={t('exceptions.until')}
                    as="end"
                    required
                  />
                  <TextInput
                    path={['forms', i, 'lockExceptions', j, 'reason']}
                    label={t('exceptions.reason')}
                    required
                  />
                </div>
              )}
            </Repeater>
          </>
        )}
      </Repeater>
    </section>
  );
}
