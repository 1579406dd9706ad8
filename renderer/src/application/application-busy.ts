import type { ApplicationFlow } from './application-flow.js';

/**
 * True while the kiosk works on the citizen's application (scanning or removing a page,
 * submitting): the citizen is waiting then, not idle, and the idle timer must not end the session.
 */
export function applicationBusy(flow: ApplicationFlow | undefined): boolean {
  if (flow?.step === 'submitting') return true;
  return flow?.step === 'scan' && flow.activity !== undefined;
}
