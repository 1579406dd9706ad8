import type { ByteTransport } from '../transport/byte-transport.js';
import { samCommandName } from '../idcard/sam-commands.js';
import type { SamCommandName } from '../idcard/sam-commands.js';
import { SamFrameDecoder, commandFields, encodeSamReply } from '../idcard/sam-frame.js';
import type { SamDecoded } from '../idcard/sam-frame.js';
import { SW3 } from '../idcard/sam-status.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, garbageBytes, isFaultOf } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import type { SimCard } from './sim-card.js';
import { REPLY_FAULTS, SimulatorLink } from './simulator-link.js';

/** Faults a technician or test can switch on; `once` faults switch themselves off after use. */
export const SIM_FAULTS = {
  noCard: { once: false, description: 'find card always answers 80 (no card)' },
  ...REPLY_FAULTS,
  samFailure: { once: false, description: 'every command answers SW3 60 (SAM self-test failed)' },
  baudMismatch: {
    once: false,
    description: 'the host is at another baud rate: every reply arrives as same-length noise',
  },
  disconnect: {
    once: true,
    description: 'the next reply stops half way and the reader is unplugged (its end closes)',
  },
} as const satisfies FaultTable;

/** The name of a simulator fault. */
export type SimFault = keyof typeof SIM_FAULTS;

/** True when `name` is a known fault. */
export function isSimFault(name: unknown): name is SimFault {
  return isFaultOf(SIM_FAULTS, name);
}

/** Options of the ID-card reader simulator. */
export interface IdCardSimulatorOptions {
  /** Output is paced at this rate (10 bits per byte), because PTYs deliver instantly. 0 = no pacing. Default 115200. */
  readonly baudRate?: number;
  /** Extra delay of each reply under the `slow` fault. Default 1000 ms. */
  readonly slowDelayMs?: number;
  /** Like real readers, find card answers 80 after a read until the card is presented again. Default true. */
  readonly cardMustLeaveAfterRead?: boolean;
  /** The SAM ID the reader reports (16 bytes). */
  readonly samId?: Uint8Array;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Random source for garbage bytes. Default Math.random. */
  readonly random?: () => number;
}

/** What the simulator is doing, for status APIs. */
export interface SimulatorState {
  /** A card is on the reader. */
  readonly cardPresent: boolean;
  /** That card was read and must be presented again before find card succeeds. */
  readonly cardRead: boolean;
  /** The active fault, or null. */
  readonly fault: SimFault | null;
  /** A transport is attached. */
  readonly attached: boolean;
  /** Commands answered since start. */
  readonly commands: number;
}

// Formats as 5.1-20240101-000000001-000000002.
const DEFAULT_SAM_ID = Uint8Array.of(5, 0, 1, 0, 0xe5, 0xd6, 0x34, 0x1, 1, 0, 0, 0, 2, 0, 0, 0);
const ADDRESS_ENTRY_CHARS = 35;

/**
 * The device side of a SAM ID-card reader: answers commands read from a ByteTransport like a
 * reader holding a configurable card, with runtime fault injection.
 */
export class IdCardSimulator implements DeviceSimulator<SimFault> {
  /** The faults it supports. */
  readonly faults = SIM_FAULTS;
  private readonly link: SimulatorLink<SimFault>;
  private card: SimCard | undefined;
  private cardRead = false;
  private found = false;
  private selected = false;
  private commands = 0;

  constructor(private readonly options: IdCardSimulatorOptions = {}) {
    this.link = new SimulatorLink({
      faults: SIM_FAULTS,
      baudRate: options.baudRate ?? 115_200,
      slowDelayMs: options.slowDelayMs ?? 1000,
      timers: options.timers,
      random: options.random,
      // 0xAA is left out so garbage can never contain a preamble: the fault is noise, not a frame.
      garbage: (random) => garbageBytes(random, 0xaa),
    });
  }

  /** Current state. */
  get state(): SimulatorState & Record<string, unknown> {
    const { card, cardRead, commands } = this;
    return {
      cardPresent: card !== undefined,
      cardRead,
      fault: this.link.fault,
      attached: this.link.attached,
      commands,
    };
  }

