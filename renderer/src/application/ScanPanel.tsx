import { useKioskContext, useT } from '../use-kiosk.js';
import { scanPage } from './application-actions.js';
import type { ApplicationStep } from './application-flow.js';

/**
 * The left half of the scan screen: a drawing of a page going face down on the glass, what to do
 * and the big "scan" button; while scanning, the progress instead; at the matter's page limit, a
 * note why "scan" is off.
 */
export function ScanPanel({ flow }: { flow: ApplicationStep<'scan'> }) {
  const { client, store } = useKioskContext();
  const t = useT();
  const { pages, activity, matter } = flow;
  const full = pages.length >= matter.maxPages;

  if (activity?.kind === 'scanning') {
    return (
      <section
        className="panel scan__panel"
        data-testid="scan-progress"
        data-percent={activity.percent}
      >
        <span className="waiting__spinner" aria-hidden="true" />
        <h3 className="scan__instruction" role="status">
          {t('application.scan.scanning')}
        </h3>
        <progress
          className="scan__progress"
          max={100}
          value={activity.percent}
          aria-label={t('application.scan.scanning')}
        />
        <p className="scan__percent">
          {t('application.scan.percent', { percent: activity.percent })}
        </p>
      </section>
    );
  }
  if (activity?.kind === 'removing') {
    return (
      <section className="panel scan__panel" data-testid="removing-page">
        <span className="waiting__spinner" aria-hidden="true" />
        <h3 className="scan__instruction" role="status">
          {t('application.scan.removing', { page: activity.pageNumber })}
        </h3>
      </section>
    );
  }
  return (
    <section className="panel scan__panel">
      <div className="scanner-art" aria-hidden="true">
        <div className="scanner-art__page" />
        <div className="scanner-art__glass" />
      </div>
      {full ? (
        <p className="callout scan__limit" role="note" data-testid="scan-limit">
          {t('application.scan.limit', { max: matter.maxPages })}
        </p>
      ) : (
        <h3 className="scan__instruction">
          {t(
            pages.length === 0
              ? 'application.scan.instruction'
              : 'application.scan.instructionNext',
          )}
        </h3>
      )}
      <button
        type="button"
        className="button button--primary button--large scan__button"
        data-testid="scan-page"
        disabled={full}
        onClick={() => void scanPage(client, store)}
      >
        {t(pages.length === 0 ? 'application.scan.scan' : 'application.scan.scanNext')}
      </button>
    </section>
  );
}
