import type { ProofType } from '../../../contract/index.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { cancelPreparing } from './proof-actions.js';

/** A calm wait while the core fetches the proof from the platform and lays it out; "cancel". */
export function ProofPreparing({ type }: { type: ProofType }) {
  const { client, store } = useKioskContext();
  const t = useT();
  return (
    <main className="screen flow flow--centred" data-testid="proof-preparing" aria-busy="true">
      <div className="panel waiting">
        <span className="waiting__spinner" aria-hidden="true" />
        <p className="waiting__what">{t(`proof.types.${type}.name`)}</p>
        <h2 className="waiting__title" role="status">
          {t('proof.preparing.title')}
        </h2>
        <p className="flow__hint">{t('proof.preparing.detail')}</p>
        <button
          type="button"
          className="button button--secondary button--large"
          data-testid="proof-cancel"
          onClick={() => cancelPreparing(client, store)}
        >
          {t('proof.preparing.cancel')}
        </button>
      </div>
    </main>
  );
}
