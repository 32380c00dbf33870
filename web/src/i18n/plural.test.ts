import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatNumber, translate } from './index';
import { selectPlurals } from './plural';
import { vi } from './vi';

describe('plurals', () => {
  it('says "1 row" and "2 rows" in English, "1 dòng" and "2 dòng" in Vietnamese', () => {
    expect(translate('en', 'form.rowCount', { n: 1 })).toBe('1 row');
    expect(translate('en', 'form.rowCount', { n: 2 })).toBe('2 rows');
    expect(translate('en', 'form.rowCount', { n: 0 })).toBe('0 rows');
    expect(translate('vi', 'form.rowCount', { n: 1 })).toBe('1 dòng');
    expect(translate('vi', 'form.rowCount', { n: 2 })).toBe('2 dòng');
  });

  it('agrees the verb with the count ("1 field needs", "3 fields need")', () => {
    expect(translate('en', 'form.errorSummary', { n: 1 })).toBe('1 field needs fixing:');
    expect(translate('en', 'form.errorSummary', { n: 3 })).toBe('3 fields need fixing:');
    expect(translate('vi', 'form.errorSummary', { n: 1 })).toBe('Có 1 ô cần sửa:');
  });

  it('reads counts already formatted the Vietnamese way, and two counts in one sentence', () => {
    expect(translate('en', 'campaigns.exportCount', { n: formatNumber(1) })).toBe(
      '1 submission will be exported.',
    );
    expect(translate('en', 'campaigns.exportCount', { n: formatNumber(1250) })).toBe(
      '1.250 submissions will be exported.',
    );
    expect(translate('en', 'campaigns.byUnitCount', { n: 1, units: 1 })).toBe('1 submission from 1 unit.');
    expect(translate('en', 'campaigns.byUnitCount', { n: 5, units: 2 })).toBe('5 submissions from 2 units.');
  });

  it('picks an exact case first, then the language category, then "other"', () => {
    const m = '{n, plural, =0 {none} one {# item} other {# items}} left';
    expect(selectPlurals(m, { n: 0 }, 'en')).toBe('none left');
    expect(selectPlurals(m, { n: 1 }, 'en')).toBe('{n} item left');
    expect(selectPlurals(m, { n: 7 }, 'en')).toBe('{n} items left');
    expect(selectPlurals(m, { n: 1 }, 'vi')).toBe('{n} items left');
    expect(selectPlurals(m, {}, 'en')).toBe('{n} items left');
    // Malformed text is left as it is rather than lost.
    expect(selectPlurals('{n, plural, one {# x}', { n: 1 }, 'en')).toBe('{n, plural, one {# x}');
  });

  it('leaves no English count message without a plural form', () => {
    // A "{n} …s" in English is the "1 rows" defect; Vietnamese has one form and needs none.
    const unpluralised = Object.entries(en).filter(([, text]) =>
      /\{(n|m|count|total|units|done)\} [a-z]+s\b/.test(text),
    );
    expect(unpluralised).toEqual([]);
    for (const [key, text] of Object.entries(vi)) expect(text, key).not.toContain(', plural,');
  });
});
