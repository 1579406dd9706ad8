import { DEFAULT_REOPEN_DELAYS } from '../device/connection-keeper.js';
import type { DeviceCounters } from '../device/device-counters.js';
import type { BaudSetting } from './auto-baud.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { openTransport } from '../transport/open-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';

/** Options of an IdCardReader; every one but `port` has a default. */
export interface IdCardReaderOptions {
  /** Where the reader is: a serial path (/dev/ttyUSB0, COM3, a PTY) or tcp:HOST:PORT. */
  readonly port: string;
  /** Device id in status and errors. Default "idCardReader". */
  readonly id?: string;
  /** Serial baud rate, or 'auto' to probe 115200, 9600, 57600, 38400, 19200. Default 115200. */
  readonly baudRate?: BaudSetting;
  /** Pause between two find-card polls. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Reply timeout of each SAM command. Default 5000 ms. */
  readonly commandTimeoutMs?: number;
  /** Consecutive "no card" answers, once a card was seen, before `cardRemoved`. Default 2. */
  readonly removalMisses?: number;
  /** Failed read attempts of one presented card before waiting for it to leave. Default 3. */
  readonly maxReadAttempts?: number;
  /** Consecutive link failures (timeouts, bad frames) before state hardwareError. Default 3. */
  readonly failuresBeforeHardwareError?: number;
  /** Read fingerprint templates too (`30 10`) instead of text + photo (`30 01`). Default false. */
  readonly readFingerprint?: boolean;
  /** First delay before reopening a lost port; doubles each failure. Default 500 ms. */
  readonly reopenInitialDelayMs?: number;
  /** Cap of the reopen delay. Default 3000 ms (DEFAULT_REOPEN_DELAYS). */
  readonly reopenMaxDelayMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Opens the transport. Default `openTransport` (serial or TCP by the port string). */
  readonly openTransport?: OpenTransport;
  /** Today's date, to reject birth dates in the future. Default `new Date()`. */
  readonly today?: () => Date;
  /** Statistics counters (reads, readFailures, timeouts, …). Default in memory. */
  readonly counters?: DeviceCounters;
  /** Receives operational log entries; they never contain personal data. Default none. */
  readonly log?: (entry: ReaderLogEntry) => void;
}

/** One operational log entry (no personal data). */
export interface ReaderLogEntry {
  /** Event name, e.g. "idcard.opened", "idcard.commandFailed". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Options with every default filled in (counters stay optional). */
export type ResolvedReaderOptions = Required<Omit<IdCardReaderOptions, 'counters'>> &
  Pick<IdCardReaderOptions, 'counters'>;

/** Fills in the defaults. */
export function resolveReaderOptions(options: IdCardReaderOptions): ResolvedReaderOptions {
  return {
    id: 'idCardReader',
    baudRate: 115_200,
    pollIntervalMs: 500,
    commandTimeoutMs: 5000,
    removalMisses: 2,
    maxReadAttempts: 3,
    failuresBeforeHardwareError: 3,
    readFingerprint: false,
    reopenInitialDelayMs: DEFAULT_REOPEN_DELAYS.initialMs,
    reopenMaxDelayMs: DEFAULT_REOPEN_DELAYS.maxMs,
    timers: realTimers,
    openTransport,
    today: () => new Date(),
    log: () => {},
    // An explicit `undefined` means "the default", not "nothing".
    ...(Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ) as IdCardReaderOptions),
  };
}
