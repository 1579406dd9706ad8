import { PROOF_TYPES, type ProofType } from '../../../contract/index.js';
import { ChoiceList } from '../flow/ChoiceList.js';
import { FlowHeader } from '../flow/FlowHeader.js';
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
      <FlowHeader
        title={t('proof.chooser.title')}
        hint={t('proof.chooser.hint')}
        back={{
          label: t('proof.chooser.back'),
          testId: 'proof-chooser-back',
          onBack: () => leaveProofFlow(store),
        }}
      />
      <ChoiceList
        choices={PROOF_TYPES.map((type) => ({
          id: type,
          testId: `proof-choice-${type}`,
          icon: ICONS[type],
          name: t(`proof.types.${type}.name`),
          description: t(`proof.types.${type}.description`),
          onChoose: () => void prepareProof(client, store, type),
        }))}
      />
    </main>
  );
}
