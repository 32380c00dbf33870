import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { selectPlurals } from './plural';
import { type MessageKey, vi } from './vi';

export * from './format';
export type { MessageKey } from './vi';
export type Lang = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate<K extends string = MessageKey> = (key: K, params?: MessageParams) => string;

const LANG_STORAGE_KEY = 'thidua.lang';

/**
 * `{name}` placeholders are replaced by `params.name`; a missing parameter stays visible. Plural blocks
 * (`{n, plural, one {# row} other {# rows}}`) pick their form by the language's plural rules first.
 */
export function interpolate(template: string, params?: MessageParams, lang: Lang = 'vi'): string {
  if (!params) return template;
  return selectPlurals(template, params, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogues[lang][key], params, lang);
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/**
 * A feature's own typed catalogue (e.g. commendations), so a feature can add strings without editing the
 * core catalogue: `const messages = { vi: {...}, en: {...} }` at module level, then in a component
 * `const t = useCatalogue(messages)`.
 */
export interface Catalogue<K extends string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}

export function useCatalogue<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  const { lang } = useI18n();
  return useCallback(
    (key: K, params?: MessageParams) => interpolate(catalogue[lang][key], params, lang),
    [lang, catalogue],
  );
}
