import { useLang } from '../i18n/context';

/** Vietnamese first; one button switches to the other language. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useLang();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={other}
      aria-label={t.switchLanguageLabel}
      onClick={() => setLang(other)}
      data-testid="language"
    >
      {t.switchLanguage}
    </button>
  );
}
