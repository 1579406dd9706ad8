import type { ApplicationStage } from '../../../contract/index.js';
import { StepProgress } from '../flow/StepProgress.js';
import { useT } from '../use-kiosk.js';

const STEPS = ['save', 'send', 'receipt'] as const;

// The step under way after each stage the core reports: once saved, it is being sent; the receipt
// (or claim ticket) prints last.
const STEP_AT_STAGE: Record<ApplicationStage, number> = {
  saved: 1,
  sending: 1,
  receipt: 2,
};

/** Submitting: three steps (save on the kiosk, send to the back office, receipt), one marked. */
export function SubmitProgress({ stage }: { stage: ApplicationStage | undefined }) {
  const t = useT();
  return (
    <StepProgress
      testId="submit-progress"
      title={t('application.submitting.title')}
      steps={STEPS.map((step) => ({ id: step, label: t(`application.submitting.${step}`) }))}
      hint={t('application.submitting.hint')}
      stage={stage}
      stepAtStage={STEP_AT_STAGE}
    />
  );
}
