/**
 * Why a step of a flow failed and what to do, with "back" and, when trying again can help,
 * "try again" (which then is the primary button). Test ids are `<testId>`, `<testId>-message`,
 * `-hint`, `-back` and `-retry`; the failure's code is kept in `data-error-code`.
 */
export function FailureScreen({
  testId,
  errorCode,
  message,
  hint,
  backLabel,
  onBack,
  retryLabel,
  onRetry,
}: {
  testId: string;
  errorCode: string;
  message: string;
  hint: string;
  backLabel: string;
  onBack: () => void;
  retryLabel: string;
  /** Absent when trying again cannot help: then only "back" is offered. */
  onRetry: (() => void) | undefined;
}) {
  return (
    <main className="screen flow flow--centred" data-testid={testId} data-error-code={errorCode}>
      <div className="panel result result--problem" role="alert">
        <div className="result__icon" aria-hidden="true">
          !
        </div>
        <p className="result__title" data-testid={`${testId}-message`}>
          {message}
        </p>
        <p className="flow__hint" data-testid={`${testId}-hint`}>
          {hint}
        </p>
        <div className="result__actions">
          <button
            type="button"
            className={`button button--large ${onRetry ? 'button--secondary' : 'button--primary'}`}
            data-testid={`${testId}-back`}
            onClick={onBack}
          >
            {backLabel}
          </button>
          {onRetry && (
            <button
              type="button"
              className="button button--primary button--large"
              data-testid={`${testId}-retry`}
              onClick={onRetry}
            >
              {retryLabel}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
