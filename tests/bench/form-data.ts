import type { Field, FormTemplate } from '@thidua/shared/forms';
import { validateFormData } from '@thidua/shared/forms';

/**
 * Plausible data for a form template, derived from its definition (every scalar field and table column
 * filled, files and computed fields left to the system), then cleaned by the shared validator in draft
 * mode — the same check `PUT /submissions/{id}` applies — so the saved drafts are accepted by the API.
 */
type Column = Extract<Field, { type: 'table' }>['columns'][number];

function valueFor(field: Field | Column, seed: number, label: string): unknown {
  switch (field.type) {
    case 'text':
      return `${label} ${seed}`.slice(0, field.maxLength ?? 200);
    case 'long_text':
      return `Đơn vị đã triển khai thực hiện ${label.toLowerCase()} theo kế hoạch; kết quả cụ thể trong kỳ: ${seed} lượt.`.slice(
        0,
        field.maxLength ?? 2000,
      );
    case 'integer': {
      const min = field.min ?? 0;
      const max = field.max ?? min + 50;
      return min + (seed % Math.max(1, max - min + 1));
    }
    case 'decimal': {
      const min = field.min ?? 0;
      const max = field.max ?? min + 100;
      return Math.round((min + ((seed * 7) % Math.max(1, max - min))) * 10) / 10;
    }
    case 'date':
      return field.min ?? '2023-03-01';
    case 'select':
      return field.options[seed % field.options.length]?.value;
    case 'multi_select':
      return field.options.slice(0, 1).map((o) => o.value);
    case 'yes_no':
      return seed % 2 === 0;
    case 'score':
      return { selfScore: Math.max(0, Math.floor(field.maxPoints * 0.8)) };
    default:
      return undefined;
  }
}

export function sampleData(template: FormTemplate, seed = 3): Record<string, unknown> {
  const data: Record<string, Record<string, unknown>> = {};
  for (const section of template.sections) {
    const values: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (field.type === 'table') {
        const rows = Math.max(field.minRows ?? 0, 2);
        values[field.key] = Array.from({ length: rows }, (_, r) => {
          const row: Record<string, unknown> = {};
          for (const column of field.columns) {
            const v = valueFor(column, seed + r, column.label);
            if (v !== undefined) row[column.key] = v;
          }
          return row;
        });
      } else {
        const v = valueFor(field, seed, field.label);
        if (v !== undefined) values[field.key] = v;
      }
    }
    data[section.key] = values;
  }
  const checked = validateFormData(template, data, { mode: 'draft' });
  if (!checked.ok) {
    const first = checked.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
    throw new Error(`bench: sample data for ${template.id} is not a valid draft (${first.join('; ')})`);
  }
  return checked.value;
}