  /** The card on the reader, if any. */
  get currentCard(): SimCard | undefined {
    return this.card;
  }

  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    this.link.attachDecoding(transport, new SamFrameDecoder(), (item) => this.answer(item));
  }

  /** Stops answering; the card and fault stay. */
  detach(): void {
    this.link.detach();
  }

  /** Puts a card on the reader (replacing any), ready to be found. */
  present(card: SimCard): void {
    this.card = card;
    this.resetCardState();
  }

  /** Takes the card away. */
  remove(): void {
    this.card = undefined;
    this.resetCardState();
  }

  /** Switches a fault on, or all faults off with null. */
  setFault(fault: SimFault | null): void {
    this.link.fault = fault;
  }

  private resetCardState(): void {
    this.cardRead = false;
    this.found = false;
    this.selected = false;
  }

  private async answer(item: SamDecoded): Promise<void> {
    if (item.kind === 'error') {
      // The SAM reports frames it could not accept; it ignores stray bytes.
      if (item.error.code === 'badChecksum')
        await this.send(encodeSamReply(SW3.receivedBadChecksum));
      if (item.error.code === 'badLength') await this.send(encodeSamReply(SW3.receivedBadLength));
      return;
    }
    const fields = commandFields(item.frame);
    if (fields === undefined) return;
    this.commands++;
    const name = samCommandName(fields.cmd, fields.para);
    const reply =
      this.link.fault === 'samFailure' ? encodeSamReply(SW3.samSelfTestFailed) : this.reply(name);
    await this.send(reply);
  }

  private reply(name: SamCommandName | undefined): Uint8Array {
    const card = this.card;
    switch (name) {
      case 'resetSam':
      case 'samStatus':
      case 'setMaxRfFrameBytes':
        return encodeSamReply(SW3.success);
      case 'readSamId':
        return encodeSamReply(SW3.success, this.options.samId ?? DEFAULT_SAM_ID);
      case 'findCard':
        this.found = card !== undefined && !this.cardRead && this.link.fault !== 'noCard';
        this.selected = false;
        return this.found
          ? encodeSamReply(SW3.cardFound, new Uint8Array(4))
          : encodeSamReply(SW3.noCard);
      case 'selectCard':
        this.selected = this.found;
        return this.selected
          ? encodeSamReply(SW3.success, new Uint8Array(8))
          : encodeSamReply(SW3.selectFailed);
      case 'readTextAndPhoto':
      case 'readWithFingerprint':
        if (card === undefined || !this.selected) return encodeSamReply(SW3.readFailed);
        this.found = this.selected = false;
        this.cardRead = this.options.cardMustLeaveAfterRead ?? true;
        return encodeSamReply(SW3.success, readData(card, name === 'readWithFingerprint'));
      case 'readAdditionalAddress':
      case 'readAdditionalAddressAlt':
        if (card === undefined) return encodeSamReply(SW3.readFailed);
        if (card.additionalAddresses.length === 0) return encodeSamReply(SW3.noContent);
        return encodeSamReply(SW3.success, addressData(card.additionalAddresses));
      default:
        return encodeSamReply(SW3.commandError);
    }
  }

  /** Sends one reply, applying the active fault, paced at the configured baud rate. */
  private send(frame: Uint8Array): Promise<void> {
    const fault = this.link.takeFault();
    // A UART at the wrong rate sees framing errors: as many bytes, none of them meaningful.
    if (fault === 'baudMismatch')
      return this.link.write(frame.map(() => Math.floor(this.link.random() * 0xaa)));
    if (fault === 'disconnect') return this.unplugMidFrame(frame);
    return this.link.send(frame, fault);
  }

  /** Half a reply, then the cable is pulled: the PTY link or TCP server shows that to the kiosk. */
  private async unplugMidFrame(frame: Uint8Array): Promise<void> {
    const transport = this.link.transport;
    await this.link.write(frame.subarray(0, Math.floor(frame.length / 2)));
    await transport?.close();
  }
}

/** The data of a read reply: length fields, then text, photo and (with fingerprint) templates. */
export function readData(card: SimCard, withFingerprint: boolean): Uint8Array {
  const blocks = withFingerprint
    ? [card.text, card.photo, card.fingerprint]
    : [card.text, card.photo];
  const header = new Uint8Array(2 * blocks.length);
  blocks.forEach((block, i) => {
    header[2 * i] = block.length >> 8;
    header[2 * i + 1] = block.length & 0xff;
  });
  return concatBytes(header, ...blocks);
}

function addressData(addresses: readonly string[]): Uint8Array {
  return new Uint8Array(
    Buffer.from(addresses.map((a) => a.padEnd(ADDRESS_ENTRY_CHARS, ' ')).join(''), 'utf16le'),
  );
}
