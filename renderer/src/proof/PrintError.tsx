import { FailureScreen } from '../flow/FailureScreen.js';
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
    <FailureScreen
      testId="print-error"
      errorCode={flow.errorCode}
      message={t(`proof.error.${key}.message`)}
      hint={t(`proof.error.${key}.hint`)}
      backLabel={t('proof.error.back')}
      onBack={() => chooseProof(store)}
      retryLabel={t('proof.error.retry')}
      onRetry={target && (() => retry(client, store, target))}
    />
  );
}
