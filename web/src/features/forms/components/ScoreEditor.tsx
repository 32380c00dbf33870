import type { ScoreField } from '@thidua/shared/forms';
import { useFormContext } from 'react-hook-form';
import { formatNumber, useT } from '../../../i18n';
import { Field } from '../../../ui';
import { domIdFor } from '../paths';
import { NumberInput, TextArea } from './controls';
import { useFormRuntime } from './FormRuntime';

/**
 * A score criterion: the unit's self score (and an explanation), the reviewer's score. Who may type
 * which part comes from the page (author: self; reviewer: reviewer); the other part is shown read-only.
 */
export function ScoreEditor({ name, field }: { name: string; field: ScoreField }) {
  const t = useT();
  const { scoring } = useFormRuntime();
  const { getFieldState, formState, watch } = useFormContext();
  const err = (part: string) => getFieldState(`${name}.${part}`, formState).error?.message;
  const hint = t('form.maxPoints', { n: formatNumber(field.maxPoints) });
  const readValue = (part: string) => {
    const v: unknown = watch(`${name}.${part}`);
    return typeof v === 'number' ? formatNumber(v) : '—';
  };
  return (
    <div className="score-editor">
      <div className="score-parts">
        {scoring === 'self' ? (
          <Field
            label={t('form.selfScore')}
            hint={hint}
            error={err('selfScore')}
            required={field.required}
            id={domIdFor(`${name}.selfScore`)}
          >
            {(p) => <NumberInput name={`${name}.selfScore`} decimal aria={p} />}
          </Field>
        ) : (
          <p className="score-readonly">
            <span className="field-label">{t('form.selfScore')}</span> {readValue('selfScore')} /{' '}
            {formatNumber(field.maxPoints)}
          </p>
        )}
        {scoring === 'reviewer' ? (
          <Field
            label={t('form.reviewerScore')}
            hint={hint}
            error={err('reviewerScore')}
            id={domIdFor(`${name}.reviewerScore`)}
          >
            {(p) => <NumberInput name={`${name}.reviewerScore`} decimal aria={p} />}
          </Field>
        ) : (
          <p className="score-readonly">
            <span className="field-label">{t('form.reviewerScore')}</span> {readValue('reviewerScore')}
          </p>
        )}
      </div>
      {scoring === 'self' ? (
        <Field label={t('form.scoreNote')} error={err('note')} id={domIdFor(`${name}.note`)}>
          {(p) => <TextArea name={`${name}.note`} aria={p} />}
        </Field>
      ) : null}
    </div>
  );
}
