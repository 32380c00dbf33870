import * as z from 'zod';
import { foldText } from '../admin/fold';

/**
 * Search terms (ADR 0023): what the search box matches with one `begins_with` on a key. Text is folded
 * (lower case, no diacritics, `đ` → `d`: "Đồng Xoài" ~ "dong xoai") and indexed from the start of each
 * word, so "xoai", "dong xoai" and "thanh pho dong xoai" all find "Thành phố Đồng Xoài".
 */

/** Terms per text: from each of its first eight words (a transaction writes one item per term and scope). */
const MAX_WORDS = 8;
const MAX_TERM = 60;
export const MIN_QUERY = 2;

/** The folded form of a query or a term: letters, digits, `/` and `-` kept (a decision's "05/QĐ-UBND"). */
export const normalizeSearch = (s: string): string =>
  foldText(s)
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TERM);

/** The terms of one text: the folded text from each of its first words on (distinct, non-trivial). */
export const searchTerms = (text: string, maxWords = MAX_WORDS): string[] => {
  const words = foldText(text)
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
  const out = new Set<string>();
  for (let i = 0; i < Math.min(words.length, maxWords); i++) {
    const term = words.slice(i).join(' ').slice(0, MAX_TERM);
    if (term.length >= MIN_QUERY) out.add(term);
  }
  return [...out];
};

/** What a search finds. */
export const SearchKind = z.enum(['unit', 'submission', 'nominee', 'decision']);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** The submission of a hit on a report or a nomination; the unit of a unit. */
  submissionId: z.string().optional(),
  unitId: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;
