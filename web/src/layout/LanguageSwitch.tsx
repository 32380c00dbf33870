import { useI18n } from '../i18n';

/** Vietnamese first; English for visitors and reviewers who prefer it. Each option is named in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="btn btn-sm btn-ghost"
      lang={other}
      onClick={() => setLang(other)}
      aria-label={t('shell.switchLanguage')}
    >
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
