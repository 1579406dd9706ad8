import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiTimeouts } from '../../contract/index.js';
import { IdleTimer, type Clock, type IdleStatus } from './idle-timer.js';

const STOPPED: IdleStatus = { phase: 'stopped', secondsLeft: 0 };
const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** Runs an IdleTimer while `active`, fed by any pointer, touch or key activity on the page. */
export function useIdleTimeout(
  active: boolean,
  timeouts: UiTimeouts,
  clock: Clock,
  onExpire: () => void,
): { status: IdleStatus; stillHere: () => void } {
  const [status, setStatus] = useState<IdleStatus>(STOPPED);
  const timerRef = useRef<IdleTimer | undefined>(undefined);
  const expireRef = useRef(onExpire);
  useEffect(() => {
    expireRef.current = onExpire;
  }, [onExpire]);

  const { idleMs, countdownMs } = timeouts;
  useEffect(() => {
    if (!active) return;
    const timer = new IdleTimer({
      timeouts: { idleMs, countdownMs },
      clock,
      onChange: setStatus,
      onExpire: () => expireRef.current(),
    });
    timerRef.current = timer;
    const onActivity = (): void => timer.activity();
    for (const type of ACTIVITY_EVENTS) {
      document.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    timer.start();
    return () => {
      for (const type of ACTIVITY_EVENTS) {
        document.removeEventListener(type, onActivity, { capture: true });
      }
      timer.stop();
      timerRef.current = undefined;
    };
  }, [active, idleMs, countdownMs, clock]);

  const stillHere = useCallback(() => timerRef.current?.stillHere(), []);
  return { status: active ? status : STOPPED, stillHere };
}
