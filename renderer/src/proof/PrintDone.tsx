import { FinishButton } from '../components/FinishButton.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { chooseProof } from './proof-actions.js';

/** Printed: where to take the proof (and the receipt, when one printed); another, or finish. */
export function PrintDone({ receiptPrinted }: { receiptPrinted: boolean }) {
  const { store } = useKioskContext();
  const t = useT();
  return (
    <main
      className="screen flow flow--centred"
      data-testid="print-done"
      data-receipt-printed={String(receiptPrinted)}
    >
      <div className="panel result result--ok" role="status">
        <div className="result__icon" aria-hidden="true">
          ✓
        </div>
        <h2 className="result__title">{t('proof.done.title')}</h2>
        <ol className="take">
          <li className="take__item">{t('proof.done.takeProof')}</li>
          {receiptPrinted && <li className="take__item">{t('proof.done.takeReceipt')}</li>}
        </ol>
        <div className="result__actions">
          <button
            type="button"
            className="button button--secondary button--large"
            data-testid="print-another"
            onClick={() => chooseProof(store)}
          >
            {t('proof.done.another')}
          </button>
          <FinishButton label={t('proof.done.finish')} testId="finish-session" />
        </div>
      </div>
    </main>
  );
}
