import {
  AttachmentRef,
  type ColumnField,
  computeValues,
  evaluateCondition,
  type Field as FieldDef,
  type FormDefinition,
  groupsThousands,
  visibleRefs,
} from '@thidua/shared/forms';
import type { ReactNode } from 'react';
import { formatBytes, formatDate, formatNumber, type Translate, useT } from '../../../i18n';
import { fieldName } from '../paths';
import '../forms.css';

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readAt(data: Data, ref: string): unknown {
  const [s, f] = ref.split('.');
  const section = s === undefined ? undefined : data[s];
  return isRecord(section) && f !== undefined ? section[f] : undefined;
}

/** A scalar value as text, the way officials write it (dates dd/MM/yyyy, numbers 1.234,5). */
export function scalarText(field: ColumnField, value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === '') return '—';
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number'
        ? `${formatNumber(value, { grouping: groupsThousands(field) })}${field.unit ? ` ${field.unit}` : ''}`
        : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'select':
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case 'multi_select':
      return Array.isArray(value)
        ? value.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join('; ') || '—'
        : String(value);
    case 'yes_no':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    default:
      return String(value);
  }
}

/** One field's value as a string, for change lists and exports. */
export function fieldText(field: FieldDef, value: unknown, t: Translate): string {
  switch (field.type) {
    case 'computed':
      return typeof value === 'number' ? formatNumber(value) : '—';
    case 'file':
      return Array.isArray(value)
        ? value
            .filter(isRecord)
            .map((f) => String(f.name))
            .join('; ') || '—'
        : '—';
    case 'score': {
      if (!isRecord(value)) return '—';
      const self = typeof value.selfScore === 'number' ? formatNumber(value.selfScore) : '—';
      const rev = typeof value.reviewerScore === 'number' ? formatNumber(value.reviewerScore) : '—';
      return `${t('form.selfScore')}: ${self}; ${t('form.reviewerScore')}: ${rev}`;
    }
    case 'table':
      return Array.isArray(value) ? t('form.rowCount', { n: value.length }) : '—';
    default:
      return scalarText(field, value, t);
  }
}

/**
 * What stands where the API redacted a sensitive value: words, never a blank or a 0 that reads as data.
 */
export function RedactedMark() {
  const t = useT();
  return (
    <span className="redacted-mark" title={t('form.redactedHelp')}>
      {t('form.redacted')}
    </span>
  );
}

/**
 * The read-only form (reviewers, history, approved submissions): only visible fields, computed totals
 * recomputed from the data, changed fields marked with their previous value, and the marker where the
 * API redacted a sensitive field (`redacted`: refs and column refs as the API lists them).
 */
