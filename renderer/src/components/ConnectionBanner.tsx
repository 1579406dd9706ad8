import { useKiosk, useT } from '../use-kiosk.js';

/** "Reconnecting…" while the core is unreachable; the live region stays so it is announced. */
export function ConnectionBanner() {
  const { connection } = useKiosk();
  const t = useT();
  return (
    <div className="banner-region" role="status" aria-live="polite">
      {connection !== 'open' && (
        <div className="banner" data-testid="connection-banner">
          <span className="banner__spinner" aria-hidden="true" />
          <strong className="banner__title">{t('connection.reconnecting')}</strong>
          <span className="banner__detail">{t('connection.detail')}</span>
        </div>
      )}
    </div>
  );
}
