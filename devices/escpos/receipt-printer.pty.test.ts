import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { EscPosSimulator } from '../sim/escpos-simulator.js';
import type { EscPosFault } from '../sim/escpos-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import type { PtyLink } from '../sim/pty-link.js';
import { serveSimulatorOverTcp } from '../sim/tcp-sim-server.js';
import { waitFor } from '../testing/wait-for.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import type { ReceiptDocument } from './escpos-receipt.js';
import { ReceiptPrinter } from './receipt-printer.js';

/*
 * Integration: printer and simulator over a real socat PTY pair (serialport on both ends, the
 * simulator pacing at 115200 baud), one test per fault: the typed failure and action, the status
 * the UI sees, and recovery within 5 s once the fault clears, on the same ReceiptPrinter object.
 */

const job: ReceiptDocument = {
  blocks: [
    { kind: 'text', text: '市民之窗 排队号 A042', align: 'center', bold: true },
    { kind: 'text', text: '請稍候 please wait' },
    { kind: 'qr', data: 'https://example.gov.cn/q?id=42' },
  ],
};
const limits = { timeoutMs: 8000 };

function startPrinter(port: string) {
  const printer = new ReceiptPrinter({
    port,
    pollIntervalMs: 100,
    statusTimeoutMs: 400,
    confirmDelayMs: 50,
    reopenInitialDelayMs: 100,
    reopenMaxDelayMs: 1000,
  });
  const errors: DeviceError[] = [];
  const statuses: DeviceStatus[] = [];
  printer.on('error', (e) => errors.push(e));
  printer.on('status', (s) => statuses.push(s));
  return { printer, errors, statuses };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

interface FaultCase {
  readonly fault: EscPosFault;
  /** The status the UI sees while the fault is on. */
  readonly status: Partial<DeviceStatus>;
  /** The failure of a print under the fault; undefined when the print succeeds. */
  readonly failure: { code: string | RegExp; action: string } | undefined;
  /** The error event raised, if any. */
  readonly error?: { errorCode: string; action: string };
  /** What a technician does besides clearing the fault (e.g. plug the cable back in). */
  readonly repair?: (sim: EscPosSimulator, link: PtyLink) => Promise<void>;
}

/**
 * Plugs the simulator back in: the link may recreate the pair itself when the simulator closes
 * its end; if it has not after a while, reattach the simulator to the device end by hand.
 */
const plugBackIn = async (sim: EscPosSimulator, link: PtyLink): Promise<void> => {
  const deadline = Date.now() + 1500;
  while (sim.state.attached !== true && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (sim.state.attached === true) return;
  sim.attach(await openSerialTransport(link.port.replace(/-kiosk$/, '-device'), 115_200));
};

const CASES: readonly FaultCase[] = [
  {
    fault: 'paperNearEnd',
    status: { state: 'online', paper: 'low' },
    failure: undefined,
    error: { errorCode: 'paperNearEnd', action: 'clear' },
  },
  {
    fault: 'paperOut',
    status: { state: 'hardwareError', reason: 'paperOut', paper: 'out' },
    failure: { code: 'paperOut', action: 'clear' },
    error: { errorCode: 'paperOut', action: 'clear' },
  },
  {
    fault: 'paperOutMidJob',
    status: { state: 'hardwareError', reason: 'paperOut', paper: 'out' },
    failure: { code: 'paperOut', action: 'clear' },
  },
  {
    fault: 'coverOpen',
    status: { state: 'userError', reason: 'coverOpen', cover: 'open' },
    failure: { code: 'coverOpen', action: 'clear' },
    error: { errorCode: 'coverOpen', action: 'clear' },
  },
  {
    fault: 'cutterJam',
    status: { state: 'hardwareError', reason: 'cutterError', paper: 'jammed' },
    failure: { code: 'cutterError', action: 'maintenance' },
  },
  { fault: 'garbage', status: { state: 'online', paper: 'full' }, failure: undefined },
  { fault: 'slow', status: { state: 'online', paper: 'full' }, failure: undefined },
  {
    fault: 'badStatus',
    status: { state: 'hardwareError', reason: 'badStatusReply' },
    failure: { code: 'badStatusReply', action: 'configuration' },
    error: { errorCode: 'badStatusReply', action: 'configuration' },
  },
  {
    fault: 'offline',
    status: { state: 'offline', reason: 'statusTimeout' },
    failure: { code: 'statusTimeout', action: 'reset' },
    error: { errorCode: 'statusTimeout', action: 'reset' },
  },
  {
    fault: 'disconnect',
    status: { state: 'offline' },
    failure: { code: /statusTimeout|transportClosed|writeFailed|deviceNotReady/, action: 'reset' },
    repair: plugBackIn,
  },
];

describe('ReceiptPrinter ↔ simulator over a socat PTY pair', () => {
  const sim = new EscPosSimulator({ baudRate: 115_200, slowDelayMs: 150 });
  let link: PtyLink;
  let current: ReturnType<typeof startPrinter> | undefined;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    link = await startPtyLink(sim, 115_200, () => {}, 'printer');
  });

  afterEach(async () => {
    await current?.printer.close();
    current = undefined;
    sim.setFault(null);
    sim.setPaper('full');
    sim.closeCover();
    sim.clearReceipts();
  });

  afterAll(async () => {
    await link.stop();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('prints a Chinese receipt that the simulator decodes', async () => {
    current = startPrinter(link.port);
    const { printer } = current;
    expect((await printer.open()).state).toBe('online');
    const printed = await printer.print(job, limits);
    expect(printed).toMatchObject({ ok: true, value: { cuts: 1 } });
    expect(sim.lastReceipt?.lines.slice(0, 2)).toEqual([
      '市民之窗 排队号 A042',
      '請稍候 please wait',
    ]);
    expect(sim.lastReceipt?.items).toContainEqual(
      expect.objectContaining({ kind: 'qr', data: 'https://example.gov.cn/q?id=42' }),
    );
  });

  it.each(CASES)('fault $fault: typed result, UI status, recovery', async (c) => {
    current = startPrinter(link.port);
    const { printer, errors } = current;
    await printer.open();
    await waitFor(() => printer.status.state === 'online', 'online');
    sim.setFault(c.fault);
    const result = await printer.print(job, limits);
    if (c.failure === undefined) expect(result.ok).toBe(true);
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toMatch(c.failure.code);
        expect(result.error.action).toBe(c.failure.action);
      }
    }
    await waitFor(
      () =>
        Object.entries(c.status).every(([k, v]) => printer.status[k as keyof DeviceStatus] === v),
      `status ${JSON.stringify(c.status)}`,
      5000,
    );
    if (c.error !== undefined) expect(errors).toContainEqual(expect.objectContaining(c.error));
    sim.setFault(null);
    await c.repair?.(sim, link);
    await waitFor(
      () => printer.status.state === 'online' && printer.status.paper === 'full',
      'recovery',
      5000,
    );
    expect(await printer.print(job, limits)).toMatchObject({ ok: true });
  });
});

