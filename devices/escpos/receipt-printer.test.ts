import { describe, expect, it } from 'vitest';
import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { EscPosSimulator } from '../sim/escpos-simulator.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import type { MemoryTransportPair } from '../transport/memory-transport.js';
import type { ReceiptDocument } from './escpos-receipt.js';
import { ReceiptPrinter } from './receipt-printer.js';
import type { ReceiptPrinterOptions } from './receipt-printer.js';

const receipt: ReceiptDocument = {
  blocks: [
    { kind: 'text', text: '排队号 A042', align: 'center', bold: true },
    { kind: 'text', text: '请到3号窗口办理\n謝謝' },
    { kind: 'qr', data: 'https://example.gov.cn/q?id=42' },
  ],
};

function rig(options: Partial<ReceiptPrinterOptions> = {}) {
  const timers = new ManualTimers();
  const sim = new EscPosSimulator({ baudRate: 0 });
  let pair: MemoryTransportPair | undefined;
  const printer = new ReceiptPrinter({
    port: 'memory',
    timers,
    pollIntervalMs: 1000,
    statusTimeoutMs: 300,
    confirmDelayMs: 0,
    openTransport: async () => {
      pair = createMemoryTransportPair('printer');
      sim.attach(pair.b);
      return pair.a;
    },
    ...options,
  });
  const statuses: DeviceStatus[] = [];
  const errors: DeviceError[] = [];
  printer.on('status', (s) => statuses.push(s));
  printer.on('error', (e) => errors.push(e));
  const limits = { timeoutMs: 10_000 };
  /** Runs a command while moving fake time. */
  const run = async <T>(command: Promise<T>): Promise<T> => {
    let done = false;
    void command.then(() => (done = true));
    await timers.advanceUntil(() => done, 30_000, 10);
    return command;
  };
  return { timers, sim, printer, statuses, errors, limits, run, pair: () => pair };
}

