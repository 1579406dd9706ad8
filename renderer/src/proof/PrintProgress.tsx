import type { PrintStage } from '../../../contract/index.js';
import { StepProgress } from '../flow/StepProgress.js';
import { useT } from '../use-kiosk.js';

const STEPS = ['send', 'print', 'receipt'] as const;

// The step under way at each stage the core reports: the journal entry is made before the job
// goes to the spooler, and the proof is complete before its receipt is printed.
const STEP_AT_STAGE: Record<PrintStage, number> = {
  recorded: 0,
  submitted: 1,
  printing: 1,
  completed: 2,
  receipt: 2,
};

/** Printing under way: three steps (to the printer, printing, the receipt), the current marked. */
export function PrintProgress({ stage }: { stage: PrintStage | undefined }) {
  const t = useT();
  return (
    <StepProgress
      testId="print-progress"
      title={t('proof.printing.title')}
      steps={STEPS.map((step) => ({ id: step, label: t(`proof.printing.${step}`) }))}
      hint={t('proof.printing.hint')}
      stage={stage}
      stepAtStage={STEP_AT_STAGE}
    />
  );
}