describe('ReceiptPrinter over TCP (raw port, as on 9100)', () => {
  it('prints, loses the socket on disconnect, and reconnects by itself', async () => {
    const sim = new EscPosSimulator({ baudRate: 0 });
    const server = await serveSimulatorOverTcp(sim, '127.0.0.1', 0);
    const { printer } = startPrinter(`tcp:127.0.0.1:${server.port}`);
    try {
      expect((await printer.open()).state).toBe('online');
      expect(await printer.print(job, limits)).toMatchObject({ ok: true });
      expect(sim.lastReceipt?.lines[0]).toBe('市民之窗 排队号 A042');
      sim.setFault('disconnect');
      const lost = await printer.print(job, limits);
      expect(lost.ok).toBe(false);
      await waitFor(() => printer.status.state === 'online', 'reconnect', 5000);
      expect(await printer.print(job, limits)).toMatchObject({ ok: true });
      expect(sim.receipts).toHaveLength(2);
    } finally {
      await printer.close();
      await server.close();
    }
  });
});

describe('ReceiptPrinter over a character device (usblp: spec, DeviceFileTransport)', () => {
  it('prints and reads status through a PTY opened as a device file', async () => {
    const sim = new EscPosSimulator({ baudRate: 115_200 });
    const link = await startPtyLink(sim, 115_200, () => {}, 'usblp');
    const { printer } = startPrinter(`usblp:${link.port}`);
    try {
      expect((await printer.open()).state).toBe('online');
      expect(await printer.print(job, limits)).toMatchObject({ ok: true });
      expect(sim.lastReceipt?.lines[1]).toBe('請稍候 please wait');
      sim.setPaper('out');
      await waitFor(() => printer.status.paper === 'out', 'paper out');
    } finally {
      await printer.close();
      await link.stop();
    }
  });
});
