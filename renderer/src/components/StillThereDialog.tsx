import { useT } from '../use-kiosk.js';

/** "Still there?" with the seconds left before the session ends, and a way to go on. */
export function StillThereDialog({
  seconds,
  onContinue,
}: {
  seconds: number;
  onContinue: () => void;
}) {
  const t = useT();
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="still-there-title"
        aria-describedby="still-there-message"
        data-testid="still-there"
      >
        <h2 className="dialog__title" id="still-there-title">
          {t('idle.title')}
        </h2>
        <div className="dialog__countdown" aria-hidden="true">
          <span data-testid="still-there-seconds">{seconds}</span>
        </div>
        <p className="dialog__message" id="still-there-message">
          {t('idle.message', { seconds })}
        </p>
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="still-there-continue"
          autoFocus
          onClick={onContinue}
        >
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
