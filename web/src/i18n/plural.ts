import { parseNumber } from './format';

/**
 * Plural forms in messages, in the ICU notation translators know:
 * `{n, plural, one {# row} other {# rows}}` — `=0 {…}` for an exact count, `#` for the number as
 * passed (already formatted, e.g. `1.250`). The category comes from `Intl.PluralRules` of the
 * language, so Vietnamese (one form only) needs no plural at all and English says "1 row", "2 rows".
 */
const rulesByLang = new Map<string, Intl.PluralRules>();
const rulesFor = (lang: string): Intl.PluralRules => {
  let r = rulesByLang.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rulesByLang.set(lang, r);
  }
  return r;
};

const HEAD = /\{(\w+),\s*plural,\s*/g;
const SELECTOR = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** The count a parameter stands for: a number, or a number formatted the Vietnamese way (`1.250`). */
const countOf = (v: string | number | undefined): number =>
  typeof v === 'number' ? v : v === undefined ? Number.NaN : (parseNumber(v) ?? Number.NaN);

/** Reads the cases after `{name, plural,` up to the closing brace; null when the text is malformed. */
function readCases(text: string, from: number): { cases: Map<string, string>; end: number } | null {
  const cases = new Map<string, string>();
  let i = from;
  while (i < text.length && text[i] !== '}') {
    const sel = SELECTOR.exec(text.slice(i));
    if (!sel?.[1]) return null;
    i += sel[0].length;
    const start = i;
    let depth = 1;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    if (depth !== 0) return null;
    cases.set(sel[1], text.slice(start, i - 1));
    while (text[i] === ' ') i++;
  }
  return i < text.length ? { cases, end: i + 1 } : null;
}

/** Replaces every plural block by the case the count selects; `#` becomes the `{name}` placeholder. */
export function selectPlurals(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
  lang: string,
): string {
  let out = '';
  let from = 0;
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(template); m; m = HEAD.exec(template)) {
    const name = m[1] ?? '';
    const read = readCases(template, m.index + m[0].length);
    if (!read) break;
    const n = countOf(params?.[name]);
    const chosen =
      read.cases.get(`=${n}`) ??
      (Number.isFinite(n) ? read.cases.get(rulesFor(lang).select(n)) : undefined) ??
      read.cases.get('other') ??
      '';
    out += template.slice(from, m.index) + chosen.replace(/#/g, `{${name}}`);
    from = read.end;
    HEAD.lastIndex = from;
  }
  return out + template.slice(from);
}
