import type { ByteTransport } from '../transport/byte-transport.js';
import { sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';

/** One fault of a simulator; `once` faults switch themselves off after one use. */
export interface FaultInfo {
  /** Switches itself off after it has acted once. */
  readonly once: boolean;
  /** What the fault does, for the CLI's usage text and the control API. */
  readonly description: string;
}

/** The faults a simulator supports, by name. */
export type FaultTable<F extends string = string> = Readonly<Record<F, FaultInfo>>;

/**
 * The device side of one protocol, as sim-host, the CLI, the PTY link and the TCP server use it.
 * A simulator answers on whichever transport is attached and keeps its state across attaches.
 */
export interface DeviceSimulator<F extends string = string> {
  /** The faults it supports. */
  readonly faults: FaultTable<F>;
  /** JSON-able state for the control API and CLI `status`. */
  readonly state: Readonly<Record<string, unknown>>;
  /** Starts answering on `transport` (detaching from any previous one). */
  attach(transport: ByteTransport): void;
  /** Stops answering; state and fault stay. */
  detach(): void;
  /** Switches a fault on, or all faults off with null. Throws on an unknown name. */
  setFault(fault: F | null): void;
}

/** True when `name` is one of `faults`. */
export function isFaultOf<F extends string>(faults: FaultTable<F>, name: unknown): name is F {
  return typeof name === 'string' && Object.hasOwn(faults, name);
}

/**
 * Writes `bytes` as a UART at `baudRate` would deliver them (10 bits per byte), because PTYs and
 * TCP deliver instantly. Chunks of about 5 ms of line time; each chunk goes out when its last
 * byte would have crossed the line. Stops early if `stillCurrent()` turns false. 0 = no pacing.
 */
export async function writePaced(
  transport: ByteTransport,
  bytes: Uint8Array,
  baudRate: number,
  timers: Timers,
  stillCurrent: () => boolean = () => true,
): Promise<void> {
  if (baudRate <= 0) {
    await transport.write(bytes);
    return;
  }
  const msPerByte = 10_000 / baudRate;
  const chunk = Math.max(1, Math.round(5 / msPerByte));
  const start = timers.now();
  for (let at = 0; at < bytes.length; at += chunk) {
    const end = Math.min(at + chunk, bytes.length);
    const wait = start + end * msPerByte - timers.now();
    if (wait > 0) await sleep(timers, wait);
    if (!stillCurrent()) return;
    await transport.write(bytes.subarray(at, end));
  }
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** 1–16 random bytes below `ceiling` (so noise never contains a protocol's start byte). */
export function garbageBytes(random: () => number, ceiling: number): Uint8Array {
  const length = 1 + Math.floor(random() * 16);
  return Uint8Array.from({ length }, () => Math.floor(random() * ceiling));
}
