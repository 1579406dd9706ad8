import { PROOF_TYPES, type ProofType } from '../../../contract/index.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { leaveProofFlow, prepareProof } from './proof-actions.js';

// Line icons on a 48×48 grid: a house, a tax form, a shield.
const ICONS: Record<ProofType, string> = {
  noHousing: 'M6 23L24 8l18 15M11 19v22h26V19M20 41V30h8v11',
  taxPaid: 'M12 5h18l8 8v30H12zM30 5v8h8M19 21l6 7 6-7M25 28v10M20 30h10M20 34h10',
  socialInsurance: 'M24 5l16 6v11c0 10-7 18-16 21C15 40 8 32 8 22V11zM17 24l5 5 10-10',
};

/** Three large cards, one per proof, each with a line on what it proves; and "back". */
export function ProofChooser() {
  const { client, store } = useKioskContext();
  const t = useT();
  return (
    <main className="screen flow" data-testid="proof-chooser">
      {/* "Back" sits beside the title so the three cards and it fit a 1080-line screen. */}
      <header className="flow__header flow__header--with-action">
        <div>
          <h2 className="flow__title">{t('proof.chooser.title')}</h2>
          <p className="flow__hint">{t('proof.chooser.hint')}</p>
        </div>
        <button
          type="button"
          className="button button--secondary button--large"
          data-testid="proof-chooser-back"
          onClick={() => leaveProofFlow(store)}
        >
          {t('proof.chooser.back')}
        </button>
      </header>
      <ul className="choices">
        {PROOF_TYPES.map((type) => (
          <li key={type}>
            <button
              type="button"
              className="choice"
              data-testid={`proof-choice-${type}`}
              onClick={() => void prepareProof(client, store, type)}
            >
              <svg className="choice__icon" viewBox="0 0 48 48" aria-hidden="true">
                <path d={ICONS[type]} />
              </svg>
              <span className="choice__text">
                <span className="choice__name">{t(`proof.types.${type}.name`)}</span>
                <span className="choice__description">{t(`proof.types.${type}.description`)}</span>
              </span>
              <span className="choice__go" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
