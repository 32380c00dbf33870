import { type ColumnField, findTemplate2023, groupsThousands } from '@thidua/shared/forms';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { I18nProvider, translate } from '../../i18n';
import { ScalarControl } from './components/controls';
import { scalarText } from './components/FormView';

const t = (k: Parameters<typeof translate>[1]) => translate('vi', k);

/** The year column of the nomination's "previous awards" table, as the 2023 template defines it. */
function yearColumn(): ColumnField {
  const nomination = findTemplate2023('nomination_2023');
  const table = nomination?.sections.flatMap((s) => s.fields).find((f) => f.key === 'previousAwards');
  const year = table?.type === 'table' ? table.columns.find((c) => c.key === 'year') : undefined;
  if (!year) throw new Error('the nomination template has no year column');
  return year;
}

const count: ColumnField = { key: 'participants', type: 'integer', label: 'Số lượt', required: false };

function Control({ field, value }: { field: ColumnField; value: unknown }) {
  const methods = useForm({ defaultValues: { v: value } });
  return (
    <I18nProvider>
      <FormProvider {...methods}>
        <ScalarControl field={field} name="v" aria={{ id: 'v', 'aria-label': field.label }} />
      </FormProvider>
    </I18nProvider>
  );
}

describe('years are not grouped in thousands', () => {
  it('shows the year 2022 as "2022" where a count of 1250 shows as "1.250"', () => {
    expect(scalarText(yearColumn(), 2022, t)).toBe('2022');
    expect(scalarText(count, 1250, t)).toBe('1.250');
    expect(scalarText({ ...count, key: 'year' }, 2023, t)).toBe('2023');
  });

  it('shows a typed year unchanged in the table editor', () => {
    expect(renderToStaticMarkup(<Control field={yearColumn()} value={2022} />)).toContain('value="2022"');
    expect(renderToStaticMarkup(<Control field={count} value={1250} />)).toContain('value="1.250"');
  });

  it('treats integers bounded to four digits as years or codes, everything else as quantities', () => {
    expect(groupsThousands(yearColumn())).toBe(false);
    expect(groupsThousands({ ...count, min: 1000, max: 9999 })).toBe(false);
    expect(groupsThousands({ ...count, min: 0, max: 100_000 })).toBe(true);
    expect(groupsThousands(count)).toBe(true);
    expect(groupsThousands({ key: 'rate', type: 'decimal', label: 'Tỉ lệ', required: false, scale: 1 })).toBe(
      true,
    );
  });
});
