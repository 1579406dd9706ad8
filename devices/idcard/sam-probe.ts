import type { ErrorAction } from '../../contract/index.js';
import { openTransport as defaultOpenTransport } from '../transport/open-transport.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { SamDriver } from './sam-driver.js';

/** Rates SAM readers are found at, most common first (device-protocols §1.1: 115200, then 9600). */
export const SAM_BAUD_RATES: readonly number[] = [115_200, 9_600, 57_600, 38_400, 19_200];

/** One rate that was tried and why it did not answer. */
export interface SamProbeAttempt {
  /** The baud rate. */
  baudRate: number;
  /** What happened, e.g. "timeout", "badChecksum", "portNotFound". */
  code: string;
}

/** Outcome of a probe: the rate a SAM answered at, or every attempt and what to do. */
export type SamProbeResult =
  | {
      /** A SAM answered the status check. */
      found: true;
      /** At this rate. */
      baudRate: number;
      /** Its SAM id, when it answered that too. */
      samId: string | undefined;
      /** Rates tried before it. */
      tried: SamProbeAttempt[];
    }
  | {
      /** No SAM answered. */
      found: false;
      /** Every rate tried. */
      tried: SamProbeAttempt[];
      /** What a technician should do. */
      action: ErrorAction;
    };

/** Options of probeSamReader. */
export interface SamProbeOptions {
  /** Rates to try, in order. Default SAM_BAUD_RATES. */
  baudRates?: readonly number[];
  /** Reply timeout per rate. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** Opens the port. Default openTransport. */
  openTransport?: OpenTransport;
}

/**
 * Finds whether a SAM ID-card reader is on `port` and at which baud rate, by sending the SAM
 * status check (`11 FF`) at each rate in turn. A port that cannot be opened at all stops the
 * probe at once: no rate will help.
 */
export async function probeSamReader(
  port: string,
  options: SamProbeOptions = {},
): Promise<SamProbeResult> {
  const open = options.openTransport ?? defaultOpenTransport;
  const tried: SamProbeAttempt[] = [];
  for (const baudRate of options.baudRates ?? SAM_BAUD_RATES) {
    let transport;
    try {
      transport = await open(port, baudRate);
    } catch (error) {
      const code = error instanceof TransportError ? error.code : 'openFailed';
      tried.push({ baudRate, code });
      return {
        found: false,
        tried,
        action: error instanceof TransportError ? error.action : 'configuration',
      };
    }
    const driver = new SamDriver(transport, {
      commandTimeoutMs: options.commandTimeoutMs ?? 1_000,
      quietAfterTimeoutMs: 0,
    });
    try {
      const status = await driver.samStatus();
      if (status.ok) {
        const id = await driver.samId();
        return { found: true, baudRate, samId: id.ok ? id.value.formatted : undefined, tried };
      }
      tried.push({ baudRate, code: status.error.code });
    } finally {
      driver.dispose();
      await transport.close();
    }
  }
  return { found: false, tried, action: 'maintenance' };
}
