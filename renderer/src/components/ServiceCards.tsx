import { useId } from 'react';
import { SERVICE_IDS, type ServiceId } from '../../../contract/index.js';
import { useKiosk, useT } from '../use-kiosk.js';

// Simple line icons, drawn on a 48×48 grid.
const ICONS: Record<ServiceId, string> = {
  printProof: 'M14 18V6h20v12M14 34H8V18h32v16h-6M14 28h20v14H14zM19 33h10M19 37h10',
  collectIdCard: 'M5 11h38v26H5zM10 17h12v14H10zM27 19h11M27 25h11M27 31h7',
  scanDocuments: 'M6 30h36v10H6zM6 30l6-8h24l6 8M14 22V6h14l6 6v10M28 6v6h6M34 35h3',
};

/** The three services under `heading`, as large cards; unavailable ones greyed, with why. */
export function ServiceCards({ heading }: { heading: string }) {
  const { kiosk, connection } = useKiosk();
  const t = useT();
  const headingId = useId();
  return (
    <section className="offer" aria-labelledby={headingId}>
      <h2 className="section-heading" id={headingId}>
        {heading}
      </h2>
      <ul className="services">
        {SERVICE_IDS.map((id) => {
          const entry = kiosk?.services.find((s) => s.service === id);
          const available = connection === 'open' && entry?.available === true;
          const reason =
            connection !== 'open' ? 'notConnected' : entry?.available ? undefined : entry?.reason;
          return (
            <li
              key={id}
              className={available ? 'service' : 'service service--unavailable'}
              data-testid={`service-${id}`}
              data-available={String(available)}
            >
              <svg className="service__icon" viewBox="0 0 48 48" aria-hidden="true">
                <path d={ICONS[id]} />
              </svg>
              <div className="service__text">
                <h3 className="service__name">{t(`services.${id}.name`)}</h3>
                <p className="service__description">{t(`services.${id}.description`)}</p>
              </div>
              <p className="service__status">
                <span className="service__badge">
                  {t(available ? 'availability.available' : 'availability.unavailable')}
                </span>
                {!available && (
                  <span className="service__reason">
                    {t(`unavailableReason.${reason ?? 'unknown'}`)}
                  </span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
