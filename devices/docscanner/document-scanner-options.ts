import type { DeviceCounters } from '../device/device-counters.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import type { ImageFormat } from './scanimage-args.js';

/** Options of a DocumentScanner; every one but `device` has a default. */
export interface DocumentScannerOptions {
  /** SANE device name ("test:0", "epson2:libusb:001:004") or "auto" for the first listed. */
  readonly device: string;
  /** Device id in status and errors. Default "documentScanner". */
  readonly id?: string | undefined;
  /** The scanimage program. Default "scanimage" on PATH. */
  readonly scanimagePath?: string | undefined;
  /** SANE_CONFIG_DIR for scanimage (a private dll.conf limits probing). Default inherited. */
  readonly saneConfigDir?: string | undefined;
  /** Scan mode when a command names none. Default: the device's own default. */
  readonly defaultMode?: string | undefined;
  /** Resolution in dpi when a command names none. Default 300. */
  readonly defaultResolution?: number | undefined;
  /** Image format when a command names none. Default "png". */
  readonly defaultFormat?: ImageFormat | undefined;
  /** Most pages one batch may scan. Default 50. */
  readonly pageLimit?: number | undefined;
  /**
   * Vendor/backend options, NON-PORTABLE: SANE option name (no dashes) → value, passed to every
   * scan, e.g. {"adf-mode": "Duplex"} or, on the test backend, {"read-return-value":
   * "SANE_STATUS_JAMMED"}. Names must be options the device lists. Default none.
   */
  readonly backendOptions?: Readonly<Record<string, string>> | undefined;
  /** Pause between two presence checks (`scanimage -f`). Default 5000 ms. */
  readonly presencePollMs?: number | undefined;
  /** Timeout of listing devices and reading options. Default 20000 ms (USB probing is slow). */
  readonly probeTimeoutMs?: number | undefined;
  /** Time between SIGTERM and SIGKILL when a scan is cancelled. Default 2000 ms. */
  readonly killGraceMs?: number | undefined;
  /** Parent directory of the private scan directories. Default the OS temp directory. */
  readonly scanDir?: string | undefined;
  /** Statistics counters (pages, batches, jams, errors). Default in memory. */
  readonly counters?: DeviceCounters | undefined;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers | undefined;
  /** Receives operational log entries; never images, paths or personal data. Default none. */
  readonly log?: ((entry: ScannerLogEntry) => void) | undefined;
}

/** One operational log entry (no personal data). */
export interface ScannerLogEntry {
  /** Event name, e.g. "docscanner.scanFailed". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Options with every default filled in (optional ones stay optional). */
export type ResolvedScannerOptions = Required<
  Omit<DocumentScannerOptions, 'saneConfigDir' | 'defaultMode' | 'scanDir' | 'counters'>
> &
  Pick<DocumentScannerOptions, 'saneConfigDir' | 'defaultMode' | 'scanDir' | 'counters'>;

/** Fills in the defaults; an explicit `undefined` means "the default". */
export function resolveScannerOptions(options: DocumentScannerOptions): ResolvedScannerOptions {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as DocumentScannerOptions;
  return {
    id: 'documentScanner',
    scanimagePath: 'scanimage',
    defaultResolution: 300,
    defaultFormat: 'png',
    pageLimit: 50,
    backendOptions: {},
    presencePollMs: 5000,
    probeTimeoutMs: 20_000,
    killGraceMs: 2000,
    timers: realTimers,
    log: () => {},
    ...given,
  };
}
