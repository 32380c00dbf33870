import { describe, expect, it } from 'vitest';
import { checkPublishable, FormTemplate, RESERVED_KEYS } from './schema';
import { charCount, chars, isCleanText, normalizeText } from './text';
import { validateFormData } from './validate';

/** Issue 12, finding 5: lengths counted UTF-16 units, NFC/NFD twins, field keys like `constructor`. */
const template = (fieldKeys: string[], maxLength = 5) =>
  FormTemplate.parse({
    id: 'text_form',
    version: 1,
    kind: 'report',
    title: 'Thử văn bản',
    sections: [
      {
        key: 'general',
        title: 'Chung',
        fields: fieldKeys.map((key) => ({ key, type: 'text', label: key, maxLength })),
      },
    ],
  });

const nfd = 'Phu\u031bo\u031b\u0301c'; // "Phước" decomposed: 7 code points
const nfc = 'Phước'; // 5 code points

describe('characters: NFC, counted in code points — one rule for browser and API', () => {
  it('NFC and NFD twins are the same text of the same length', () => {
    expect(normalizeText(nfd)).toBe(nfc);
    expect(charCount(normalizeText(nfd))).toBe(5);
    expect(charCount('🏅🏅')).toBe(2); // 4 UTF-16 units
  });

  it('validation stores NFC and counts characters, not UTF-16 units', () => {
    const t = template(['name']);
    const decomposed = validateFormData(t, { general: { name: nfd } }, { mode: 'submit' });
    expect(decomposed).toMatchObject({ ok: true, value: { general: { name: nfc } } });
    expect(validateFormData(t, { general: { name: '🏅🏅🏅🏅🏅' } }, { mode: 'submit' }).ok).toBe(true);
    expect(validateFormData(t, { general: { name: 'Phướcc' } }, { mode: 'submit' }).ok).toBe(false);
  });

  it('template texts are bounded in characters too', () => {
    expect(chars(3).safeParse('🏅🏅🏅').success).toBe(true);
    expect(chars(3).safeParse('🏅🏅🏅🏅').success).toBe(false);
    expect(chars(5).safeParse(nfd).success).toBe(true);
  });

  it('U+FFFD and unpaired surrogates are not clean text', () => {
    expect(isCleanText('Tân Phú 🏅')).toBe(true);
    expect(isCleanText('T\uFFFDn')).toBe(false);
    expect(isCleanText('\ud800')).toBe(false);
    expect(isCleanText('\udc00x')).toBe(false);
  });
});

describe('field keys that are Object.prototype members', () => {
  it('are refused at publish with the path of each key and a clear message', () => {
    const t = template(['constructor', 'toString', 'valueOf', 'name']);
    expect(checkPublishable(t)).toEqual([
      { path: ['sections', 0, 'fields', 0, 'key'], message: expect.stringContaining('"constructor"') },
      { path: ['sections', 0, 'fields', 1, 'key'], message: expect.stringContaining('"toString"') },
      { path: ['sections', 0, 'fields', 2, 'key'], message: expect.stringContaining('"valueOf"') },
    ]);
    expect(checkPublishable(template(['name']))).toEqual([]);
    for (const k of ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', '__proto__'])
      expect(RESERVED_KEYS.has(k)).toBe(true);
  });

  it('a template stored before the rule still validates: the built-in members are never read as data', () => {
    const t = template(['constructor', 'toString']);
    const empty = validateFormData(t, { general: {} }, { mode: 'submit' });
    expect(empty).toMatchObject({ ok: true, value: {} });
    const filled = validateFormData(t, { general: { constructor: 'a', toString: 'b' } }, { mode: 'submit' });
    expect(filled).toMatchObject({ ok: true, value: { general: { constructor: 'a', toString: 'b' } } });
  });
});
