import { encodeAsb, encodeRealtimeStatus } from '../escpos/escpos-status-encode.js';
import type { PrinterState } from '../escpos/escpos-status-encode.js';
import { EscPosStreamParser } from '../escpos/escpos-stream-parser.js';
import type { EscPosToken } from '../escpos/escpos-stream-parser.js';
import type { RealtimeQuery } from '../escpos/escpos-commands.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, isFaultOf } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import { EscPosReceiptDecoder } from './escpos-stream-decoder.js';
import type { DecodedReceipt } from './escpos-stream-decoder.js';
import { SimulatorLink } from './simulator-link.js';

/** Faults of the receipt printer simulator; `once` faults switch themselves off after use. */
export const ESCPOS_FAULTS = {
  paperNearEnd: { once: false, description: 'the near-end sensor is dark (paper low)' },
  paperOut: { once: false, description: 'no paper: printing stops' },
  paperOutMidJob: { once: false, description: 'the paper runs out after 2 lines of the next job' },
  coverOpen: { once: false, description: 'the cover is open: printing stops' },
  cutterJam: { once: false, description: 'cuts jam (cutter error until cleared + DLE ENQ)' },
  garbage: { once: false, description: 'noise bytes before every status reply and ASB block' },
  badStatus: { once: false, description: 'status replies with broken fixed bits' },
  slow: { once: false, description: 'every reply is delayed by slowDelayMs' },
  disconnect: { once: true, description: 'closes the transport in the middle of the next job' },
  offline: { once: false, description: 'answers nothing and prints nothing' },
} as const satisfies FaultTable;

/** The name of a receipt printer fault. */
export type EscPosFault = keyof typeof ESCPOS_FAULTS;

/** True when `name` is a known fault. */
export function isEscPosFault(name: unknown): name is EscPosFault {
  return isFaultOf(ESCPOS_FAULTS, name);
}

/** Options of the receipt printer simulator. */
export interface EscPosSimulatorOptions {
  /** Output paced at this rate (10 bits per byte); 0 = none (TCP). Default 115200. */
  readonly baudRate?: number;
  /** Extra delay of each reply under `slow`. Default 1000 ms. */
  readonly slowDelayMs?: number;
  /** The printer powers up in Chinese (GB18030) mode, as many Chinese printers do. Default true. */
  readonly chineseAtPowerUp?: boolean;
  /** Receipts kept in `receipts` (oldest dropped). Default 100. */
  readonly maxReceipts?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Random source for noise. Default Math.random. */
  readonly random?: () => number;
}

/**
 * The device side of an ESC/POS receipt printer: prints the stream into structured receipts,
 * answers DLE EOT 1–4 for its state, sends ASB blocks when enabled, and injects faults.
 */
export class EscPosSimulator implements DeviceSimulator<EscPosFault> {
  /** The faults it supports. */
  readonly faults = ESCPOS_FAULTS;
  private readonly stored: DecodedReceipt[] = [];
  private readonly link: SimulatorLink<EscPosFault>;
  private parser = new EscPosStreamParser();
  private readonly decoder: EscPosReceiptDecoder;
  private paper: 'full' | 'low' | 'out' = 'full';
  private coverOpen = false;
  private cutterError = false;
  private ranOut = false;
  private asbMask = 0;
  private lastAsb = '';
  private statusQueries = 0;
  private bytesReceived = 0;

  constructor(private readonly options: EscPosSimulatorOptions = {}) {
    this.link = new SimulatorLink({
      faults: ESCPOS_FAULTS,
      baudRate: options.baudRate ?? 115_200,
      slowDelayMs: options.slowDelayMs ?? 1000,
      timers: options.timers,
      random: options.random,
    });
    this.decoder = new EscPosReceiptDecoder(options.chineseAtPowerUp ?? true);
  }

  /** JSON-able state for the control API. */
  get state(): Readonly<Record<string, unknown>> {
    const { asbMask, statusQueries, bytesReceived } = this;
    const s = this.printerState;
    return {
      paper: s.paper,
      cover: s.coverOpen ? 'open' : 'closed',
      cutterError: s.cutterError,
      fault: this.link.fault,
      attached: this.link.attached,
      asbMask,
      statusQueries,
      bytesReceived,
      receipts: this.stored.length,
    };
  }

  /** The physical state as the sensors report it (faults included). */
  get printerState(): PrinterState {
    const f = this.link.fault;
    const out = this.paper === 'out' || f === 'paperOut' || (f === 'paperOutMidJob' && this.ranOut);
    const low = this.paper === 'low' || f === 'paperNearEnd';
    return {
      paper: out ? 'out' : low ? 'low' : 'full',
      coverOpen: this.coverOpen || f === 'coverOpen',
      cutterError: this.cutterError,
    };
  }

  /** Receipts ended by a cut, oldest first. */
  get receipts(): readonly DecodedReceipt[] {
    return this.stored;
  }

  /** The last receipt ended by a cut. */
  get lastReceipt(): DecodedReceipt | undefined {
    return this.stored[this.stored.length - 1];
  }

  /** What has been printed since the last cut. */
  get pendingReceipt(): DecodedReceipt {
    return this.decoder.pending;
  }

