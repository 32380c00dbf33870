import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import { FormEditor } from '../../forms/components/FormEditor';
import { FormRuntimeProvider } from '../../forms/components/FormRuntime';
import { everyFieldDefinition as def } from '../../forms/testing/fixture';
import { reviewerTotal, scoreOnly } from './ReviewerScoring';

function ReviewerHarness() {
  const methods = useForm({ defaultValues: { figures: { c1: { selfScore: 9 } } } });
  return (
    <I18nProvider>
      <FormRuntimeProvider value={{ scoring: 'reviewer' }}>
        <FormProvider {...methods}>
          <FormEditor definition={scoreOnly(def)} />
        </FormProvider>
      </FormRuntimeProvider>
    </I18nProvider>
  );
}

describe('reviewer scoring', () => {
  it('keeps only the score criteria', () => {
    const only = scoreOnly(def);
    expect(only.sections.flatMap((s) => s.fields.map((f) => f.type))).toEqual(['score']);
  });

  it('adds up the reviewer scores against the maximum', () => {
    expect(reviewerTotal(def, { figures: { c1: { selfScore: 9, reviewerScore: 7.5 } } })).toEqual({
      given: 7.5,
      max: 10,
    });
  });

  it('lets the reviewer type the reviewer score and shows the self score read-only', () => {
    const html = renderToStaticMarkup(<ReviewerHarness />);
    expect(html).toContain('id="fld-figures-c1-reviewerScore"');
    expect(html).not.toContain('id="fld-figures-c1-selfScore"');
    expect(html).toMatch(/Điểm tự chấm<\/span> 9 \/ 10/);
  });
});
