import { useT } from '../use-kiosk.js';
import { AlertDialog } from './AlertDialog.js';

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
    <AlertDialog
      idPrefix="still-there"
      testId="still-there"
      title={t('idle.title')}
      figure={
        <div className="dialog__countdown" aria-hidden="true">
          <span data-testid="still-there-seconds">{seconds}</span>
        </div>
      }
      message={t('idle.message', { seconds })}
    >
      <button
        type="button"
        className="button button--primary button--large"
        data-testid="still-there-continue"
        autoFocus
        onClick={onContinue}
      >
        {t('idle.continue')}
      </button>
    </AlertDialog>
  );
}