describe('ReceiptPrinter over a memory transport', () => {
  it('connects with DLE EOT, prints a Chinese receipt the simulator decodes, counts it', async () => {
    const { printer, sim, run, limits } = rig();
    expect((await run(printer.open())).state).toBe('online');
    expect(printer.status).toMatchObject({ paper: 'full', cover: 'closed' });
    const result = await run(printer.print(receipt, limits));
    expect(result).toMatchObject({ ok: true, value: { cuts: 1, replacedCharacters: 0 } });
    expect(sim.lastReceipt?.lines.slice(0, 3)).toEqual(['排队号 A042', '请到3号窗口办理', '謝謝']);
    expect(sim.lastReceipt?.items).toContainEqual(
      expect.objectContaining({ kind: 'qr', data: 'https://example.gov.cn/q?id=42' }),
    );
    expect(printer.counters()).toMatchObject({ prints: 1, cuts: 1, lines: 8 });
    expect(printer.counters().bytes).toBeGreaterThan(50);
    expect(printer.capabilities).toEqual({
      cut: true,
      nativeQr: true,
      statusBack: true,
      paperNearEndSensor: true,
      columns: 48,
      gb18030: true,
    });
    await printer.close();
    expect(printer.status).toMatchObject({ state: 'offline', reason: 'closed' });
  });

  it('raises the paper-low notice before paper out, refuses to print without paper', async () => {
    const { printer, sim, run, limits, timers, errors } = rig();
    await run(printer.open());
    sim.setPaper('low');
    await timers.advance(1000);
    expect(printer.status).toMatchObject({ state: 'online', paper: 'low' });
    sim.setPaper('out');
    await timers.advance(1000);
    expect(printer.status).toMatchObject({
      state: 'hardwareError',
      reason: 'paperOut',
      paper: 'out',
    });
    expect(errors.map((e) => [e.errorCode, e.action])).toEqual([
      ['paperNearEnd', 'clear'],
      ['paperOut', 'clear'],
    ]);
    const refused = await run(printer.print(receipt, limits));
    expect(refused).toMatchObject({ ok: false, error: { code: 'paperOut', action: 'clear' } });
    expect(sim.receipts).toHaveLength(0);
    sim.setPaper('full');
    await timers.advance(1000);
    expect(printer.status).toMatchObject({ state: 'online', paper: 'full' });
    expect(printer.counters()).toMatchObject({ printFailures: 1 });
  });

  it('takes status from ASB blocks when enabled, without waiting for a poll', async () => {
    const { printer, sim, run, timers } = rig({ asbMask: 0x0e, pollIntervalMs: 60_000 });
    await run(printer.open());
    expect(sim.state.asbMask).toBe(0x0e);
    sim.openCover();
    await timers.advance(0);
    expect(printer.status).toMatchObject({
      state: 'userError',
      reason: 'coverOpen',
      cover: 'open',
    });
    sim.closeCover();
    await timers.advance(0);
    expect(printer.status).toMatchObject({ state: 'online', cover: 'closed' });
  });

  it('reports a cutter jam after the job, then recovers with DLE ENQ once it is cleared', async () => {
    const { printer, sim, run, limits, timers } = rig();
    await run(printer.open());
    sim.setFault('cutterJam');
    const result = await run(printer.print(receipt, limits));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cutterError', action: 'maintenance' },
    });
    expect(printer.status).toMatchObject({ state: 'hardwareError', paper: 'jammed' });
    expect(sim.lastReceipt).toMatchObject({ cut: 'failed', complete: false });
    await timers.advance(3000);
    expect(printer.status.state).toBe('hardwareError');
    sim.setFault(null);
    await timers.advanceUntil(() => printer.status.state === 'online', 5000);
    expect(printer.status.paper).toBe('full');
  });

  it('times out and cancels through CommandLimits', async () => {
    const { printer, sim, run, timers } = rig();
    await run(printer.open());
    sim.setFault('offline');
    const timedOut = await run(printer.print(receipt, { timeoutMs: 200 }));
    expect(timedOut).toMatchObject({ ok: false, error: { code: 'timeOut' } });
    const controller = new AbortController();
    const cancelled = printer.print(receipt, { timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await timers.advance(3000);
    expect(printer.status).toMatchObject({ state: 'offline', reason: 'statusTimeout' });
    sim.setFault(null);
    await timers.advanceUntil(() => printer.status.state === 'online', 5000);
  });

  it('checks health by status (internal) and by a test slip (external)', async () => {
    const { printer, sim, run } = rig();
    expect(await run(printer.checkHealth('internal'))).toMatchObject({
      ok: false,
      code: 'deviceNotReady',
    });
    await run(printer.open());
    sim.setPaper('low');
    expect(await run(printer.checkHealth('internal'))).toEqual({
      level: 'internal',
      ok: true,
      code: 'ok',
      description: 'paper low, cover closed',
    });
    expect(await run(printer.checkHealth('external'))).toMatchObject({ ok: true, code: 'ok' });
    expect(sim.lastReceipt?.lines[0]).toBe('打印机自检 Printer self-test');
    expect(await printer.checkHealth('interactive')).toMatchObject({
      ok: false,
      code: 'unsupportedCommand',
    });
  });

  it('reopens after the cable is pulled, and refuses bad documents as invalidData', async () => {
    const { printer, run, timers, pair, limits } = rig();
    await run(printer.open());
    pair()?.sever();
    await timers.advance(0);
    expect(printer.status).toMatchObject({ state: 'offline', reason: 'disconnected' });
    await timers.advanceUntil(() => printer.status.state === 'online', 5000);
    const bad = await run(printer.print({ blocks: [{ kind: 'feed', lines: 999 }] }, limits));
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalidData', action: 'softwareError' },
    });
  });

  it('without status back, prints without asking and stays online', async () => {
    const { printer, sim, run, limits } = rig({
      statusBack: false,
      nativeQr: false,
      gb18030: false,
    });
    await run(printer.open());
    const result = await run(printer.print(receipt, limits));
    expect(result).toMatchObject({ ok: true, value: { replacedCharacters: 12 } });
    expect(sim.state.statusQueries).toBe(0);
    expect(sim.lastReceipt?.items.some((i) => i.kind === 'image')).toBe(true);
    expect(printer.status.state).toBe('online');
  });
});
