import type { ZfmPacketSize } from '../fingerprint/zfm-driver.js';
import { ZFM_CONFIRMATION } from '../fingerprint/zfm-confirmation.js';
import { ZFM_DEFAULT_PASSWORD } from '../fingerprint/zfm-instructions.js';
import { ZfmPacketDecoder } from '../fingerprint/zfm-packet-decoder.js';
import { ZFM_DEFAULT_ADDRESS, encodeZfmAck } from '../fingerprint/zfm-packet.js';
import type { ZfmDecoded } from '../fingerprint/zfm-packet.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, garbageBytes, isFaultOf } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import { SimulatedZfmModule } from './fingerprint-simulator-module.js';
import { REPLY_FAULTS, SimulatorLink } from './simulator-link.js';

/** Faults a technician or test can switch on; `once` faults switch themselves off after use. */
export const FINGERPRINT_SIM_FAULTS = {
  noFinger: { once: false, description: 'the sensor never sees a finger (GenImg answers 02)' },
  fingerMismatch: { once: false, description: 'Match always answers 08 (fingers do not match)' },
  wrongPassword: { once: false, description: 'VfyPwd answers 13 (wrong password)' },
  ...REPLY_FAULTS,
  disconnect: {
    once: false,
    description:
      'the next reply stops halfway, then nothing answers until the fault is cleared (the port stays open)',
  },
} as const satisfies FaultTable;

/** The name of a fingerprint simulator fault. */
export type FingerprintSimFault = keyof typeof FINGERPRINT_SIM_FAULTS;

/** True when `name` is a known fingerprint simulator fault. */
export function isFingerprintSimFault(name: unknown): name is FingerprintSimFault {
  return isFaultOf(FINGERPRINT_SIM_FAULTS, name);
}

/** Options of the fingerprint module simulator. */
export interface FingerprintSimulatorOptions {
  /** Output is paced at this rate (10 bits per byte). 0 = no pacing. Default 57600. */
  readonly baudRate?: number;
  /** Module address. Default FFFFFFFF. */
  readonly address?: number;
  /** Module password. Default 00000000. */
  readonly password?: number;
  /** Data packet size of uploads, reported by ReadSysPara. Default 128. */
  readonly packetSize?: ZfmPacketSize;
  /** Library capacity reported by ReadSysPara. Default 200. */
  readonly libraryCapacity?: number;
  /** Template length in bytes. Default 512 (ZFM-20 char file). */
  readonly templateLength?: number;
  /** Lowest similarity score (0–200) Match and RegModel accept. Default 100. */
  readonly acceptScore?: number;
  /** Extra delay of each reply under the `slow` fault. Default 3000 ms. */
  readonly slowDelayMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Random source for garbage bytes. Default Math.random. */
  readonly random?: () => number;
}

/** What the simulator is doing, for the control API and CLI `status`. */
export interface FingerprintSimulatorState {
  /** The simulated finger on the sensor, or null. */
  readonly finger: string | null;
  /** Templates stored in the library. */
  readonly enrolledTemplates: number;
  /** VfyPwd succeeded since the last failed one. */
  readonly passwordVerified: boolean;
  /** Module address, 8 hex digits. */
  readonly address: string;
  /** The active fault, or null. */
  readonly fault: FingerprintSimFault | null;
  /** A transport is attached. */
  readonly attached: boolean;
  /** Commands answered since start. */
  readonly commands: number;
}

const EMPTY = new Uint8Array(0);

/**
 * The device side of a ZFM-20 / R30x / AS608 module: answers command packets read from a
 * ByteTransport like a module with a sensor, two CharBuffers and a template library (see
 * SimulatedZfmModule), with simulated fingers placed and lifted by test code, and runtime fault
 * injection. The `disconnect` fault cuts a reply halfway and then stays silent without closing
 * the transport: over a PTY, socat keeps the kiosk's end open when the device end closes, so a
 * closed end would look the same to the kiosk and could never be re-attached. The kiosk sees
 * what a module that lost power behind a USB-serial adapter looks like: no answers.
 */
