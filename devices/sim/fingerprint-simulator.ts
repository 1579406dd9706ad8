import type { ZfmPacketSize } from '../fingerprint/zfm-driver.js';
import { ZFM_CONFIRMATION } from '../fingerprint/zfm-confirmation.js';
import { ZFM_DEFAULT_PASSWORD } from '../fingerprint/zfm-instructions.js';
import { ZfmPacketDecoder } from '../fingerprint/zfm-packet-decoder.js';
import { ZFM_DEFAULT_ADDRESS, encodeZfmAck } from '../fingerprint/zfm-packet.js';
import type { ZfmDecoded } from '../fingerprint/zfm-packet.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers, sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, garbageBytes, isFaultOf, writePaced } from './device-simulator.js';
import type { DeviceSimulator, FaultTable } from './device-simulator.js';
import { SimulatedZfmModule } from './fingerprint-simulator-module.js';

/** Faults a technician or test can switch on; `once` faults switch themselves off after use. */
export const FINGERPRINT_SIM_FAULTS = {
  noFinger: { once: false, description: 'the sensor never sees a finger (GenImg answers 02)' },
  fingerMismatch: { once: false, description: 'Match always answers 08 (fingers do not match)' },
  wrongPassword: { once: false, description: 'VfyPwd answers 13 (wrong password)' },
  badChecksum: { once: true, description: 'the next reply has a corrupted checksum' },
  garbage: { once: false, description: 'random bytes before every reply' },
  slow: { once: false, description: 'every reply is delayed by slowDelayMs' },
  truncated: { once: true, description: 'the next reply stops after half its bytes' },
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
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly address: number;
  private readonly module: SimulatedZfmModule;
  private transport: ByteTransport | undefined;
  private detachListeners: Array<() => void> = [];
  private decoder: ZfmPacketDecoder;
  private queue: Promise<void> = Promise.resolve();
  private fault: FingerprintSimFault | null = null;
  private cutOff = false;
  private commands = 0;

  constructor(private readonly options: FingerprintSimulatorOptions = {}) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.address = options.address ?? ZFM_DEFAULT_ADDRESS;
    this.decoder = new ZfmPacketDecoder({ address: this.address });
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
  }

  /** Current state (no template bytes). */
  get state(): FingerprintSimulatorState & Record<string, unknown> {
    return {
      finger: this.module.finger,
      enrolledTemplates: this.module.enrolledTemplates,
      passwordVerified: this.module.passwordVerified,
      address: this.address.toString(16).padStart(8, '0').toUpperCase(),
      fault: this.fault,
      attached: this.transport !== undefined,
      commands: this.commands,
    };
  }

  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void {
    this.detach();
    this.transport = transport;
    this.decoder = new ZfmPacketDecoder({ address: this.address });
    this.detachListeners = [
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose(() => {
        if (this.transport === transport) this.detach();
      }),
    ];
  }

  /** Stops answering; the finger, buffers, library and fault stay. */
  detach(): void {
    for (const stop of this.detachListeners) stop();
    this.detachListeners = [];
    this.transport = undefined;
    this.module.abortTransfer();
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
    if (fault !== null && !isFingerprintSimFault(fault))
      throw new Error(`unknown fault ${String(fault)}`);
    this.fault = fault;
    this.cutOff = false;
  }

  private receive(bytes: Uint8Array): void {
    for (const item of this.decoder.push(bytes)) {
      this.queue = this.queue.then(() => this.handle(item)).catch(() => {});
    }
  }

  private async handle(item: ZfmDecoded): Promise<void> {
    if (item.kind === 'error') {
      // The module reports a packet it could not accept; it ignores stray bytes.
      if (item.error.code === 'badChecksum')
        await this.send(encodeZfmAck(ZFM_CONFIRMATION.packetReceiveError, EMPTY, this.address));
      return;
    }
    const fault = this.fault;
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
    const fault = this.fault;
    if (fault !== null && FINGERPRINT_SIM_FAULTS[fault].once) this.fault = null;
    let bytes = reply;
    if (fault === 'slow') await sleep(this.timers, this.options.slowDelayMs ?? 3000);
    if (fault === 'badChecksum') {
      bytes = reply.slice();
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    }
    if (fault === 'disconnect' && this.cutOff) return;
    if (fault === 'disconnect') this.cutOff = true;
    if (fault === 'truncated' || fault === 'disconnect') bytes = reply.slice(0, reply.length >> 1);
    // 0xEF is left out so noise can never contain a header: the fault is noise, not a packet.
    if (fault === 'garbage') bytes = concatBytes(garbageBytes(this.random, 0xef), reply);
    const transport = this.transport;
    if (transport === undefined) return;
    const baudRate = this.options.baudRate ?? 57_600;
    await writePaced(transport, bytes, baudRate, this.timers, () => this.transport === transport);
  }
}
