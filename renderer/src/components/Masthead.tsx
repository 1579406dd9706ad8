import { LANGUAGES, LANGUAGE_NAMES } from '../i18n/index.js';
import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';

/** Title bar with the language switcher; `titleTestId` marks the title on the home screen. */
export function Masthead({ titleTestId }: { titleTestId?: string | undefined }) {
  const { store } = useKioskContext();
  const { language } = useKiosk();
  const t = useT();
  return (
    <header className="masthead">
      <div className="masthead__titles">
        <h1 className="masthead__title" data-testid={titleTestId}>
          {t('app.title')}
        </h1>
        <p className="masthead__subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="languages" role="group" aria-label={t('language.label')}>
        {LANGUAGES.map((lang) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            className="button languages__button"
            aria-pressed={lang === language}
            data-testid={`lang-${lang}`}
            onClick={() => store.setLanguage(lang)}
          >
            {LANGUAGE_NAMES[lang]}
          </button>
        ))}
      </div>
    </header>
  );
}
