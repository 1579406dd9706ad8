import { DEFAULT_REOPEN_DELAYS } from '../device/connection-keeper.js';
import { MemoryCounters } from '../device/device-counters.js';
import type { DeviceCounters } from '../device/device-counters.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { openTransport } from '../transport/open-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import type { CutForm } from './escpos-commands.js';
import type { PaperBitRule } from './escpos-status.js';

/** Options of a ReceiptPrinter; every one but `port` has a default. */
export interface ReceiptPrinterOptions {
  /** Where the printer is: serial path, tcp:HOST:9100, usblp:/dev/usb/lp0 (or /dev/usb/lpN). */
  readonly port: string;
  /** Device id in status and errors. Default "receiptPrinter". */
  readonly id?: string;
  /** Serial baud rate; must match the printer's DIP switches. Default 115200. */
  readonly baudRate?: number;
  /** Characters per line in font A (48 on 80 mm, 32 on 58 mm paper). Default 48. */
  readonly columns?: number;
  /** Printable width in dots (bounds raster QR). Default columns × 12 (font A is 12 dots wide). */
  readonly widthDots?: number;
  /** The printer has an auto-cutter. Default true. */
  readonly cut?: boolean;
  /** GS V spelling the printer understands. Default 'binary' (00/01). */
  readonly cutForm?: Exclude<CutForm, 'feed'>;
  /** The printer has GS ( k; false renders QR as a raster image. Default true. */
  readonly nativeQr?: boolean;
  /** Status comes back (DLE EOT); false for one-way links: no handshake, no confirmation. Default true. */
  readonly statusBack?: boolean;
  /** The printer has a paper near-end sensor (drives paper 'low'). Default true. */
  readonly paperNearEndSensor?: boolean;
  /** Text in GB18030 Chinese mode; false = ASCII only. Default true. */
  readonly gb18030?: boolean;
  /** The font has the four-byte GB18030 characters. Default true. */
  readonly fourByteGb18030?: boolean;
  /** Automatic Status Back mask sent at connect (GS a n; bit 1 online, 2 error, 3 paper); 0 = off. Default 0. */
  readonly asbMask?: number;
  /** How the two-bit paper fields are read. Default 'both' (§3.5). */
  readonly paperBits?: PaperBitRule;
  /** Pause between two idle status polls. Default 2000 ms. */
  readonly pollIntervalMs?: number;
  /** Reply timeout of each DLE EOT query. Default 1000 ms. */
  readonly statusTimeoutMs?: number;
  /** Stale input dropped after opening, before the handshake. Default 100 ms. */
  readonly drainMs?: number;
  /** Wait after sending a job before the confirming status query. Default 300 ms. */
  readonly confirmDelayMs?: number;
  /** Consecutive failed status polls before the status shows it. Default 2. */
  readonly failuresBeforeOffline?: number;
  /** Send DLE ENQ 2 while the cutter reports an error, to recover once the jam is cleared. Default true. */
  readonly recoverCutter?: boolean;
  /** First delay before reopening a lost port; doubles each failure. Default 500 ms. */
  readonly reopenInitialDelayMs?: number;
  /** Cap of the reopen delay. Default 3000 ms (DEFAULT_REOPEN_DELAYS). */
  readonly reopenMaxDelayMs?: number;
  /** Statistics counters (prints, cuts, bytes, lines, printFailures). Default in memory. */
  readonly counters?: DeviceCounters;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Opens the transport. Default `openTransport`. */
  readonly openTransport?: OpenTransport;
  /** Operational log (no personal data). Default none. */
  readonly log?: (event: string, detail?: Readonly<Record<string, string | number>>) => void;
}

/** Options with every default filled in. */
export type ResolvedPrinterOptions = Required<ReceiptPrinterOptions>;

/** Fills in the defaults; an explicit `undefined` means "the default". */
export function resolvePrinterOptions(options: ReceiptPrinterOptions): ResolvedPrinterOptions {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as ReceiptPrinterOptions;
  const columns = given.columns ?? 48;
  return {
    id: 'receiptPrinter',
    baudRate: 115_200,
    columns,
    widthDots: columns * 12,
    cut: true,
    cutForm: 'binary',
    nativeQr: true,
    statusBack: true,
    paperNearEndSensor: true,
    gb18030: true,
    fourByteGb18030: true,
    asbMask: 0,
    paperBits: 'both',
    pollIntervalMs: 2000,
    statusTimeoutMs: 1000,
    confirmDelayMs: 300,
    drainMs: 100,
    failuresBeforeOffline: 2,
    recoverCutter: true,
    reopenInitialDelayMs: DEFAULT_REOPEN_DELAYS.initialMs,
    reopenMaxDelayMs: DEFAULT_REOPEN_DELAYS.maxMs,
    counters: new MemoryCounters(),
    timers: realTimers,
    openTransport,
    log: () => {},
    ...given,
  };
}
