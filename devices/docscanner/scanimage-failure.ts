import type { ErrorAction, ErrorKind } from '../../contract/index.js';
import type { DeviceFailure } from '../device/device-result.js';
import { describeSaneStatus, saneStatusFromText } from './sane-status.js';

/** A failed scanimage run: a typed code plus the SANE status behind it, when there is one. */
export interface ScanimageFailure extends DeviceFailure {
  /** The SANE_Status scanimage reported (stderr text or exit status), if known. */
  readonly saneStatus?: number;
}

/** How one scanimage run ended. */
export interface ScanimageExit {
  /** Exit status, or null when killed by a signal or never started. */
  readonly code: number | null;
  /** The signal that ended it, if any. */
  readonly signal: string | null;
  /** The errno code when the process could not be started (ENOENT, EACCES, …). */
  readonly spawnError?: string | undefined;
  /** The (bounded) stderr lines, oldest first. */
  readonly stderr: readonly string[];
}

/** A failure with the given fields. */
export function scanimageFailure(
  code: string,
  kind: ErrorKind,
  action: ErrorAction,
  description: string,
  saneStatus?: number,
): ScanimageFailure {
  return { code, kind, action, description, ...(saneStatus !== undefined ? { saneStatus } : {}) };
}

function fromStatus(status: number, context: string): ScanimageFailure {
  const info = describeSaneStatus(status);
  if (info.ok) return scanimageFailure('scanimageFailed', 'hardware', 'reset', context, status);
  return scanimageFailure(info.code, info.kind, info.action, `${context}: ${info.meaning}`, status);
}

// prettier-ignore
const CONFIG_ERRORS: readonly RegExp[] = [
  /unrecognized option/i, /invalid option/i, /option requires an argument/i,
  /setting of option .* failed/i, /unknown output image format/i, /incompatible with/i,
];

/** Classifies one stderr line, or undefined when it says nothing about a failure. */
export function classifyStderrLine(line: string): ScanimageFailure | undefined {
  const text = line.trim();
  const call = /^scanimage: (sane_\w+): (.+)$/.exec(text);
  if (call !== null) {
    const status = saneStatusFromText(call[2] ?? '');
    return status === undefined
      ? scanimageFailure('scanimageFailed', 'hardware', 'reset', `${call[1]}: ${call[2]}`)
      : fromStatus(status, call[1] ?? 'sane');
  }
  const open = /^scanimage: open of device .* failed: (.+)$/.exec(text);
  if (open !== null) {
    const status = saneStatusFromText(open[1] ?? '');
    if (status === 4 || status === undefined) {
      const why = 'device not found: check cable, power and the SANE device name';
      return scanimageFailure('deviceNotFound', 'hardware', 'maintenance', `open: ${why}`, status);
    }
    return fromStatus(status, 'open');
  }
  if (/no SANE devices found/i.test(text)) {
    return scanimageFailure('deviceNotFound', 'hardware', 'maintenance', 'no SANE devices found');
  }
  if (CONFIG_ERRORS.some((pattern) => pattern.test(text))) {
    return scanimageFailure('invalidOption', 'software', 'configuration', text.slice(0, 200));
  }
  if (/could not open output file/i.test(text)) {
    return scanimageFailure('outputFailed', 'software', 'softwareError', 'cannot write the image');
  }
  if (/libpng error|no IDATs/i.test(text)) {
    return scanimageFailure('noImageData', 'hardware', 'reset', 'the device delivered no image', 5);
  }
  return undefined;
}

/**
 * Classifies a scanimage run; undefined means success. Exit 0 is success even when stderr
 * mentions "out of documents" (that is how a batch ends). Otherwise the last stderr line that
 * names a failure wins, then the exit status (scanimage exits with the SANE status number).
 */
export function classifyScanimageExit(exit: ScanimageExit): ScanimageFailure | undefined {
  if (exit.spawnError !== undefined) {
    const why = exit.spawnError === 'ENOENT' ? 'not found' : `cannot run (${exit.spawnError})`;
    return scanimageFailure('notInstalled', 'software', 'configuration', `scanimage ${why}`);
  }
  if (exit.code === 0 && exit.signal === null) return undefined;
  const described = exit.stderr.map(classifyStderrLine).filter((f) => f !== undefined);
  const last = described[described.length - 1];
  if (last !== undefined) return last;
  if (exit.signal !== null) {
    return scanimageFailure('scanimageKilled', 'hardware', 'reset', `ended by ${exit.signal}`);
  }
  if (exit.code !== null && exit.code > 0 && exit.code <= 13) {
    return fromStatus(exit.code, `exit status ${exit.code}`);
  }
  if (exit.code === 134) {
    return scanimageFailure('scanimageCrashed', 'software', 'softwareError', 'scanimage aborted');
  }
  return scanimageFailure('scanimageFailed', 'hardware', 'reset', `exit status ${exit.code}`);
}
