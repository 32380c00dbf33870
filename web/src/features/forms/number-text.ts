import { parseNumber } from '../../i18n';

/**
 * The text of the shared number control, pure: how a number is shown (`1.250`, `1.250,5`), how it is
 * shown while being edited (`1250,5`: no group dots, so deleting a digit never turns a group into a
 * decimal), what typed text means, and where the selection goes when the text switches on focus.
 */

const shownFormats = new Map<boolean, Intl.NumberFormat>();
/** A number as the control shows it unfocused: `1.250,5` (grouped) or `2022` (a year, a code). */
export function shownNumber(value: unknown, grouping = true): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    let format = shownFormats.get(grouping);
    if (!format) {
      // No minus before a zero: -0.00001 rounds to `0`, not `-0`.
      format = new Intl.NumberFormat('vi-VN', {
        maximumFractionDigits: 4,
        useGrouping: grouping,
        signDisplay: 'negative',
      });
      shownFormats.set(grouping, format);
    }
    return format.format(value);
  }
  return typeof value === 'string' ? value : '';
}

/** A number as the control shows it while focused: every digit it has, no group dots, `,` decimal. */
export function editedNumber(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const plain = String(value);
    // Beyond 1e21 or below 1e-6 JavaScript writes an exponent, which no one types: shown ungrouped instead.
    return plain.includes('e') ? shownNumber(value, false) : plain.replace('.', ',');
  }
  return typeof value === 'string' ? value : '';
}

/** The form value of typed text: the number, null when empty, the text itself when it is not a number. */
export function typedNumber(raw: string): unknown {
  const n = parseNumber(raw);
  return n === null ? null : Number.isNaN(n) ? raw : n;
}

/**
 * Where the selection goes when the shown text (`1.250`) becomes the edited text (`1250`) on focus: the
 * browser's selection would be lost with the old text (the caret jumps to the end), so a field tabbed
 * into — all of it selected — would get what is typed appended (`1250` + `1.250` = 12.501,25).
 * Everything selected stays everything; otherwise each end keeps its place among the characters that
 * are not group dots.
 */
export function selectionOnEdit(
  shown: string,
  edited: string,
  selection: { start: number; end: number },
): { start: number; end: number } {
  if (shown.length > 0 && selection.start === 0 && selection.end === shown.length) {
    return { start: 0, end: edited.length };
  }
  const at = (position: number): number => {
    const kept = shown.slice(0, position).replace(/\./g, '').length;
    return Math.min(kept, edited.length);
  };
  return { start: at(selection.start), end: at(selection.end) };
}
