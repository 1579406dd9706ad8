import type { OpenTransport } from '../transport/open-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { SAM_BAUD_RATES, probeSamReader } from './sam-probe.js';

/** The reader's `baudRate` setting: a fixed rate, or 'auto' to find it. */
export type BaudSetting = number | 'auto';

/** Hears which rate auto-baud chose. */
export type BaudFound = (baudRate: number, tried: readonly number[]) => void;

/**
 * For `baudRate: 'auto'`: an OpenTransport that finds the reader's rate by probing (115200,
 * 9600, then the others) the first time, opens at the rate found, and remembers it. When a
 * connection at the remembered rate fails its handshake (`forget()`), the next open probes
 * again — a technician may have swapped the reader for one set to another rate.
 */
export class AutoBaud {
  private known: number | undefined;

  constructor(
    private readonly open: OpenTransport,
    private readonly onFound: BaudFound = () => {},
    private readonly probeTimeoutMs = 1_000,
  ) {}

  /** The rate in use, once found. */
  get baudRate(): number | undefined {
    return this.known;
  }

  /** Opens `port` at the known rate, or probes for one; throws TransportError `noAnswer`. */
  readonly openTransport: OpenTransport = async (port) => {
    if (this.known !== undefined) return this.open(port, this.known);
    const probe = await probeSamReader(port, {
      openTransport: this.open,
      commandTimeoutMs: this.probeTimeoutMs,
    });
    if (!probe.found) {
      const failedOpen = probe.tried.find((t) => t.code !== 'timeout' && t.code !== 'badChecksum');
      if (probe.tried.length === 1 && failedOpen !== undefined) {
        // The port itself could not be opened: let the usual open report say why.
        return this.open(port, SAM_BAUD_RATES[0] ?? 115_200);
      }
      const rates = probe.tried.map((t) => t.baudRate).join(', ');
      throw new TransportError('noAnswer', `${port}: no SAM reader answered at ${rates} baud`);
    }
    this.known = probe.baudRate;
    this.onFound(
      probe.baudRate,
      probe.tried.map((t) => t.baudRate),
    );
    return this.open(port, probe.baudRate);
  };

  /** Forgets the rate so that the next open probes again. */
  forget(): void {
    this.known = undefined;
  }
}
