import { useQueryClient } from '@tanstack/react-query';
import { type FormDefinition, type FormTemplate, formatIssues, validateFormData } from '@thidua/shared/forms';
import type { Submission } from '@thidua/shared/workflow';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { formatNumber, useT } from '../../../i18n';
import { Alert, Button, useToast } from '../../../ui';
import { FormEditor } from '../../forms/components/FormEditor';
import { FormRuntimeProvider } from '../../forms/components/FormRuntime';
import { resolveErrorTarget } from '../../forms/paths';
import { submissionKeys, useSubmissionsApi } from '../queries';

type Values = Record<string, unknown>;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only the score criteria of a template (for the reviewer's scoring form). */
export function scoreOnly(template: FormDefinition): FormDefinition {
  return {
    sections: template.sections
      .map((s) => ({ ...s, visibleWhen: undefined, fields: s.fields.filter((f) => f.type === 'score') }))
      .filter((s) => s.fields.length > 0),
  };
}

/** The sum of reviewer scores given so far, and of the maximum points. */
export function reviewerTotal(template: FormDefinition, data: Values): { given: number; max: number } {
  let given = 0;
  let max = 0;
  for (const s of template.sections) {
    for (const f of s.fields) {
      if (f.type !== 'score') continue;
      max += f.maxPoints;
      const sec = data[s.key];
      const v = isRecord(sec) ? sec[f.key] : undefined;
      if (isRecord(v) && typeof v.reviewerScore === 'number') given += v.reviewerScore;
    }
  }
  return { given, max };
}

/**
 * The reviewer on turn scores each criterion (the unit's self score beside it); only the reviewer
 * scores are changed, at the expected version, before approving.
 */
export function ReviewerScoring({
  submission,
  template,
}: {
  submission: Submission;
  template: FormTemplate;
}) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const s = useSubmissionsApi();
  const definition = useMemo(() => scoreOnly(template), [template]);
  const methods = useForm<Values>({ defaultValues: submission.data });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (definition.sections.length === 0) return null;
  const total = reviewerTotal(template, methods.watch());

  const onSave = methods.handleSubmit(async (values) => {
    setError(null);
    const check = validateFormData(template, values, { mode: 'draft' });
    if (!check.ok) {
      for (const issue of formatIssues(check)) {
        const target = resolveErrorTarget(template, issue.path);
        if (target) methods.setError(target.name, { message: issue.message });
      }
      return;
    }
    setSaving(true);
    try {
      const detail = await s.save(submission.id, { expectedVersion: submission.version, data: values });
      qc.setQueryData(submissionKeys.detail(submission.id), detail);
      await qc.invalidateQueries({ queryKey: submissionKeys.history(submission.id) });
      toast(t('scoring.saved'), 'success');
    } catch (e) {
      if (isHttpError(e) && e.isValidation) {
        for (const d of e.details) {
          const target = resolveErrorTarget(template, d.path);
          if (target) methods.setError(target.name, { message: d.message });
        }
      }
      setError(e);
    } finally {
      setSaving(false);
    }
  });

  return (
    <section className="card" aria-labelledby="scoring-title">
      <h2 id="scoring-title">{t('scoring.title')}</h2>
      <p className="muted">{t('scoring.help')}</p>
      {error ? <Alert tone="danger">{describeError(error, t)}</Alert> : null}
      <FormRuntimeProvider value={{ scoring: 'reviewer' }}>
        <FormProvider {...methods}>
          <form onSubmit={(e) => void onSave(e)} noValidate>
            <FormEditor definition={definition} />
            <div className="row row-between">
              <p className="save-status">
                {t('scoring.total', { given: formatNumber(total.given), max: formatNumber(total.max) })}
              </p>
              <Button type="submit" variant="primary" loading={saving}>
                {t('scoring.save')}
              </Button>
            </div>
          </form>
        </FormProvider>
      </FormRuntimeProvider>
    </section>
  );
}
