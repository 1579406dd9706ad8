/** One step of a StepProgress. */
export interface ProgressStep {
  /** Stable among the steps (the list key). */
  id: string;
  /** What the citizen reads. */
  label: string;
}

/**
 * A calm wait while the core works through `steps`: those before the step of the current `stage`
 * ticked, that one marked as under way, the rest numbered. The stage (the core's last report,
 * "starting" before the first) is kept in `data-stage` for tests to read.
 */
export function StepProgress<Stage extends string>({
  testId,
  title,
  steps,
  hint,
  stage,
  stepAtStage,
}: {
  testId: string;
  title: string;
  steps: readonly ProgressStep[];
  hint: string;
  stage: Stage | undefined;
  /** The index in `steps` of the step under way at each stage. */
  stepAtStage: Readonly<Record<Stage, number>>;
}) {
  const active = stage ? stepAtStage[stage] : 0;
  return (
    <main
      className="screen flow flow--centred"
      data-testid={testId}
      data-stage={stage ?? 'starting'}
      aria-busy="true"
    >
      <div className="panel waiting">
        <span className="waiting__spinner" aria-hidden="true" />
        <h2 className="waiting__title">{title}</h2>
        <ol className="steps" aria-live="polite">
          {steps.map(({ id, label }, index) => {
            const state = index < active ? 'done' : index === active ? 'active' : 'todo';
            return (
              <li
                key={id}
                className={`step step--${state}`}
                data-state={state}
                aria-current={state === 'active' ? 'step' : undefined}
              >
                <span className="step__mark" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span className="step__label">{label}</span>
              </li>
            );
          })}
        </ol>
        <p className="flow__hint">{hint}</p>
      </div>
    </main>
  );
}
