import type { PrintStage } from '../../../contract/index.js';
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
  const active = stage ? STEP_AT_STAGE[stage] : 0;
  return (
    <main
      className="screen flow flow--centred"
      data-testid="print-progress"
      data-stage={stage ?? 'starting'}
      aria-busy="true"
    >
      <div className="panel waiting">
        <span className="waiting__spinner" aria-hidden="true" />
        <h2 className="waiting__title">{t('proof.printing.title')}</h2>
        <ol className="steps" aria-live="polite">
          {STEPS.map((step, index) => {
            const state = index < active ? 'done' : index === active ? 'active' : 'todo';
            return (
              <li
                key={step}
                className={`step step--${state}`}
                data-state={state}
                aria-current={state === 'active' ? 'step' : undefined}
              >
                <span className="step__mark" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span className="step__label">{t(`proof.printing.${step}`)}</span>
              </li>
            );
          })}
        </ol>
        <p className="flow__hint">{t('proof.printing.hint')}</p>
      </div>
    </main>
  );
}
