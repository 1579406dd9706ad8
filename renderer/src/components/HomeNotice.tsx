import { localized } from '../catalogue-text.js';
import { useKiosk, useT } from '../use-kiosk.js';

/**
 * The catalogue's notice in the screen's language (e.g. holiday hours), as a calm information
 * panel above the services; nothing at all when the platform has none for this language.
 */
export function HomeNotice() {
  const { kiosk, language } = useKiosk();
  const t = useT();
  const text = localized(kiosk?.catalogue?.notice, language);
  if (!text) return null;
  return (
    <aside className="home-notice" aria-label={t('home.noticeLabel')} data-testid="home-notice">
      <span className="home-notice__icon" aria-hidden="true" />
      <p className="home-notice__text">{text}</p>
    </aside>
  );
}
