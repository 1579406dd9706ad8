import { crtCommandName } from '../dispenser/crt-commands.js';
import { ACK, CrtFrameDecoder, NAK } from '../dispenser/crt-frame.js';
import type { CrtDecoded } from '../dispenser/crt-frame.js';
import { encodeCrtNegative, encodeCrtPositive, parseCrtText } from '../dispenser/crt-replies.js';
import { resolveCrtVariant } from '../dispenser/crt-variant.js';
import type { CrtVariant } from '../dispenser/crt-variant.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { TimerHandle, Timers } from '../util/timers.js';
import { garbageBytes, isFaultOf } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import { SimDispenserUnit } from './dispenser-simulator-unit.js';
import type { SimCardPosition, SimUnitFaults } from './dispenser-simulator-unit.js';
import { SimulatorLink } from './simulator-link.js';

export type { SimCardPosition } from './dispenser-simulator-unit.js';

/** Faults of the card-dispenser simulator; `once` faults switch themselves off after use. */
export const DISPENSER_SIM_FAULTS = {
  stackerEmpty: {
    once: false,
    description: 'the stacker reads empty (st1 30); dispensing answers A0',
  },
  stackerLow: { once: false, description: 'the stacker reads low (st1 31)' },
  binFull: { once: false, description: 'the capture bin reads full (st2 31); capture answers A1' },
  cardJam: { once: false, description: 'every command answers error 10 (jam); then B0 until init' },
  nak: { once: true, description: 'NAKs the next nakCount command frames' },
  noAck: { once: true, description: 'ignores the next command frame (no ACK, no reply)' },
  badChecksum: { once: true, description: 'the next reply frame has a corrupted BCC' },
  garbage: { once: false, description: 'random bytes before every ACK and reply' },
  slow: { once: false, description: 'every reply frame is delayed by slowDelayMs' },
  truncated: { once: true, description: 'the next reply frame stops after half its bytes' },
  disconnect: { once: false, description: 'answers nothing at all, like a pulled cable' },
} as const satisfies FaultTable;

/** The name of a dispenser simulator fault. */
export type DispenserSimFault = keyof typeof DISPENSER_SIM_FAULTS;

/** True when `name` is a known dispenser fault. */
export function isDispenserSimFault(name: unknown): name is DispenserSimFault {
  return isFaultOf(DISPENSER_SIM_FAULTS, name);
}

/** Options of the card-dispenser simulator. */
export interface DispenserSimulatorOptions {
  /** Framing/handshake variant it speaks. Default the confirmed CRT-591 one. */
  readonly variant?: Partial<CrtVariant>;
  /** Output pacing (10 bits per byte); 0 = none. Default 9600 (CRT-591 default [C]). */
  readonly baudRate?: number;
  /** Cards in the stacker at start. Default 50. */
  readonly cards?: number;
  /** At or below this many cards the stacker reads low. Default 10. */
  readonly stackerLowAt?: number;
  /** Cards in the capture bin at start. Default 0. */
  readonly binCount?: number;
  /** Bin level reported as high in `state` (the wire has no "high" bit). Default 40. */
  readonly binHighAt?: number;
  /** At this many cards the bin reads full. Default 50. */
  readonly binFullAt?: number;
  /** A card at the gate is taken by itself after this many ms; 0 = never. Default 0. */
  readonly autoTakeMs?: number;
  /** How many frames the `nak` fault NAKs. Default 2. */
  readonly nakCount?: number;
  /** Extra delay of each reply under `slow`. Default 1000 ms. */
  readonly slowDelayMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Random source for garbage bytes. Default Math.random. */
  readonly random?: () => number;
}

/** What the simulator is doing, for the control API and tests. */
export interface DispenserSimState {
  /** Cards left in the stacker. */
  readonly cards: number;
  /** Cards in the capture bin. */
  readonly binCount: number;
  /** The bin has reached its high mark. */
  readonly binHigh: boolean;
  /** Where the card in the channel is. */
  readonly position: SimCardPosition;
  /** The unit refuses moves (B0) until initialised. */
  readonly needsInit: boolean;
  /** The active fault, or null. */
  readonly fault: DispenserSimFault | null;
  /** A transport is attached. */
  readonly attached: boolean;
  /** Command frames executed. */
  readonly commands: number;
  /** Cards taken from the gate. */
  readonly taken: number;
}

/**
 * The device side of a Creator CRT-591 card dispenser: ACKs command frames, moves simulated
 * cards between stacker, read position, gate and capture bin, answers with status bytes, with
 * runtime fault injection. A card at the gate is taken with `takeCard()` (or `autoTakeMs`).
 */
export class DispenserSimulator implements DeviceSimulator<DispenserSimFault> {
  /** The faults it supports. */
  readonly faults = DISPENSER_SIM_FAULTS;
  private readonly v: CrtVariant;
  private readonly unit: SimDispenserUnit;
  private readonly link: SimulatorLink<DispenserSimFault>;
  private lastReply: Uint8Array | undefined;
  private heldReply: Uint8Array | undefined;
  private takeTimer: TimerHandle | undefined;
  private naksLeft = 0;
  private commands = 0;

