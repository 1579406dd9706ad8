import type { ErrorAction, ErrorKind } from '../../contract/index.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { TimerHandle, Timers } from '../util/timers.js';
import type { DecodedScan } from './scan-text.js';

/** A scan or a typed decode error, from either framing. */
export type FramedItem =
  | {
      /** A scan. */
      readonly kind: 'scan';
      /** The scan. */
      readonly scan: DecodedScan;
    }
  | {
      /** Bytes or reports that did not make a scan. */
      readonly kind: 'error';
      /** Why (ScanLineError or HidPosError). */
      readonly error: { readonly code: string };
    };

/** The framing of one connection: the serial line decoder or the HID POS assembler. */
export interface ScanFramer {
  /** Feeds bytes (serial) or one report (HID). */
  push(bytes: Uint8Array): readonly FramedItem[];
  /** The input went quiet. */
  idle(): readonly FramedItem[];
}

/** Whose fault a decode error is and what to do, by error code. */
const DECODE_ERRORS: Readonly<Record<string, { kind: ErrorKind; action: ErrorAction }>> = {
  incompleteScan: { kind: 'user', action: 'clear' },
  noise: { kind: 'hardware', action: 'reset' },
  overlongScan: { kind: 'hardware', action: 'configuration' },
  badEncoding: { kind: 'hardware', action: 'configuration' },
  missingPrefix: { kind: 'hardware', action: 'configuration' },
  shortReport: { kind: 'hardware', action: 'configuration' },
  badLength: { kind: 'hardware', action: 'configuration' },
};

/** Kind and action of a decode error code (unknown codes: hardware, reset). */
export function decodeErrorInfo(code: string): { kind: ErrorKind; action: ErrorAction } {
  return DECODE_ERRORS[code] ?? { kind: 'hardware', action: 'reset' };
}

/**
 * One connection's input: feeds the transport's data to the framer and calls `idle()` after
 * `idleGapMs` without data, so a scan that lost its suffix is dropped (or, without a suffix,
 * completed) instead of being glued to the next one.
 */
export class ScanSession {
  private readonly stop: () => void;
  private idleTimer: TimerHandle | undefined;

  constructor(
    /** The connection's transport. */
    readonly transport: ByteTransport,
    private readonly framer: ScanFramer,
    private readonly timers: Timers,
    private readonly idleGapMs: number,
    private readonly onItem: (item: FramedItem) => void,
  ) {
    this.stop = transport.onData((bytes) => {
      this.clearIdle();
      this.idleTimer = timers.setTimeout(() => {
        this.idleTimer = undefined;
        this.deliver(this.framer.idle());
      }, this.idleGapMs);
      this.deliver(this.framer.push(bytes));
    });
  }

  /** Stops listening; a partial scan is forgotten. */
  dispose(): void {
    this.stop();
    this.clearIdle();
  }

  private deliver(items: readonly FramedItem[]): void {
    for (const item of items) this.onItem(item);
  }

  private clearIdle(): void {
    if (this.idleTimer !== undefined) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
