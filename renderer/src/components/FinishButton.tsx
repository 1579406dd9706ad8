import { endSession } from '../sync.js';
import { useKioskContext } from '../use-kiosk.js';

/** The primary "finish" button: the citizen is done, the session ends and every trace goes. */
export function FinishButton({ label, testId }: { label: string; testId: string }) {
  const { client, store } = useKioskContext();
  return (
    <button
      type="button"
      className="button button--primary button--large"
      data-testid={testId}
      onClick={() => endSession(client, store, 'citizenFinished')}
    >
      {label}
    </button>
  );
}