  /** Forgets the stored receipts. */
  clearReceipts(): void {
    this.stored.length = 0;
  }

  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    this.parser = new EscPosStreamParser();
    this.link.attach(transport, (bytes) => this.receive(bytes));
  }

  /** Stops answering; state, receipts and fault stay. */
  detach(): void {
    this.link.detach();
  }

  /** Sets the paper supply (staff refilled it, or it is running low). */
  setPaper(paper: 'full' | 'low' | 'out'): void {
    this.changing(() => (this.paper = paper));
  }

  /** Opens the cover. */
  openCover(): void {
    this.changing(() => (this.coverOpen = true));
  }

  /** Closes the cover. */
  closeCover(): void {
    this.changing(() => (this.coverOpen = false));
  }

  /** Switches a fault on, or all faults off with null. Throws on an unknown name. */
  setFault(fault: EscPosFault | null): void {
    this.changing(() => {
      this.link.setFault(fault);
      this.ranOut = false;
    });
  }

  private changing(change: () => void): void {
    change();
    this.sendAsbIfChanged();
  }

  private receive(bytes: Uint8Array): void {
    if (this.link.fault === 'offline') return;
    this.bytesReceived += bytes.length;
    for (const token of this.parser.push(bytes)) {
      if (this.link.fault === 'disconnect' && token.kind === 'text') {
        this.link.fault = null;
        void this.link.transport?.close();
        return;
      }
      this.handle(token);
    }
  }

  private handle(token: EscPosToken): void {
    if (token.kind === 'command') {
      const [prefix, code, n = 0] = token.header;
      if (prefix === 0x10 && code === 0x04 && n >= 1 && n <= 4) {
        this.statusQueries++;
        this.reply(Uint8Array.of(this.statusByte(n as RealtimeQuery)), true);
        return;
      }
      if (prefix === 0x10 && code === 0x05) return this.recover();
      if (prefix === 0x1d && code === 0x61) {
        this.asbMask = n;
        this.lastAsb = '';
        this.sendAsbIfChanged();
        return;
      }
    }
    const stopped = this.printerState;
    if (stopped.coverOpen || stopped.paper === 'out' || stopped.cutterError) {
      if (!isPrintable(token)) return;
      this.decoder.markIncomplete();
      if (isCut(token)) this.store(this.decoder.endReceipt('none'));
      return;
    }
    const cut = this.decoder.apply(token);
    if (cut !== undefined) this.cut(cut);
    else if (token.kind === 'control' && token.byte === 0x0a) this.linePrinted();
  }

  private linePrinted(): void {
    if (this.link.fault !== 'paperOutMidJob' || this.ranOut || this.decoder.pendingLines < 2)
      return;
    this.changing(() => (this.ranOut = true));
  }

  private cut(kind: 'full' | 'partial'): void {
    if (this.link.fault === 'cutterJam') {
      this.decoder.markIncomplete();
      this.store(this.decoder.endReceipt('failed'));
      this.changing(() => (this.cutterError = true));
      return;
    }
    this.store(this.decoder.endReceipt(kind));
  }

  /** DLE ENQ: clears a cutter error once the jam itself is gone. */
  private recover(): void {
    if (this.link.fault !== 'cutterJam') this.changing(() => (this.cutterError = false));
  }

  private store(receipt: DecodedReceipt): void {
    this.stored.push(receipt);
    const max = this.options.maxReceipts ?? 100;
    if (this.stored.length > max) this.stored.splice(0, this.stored.length - max);
  }

  private statusByte(query: RealtimeQuery): number {
    const byte = encodeRealtimeStatus(query, this.printerState);
    return this.link.fault === 'badStatus' ? byte & ~0x10 : byte;
  }

  private sendAsbIfChanged(): void {
    if (this.asbMask === 0) return;
    const block = encodeAsb(this.printerState);
    const key = block.join(',');
    if (key === this.lastAsb) return;
    this.lastAsb = key;
    this.reply(block, false);
  }

  /** Queues bytes for the host, applying the active fault, paced at the configured rate. */
  private reply(bytes: Uint8Array, isStatusReply: boolean): void {
    const fault = this.link.fault;
    if (fault === 'offline') return;
    this.link.schedule(async () => {
      if (fault === 'slow') await this.link.slowDown();
      if (!this.link.attached) return;
      // Noise has bit 4 clear: it can never look like a reply or an ASB first byte.
      const noisy = fault === 'garbage' && (isStatusReply || bytes.length === 4);
      await this.link.write(noisy ? concatBytes(noise(this.link.random), bytes) : bytes);
    });
  }
}

function noise(random: () => number): Uint8Array {
  const length = 1 + Math.floor(random() * 8);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256) & ~0x10);
}

function isCut(token: EscPosToken): boolean {
  if (token.kind !== 'command') return false;
  const [prefix, code] = token.header;
  return (
    (prefix === 0x1d && code === 0x56) || (prefix === 0x1b && (code === 0x69 || code === 0x6d))
  );
}

/** Whether a token is job content (not a real-time command or a status setting). */
function isPrintable(token: EscPosToken): boolean {
  if (token.kind !== 'command') return true;
  const [prefix, code] = token.header;
  return !(prefix === 0x10 || (prefix === 0x1d && code === 0x61));
}
