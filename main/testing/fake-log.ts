import type { LogFields, ShellLog } from '../shell-log.js';

/** One recorded log call. */
export interface LogEntry {
  /** Level, or 'forward' for a passed-through core line. */
  level: 'info' | 'warn' | 'error' | 'forward';
  /** Message, or the forwarded line. */
  msg: string;
  /** Fields. */
  fields?: LogFields;
}

/** A log that records every call. */
export class FakeLog implements ShellLog {
  /** Everything logged, in order. */
  readonly entries: LogEntry[] = [];

  info(msg: string, fields?: LogFields): void {
    this.entries.push({ level: 'info', msg, ...(fields ? { fields } : {}) });
  }

  warn(msg: string, fields?: LogFields): void {
    this.entries.push({ level: 'warn', msg, ...(fields ? { fields } : {}) });
  }

  error(msg: string, fields?: LogFields): void {
    this.entries.push({ level: 'error', msg, ...(fields ? { fields } : {}) });
  }

  forward(line: string): void {
    this.entries.push({ level: 'forward', msg: line });
  }

  /** Messages logged, in order. */
  messages(): string[] {
    return this.entries.map((entry) => entry.msg);
  }
}
