import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';
import { askToLeave, backToScanning, submitApplication } from './application-actions.js';
import type { ApplicationStep } from './application-flow.js';
import { LeaveConfirm } from './LeaveConfirm.js';
import { matterTitle } from './matter-text.js';

/**
 * Before sending: the matter, how many pages, small copies of them, and in plain words where it
 * all goes; "submit", "back to scanning", "cancel application".
 */
export function ApplicationReview({ flow }: { flow: ApplicationStep<'review'> }) {
  const { client, store } = useKioskContext();
  const { language } = useKiosk();
  const t = useT();
  const { matter, pages, confirmLeave } = flow;
  return (
    <main className="screen flow flow--centred" data-testid="application-review">
      <section className="panel review">
        <h2 className="flow__title">{t('application.review.title')}</h2>
        <dl className="review__facts">
          <div>
            <dt>{t('application.review.matter')}</dt>
            <dd data-testid="review-matter">{matterTitle(matter, language)}</dd>
          </div>
          <div>
            <dt>{t('application.review.pages')}</dt>
            <dd data-testid="review-page-count">
              {t('application.review.pageCount', { pages: pages.length })}
            </dd>
          </div>
        </dl>
        <ol className="review__pages" aria-hidden="true">
          {pages.map(({ pageNumber, previewUrl }) => (
            <li key={previewUrl}>
              <img className="review__thumb" src={previewUrl} alt="" draggable={false} />
              <span className="thumb__label">{pageNumber}</span>
            </li>
          ))}
        </ol>
        <p className="review__statement" data-testid="review-statement">
          {t('application.review.statement')}
        </p>
        <div className="review__actions">
          <button
            type="button"
            className="button button--secondary button--large"
            data-testid="review-cancel"
            onClick={() => askToLeave(client, store, 'greeting')}
          >
            {t('application.review.cancel')}
          </button>
          <button
            type="button"
            className="button button--secondary button--large"
            data-testid="review-back"
            onClick={() => backToScanning(store)}
          >
            {t('application.review.back')}
          </button>
          <button
            type="button"
            className="button button--primary button--large"
            data-testid="submit-application"
            onClick={() => void submitApplication(client, store)}
          >
            {t('application.review.submit')}
          </button>
        </div>
      </section>
      {confirmLeave && <LeaveConfirm pages={pages.length} target={confirmLeave} />}
    </main>
  );
}
