import { useKioskContext, useT } from '../use-kiosk.js';
import { chooseProof, retry } from './proof-actions.js';
import type { ProofStep } from './proof-flow.js';

/** Why the proof could not be prepared or printed, what to do, "back" and maybe "try again". */
export function PrintError({ flow }: { flow: ProofStep<'error'> }) {
  const { client, store } = useKioskContext();
  const t = useT();
  // The one refusal the platform explains by type: a home registered in the person's name.
  const key =
    flow.kind === 'notEligible' && flow.type === 'noHousing' ? 'notEligibleNoHousing' : flow.kind;
  const target = flow.retry;
  return (
    <main
      className="screen flow flow--centred"
      data-testid="print-error"
      data-error-code={flow.errorCode}
    >
      <div className="panel result result--problem" role="alert">
        <div className="result__icon" aria-hidden="true">
          !
        </div>
        <p className="result__title" data-testid="print-error-message">
          {t(`proof.error.${key}.message`)}
        </p>
        <p className="flow__hint" data-testid="print-error-hint">
          {t(`proof.error.${key}.hint`)}
        </p>
        <div className="result__actions">
          <button
            type="button"
            className={`button button--large ${target ? 'button--secondary' : 'button--primary'}`}
            data-testid="print-error-back"
            onClick={() => chooseProof(store)}
          >
            {t('proof.error.back')}
          </button>
          {target && (
            <button
              type="button"
              className="button button--primary button--large"
              data-testid="print-error-retry"
              onClick={() => retry(client, store, target)}
            >
              {t('proof.error.retry')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
