import { failureCode, hasErrorCode, type FailedResult } from '../flow/failed-command.js';

/** The messages a citizen can see when a proof cannot be prepared or printed. */
export const FAILURE_KINDS = [
  'noRecord',
  'notEligible',
  'alreadyPrinted',
  'network',
  'signature',
  'printer',
  'missingGlyphs',
  'startAgain',
  'generic',
] as const;
/** One of FAILURE_KINDS. */
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Which command failed: the platform is asked while preparing, the printers while printing. */
export type FlowPhase = 'prepare' | 'print';

/** A failed Proof.Prepare or Proof.Print, as the screen needs it. */
export interface ProofFailure {
  /** The core's errorCode, else the completion code, else "connectionLost" / the rejection. */
  errorCode: string;
  /** Which message to show. */
  kind: FailureKind;
  /** Whether "try again" can help (otherwise only "back"). */
  retryable: boolean;
}

const KIND_OF_CODE: Readonly<Record<string, FailureKind>> = {
  noRecord: 'noRecord',
  notEligible: 'notEligible',
  alreadyPrinted: 'alreadyPrinted',
  platformUnreachable: 'network',
  platformTimeout: 'network',
  platformError: 'network',
  badResponse: 'network',
  proofSignatureInvalid: 'signature',
  unknownKey: 'signature',
  missingGlyphs: 'missingGlyphs',
  notPrepared: 'startAgain',
  sequenceError: 'startAgain',
  noDocumentPrinter: 'printer',
  deviceNotReady: 'printer',
  hardwareError: 'printer',
  mediaEmpty: 'printer',
  mediaJam: 'printer',
  paperJam: 'printer',
  coverOpen: 'printer',
  printerStopped: 'printer',
  printerOffline: 'printer',
  tonerEmpty: 'printer',
};

// Only a passing problem: the same request may well work a minute later.
const RETRYABLE: readonly FailureKind[] = ['network', 'generic'];

/**
 * Classifies a failed command. While printing, any other typed failure from the core comes from
 * the A4 printer or its spooler (printing never asks the platform), so it reads as a printer
 * problem; an unknown one while preparing gets the generic message.
 */
export function classifyFailure(result: FailedResult, phase: FlowPhase): ProofFailure {
  const errorCode = failureCode(result);
  let kind = KIND_OF_CODE[errorCode];
  if (!kind && result.kind === 'completed') {
    if (phase === 'prepare' && result.completionCode === 'timeOut') kind = 'network';
    else if (phase === 'print' && hasErrorCode(result.payload)) kind = 'printer';
  }
  const resolved = kind ?? 'generic';
  return { errorCode, kind: resolved, retryable: RETRYABLE.includes(resolved) };
}