export class FingerprintSimulator implements DeviceSimulator<FingerprintSimFault> {
  /** The faults it supports. */
  readonly faults = FINGERPRINT_SIM_FAULTS;
  private readonly address: number;
  private readonly module: SimulatedZfmModule;
  private readonly link: SimulatorLink<FingerprintSimFault>;
  private cutOff = false;
  private commands = 0;

  constructor(options: FingerprintSimulatorOptions = {}) {
    this.address = options.address ?? ZFM_DEFAULT_ADDRESS;
    this.module = new SimulatedZfmModule({
      address: this.address,
      password: options.password ?? ZFM_DEFAULT_PASSWORD,
      packetSize: options.packetSize ?? 128,
      libraryCapacity: options.libraryCapacity ?? 200,
      templateLength: options.templateLength ?? 512,
      acceptScore: options.acceptScore ?? 100,
      // baudRate 0 only turns pacing off; the module still reports its factory rate.
      baudRate: options.baudRate || 57_600,
    });
    this.link = new SimulatorLink({
      faults: FINGERPRINT_SIM_FAULTS,
      baudRate: options.baudRate ?? 57_600,
      slowDelayMs: options.slowDelayMs ?? 3000,
      timers: options.timers,
      random: options.random,
      // 0xEF is left out so noise can never contain a header: the fault is noise, not a packet.
      garbage: (random) => garbageBytes(random, 0xef),
      onDetach: () => this.module.abortTransfer(),
    });
  }

  /** Current state (no template bytes). */
  get state(): FingerprintSimulatorState & Record<string, unknown> {
    return {
      finger: this.module.finger,
      enrolledTemplates: this.module.enrolledTemplates,
      passwordVerified: this.module.passwordVerified,
      address: this.address.toString(16).padStart(8, '0').toUpperCase(),
      fault: this.link.fault,
      attached: this.link.attached,
      commands: this.commands,
    };
  }

  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    const decoder = new ZfmPacketDecoder({ address: this.address });
    this.link.attachDecoding(transport, decoder, (item) => this.handle(item));
  }

  /** Stops answering; the finger, buffers, library and fault stay (a half download is dropped). */
  detach(): void {
    this.link.detach();
  }

  /** Puts the simulated finger `fingerId` on the sensor (replacing any). */
  placeFinger(fingerId: string): void {
    this.module.finger = fingerId;
  }

  /** Lifts the finger off the sensor. */
  liftFinger(): void {
    this.module.finger = null;
  }

  /** Switches a fault on, or all faults off with null. Throws on an unknown name. */
  setFault(fault: FingerprintSimFault | null): void {
    this.link.setFault(fault);
    this.cutOff = false;
  }

  private async handle(item: ZfmDecoded): Promise<void> {
    if (item.kind === 'error') {
      // The module reports a packet it could not accept; it ignores stray bytes.
      if (item.error.code === 'badChecksum')
        await this.send(encodeZfmAck(ZFM_CONFIRMATION.packetReceiveError, EMPTY, this.address));
      return;
    }
    const fault = this.link.fault;
    const replies = this.module.handle(item.packet, {
      noFinger: fault === 'noFinger',
      fingerMismatch: fault === 'fingerMismatch',
      wrongPassword: fault === 'wrongPassword',
    });
    if (replies.length === 0) return;
    this.commands++;
    await this.send(concatBytes(...replies));
  }

  /** Sends one reply, applying the active fault, paced at the configured baud rate. */
  private async send(reply: Uint8Array): Promise<void> {
    const fault = this.link.takeFault();
    if (fault !== 'disconnect') return this.link.send(reply, fault);
    // The first reply stops halfway; after it, silence until the fault is cleared.
    if (this.cutOff) return;
    this.cutOff = true;
    return this.link.write(reply.slice(0, reply.length >> 1));
  }
}
