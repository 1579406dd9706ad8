/** The "back" button of a FlowHeader. */
export interface BackButton {
  /** What it says. */
  label: string;
  /** Its test id. */
  testId: string;
  /** What tapping it does. */
  onBack: () => void;
  /** Greyed while the flow waits for the core. */
  disabled?: boolean;
}

/**
 * A flow screen's title, maybe a hint under it, and "back" beside them: beside, not below, so the
 * content under the header (cards, scan panel and pages) fits a 1080-line screen.
 */
export function FlowHeader({
  title,
  titleTestId,
  hint,
  back,
}: {
  title: string;
  titleTestId?: string;
  hint?: string | undefined;
  back: BackButton;
}) {
  return (
    <header className="flow__header flow__header--with-action">
      <div>
        <h2 className="flow__title" data-testid={titleTestId}>
          {title}
        </h2>
        {hint !== undefined && <p className="flow__hint">{hint}</p>}
      </div>
      <button
        type="button"
        className="button button--secondary button--large"
        data-testid={back.testId}
        disabled={back.disabled}
        onClick={back.onBack}
      >
        {back.label}
      </button>
    </header>
  );
}
