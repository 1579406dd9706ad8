import { useKiosk, useT } from '../use-kiosk.js';
import { HomeNotice } from './HomeNotice.js';
import { ServiceCards } from './ServiceCards.js';

/**
 * The screen between citizens: where to put the card, the platform's notice (if any), and what
 * this kiosk offers.
 */
export function Home() {
  const { kiosk } = useKiosk();
  const t = useT();
  return (
    <main className="screen home" data-testid="home">
      <section className="tap" aria-labelledby="tap-instruction">
        <div className="reader" aria-hidden="true">
          <div className="reader__card">
            <div className="reader__photo" />
            <div className="reader__lines" />
          </div>
          <div className="reader__pad">
            <span className="reader__waves" />
            <span className="reader__label">{t('home.readerLabel')}</span>
          </div>
        </div>
        <div className="tap__text">
          <h2 className="tap__instruction" id="tap-instruction">
            {t('home.instruction')}
          </h2>
          <p className="tap__detail">{t('home.instructionDetail')}</p>
        </div>
      </section>
      <div className="offer home__offer">
        <HomeNotice />
        <ServiceCards heading={t('home.servicesHeading')} />
      </div>
      <footer className="home__footer">
        <span className="kiosk-id" data-testid="kiosk-id">
          {kiosk ? t('home.kioskId', { id: kiosk.kioskId }) : ''}
        </span>
      </footer>
    </main>
  );
}
