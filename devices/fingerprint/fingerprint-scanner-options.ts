import { DEFAULT_REOPEN_DELAYS } from '../device/connection-keeper.js';
import { MemoryCounters } from '../device/device-counters.js';
import type { DeviceCounters } from '../device/device-counters.js';
import { openTransport } from '../transport/open-transport.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import type { ZfmPacketSize } from './zfm-driver.js';
import { ZFM_DEFAULT_PASSWORD } from './zfm-instructions.js';
import { ZFM_DEFAULT_ADDRESS } from './zfm-packet.js';

/** Options of a FingerprintScanner; every one but `port` has a default. */
export interface FingerprintScannerOptions {
  /** Where the module is: a serial path (/dev/ttyUSB0, COM3, a PTY) or tcp:HOST:PORT. */
  readonly port: string;
  /** Device id in status and errors. Default "fingerprintScanner". */
  readonly id?: string;
  /** Serial baud rate. Default 57600 (the factory setting, §2.1). */
  readonly baudRate?: number;
  /** Module address. Default FFFFFFFF. */
  readonly address?: number;
  /** Module password. Default 00000000 (some modules ship with FFFFFFFF). */
  readonly password?: number;
  /** Data packet size for template downloads; default what ReadSysPara reports. */
  readonly packetSize?: ZfmPacketSize;
  /** Reply timeout of each protocol packet. Default 2000 ms. */
  readonly replyTimeoutMs?: number;
  /** Pause between two GenImg polls while waiting for a finger (or its lift). Default 200 ms. */
  readonly pollIntervalMs?: number;
  /** Lowest Match score accepted on top of the module's own decision. Default 0 (module decides). */
  readonly matchThreshold?: number;
  /** Pause between two idle handshakes (VfyPwd + ReadSysPara) that prove the module is there. Default 5000 ms. */
  readonly keepAliveIntervalMs?: number;
  /** Retries of one exchange after a link failure (timeout, bad checksum). Default 2. */
  readonly linkRetries?: number;
  /** Consecutive failed exchanges (after retries) before state hardwareError. Default 2. */
  readonly failuresBeforeHardwareError?: number;
  /** Timeout of checkHealth('internal') when none is given. Default 5000 ms. */
  readonly internalHealthTimeoutMs?: number;
  /** Timeout of checkHealth('interactive') when none is given. Default 30000 ms. */
  readonly interactiveHealthTimeoutMs?: number;
  /** First delay before reopening a lost port; doubles each failure. Default 500 ms. */
  readonly reopenInitialDelayMs?: number;
  /** Cap of the reopen delay. Default 3000 ms (DEFAULT_REOPEN_DELAYS). */
  readonly reopenMaxDelayMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Opens the transport. Default `openTransport` (serial or TCP by the port string). */
  readonly openTransport?: OpenTransport;
  /** Statistics counters (captures, matches, mismatches, noFinger, errors). Default in memory. */
  readonly counters?: DeviceCounters;
  /** Receives operational log entries; never biometric or personal data. Default none. */
  readonly log?: (entry: ScannerLogEntry) => void;
}

/** One operational log entry (no biometric data, no scores tied to a person). */
export interface ScannerLogEntry {
  /** Event name, e.g. "fingerprint.opened", "fingerprint.commandFailed". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number>>;
}

/** Options with every default filled in (packetSize stays optional: absent = the module's). */
export type ResolvedScannerOptions = Required<Omit<FingerprintScannerOptions, 'packetSize'>> &
  Pick<FingerprintScannerOptions, 'packetSize'>;

/** Fills in the defaults. */
export function resolveScannerOptions(options: FingerprintScannerOptions): ResolvedScannerOptions {
  return {
    id: 'fingerprintScanner',
    baudRate: 57_600,
    address: ZFM_DEFAULT_ADDRESS,
    password: ZFM_DEFAULT_PASSWORD,
    replyTimeoutMs: 2000,
    pollIntervalMs: 200,
    matchThreshold: 0,
    keepAliveIntervalMs: 5000,
    linkRetries: 2,
    failuresBeforeHardwareError: 2,
    internalHealthTimeoutMs: 5000,
    interactiveHealthTimeoutMs: 30_000,
    reopenInitialDelayMs: DEFAULT_REOPEN_DELAYS.initialMs,
    reopenMaxDelayMs: DEFAULT_REOPEN_DELAYS.maxMs,
    timers: realTimers,
    openTransport,
    counters: new MemoryCounters(),
    log: () => {},
    // An explicit `undefined` means "the default", not "nothing".
    ...(Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ) as FingerprintScannerOptions),
  };
}
