import type { DeviceCounters } from '../device/device-counters.js';
import { MemoryCounters } from '../device/device-counters.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { openTransport } from '../transport/open-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { nodeHidFactory } from './hid-device-seam.js';
import type { HidDeviceFactory } from './hid-device-seam.js';
import type { HidPosLayout } from './hid-pos-report.js';
import type { HidScannerMatch } from './hid-transport.js';
import type { ScanLineOptions } from './scan-line-decoder.js';
import type { ScanEncoding } from './scan-text.js';

/** A scanner on a serial port (RS-232 or USB-CDC virtual COM port). */
export interface SerialScannerConnection extends ScanLineOptions {
  /** Connection kind. */
  readonly kind: 'serial';
  /** Serial path (/dev/ttyACM0, COM3, a PTY) or tcp:HOST:PORT. */
  readonly port: string;
  /** Baud rate. Default 9600 (GM65-class factory setting). */
  readonly baudRate?: number;
}

/** A scanner in HID POS mode (usage page 0x8C), read through node-hid. */
export interface HidScannerConnection extends HidScannerMatch {
  /** Connection kind. */
  readonly kind: 'hid';
  /** Input report layout. Default HONEYWELL_HID_POS_LAYOUT. */
  readonly layout?: HidPosLayout;
  /** Encoding of the data. Default 'utf-8'. */
  readonly encoding?: ScanEncoding;
  /** Longest accepted scan in bytes. Default 4096. */
  readonly maxScanBytes?: number;
}

/** Options of a BarcodeScanner; every one but `connection` has a default. */
export interface BarcodeScannerOptions {
  /** How the scanner is attached. */
  readonly connection: SerialScannerConnection | HidScannerConnection;
  /** Device id in status and errors. Default "barcodeScanner". */
  readonly id?: string;
  /** Deliver scans from the start; otherwise only after `setEnabled(true)`. Default false. */
  readonly enabled?: boolean;
  /** An identical scan within this many ms of the last one is a repeat and ignored. Default 1500. */
  readonly debounceMs?: number;
  /** Quiet time that ends a scan (suffix 'none') or drops a partial one. Default 100 ms. */
  readonly idleGapMs?: number;
  /** Consecutive decode errors before state hardwareError (cleared by a good scan). Default 3. */
  readonly errorsBeforeHardwareError?: number;
  /** Bytes sent once after each open (wake up, enter command mode); default none. */
  readonly wakeCommand?: Uint8Array;
  /** Bytes sent when scans become wanted (command-triggered scanners); default none. */
  readonly triggerCommand?: Uint8Array;
  /** Bytes sent when scans are no longer wanted; default none. */
  readonly stopCommand?: Uint8Array;
  /** First delay before reopening (and HID re-listing); doubles each failure. Default 500 ms. */
  readonly reopenInitialDelayMs?: number;
  /** Cap of the reopen delay: while a HID scanner is absent it is looked for this often. Default 2000 ms. */
  readonly reopenMaxDelayMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Opens serial/TCP transports. Default `openTransport`. */
  readonly openTransport?: OpenTransport;
  /** Lists and opens HID devices. Default node-hid. */
  readonly hidFactory?: HidDeviceFactory;
  /** Statistics counters (scans, decodeErrors, ignoredScans). Default in memory. */
  readonly counters?: DeviceCounters;
  /** Receives operational log entries; never scanned data, only lengths and symbologies. */
  readonly log?: (entry: ScannerLogEntry) => void;
}

/** One operational log entry (no personal data). */
export interface ScannerLogEntry {
  /** Event name, e.g. "barcode.scanned", "barcode.decodeError". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Options with every default filled in (the commands stay optional). */
export type ResolvedScannerOptions = Required<
  Omit<BarcodeScannerOptions, 'wakeCommand' | 'triggerCommand' | 'stopCommand'>
> &
  Pick<BarcodeScannerOptions, 'wakeCommand' | 'triggerCommand' | 'stopCommand'>;

/** Fills in the defaults; an explicit `undefined` means the default. */
export function resolveScannerOptions(options: BarcodeScannerOptions): ResolvedScannerOptions {
  return {
    id: 'barcodeScanner',
    enabled: false,
    debounceMs: 1500,
    idleGapMs: 100,
    errorsBeforeHardwareError: 3,
    reopenInitialDelayMs: 500,
    reopenMaxDelayMs: 2000,
    timers: realTimers,
    openTransport,
    hidFactory: nodeHidFactory,
    counters: new MemoryCounters(),
    log: () => {},
    ...(Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ) as BarcodeScannerOptions),
  };
}
