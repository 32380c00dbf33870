import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../i18n';
import { editedNumber, selectionOnEdit, shownNumber, typedNumber } from './number-text';

/** What a person does: the text, a selection, typing that replaces the selection. */
const typeOver = (text: string, sel: { start: number; end: number }, typed: string): string =>
  text.slice(0, sel.start) + typed + text.slice(sel.end);

/** Tabbing into a field that shows `shown`: the browser selects it all, then the control switches text. */
function tabInAndType(value: number, typed: string): unknown {
  const shown = shownNumber(value);
  const edited = editedNumber(value);
  const selection = selectionOnEdit(shown, edited, { start: 0, end: shown.length });
  return typedNumber(typeOver(edited, selection, typed));
}

/** Numbers a form holds: integers and decimals of at most four places, within the safe range. */
const formNumber = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999 }))
    .map(([whole, tenThousandths]) => Number(`${whole}.${String(tenThousandths).padStart(4, '0')}`)),
);
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 });

describe('re-typing a number over the field that shows it', () => {
  it('re-typing "1.250" over 1.250 keeps 1250 (it became 12.501,25)', () => {
    const value = tabInAndType(1250, '1.250');
    expect(value).toBe(1250);
    expect(shownNumber(value)).toBe('1.250');
    expect(tabInAndType(1250.5, '1.250,5')).toBe(1250.5);
    // Where the selection is lost anyway (the caret at the end), what is typed is flagged, not misread.
    expect(typedNumber(typeOver('1250', { start: 4, end: 4 }, '1.250'))).toBe('12501.250');
  });

  it('never reads a dot before three digits as a decimal mark: "12501.250" is not a number', () => {
    expect(parseNumber('12501.250')).toBeNaN();
    expect(typedNumber('12501.250')).toBe('12501.250');
    expect(parseNumber('12.501.250')).toBe(12_501_250);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('7.0625')).toBe(7.0625);
  });

  it('keeps a caret where it was among the digits, and a partial selection on the same digits', () => {
    // "1.2|50" → "12|50"; "1.[25]0" → "1[25]0".
    expect(selectionOnEdit('1.250', '1250', { start: 3, end: 3 })).toEqual({ start: 2, end: 2 });
    expect(selectionOnEdit('1.250', '1250', { start: 2, end: 4 })).toEqual({ start: 1, end: 3 });
    expect(selectionOnEdit('', '', { start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('gives back what is shown when what is shown is typed again, for every number (property)', () => {
    fc.assert(
      fc.property(fc.oneof(formNumber, anyDouble), (x) => {
        const shown = shownNumber(x);
        expect(tabInAndType(x, shown)).toBe(parseNumber(shown));
        expect(shownNumber(tabInAndType(x, shown))).toBe(shown);
      }),
    );
  });
});

describe('shown and edited texts round-trip through the parser (property)', () => {
  it('format(parse(format(x))) == format(x), grouped and ungrouped', () => {
    fc.assert(
      fc.property(fc.oneof(formNumber, anyDouble), fc.boolean(), (x, grouping) => {
        const shown = shownNumber(x, grouping);
        expect(shownNumber(parseNumber(shown), grouping)).toBe(shown);
      }),
    );
  });

  it('the edited text is the number exactly, and shows back the same', () => {
    fc.assert(
      fc.property(formNumber, (x) => {
        const edited = editedNumber(x);
        expect(parseNumber(edited)).toBe(x);
        expect(editedNumber(parseNumber(edited))).toBe(edited);
      }),
    );
    fc.assert(
      fc.property(anyDouble, (x) => {
        const edited = editedNumber(x);
        expect(editedNumber(parseNumber(edited))).toBe(edited);
      }),
    );
  });

  it('shows a year ungrouped and a count grouped', () => {
    expect(shownNumber(2022, false)).toBe('2022');
    expect(shownNumber(1250)).toBe('1.250');
    expect(shownNumber(1250.5)).toBe('1.250,5');
    expect(editedNumber(1250.5)).toBe('1250,5');
    expect(shownNumber('12,x')).toBe('12,x');
    expect(editedNumber(null)).toBe('');
  });
});