  constructor(private readonly options: DispenserSimulatorOptions = {}) {
    this.v = resolveCrtVariant(options.variant);
    this.link = new SimulatorLink({
      faults: DISPENSER_SIM_FAULTS,
      baudRate: options.baudRate ?? 9600,
      slowDelayMs: options.slowDelayMs ?? 1000,
      timers: options.timers,
      random: options.random,
      garbage: noise,
    });
    this.unit = new SimDispenserUnit(options.cards ?? 50, options.binCount ?? 0, {
      stackerLowAt: options.stackerLowAt ?? 10,
      binHighAt: options.binHighAt ?? 40,
      binFullAt: options.binFullAt ?? 50,
    });
  }

  /** Current state. */
  get state(): DispenserSimState & Record<string, unknown> {
    const { cards, binCount, binHigh, position, needsInit, taken } = this.unit;
    const { fault, attached } = this.link;
    const { commands } = this;
    return { cards, binCount, binHigh, position, needsInit, fault, attached, commands, taken };
  }

  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    this.link.attachDecoding(transport, new CrtFrameDecoder(this.v), (item) => this.handle(item));
  }

  /** Stops answering; cards, position and fault stay. */
  detach(): void {
    this.link.detach();
  }

  /** Switches a fault on, or all faults off with null. Throws on an unknown name. */
  setFault(fault: DispenserSimFault | null): void {
    const previous = this.link.fault;
    this.link.setFault(fault);
    // Like the real unit, a cleared jam leaves it refusing moves until initialised.
    if (previous === 'cardJam' && fault !== 'cardJam') this.unit.needsInit = true;
    this.naksLeft = fault === 'nak' ? (this.options.nakCount ?? 2) : 0;
  }

  /** The citizen takes the card at the gate. Returns false when no card is there. */
  takeCard(): boolean {
    return this.unit.take();
  }

  /** Staff load cards into the stacker. */
  loadCards(count: number): void {
    this.unit.cards += Math.max(0, Math.floor(count));
  }

  /** Staff empty the capture bin. */
  emptyBin(): void {
    this.unit.binCount = 0;
  }

  /** Puts a card in the channel out of nowhere (e.g. one left there by a crash). */
  placeCard(position: SimCardPosition): void {
    this.unit.position = position;
  }

  private async handle(item: CrtDecoded): Promise<void> {
    if (this.link.fault === 'disconnect') return;
    if (item.kind === 'control') {
      if (item.control === 'nak' && this.lastReply !== undefined) await this.send(this.lastReply);
      if (item.control === 'enq') await this.releaseReply();
      return;
    }
    if (item.kind === 'error') {
      // The unit NAKs a frame it could not accept and ignores line noise.
      if (item.error.code !== 'garbage') await this.send(Uint8Array.of(NAK), false);
      return;
    }
    const text = parseCrtText(item.frame.text);
    if (text?.kind !== 'command') return;
    if (this.v.address !== null && item.frame.address !== this.v.address) return;
    if (this.link.fault === 'noAck') {
      this.link.fault = null;
      return;
    }
    if (this.link.fault === 'nak') {
      if (--this.naksLeft <= 0) this.link.fault = null;
      await this.send(Uint8Array.of(NAK), false);
      return;
    }
    await this.send(Uint8Array.of(ACK), false);
    this.commands++;
    const answer = this.unit.execute(crtCommandName(text.cm, text.pm), this.unitFaults());
    this.scheduleAutoTake();
    const reply = answer.ok
      ? encodeCrtPositive(
          text.cm,
          text.pm,
          this.unit.statusBytes(this.unitFaults(), this.v.st2Inverted),
          this.v,
        )
      : encodeCrtNegative(text.cm, text.pm, answer.code, this.v, this.v.negativeHeader);
    this.lastReply = reply;
    this.heldReply = reply;
    if (!this.v.enq) await this.releaseReply();
  }

  private unitFaults(): SimUnitFaults {
    const f = this.link.fault;
    return {
      jam: f === 'cardJam',
      stackerEmpty: f === 'stackerEmpty',
      stackerLow: f === 'stackerLow',
      binFull: f === 'binFull',
    };
  }

  private scheduleAutoTake(): void {
    const ms = this.options.autoTakeMs ?? 0;
    if (ms <= 0 || this.unit.position !== 'gate' || this.takeTimer !== undefined) return;
    this.takeTimer = this.link.timers.setTimeout(() => {
      this.takeTimer = undefined;
      this.unit.take();
    }, ms);
  }

  private async releaseReply(): Promise<void> {
    const reply = this.heldReply;
    this.heldReply = undefined;
    if (reply === undefined) return;
    if (this.link.fault === 'slow') await this.link.slowDown();
    await this.send(reply);
  }

  /** Sends bytes, applying the active fault (frame faults only to reply frames), paced. */
  private send(bytes: Uint8Array, isFrame = true): Promise<void> {
    const fault = this.link.fault;
    // badChecksum and truncated act on reply frames only, and switch off once they have.
    const frameFault = isFrame && (fault === 'badChecksum' || fault === 'truncated');
    if (frameFault) this.link.fault = null;
    // slow is applied before releasing a reply, not here.
    return this.link.send(bytes, frameFault || fault === 'garbage' ? fault : null);
  }
}

/** Garbage holding no STX and no control byte, so it is noise and never a message. */
function noise(random: () => number): Uint8Array {
  return garbageBytes(random, 0xf2).map((b) => ([0x04, 0x05, 0x06, 0x15].includes(b) ? 0x20 : b));
}