export function FormView({
  definition,
  data,
  previous,
  redacted = [],
  onOpenAttachment,
}: {
  definition: FormDefinition;
  data: Data;
  /** The data of the returned version: fields that differ are marked "changed". */
  previous?: Data;
  /** Sensitive refs the API removed for this reader (`SubmissionView.redacted`). */
  redacted?: readonly string[];
  onOpenAttachment?: (ref: AttachmentRef) => void;
}) {
  const t = useT();
  const hidden = new Set(redacted);
  const shown = visibleRefs(definition, data);
  const computed = computeValues(definition, data);
  return (
    <div className="form-view">
      {hidden.size > 0 ? (
        <p className="muted redacted-notice" role="note">
          {t('form.redactedNotice')}
        </p>
      ) : null}
      {definition.sections.map((section) => {
        // A redacted field shows its marker even where its visibility hung on redacted data.
        const fields = section.fields.filter((f) => {
          const ref = fieldName(section.key, f.key);
          return shown.has(ref) || hidden.has(ref);
        });
        if (fields.length === 0) return null;
        return (
          <section key={section.key} className="card form-section" aria-labelledby={`view-${section.key}`}>
            <h2 id={`view-${section.key}`}>{section.title}</h2>
            <dl className="form-values">
              {fields.map((f) => {
                const ref = fieldName(section.key, f.key);
                if (hidden.has(ref)) {
                  return (
                    <div key={f.key} className="form-value form-value-redacted">
                      <dt>{f.label}</dt>
                      <dd>
                        <RedactedMark />
                      </dd>
                    </div>
                  );
                }
                const value = f.type === 'computed' ? computed[ref] : readAt(data, ref);
                const before =
                  previous === undefined
                    ? undefined
                    : f.type === 'computed'
                      ? computeValues(definition, previous)[ref]
                      : readAt(previous, ref);
                const changed =
                  previous !== undefined && JSON.stringify(value ?? null) !== JSON.stringify(before ?? null);
                return (
                  <div key={f.key} className={`form-value ${changed ? 'form-value-changed' : ''}`}>
                    <dt>
                      {f.label}
                      {changed ? <span className="badge badge-warning">{t('review.changed')}</span> : null}
                    </dt>
                    <dd>
                      <ValueView
                        field={f}
                        value={value}
                        data={data}
                        hiddenColumns={hidden}
                        fieldRef={ref}
                        onOpenAttachment={onOpenAttachment}
                      />
                      {changed ? (
                        <p className="form-value-before">
                          {t('review.before')}: {fieldText(f, before, t)}
                        </p>
                      ) : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function ValueView({
  field,
  value,
  data,
  hiddenColumns,
  fieldRef,
  onOpenAttachment,
}: {
  field: FieldDef;
  value: unknown;
  data: Data;
  /** Redacted refs: a table's redacted columns are `fieldRef.column`. */
  hiddenColumns: ReadonlySet<string>;
  fieldRef: string;
  onOpenAttachment?: (ref: AttachmentRef) => void;
}): ReactNode {
  const t = useT();
  if (field.type === 'table') {
    const rows = Array.isArray(value) ? value.filter(isRecord) : [];
    if (rows.length === 0) return <span className="muted">{t('form.noRows')}</span>;
    return (
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">{field.label}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {field.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows in stored order
              <tr key={i}>
                <td data-label="#">{i + 1}</td>
                {field.columns.map((c) => (
                  <td
                    key={c.key}
                    data-label={c.label}
                    className={c.type === 'integer' || c.type === 'decimal' ? 'num' : undefined}
                  >
                    {hiddenColumns.has(`${fieldRef}.${c.key}`) ? (
                      <RedactedMark />
                    ) : c.visibleWhen === undefined || evaluateCondition(c.visibleWhen, data, row) ? (
                      scalarText(c, row[c.key], t)
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (field.type === 'file') {
    const files = Array.isArray(value) ? value.filter(isRecord) : [];
    if (files.length === 0) return <span className="muted">{t('common.none')}</span>;
    return (
      <ul className="file-list">
        {files.map((f) => {
          const parsed = AttachmentRef.safeParse(f);
          return (
            <li key={String(f.attachmentId)}>
              {onOpenAttachment && parsed.success ? (
                <button type="button" className="link-button" onClick={() => onOpenAttachment(parsed.data)}>
                  {String(f.name)}
                </button>
              ) : (
                String(f.name)
              )}{' '}
              <span className="muted">({formatBytes(Number(f.size))})</span>
            </li>
          );
        })}
      </ul>
    );
  }
  if (field.type === 'score') {
    const v = isRecord(value) ? value : {};
    return (
      <div>
        <p>
          {t('form.selfScore')}:{' '}
          <strong>{typeof v.selfScore === 'number' ? formatNumber(v.selfScore) : '—'}</strong> /{' '}
          {formatNumber(field.maxPoints)} · {t('form.reviewerScore')}:{' '}
          <strong>{typeof v.reviewerScore === 'number' ? formatNumber(v.reviewerScore) : '—'}</strong>
        </p>
        {typeof v.note === 'string' && v.note ? <p className="muted preserve-lines">{v.note}</p> : null}
      </div>
    );
  }
  if (field.type === 'computed') {
    return (
      <strong>
        {typeof value === 'number' ? formatNumber(value) : '—'}
        {field.unit ? ` ${field.unit}` : ''}
      </strong>
    );
  }
  return (
    <span className={field.type === 'long_text' ? 'preserve-lines' : undefined}>
      {scalarText(field, value, t)}
    </span>
  );
}
