import { evaluateCondition, type TableField } from '@thidua/shared/forms';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import { domIdFor } from '../paths';
import { ScalarControl } from './controls';

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A repeating table: one row per entry, typed columns, add and remove. On a phone each row becomes a
 * card (the table stacks). Each cell is labelled "column – row n" and shows its own error.
 */
export function TableEditor({
  name,
  field,
  data,
  describedBy,
}: {
  name: string;
  field: TableField;
  data: Record<string, unknown>;
  describedBy?: string;
}) {
  const t = useT();
  const { control, getFieldState, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name, keyName: '_key' });
  const rows = useWatch({ control, name });
  const rowAt = (i: number): Row => (Array.isArray(rows) && isRow(rows[i]) ? rows[i] : {});
  const full = fields.length >= field.maxRows;

  return (
    <div className="table-editor">
      <div className="table-wrap">
        <table className="table table-stack" aria-describedby={describedBy}>
          <caption className="visually-hidden">{field.label}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {field.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                  {c.required ? <span aria-hidden="true"> *</span> : null}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('form.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.length === 0 ? (
              <tr>
                <td colSpan={field.columns.length + 2} className="table-empty">
                  {t('form.noRows')}
                </td>
              </tr>
            ) : null}
            {fields.map((item, i) => {
              const row = rowAt(i);
              return (
                <tr key={item._key}>
                  <td data-label="#">{i + 1}</td>
                  {field.columns.map((c) => {
                    const cellName = `${name}.${i}.${c.key}`;
                    const visible =
                      c.visibleWhen === undefined || evaluateCondition(c.visibleWhen, data, row);
                    const error = getFieldState(cellName, formState).error?.message;
                    const id = domIdFor(cellName);
                    return (
                      <td key={c.key} data-label={c.label} className={error ? 'field-invalid' : undefined}>
                        {visible ? (
                          <>
                            <ScalarControl
                              field={c}
                              name={cellName}
                              aria={{
                                id,
                                'aria-label': t('form.cellLabel', { column: c.label, n: i + 1 }),
                                'aria-invalid': error ? true : undefined,
                                'aria-describedby': error ? `${id}-error` : undefined,
                                'aria-required': c.required ? true : undefined,
                              }}
                            />
                            {error ? (
                              <p className="field-error" id={`${id}-error`}>
                                {error}
                              </p>
                            ) : null}
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    );
                  })}
                  <td data-label={t('form.rowActions')}>
                    <Button size="sm" variant="ghost" onClick={() => remove(i)}>
                      {t('form.removeRow', { n: i + 1 })}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button size="sm" onClick={() => append({})} disabled={full} id={domIdFor(name)}>
        {field.addRowLabel ?? t('form.addRow')}
      </Button>
      {full ? <p className="field-help">{t('form.maxRowsReached', { n: field.maxRows })}</p> : null}
    </div>
  );
}
