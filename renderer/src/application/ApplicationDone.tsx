import { FinishButton } from '../components/FinishButton.js';
import { useT } from '../use-kiosk.js';
import type { ApplicationStep } from './application-flow.js';

/**
 * The application left the citizen's hands: received (with its tracking number), or saved on the
 * kiosk while the network is down (with the claim ticket's code, large). Says what to take, or,
 * when nothing printed, to note the number or ask staff; "finish" ends the session.
 */
export function ApplicationDone({ flow }: { flow: ApplicationStep<'done'> }) {
  const t = useT();
  const { outcome, claimCode, trackingNumber, receiptPrinted } = flow;
  const queued = outcome === 'queued';
  // A platform that confirmed without a number: the claim code is what identifies the application.
  const showClaim = queued || trackingNumber === undefined;
  return (
    <main className="screen flow flow--centred" data-testid="application-done">
      <div
        className={`panel result result--compact ${queued ? 'result--saved' : 'result--ok'}`}
        role="status"
        data-testid="application-outcome"
        data-outcome={outcome}
        data-receipt-printed={String(receiptPrinted)}
      >
        <div className="result__icon" aria-hidden="true">
          ✓
        </div>
        <h2 className="result__title">
          {t(queued ? 'application.done.queuedTitle' : 'application.done.submittedTitle')}
        </h2>
        {queued && <p className="result__message">{t('application.done.queuedMessage')}</p>}
        <dl className="reference">
          {showClaim ? (
            <div>
              <dt>{t('application.done.claimLabel')}</dt>
              <dd className="reference__code reference__code--claim" data-testid="claim-code">
                {claimCode}
              </dd>
            </div>
          ) : (
            <div>
              <dt>{t('application.done.trackingLabel')}</dt>
              <dd className="reference__code" data-testid="tracking-number">
                {trackingNumber}
              </dd>
            </div>
          )}
        </dl>
        {receiptPrinted ? (
          <p className="take__item take__item--single">
            {t(queued ? 'application.done.takeTicket' : 'application.done.takeReceipt')}
          </p>
        ) : (
          <div className="callout" role="note" data-testid="receipt-not-printed">
            <p className="callout__message">
              {t(
                queued ? 'application.done.ticketNotPrinted' : 'application.done.receiptNotPrinted',
              )}
            </p>
          </div>
        )}
        <div className="result__actions">
          <FinishButton label={t('application.done.finish')} testId="finish" />
        </div>
      </div>
    </main>
  );
}
