import { DEFAULT_REOPEN_DELAYS } from '../device/connection-keeper.js';
import type { DeviceCounters } from '../device/device-counters.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { openTransport } from '../transport/open-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import type { CrtInitMode } from './crt-commands.js';
import { resolveCrtVariant } from './crt-variant.js';
import type { CrtVariant } from './crt-variant.js';

/** A step with a physical effect, recorded before (intent) and after (result) for crash recovery. */
export interface DispenserStepRecord {
  /** The device id. */
  readonly id: string;
  /** Which step, e.g. "ejectToGate", "capture". */
  readonly step: string;
  /** `intent` before the card moves, `result` after. */
  readonly phase: 'intent' | 'result';
  /** For `result`: "ok" or the failure code. */
  readonly outcome?: string;
}

/** One operational log entry (no personal data). */
export interface DispenserLogEntry {
  /** Event name, e.g. "dispenser.opened", "dispenser.commandFailed". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Options of a CardDispenser; every one but `port` has a default. */
export interface CardDispenserOptions {
  /** Where the unit is: a serial path (/dev/ttyUSB0, COM3, a PTY) or tcp:HOST:PORT. */
  readonly port: string;
  /** Device id in status and errors. Default "cardDispenser". */
  readonly id?: string;
  /** Serial baud rate. Default 9600 (CRT-591 default [C]). */
  readonly baudRate?: number;
  /** Framing and handshake variant of the unit (see crt-variant.ts). Default the confirmed CRT-591 one. */
  readonly variant?: Partial<CrtVariant>;
  /** What initialise does with a card left in the channel: 'keep' (30 33), 'capture' (30 31), 'gate' (30 30). Default 'keep'. */
  readonly initMode?: CrtInitMode;
  /** Use the init variant that also zeroes the unit's capture counter (30 34/35/37) [1]. Default false. */
  readonly initResetsCaptureCounter?: boolean;
  /** Pause between two status polls when idle. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Pause between status polls while a card waits at the gate. Default 250 ms. */
  readonly takePollIntervalMs?: number;
  /** Default time a citizen has to take a presented card before it is captured. Default 30000 ms. */
  readonly takeTimeoutMs?: number;
  /** Wait for ACK/NAK after each frame. Default 500 ms. */
  readonly ackTimeoutMs?: number;
  /** Resends after NAK or silence (and NAKs of a corrupt reply). Default 3. */
  readonly maxRetransmits?: number;
  /** Wait for the reply after the ACK (card moves take seconds). Default 8000 ms. */
  readonly replyTimeoutMs?: number;
  /** Consecutive link failures (after retransmits) before state hardwareError. Default 2. */
  readonly failuresBeforeHardwareError?: number;
  /** Captures since the bin was emptied at which captureBin reads "high" (the unit has no such sensor); 0 = off. Default 0. */
  readonly captureBinHighAt?: number;
  /** First delay before reopening a lost port; doubles each failure. Default 500 ms. */
  readonly reopenInitialDelayMs?: number;
  /** Cap of the reopen delay. Default 3000 ms (DEFAULT_REOPEN_DELAYS). */
  readonly reopenMaxDelayMs?: number;
  /** Statistics counters (load persisted values into them). Default in memory from zero. */
  readonly counters?: DeviceCounters;
  /** Records intent/result of every card move (transaction state); a throw on intent stops the move. Default none. */
  readonly recordStep?: (record: DispenserStepRecord) => void | Promise<void>;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Opens the transport. Default `openTransport` (serial or TCP by the port string). */
  readonly openTransport?: OpenTransport;
  /** Receives operational log entries. Default none. */
  readonly log?: (entry: DispenserLogEntry) => void;
}

/** Options with every default filled in (counters and recordStep stay optional). */
export type ResolvedDispenserOptions = Required<
  Omit<CardDispenserOptions, 'variant' | 'counters' | 'recordStep'>
> &
  Pick<CardDispenserOptions, 'counters' | 'recordStep'> & {
    /** The resolved variant. */
    readonly variant: CrtVariant;
  };

/** Fills in the defaults; throws a RangeError on an impossible variant. */
export function resolveDispenserOptions(options: CardDispenserOptions): ResolvedDispenserOptions {
  // An explicit `undefined` means "the default", not "nothing".
  const set = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as CardDispenserOptions;
  return {
    id: 'cardDispenser',
    baudRate: 9600,
    initMode: 'keep',
    initResetsCaptureCounter: false,
    pollIntervalMs: 1000,
    takePollIntervalMs: 250,
    takeTimeoutMs: 30_000,
    ackTimeoutMs: 500,
    maxRetransmits: 3,
    replyTimeoutMs: 8000,
    failuresBeforeHardwareError: 2,
    captureBinHighAt: 0,
    reopenInitialDelayMs: DEFAULT_REOPEN_DELAYS.initialMs,
    reopenMaxDelayMs: DEFAULT_REOPEN_DELAYS.maxMs,
    timers: realTimers,
    openTransport,
    log: () => {},
    ...set,
    variant: resolveCrtVariant(set.variant),
  };
}
