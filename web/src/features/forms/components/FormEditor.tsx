import {
  computeValues,
  type Field as FieldDef,
  type FormDefinition,
  visibleRefs,
} from '@thidua/shared/forms';
import { useFormContext, useWatch } from 'react-hook-form';
import { formatNumber, useT } from '../../../i18n';
import { Field, Fieldset } from '../../../ui';
import { domIdFor, fieldName } from '../paths';
import { isGroupControl, ScalarControl } from './controls';
import { FileEditor } from './FileEditor';
import { useFormRuntime } from './FormRuntime';
import { ScoreEditor } from './ScoreEditor';
import { TableEditor } from './TableEditor';
import '../forms.css';

type Data = Record<string, unknown>;

/**
 * Renders an editable form from its definition (data, not code): sections, every field type,
 * conditional visibility and live computed totals, all through the shared evaluators the server uses.
 * Must sit inside a react-hook-form `FormProvider` whose values are the submission data.
 */
export function FormEditor({ definition }: { definition: FormDefinition }) {
  const { control } = useFormContext();
  const { aside } = useFormRuntime();
  const values = useWatch({ control }) as Data;
  const shown = visibleRefs(definition, values);
  const computed = computeValues(definition, values);

  return (
    <div className="form-editor">
      {definition.sections.map((section) => {
        const fields = section.fields.filter((f) => shown.has(fieldName(section.key, f.key)));
        if (fields.length === 0) return null;
        return (
          <section key={section.key} className="card form-section" aria-labelledby={`sec-${section.key}`}>
            <h2 id={`sec-${section.key}`}>{section.title}</h2>
            {section.description ? <p className="muted">{section.description}</p> : null}
            {fields.map((f) => (
              <div key={f.key} className="form-field-slot">
                <FieldEditor
                  name={fieldName(section.key, f.key)}
                  field={f}
                  data={values}
                  computed={computed[fieldName(section.key, f.key)]}
                />
                {aside?.(fieldName(section.key, f.key)) ?? null}
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

function FieldEditor({
  name,
  field,
  data,
  computed,
}: {
  name: string;
  field: FieldDef;
  data: Data;
  computed: number | undefined;
}) {
  const t = useT();
  const { getFieldState, formState } = useFormContext();
  const error = getFieldState(name, formState).error?.message;
  const id = domIdFor(name);

  switch (field.type) {
    case 'computed':
      return (
        <Field label={field.label} help={field.help ?? t('form.computedHelp')} id={id}>
          {(p) => (
            <output {...p} htmlFor={undefined} className="computed-value" aria-live="off">
              {formatNumber(computed ?? 0)}
              {field.unit ? ` ${field.unit}` : ''}
            </output>
          )}
        </Field>
      );
    case 'table':
      return (
        <Fieldset
          legend={field.label}
          help={field.help}
          error={error}
          required={field.required}
          id={`${id}-group`}
        >
          <TableEditor name={name} field={field} data={data} />
        </Fieldset>
      );
    case 'score':
      return (
        <Fieldset legend={field.label} help={field.help} required={field.required} id={`${id}-group`}>
          <ScoreEditor name={name} field={field} />
        </Fieldset>
      );
    case 'file':
      return (
        <Field label={field.label} help={field.help} error={error} required={field.required} id={id}>
          {(p) => <FileEditor name={name} field={field} aria={p} />}
        </Field>
      );
    default:
      if (isGroupControl(field)) {
        return (
          <Fieldset legend={field.label} help={field.help} error={error} required={field.required} id={id}>
            <ScalarControl field={field} name={name} aria={{ id }} />
          </Fieldset>
        );
      }
      return (
        <Field
          label={field.label}
          help={field.help}
          error={error}
          required={field.required}
          id={id}
          hint={'unit' in field && field.unit ? `(${field.unit})` : undefined}
        >
          {(p) => <ScalarControl field={field} name={name} aria={p} />}
        </Field>
      );
  }
}
