import { useKiosk, useT } from '../use-kiosk.js';
import { ServiceCards } from './ServiceCards.js';

/** The screen between citizens: where to put the card, and what this kiosk offers. */
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
      <ServiceCards heading={t('home.servicesHeading')} />
      <footer className="home__footer">
        <span className="kiosk-id" data-testid="kiosk-id">
          {kiosk ? t('home.kioskId', { id: kiosk.kioskId }) : ''}
        </span>
      </footer>
    </main>
  );
}
