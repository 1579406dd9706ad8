import type { CommandHandlers, HandlerOutcome } from '../command-handlers.js';
import { saveFailure, submitApplication } from './application-submit.js';
import { applicationFailure, type ApplicationDeps, type ApplicationFailure } from './ports.js';

type ApplicationHandlers = Pick<
  CommandHandlers,
  'Application.ScanPage' | 'Application.RemovePage' | 'Application.Submit' | 'Application.Discard'
>;

/** Handlers of the document application commands. */
export function applicationHandlers(deps: ApplicationDeps): ApplicationHandlers {
  const noSession = () =>
    failed(applicationFailure('noSession', 'no citizen session', 'clear', 'sequenceError'));
  return {
    'Application.ScanPage': async ({ signal, emit }) => {
      if (!deps.person()) return noSession();
      if (!deps.scanner) {
        return failed(
          applicationFailure(
            'scannerNotReady',
            'no document scanner is installed',
            'configuration',
            'deviceNotReady',
          ),
        );
      }
      // Ask before the citizen scans anything: a full disk or queue would refuse the application.
      if (deps.draft.count === 0) {
        const room = deps.queue.canAccept();
        if (!room.ok) return failed(saveFailure(room));
      }
      if (deps.draft.full) {
        return failed(
          applicationFailure('tooManyPages', 'the application is full', 'clear', 'userError'),
        );
      }
      let last = -1;
      const scanned = await deps.scanner.scan((percent) => {
        if (percent === last) return;
        last = percent;
        emit('Application.ScanProgress', { percent: Math.min(100, Math.max(0, percent)) });
      }, signal);
      if (!scanned.ok) {
        if (scanned.canceled)
          return { completionCode: 'canceled', errorDescription: 'scan canceled' };
        deps.log.warn({ errorCode: scanned.error.code }, 'application.scanFailed');
        return failed(scanned.error);
      }
      // The session may have ended while the scanner ran: the page belongs to nobody now.
      if (!deps.person()) return noSession();
      deps.draft.add(scanned.image);
      return { completionCode: 'success', payload: { pages: deps.draft.list() } };
    },
    'Application.RemovePage': async ({ payload }) => {
      if (!deps.person()) return noSession();
      if (!deps.draft.remove(payload.pageNumber)) {
        return { completionCode: 'invalidData', errorDescription: `no page ${payload.pageNumber}` };
      }
      return { completionCode: 'success', payload: { pages: deps.draft.list() } };
    },
    'Application.Submit': async ({ payload, signal, emit }) => {
      const submitted = await submitApplication(
        deps,
        payload,
        (stage) => emit('Application.Progress', { stage }),
        signal,
      );
      return submitted.ok
        ? { completionCode: 'success', payload: submitted.value }
        : failed(submitted.error);
    },
    'Application.Discard': async () => {
      deps.draft.clear();
      return { completionCode: 'success', payload: {} };
    },
  };
}

function failed(error: ApplicationFailure): HandlerOutcome<never> {
  return {
    completionCode: error.completionCode,
    errorDescription: error.message,
    payload: { errorCode: error.code, action: error.action },
  };
}
