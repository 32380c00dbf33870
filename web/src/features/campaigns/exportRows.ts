import {
  computeValues,
  type FormTemplate,
  isQuantity,
  isSensitivePath,
  visibleRefs,
} from '@thidua/shared/forms';
import type { Submission } from '@thidua/shared/workflow';
import { type Cell, dateCell, dateTimeCell, type Sheet } from '@thidua/shared/xlsx';
import type { Translate } from '../../i18n';
import { periodWithCutOff } from '../submissions/labels';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One column of a report sheet: a field (or a score part) of the template. */
interface ExportColumn {
  header: string;
  /** The field (`section.field`) or column (`section.table.column`) it shows, for redaction. */
  ref?: string;
  value: (s: Submission, computed: Record<string, number>, shown: Set<string>) => Cell;
}

function columnsOf(template: FormTemplate, t: Translate): ExportColumn[] {
  const cols: ExportColumn[] = [];
  for (const section of template.sections) {
    for (const f of section.fields) {
      const ref = `${section.key}.${f.key}`;
      const first = cols.length;
      const raw = (s: Submission): unknown => {
        const sec = s.data[section.key];
        return isRecord(sec) ? sec[f.key] : undefined;
      };
      const header = f.label;
      switch (f.type) {
        case 'computed':
          cols.push({
            header,
            value: (_s, computed, shown) => (shown.has(ref) ? (computed[ref] ?? 0) : null),
          });
          break;
        case 'score':
          cols.push({
            header: `${header} – ${t('form.selfScore')}`,
            value: (s) => {
              const v = raw(s);
              return isRecord(v) && typeof v.selfScore === 'number' ? v.selfScore : null;
            },
          });
          cols.push({
            header: `${header} – ${t('form.reviewerScore')}`,
            value: (s) => {
              const v = raw(s);
              return isRecord(v) && typeof v.reviewerScore === 'number' ? v.reviewerScore : null;
            },
          });
          break;
        case 'table':
          cols.push({
            header: `${header} (${t('export.rows')})`,
            value: (s) => (Array.isArray(raw(s)) ? (raw(s) as unknown[]).length : 0),
          });
          for (const c of f.columns) {
            // Quantities only: a total of the years in a list of awards means nothing.
            if (!isQuantity(c)) continue;
            cols.push({
              header: `${header} – ${c.label} (${t('common.total')})`,
              ref: `${ref}.${c.key}`,
              value: (s) => {
                const rows = raw(s);
                return Array.isArray(rows)
                  ? rows.reduce<number>(
                      (sum, r) =>
                        sum + (isRecord(r) && typeof r[c.key] === 'number' ? (r[c.key] as number) : 0),
                      0,
                    )
                  : null;
              },
            });
          }
          break;
        case 'file':
          cols.push({
            header: `${header} (${t('export.files')})`,
            value: (s) => (Array.isArray(raw(s)) ? (raw(s) as unknown[]).length : 0),
          });
          break;
        case 'yes_no':
          cols.push({
            header,
            value: (s) => (raw(s) === true ? t('common.yes') : raw(s) === false ? t('common.no') : null),
          });
          break;
        case 'select':
          cols.push({
            header,
            value: (s) => f.options.find((o) => o.value === raw(s))?.label ?? (raw(s) as Cell) ?? null,
          });
          break;
        case 'multi_select':
          cols.push({
            header,
            value: (s) => {
              const v = raw(s);
              return Array.isArray(v)
                ? v.map((x) => f.options.find((o) => o.value === x)?.label ?? String(x)).join('; ')
                : null;
            },
          });
          break;
        case 'date':
          cols.push({
            header,
            value: (s) => {
              const v = raw(s);
              return typeof v === 'string' ? dateCell(v) : null;
            },
          });
          break;
        default:
          cols.push({
            header,
            value: (s) => {
              const v = raw(s);
              return typeof v === 'number' || typeof v === 'string' ? v : null;
            },
          });
      }
      for (const c of cols.slice(first)) c.ref ??= ref;
    }
  }
  return cols;
}

/** The unit the author unit belongs to (a commune's district; the province for a department). */
export const parentUnitName = (s: Submission): string => {
  const parentId = s.unitPath.at(-1);
  return s.chain.find((c) => c.unitId === parentId)?.unitName ?? '';
};

/**
 * One sheet for one form: a row per submission (parent unit, unit, period, status, last update, then
 * every field in template order; computed totals recomputed with the shared evaluator, hidden fields left
 * blank), sorted by parent unit then unit. Dates are real dates; it prints landscape on A4, one page wide.
 */
export function reportSheet(
  name: string,
  template: FormTemplate,
  /** As the API answered them: `redacted` lists the sensitive fields it hid from this reader. */
  submissions: readonly (Submission & { redacted?: readonly string[] })[],
  t: Translate,
  /** The form's reporting cut-off day: the period column then says up to which day figures count. */
  cutOffDay?: number,
): Sheet {
  const cols = columnsOf(template, t);
  const head: Cell[] = [
    t('export.parentUnit'),
    t('inbox.col.unit'),
    t('inbox.col.period'),
    t('inbox.col.status'),
    t('inbox.col.updated'),
    ...cols.map((c) => c.header),
  ];
  const rows: Cell[][] = [head];
  const sorted = submissions
    .map((s) => ({ s, parent: parentUnitName(s) }))
    .sort(
      (a, b) =>
        a.parent.localeCompare(b.parent, 'vi') ||
        a.s.unitName.localeCompare(b.s.unitName, 'vi') ||
        a.s.period.localeCompare(b.s.period),
    );
  for (const { s, parent } of sorted) {
    const computed = computeValues(template, s.data);
    const shown = visibleRefs(template, s.data);
    const hidden = new Set(s.redacted ?? []);
    // The same words as the screen where a value was redacted: a blank or a 0 would read as data.
    const cell = (c: ExportColumn): Cell =>
      c.ref !== undefined && isSensitivePath(hidden, c.ref)
        ? t('form.redacted')
        : c.value(s, computed, shown);
    rows.push([
      parent,
      s.unitName,
      periodWithCutOff(s.period, t, cutOffDay),
      t(`status.${s.state}`),
      dateTimeCell(s.updatedAt),
      ...cols.map(cell),
    ]);
  }
  return {
    name,
    rows,
    widths: [24, 28, 16, 18, 17, ...cols.map(() => 18)],
    page: { orientation: 'landscape', fitToWidth: true },
  };
}
