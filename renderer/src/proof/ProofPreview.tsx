import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';
import { formatCalendarDate } from './format-date.js';
import { chooseProof, printProof, showPage } from './proof-actions.js';
import type { ProofStep } from './proof-flow.js';

/**
 * The proof exactly as it will print, one large page at a time with big "previous"/"next"
 * buttons and "page 1 of 3" (easier for a first-time user than scrolling a long column), its
 * validity, and "print" / "back". A proof printed before cannot be printed here: staff reprint it.
 */
export function ProofPreview({ flow }: { flow: ProofStep<'preview'> }) {
  const { client, store } = useKioskContext();
  const { language } = useKiosk();
  const t = useT();
  const { proof, page } = flow;
  const count = proof.previewUrls.length;
  const name = t(`proof.types.${proof.type}.name`);
  return (
    <main className="screen preview" data-testid="proof-preview" data-page-count={count}>
      <section className="preview__pages" aria-label={name}>
        <div className="preview__sheet">
          {/* Every page is in the page from the start (so turning is instant); one shows. */}
          {proof.previewUrls.map((url, index) => (
            <img
              key={url}
              src={url}
              className="preview__image"
              data-testid="proof-preview-page"
              data-page={index + 1}
              hidden={index !== page}
              draggable={false}
              alt={t('proof.preview.pageAlt', { name, page: index + 1, count })}
            />
          ))}
        </div>
        {count > 1 && (
          <div className="pager">
            <button
              type="button"
              className="button button--secondary pager__button"
              data-testid="proof-page-prev"
              disabled={page === 0}
              onClick={() => showPage(store, page - 1)}
            >
              <span aria-hidden="true">‹ </span>
              {t('proof.preview.previous')}
            </button>
            <span className="pager__position" data-testid="proof-page-position" aria-live="polite">
              {t('proof.preview.page', { page: page + 1, count })}
            </span>
            <button
              type="button"
              className="button button--secondary pager__button"
              data-testid="proof-page-next"
              disabled={page >= count - 1}
              onClick={() => showPage(store, page + 1)}
            >
              {t('proof.preview.next')}
              <span aria-hidden="true"> ›</span>
            </button>
          </div>
        )}
      </section>
      <section className="panel preview__side">
        <h2 className="flow__title">{t('proof.preview.title', { name })}</h2>
        <dl className="preview__facts">
          <div>
            <dt>{t('proof.preview.validUntil')}</dt>
            <dd data-testid="proof-valid-until">
              {formatCalendarDate(proof.validUntil, language)}
            </dd>
          </div>
        </dl>
        {proof.alreadyPrinted ? (
          <div className="callout" role="note" data-testid="proof-already-printed">
            <p className="callout__message">{t('proof.preview.alreadyPrinted')}</p>
            <p className="callout__hint">{t('proof.preview.alreadyPrintedHint')}</p>
          </div>
        ) : (
          <p className="flow__hint">{t('proof.preview.hint')}</p>
        )}
        <div className="preview__actions">
          {!proof.alreadyPrinted && (
            <button
              type="button"
              className="button button--primary button--large"
              data-testid="proof-print"
              onClick={() => void printProof(client, store, proof)}
            >
              {t('proof.preview.print')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--large"
            data-testid="proof-back"
            onClick={() => chooseProof(store)}
          >
            {t('proof.preview.back')}
          </button>
        </div>
      </section>
    </main>
  );
}
