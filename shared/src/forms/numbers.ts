import type { ColumnField } from './schema';

const YEAR_KEY = /(^|_)(year|nam)$|Year$/;

/**
 * Whether a number field's values are grouped in thousands (`1.250`). A year, or any integer held to
 * four digits by its bounds (a year, a code), is read digit by digit: `2022`, never `2.022`. One rule
 * for the browser's display and the validator's messages.
 */
export function groupsThousands(field: ColumnField): boolean {
  if (field.type !== 'integer') return field.type === 'decimal';
  if (YEAR_KEY.test(field.key)) return false;
  return !(field.min !== undefined && field.min >= 1000 && field.max !== undefined && field.max <= 9999);
}

/** A column that is a quantity (worth a total), not an identifier such as a year. */
export const isQuantity = (field: ColumnField): boolean =>
  (field.type === 'integer' || field.type === 'decimal') && groupsThousands(field);
