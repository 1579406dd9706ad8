import { useId } from 'react';
import { SERVICE_IDS, type ServiceId } from '../../../contract/index.js';
import { catalogueServiceText } from '../catalogue-text.js';
import { useKiosk, useT } from '../use-kiosk.js';

// Simple line icons, drawn on a 48×48 grid.
const ICONS: Record<ServiceId, string> = {
  printProof: 'M14 18V6h20v12M14 34H8V18h32v16h-6M14 28h20v14H14zM19 33h10M19 37h10',
  collectIdCard: 'M5 11h38v26H5zM10 17h12v14H10zM27 19h11M27 25h11M27 31h7',
  scanDocuments: 'M6 30h36v10H6zM6 30l6-8h24l6 8M14 22V6h14l6 6v10M28 6v6h6M34 35h3',
};

/** What to do when the citizen chooses a service, for the services that have a flow. */
export type ServiceStarters = Partial<Record<ServiceId, () => void>>;

/**
 * The three services under `heading`, as large cards; unavailable ones greyed, with why. An
 * available service with a starter is one big button (`start-<id>`) that starts it. Names and
 * descriptions come from the platform's catalogue where it has them, else from the built-in texts.
 */
export function ServiceCards({
  heading,
  starters = {},
}: {
  heading: string;
  starters?: ServiceStarters;
}) {
  const { kiosk, connection, language } = useKiosk();
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
          const start = available ? starters[id] : undefined;
          const text = catalogueServiceText(kiosk?.catalogue, id, language);
          // A button may hold phrasing content only; a plain card keeps its heading.
          const [Text, Name, Description] = start
            ? (['span', 'span', 'span'] as const)
            : (['div', 'h3', 'p'] as const);
          const body = (
            <>
              <svg className="service__icon" viewBox="0 0 48 48" aria-hidden="true">
                <path d={ICONS[id]} />
              </svg>
              <Text className="service__text">
                <Name className="service__name">{text.name ?? t(`services.${id}.name`)}</Name>
                <Description className="service__description">
                  {text.description ?? t(`services.${id}.description`)}
                </Description>
              </Text>
              <span className="service__status">
                <span className="service__badge">
                  {t(available ? 'availability.available' : 'availability.unavailable')}
                </span>
                {!available && (
                  <span className="service__reason">
                    {t(`unavailableReason.${reason ?? 'unknown'}`)}
                  </span>
                )}
              </span>
              {start && (
                <span className="service__go" aria-hidden="true">
                  ›
                </span>
              )}
            </>
          );
          return (
            <li
              key={id}
              className={available ? 'service' : 'service service--unavailable'}
              data-testid={`service-${id}`}
              data-available={String(available)}
            >
              {start ? (
                <button
                  type="button"
                  className="service__body service__body--button"
                  data-testid={`start-${id}`}
                  onClick={start}
                >
                  {body}
                </button>
              ) : (
                <div className="service__body">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
