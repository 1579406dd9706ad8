import { encodeScanText } from '../barcode/scan-text.js';
import type { ScanEncoding } from '../barcode/scan-text.js';
import type { ScanSuffix } from '../barcode/scan-line-decoder.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, garbageBytes, isFaultOf } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import { SimulatorLink } from './simulator-link.js';

/** Faults of the barcode scanner simulator; `once` faults switch themselves off after use. */
export const BARCODE_SIM_FAULTS = {
  garbage: { once: false, description: 'noise bytes (control characters) after every scan' },
  truncated: { once: true, description: 'the next scan loses its suffix' },
  noSuffix: {
    once: false,
    description: 'every scan runs on without a suffix for runawayBytes bytes (overlong)',
  },
  slow: { once: false, description: 'every scan is sent slowDelayMs late' },
  disconnect: { once: true, description: 'closes the transport now (the scanner is unplugged)' },
  badEncoding: { once: true, description: 'the next scan carries bytes invalid in its encoding' },
} as const satisfies FaultTable;

/** The name of a barcode simulator fault. */
export type BarcodeSimFault = keyof typeof BARCODE_SIM_FAULTS;

/** True when `name` is a barcode simulator fault. */
export function isBarcodeSimFault(name: unknown): name is BarcodeSimFault {
  return isFaultOf(BARCODE_SIM_FAULTS, name);
}

/** Options of the barcode scanner simulator. */
export interface BarcodeSimulatorOptions {
  /** Output is paced at this rate (10 bits per byte). 0 = no pacing. Default 9600. */
  readonly baudRate?: number;
  /** Suffix after each scan. Default 'cr'. */
  readonly suffix?: ScanSuffix;
  /** Bytes before each scan; default none. */
  readonly prefix?: Uint8Array;
  /** Encoding of the data. Default 'utf-8'. */
  readonly encoding?: ScanEncoding;
  /** Delay of each scan under the `slow` fault. Default 1000 ms. */
  readonly slowDelayMs?: number;
  /** Length of the runaway stream under `noSuffix`. Default 8192 bytes. */
  readonly runawayBytes?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Random source for noise bytes. Default Math.random. */
  readonly random?: () => number;
}

/** What the simulator is doing, for status APIs. */
export interface BarcodeSimulatorState {
  /** A transport is attached. */
  readonly attached: boolean;
  /** The active fault, or null. */
  readonly fault: BarcodeSimFault | null;
  /** Scans sent since start. */
  readonly scans: number;
}

const SUFFIXES: Readonly<Record<ScanSuffix, Uint8Array>> = {
  cr: Uint8Array.of(0x0d),
  lf: Uint8Array.of(0x0a),
  crlf: Uint8Array.of(0x0d, 0x0a),
  tab: Uint8Array.of(0x09),
  none: new Uint8Array(0),
};

/**
 * The device side of a serial (RS-232 / USB-CDC) barcode scanner: `scan()` sends
 * `[prefix][AIM id]data[suffix]` paced like a UART, with runtime fault injection.
 */
export class BarcodeSimulator implements DeviceSimulator<BarcodeSimFault> {
  /** The faults it supports. */
  readonly faults = BARCODE_SIM_FAULTS;
  private readonly link: SimulatorLink<BarcodeSimFault>;
  private scans = 0;

  constructor(private readonly options: BarcodeSimulatorOptions = {}) {
    this.link = new SimulatorLink({
      faults: BARCODE_SIM_FAULTS,
      baudRate: options.baudRate ?? 9600,
      slowDelayMs: options.slowDelayMs ?? 1000,
      timers: options.timers,
      random: options.random,
    });
  }

  /** Current state. */
  get state(): BarcodeSimulatorState & Record<string, unknown> {
    return { attached: this.link.attached, fault: this.link.fault, scans: this.scans };
  }

  /** Starts sending on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    this.link.attach(transport);
  }

  /** Stops sending; the fault stays. */
  detach(): void {
    this.link.detach();
  }

  /** Switches a fault on, or all faults off with null; `disconnect` acts at once. */
  setFault(fault: BarcodeSimFault | null): void {
    if (fault === 'disconnect') {
      const transport = this.link.transport;
      this.detach();
      void transport?.close();
      return;
    }
    this.link.fault = fault;
  }

  /** Scans `data` (symbology: an AIM identifier such as "]Q1", sent before the data). */
  scan(data: string, symbology?: string): Promise<void> {
    return this.link.enqueue(() => this.send(data, symbology));
  }

  private async send(data: string, symbology: string | undefined): Promise<void> {
    const fault = this.link.takeFault();
    if (fault === 'slow') await this.link.slowDown();
    const encoding = this.options.encoding ?? 'utf-8';
    const body = encodeScanText(data, encoding);
    const parts = [
      this.options.prefix ?? new Uint8Array(0),
      new TextEncoder().encode(symbology ?? ''),
      // 0xFF is invalid in UTF-8 and cannot start a GB18030 character.
      fault === 'badEncoding' ? concatBytes(body, Uint8Array.of(0xff, 0xfe)) : body,
    ];
    if (fault === 'noSuffix') {
      parts.push(new Uint8Array(this.options.runawayBytes ?? 8192).fill(0x41));
    } else if (fault !== 'truncated') {
      parts.push(SUFFIXES[this.options.suffix ?? 'cr']);
    }
    // Noise is control bytes below TAB, so it can never end a line by itself.
    if (fault === 'garbage') parts.push(garbageBytes(this.link.random, 0x09));
    if (!this.link.attached) return;
    this.scans++;
    await this.link.write(concatBytes(...parts));
  }
}
