import { ApplicationErrorCode } from '../../../contract/index.js';
import { failureCode, hasErrorCode, type FailedResult } from '../flow/failed-command.js';

/** The messages a citizen can see when a scan, a removal or a submission fails. */
export const APPLICATION_FAILURE_KINDS = [
  ...ApplicationErrorCode.options,
  'connection',
  'submitUnknown',
  'unavailable',
  'generic',
] as const;
/** One of APPLICATION_FAILURE_KINDS. */
export type ApplicationFailureKind = (typeof APPLICATION_FAILURE_KINDS)[number];

/** Which command failed. */
export type ApplicationPhase = 'scan' | 'remove' | 'submit';

/**
 * Where "back" leads from a failure: the scan screen (pages kept), the review screen, the matter
 * list or the greeting (both discard the application), or the end of the session.
 */
export type FailureExit = 'scan' | 'review' | 'choose' | 'greeting' | 'finish';

/** A failed application command, as the screen needs it. */
export interface ApplicationFailure {
  /** The core's errorCode, else the completion code, else "connectionLost" / the rejection. */
  errorCode: string;
  /** Which message to show. */
  kind: ApplicationFailureKind;
  /** Whether "try again" can help (otherwise only "back"). */
  retryable: boolean;
  /** Where "back" leads. */
  exit: FailureExit;
}

interface KindRule {
  retryable: boolean;
  /** Where "back" leads; `phase` means the screen the failed command was sent from. */
  exit: FailureExit | 'phase';
}

const RULES: Readonly<Record<ApplicationFailureKind, KindRule>> = {
  // The core has no session: nothing here can go on.
  noSession: { retryable: false, exit: 'finish' },
  // The scanner may only be busy or warming up; a moment later it may work.
  scannerNotReady: { retryable: true, exit: 'scan' },
  noDocument: { retryable: true, exit: 'scan' },
  scanFailed: { retryable: true, exit: 'scan' },
  tooManyPages: { retryable: false, exit: 'scan' },
  noPages: { retryable: false, exit: 'scan' },
  unknownMatter: { retryable: false, exit: 'choose' },
  // Staff must act: the kiosk takes no application now.
  storageFull: { retryable: false, exit: 'greeting' },
  // Passes once the kiosk has sent what waits; nothing was kept.
  queueFull: { retryable: true, exit: 'review' },
  saveFailed: { retryable: true, exit: 'review' },
  connection: { retryable: true, exit: 'phase' },
  // The application may be saved (and a ticket printed): sending it again could file it twice.
  submitUnknown: { retryable: false, exit: 'finish' },
  unavailable: { retryable: false, exit: 'greeting' },
  generic: { retryable: true, exit: 'phase' },
};

const SCREEN_OF_PHASE: Record<ApplicationPhase, FailureExit> = {
  scan: 'scan',
  remove: 'scan',
  submit: 'review',
};

/**
 * Classifies a failed application command. Losing the answer to a submission (connection lost,
 * timed out) leaves its outcome unknown, which gets a message of its own; while scanning, any
 * other typed failure from the core comes from the scanner.
 */
export function classifyApplicationFailure(
  result: FailedResult,
  phase: ApplicationPhase,
): ApplicationFailure {
  const errorCode = failureCode(result);
  const kind = kindOf(result, errorCode, phase);
  const rule = RULES[kind];
  const exit = rule.exit === 'phase' ? SCREEN_OF_PHASE[phase] : rule.exit;
  return { errorCode, kind, retryable: rule.retryable, exit };
}

function kindOf(
  result: FailedResult,
  errorCode: string,
  phase: ApplicationPhase,
): ApplicationFailureKind {
  const known = ApplicationErrorCode.safeParse(errorCode);
  if (known.success) return known.data;
  if (errorCode === 'unsupportedCommand') return 'unavailable';
  const lostAnswer =
    result.kind === 'lost' || (result.kind === 'completed' && result.completionCode === 'timeOut');
  if (lostAnswer) {
    if (phase === 'submit') return 'submitUnknown';
    return result.kind === 'lost' ? 'connection' : 'scanFailed';
  }
  if (phase === 'scan' && result.kind === 'completed') {
    if (result.completionCode === 'deviceNotReady') return 'scannerNotReady';
    if (hasErrorCode(result.payload) || result.completionCode === 'hardwareError') {
      return 'scanFailed';
    }
  }
  return 'generic';
}
