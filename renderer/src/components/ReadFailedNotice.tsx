import { useEffect } from 'react';
import type { ErrorAction } from '../../../contract/index.js';
import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';

/** How long a read-failure notice stays unless tapped away. */
export const READ_FAILURE_MS = 8_000;

const KNOWN_CODES = ['invalidIdNumber', 'readFailed', 'unknownCardType'] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnown = (code: string): code is KnownCode =>
  (KNOWN_CODES as readonly string[]).includes(code);

// Failures the citizen can fix by placing the card again; the rest need staff.
const CITIZEN_ACTIONS: readonly ErrorAction[] = ['reset', 'clear'];

/** A friendly notice that a card could not be read; goes away by itself or on tap. */
export function ReadFailedNotice() {
  const { store, clock } = useKioskContext();
  const { readFailure } = useKiosk();
  const t = useT();
  const seq = readFailure?.seq;
  useEffect(() => {
    if (seq === undefined) return;
    const handle = clock.setTimeout(() => store.dismissReadFailure(seq), READ_FAILURE_MS);
    return () => clock.clearTimeout(handle);
  }, [seq, store, clock]);

  if (!readFailure) return null;
  const dismiss = () => store.dismissReadFailure(readFailure.seq);
  const { errorCode, action } = readFailure;
  return (
    <div className="overlay overlay--light" onClick={dismiss}>
      <div className="notice" role="alert" data-testid="read-failed">
        <div className="notice__icon" aria-hidden="true">
          !
        </div>
        <p className="notice__message">
          {t(`readFailed.${isKnown(errorCode) ? errorCode : 'default'}`)}
        </p>
        <p className="notice__hint">
          {t(CITIZEN_ACTIONS.includes(action) ? 'readFailed.hintRetry' : 'readFailed.hintStaff')}
        </p>
        <button type="button" className="button button--primary" onClick={dismiss}>
          {t('readFailed.dismiss')}
        </button>
      </div>
    </div>
  );
}
