import type { ApplicationPage } from '../../../contract/index.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { enlargePage, removePage } from './application-actions.js';

/** Every page scanned so far, as thumbnails to enlarge, each with "remove"; and how many. */
export function PageThumbnails({
  pages,
  maxPages,
  busy,
}: {
  pages: readonly ApplicationPage[];
  maxPages: number;
  busy: boolean;
}) {
  const { client, store } = useKioskContext();
  const t = useT();
  return (
    <section className="scan__pages" aria-labelledby="scan-page-count">
      <div className="scan__heading">
        <h3
          className="scan__count"
          id="scan-page-count"
          data-testid="page-count"
          aria-live="polite"
        >
          {t('application.scan.count', { pages: pages.length, max: maxPages })}
        </h3>
        {pages.length > 0 && <p className="flow__hint">{t('application.scan.enlargeHint')}</p>}
      </div>
      {pages.length === 0 ? (
        <p className="thumbs__empty">{t('application.scan.noPages')}</p>
      ) : (
        <ol className="thumbs">
          {pages.map(({ pageNumber, previewUrl }) => {
            const label = t('application.scan.page', { page: pageNumber });
            return (
              <li key={previewUrl} className="thumb">
                <button
                  type="button"
                  className="thumb__open"
                  data-testid={`page-thumb-${pageNumber}`}
                  disabled={busy}
                  onClick={() => enlargePage(store, pageNumber)}
                >
                  <img className="thumb__image" src={previewUrl} alt={label} draggable={false} />
                  <span className="thumb__label">{label}</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary thumb__remove"
                  data-testid={`remove-page-${pageNumber}`}
                  aria-label={`${t('application.scan.remove')} · ${label}`}
                  disabled={busy}
                  onClick={() => void removePage(client, store, pageNumber)}
                >
                  {t('application.scan.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
