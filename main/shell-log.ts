import pino from 'pino';
import { maskIdNumbersInText } from '../contract/index.js';

/** Fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** The shell's log: JSON lines on stdout, next to the core's own lines. */
export interface ShellLog {
  /** Normal operation. */
  info(msg: string, fields?: LogFields): void;
  /** Something recovered by itself. */
  warn(msg: string, fields?: LogFields): void;
  /** Something a technician should look at. */
  error(msg: string, fields?: LogFields): void;
  /** A JSON line the core wrote (already structured and masked): passed through unchanged. */
  forward(line: string): void;
}

/**
 * The real log. The core's JSON lines are written through as they are, so one stream holds both
 * processes; anything else the core prints (a stack trace, a native module's warning) is wrapped
 * in a shell line with ID numbers masked, since it never went through the core's redaction.
 */
export function createShellLog(level = 'info'): ShellLog {
  const destination = pino.destination({ dest: 1, sync: true });
  const logger = pino(
    { level, base: { service: 'kiosk-shell' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
  return {
    info: (msg, fields) => logger.info(fields ?? {}, msg),
    warn: (msg, fields) => logger.warn(fields ?? {}, msg),
    error: (msg, fields) => logger.error(fields ?? {}, msg),
    forward: (line) => destination.write(line + '\n'),
  };
}

/** Makes text from outside the core's logger safe to log. */
export function maskedText(text: string, maxLength = 2_000): string {
  return maskIdNumbersInText(text.length > maxLength ? text.slice(0, maxLength) + '…' : text);
}

/** An error as safe log text (stack when there is one). */
export function errorText(error: unknown): string {
  return maskedText(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
