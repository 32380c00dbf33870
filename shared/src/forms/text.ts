import * as z from 'zod';

/**
 * How text is measured and compared, the same in the browser and the API: Unicode NFC, and lengths in
 * code points. After NFC every Vietnamese letter — tone and vowel marks included — is one code point,
 * so a limit of 500 characters means 500 letters whatever keyboard or system produced the text, and
 * characters outside the BMP (emoji) count once, not twice as UTF-16 units would.
 */

/** The text as stored and compared: NFC. */
export const normalizeText = (s: string): string => s.normalize('NFC');

/** Length in code points (of NFC text: callers normalize first). */
export const charCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string is text that UTF-8 can carry: no unpaired surrogate, and no U+FFFD — the mark a
 * lossy decoder leaves for bytes that were not UTF-8, which must be refused rather than stored.
 */
export const isCleanText = (s: string): boolean => !LONE_SURROGATE.test(s) && !s.includes('\uFFFD');

/**
 * A string schema whose bound counts characters as above (code points of the NFC text), not UTF-16
 * units as `z.string().max` does; the bound is kept as `maxLength` in the generated JSON Schema.
 */
export const chars = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .refine((s) => charCount(normalizeText(s)) <= max, { message: `Tối đa ${max} ký tự` })
    .meta({ maxLength: max });
