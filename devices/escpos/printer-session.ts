import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { StatusTracker } from '../util/status-tracker.js';
import { EscPosDriver } from './escpos-driver.js';
import type { EscPosFlags } from './escpos-status.js';
import { interpretFlags } from './printer-condition.js';
import type { PrinterView } from './printer-condition.js';
import type { ResolvedPrinterOptions } from './receipt-printer-options.js';

/** One connection to a printer: its driver and the last flags it reported. */
export interface PrinterSession {
  /** The protocol driver on the session's transport. */
  readonly driver: EscPosDriver;
  /** The transport. */
  readonly transport: ByteTransport;
  /** The last known flags (DLE EOT 1–4 merged with ASB blocks). */
  flags: Partial<EscPosFlags>;
  /** Consecutive failed status reads. */
  failures: number;
}

/**
 * The handshake: DLE EOT 1 must be answered, then ASB is enabled (if configured) and DLE EOT 1–4
 * give the first status. Without status back there is nothing to ask and the session is up.
 */
export async function openPrinterSession(
  transport: ByteTransport,
  o: ResolvedPrinterOptions,
  onAsb: (session: PrinterSession, flags: EscPosFlags) => void,
): Promise<DeviceResult<PrinterSession>> {
  // The driver exists before the session does; ASB blocks before the handshake ends are dropped.
  const ready: { session?: PrinterSession } = {};
  const driver = new EscPosDriver(transport, {
    statusTimeoutMs: o.statusTimeoutMs,
    paperBits: o.paperBits,
    timers: o.timers,
    onAsb: (flags) => {
      if (ready.session !== undefined) onAsb(ready.session, flags);
    },
  });
  let flags: Partial<EscPosFlags> = {};
  if (o.statusBack) {
    await driver.drain(o.drainMs);
    const hello = await driver.query(1);
    const enabled = hello.ok && o.asbMask > 0 ? await driver.enableAsb(o.asbMask) : hello;
    const read = enabled.ok ? await driver.readStatus() : enabled;
    if (!read.ok) {
      driver.dispose();
      return read;
    }
    flags = read.value;
  }
  ready.session = { driver, transport, flags, failures: 0 };
  return succeed(ready.session);
}

const NEAR_END = 'paperNearEnd';

/** Publishes flags on the tracker: the near-end notice first (threshold before out), then state. */
export function publishFlags(
  tracker: StatusTracker,
  flags: Partial<EscPosFlags>,
  paperNearEndSensor: boolean,
): PrinterView {
  const view = interpretFlags(flags, paperNearEndSensor);
  if (view.nearEnd)
    tracker.notice(NEAR_END, {
      kind: 'hardware',
      action: 'clear',
      description: 'paper roll near its end: refill before it runs out',
    });
  else tracker.clearNotice(NEAR_END);
  const { paper, cover, problem } = view;
  if (problem === undefined) tracker.online({ paper, cover });
  else {
    tracker.update({ state: problem.state, reason: problem.code, paper, cover });
    tracker.problem(problem.state, problem.code, problem);
  }
  return view;
}
