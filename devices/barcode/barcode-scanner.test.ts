import { describe, expect, it } from 'vitest';
import { BarcodeSimulator } from '../sim/barcode-simulator.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { BarcodeScanner } from './barcode-scanner.js';
import type { BarcodeScannerOptions, ScannedEvent } from './barcode-scanner.js';

/** A serial scanner wired to the simulator through an in-memory cable, on hand-driven time. */
function setup(options: Partial<BarcodeScannerOptions> = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair('barcode');
  const sim = new BarcodeSimulator({ baudRate: 0, timers });
  sim.attach(pair.b);
  const written: Uint8Array[] = [];
  pair.b.onData((bytes) => written.push(bytes));
  const scanner = new BarcodeScanner({
    connection: { kind: 'serial', port: 'memory', aimIds: true },
    timers,
    openTransport: () => Promise.resolve(pair.a),
    ...options,
  });
  const scanned: ScannedEvent[] = [];
  scanner.on('scanned', (scan) => scanned.push(scan));
  return { timers, sim, scanner, scanned, written };
}

describe('BarcodeScanner over a serial line', () => {
  it('ignores scans until enabled, counting them, then delivers them with the symbology', async () => {
    const { sim, scanner, scanned, timers } = setup();
    expect((await scanner.open()).state).toBe('online');
    expect(scanner.isEnabled).toBe(false);
    await sim.scan('unwanted', ']Q1');
    await timers.advance(0);
    expect(scanned).toEqual([]);
    scanner.setEnabled(true);
    await sim.scan('https://e.gov.cn/l?t=9', ']Q1');
    await timers.advance(0);
    expect(scanned).toEqual([
      { data: 'https://e.gov.cn/l?t=9', symbology: 'qr', source: 'serial' },
    ]);
    expect(scanner.counters()).toEqual({ scans: 2, ignoredScans: 1 });
    await scanner.close();
  });

  it('drops a repeat of the same code within the debounce window, not a different code', async () => {
    const { sim, scanner, scanned, timers } = setup({ enabled: true, debounceMs: 1000 });
    await scanner.open();
    for (const data of ['A1', 'A1', 'B2']) await sim.scan(data);
    await timers.advance(900);
    await sim.scan('B2'); // still within 1000 ms of the last B2 sighting
    await timers.advance(1100);
    await sim.scan('B2');
    await timers.advance(0);
    expect(scanned.map((s) => s.data)).toEqual(['A1', 'B2', 'B2']);
    expect(scanner.counters()).toMatchObject({ scans: 5, ignoredScans: 2 });
    await scanner.close();
  });

  it('waitForScan gets a scan while scanning is disabled, without a scanned event', async () => {
    const { sim, scanner, scanned, timers } = setup();
    await scanner.open();
    const waiting = scanner.waitForScan({ timeoutMs: 5000 });
    await sim.scan('token', ']C0');
    await timers.advance(0);
    expect(await waiting).toEqual({
      ok: true,
      value: { data: 'token', symbology: 'code128', source: 'serial' },
    });
    expect(scanned).toEqual([]);
    await scanner.close();
  });

  it('waitForScan times out, is cancelled, and fails fast when not connected', async () => {
    const { scanner, timers } = setup();
    expect(await scanner.waitForScan({ timeoutMs: 100 })).toMatchObject({
      ok: false,
      error: { code: 'deviceNotReady' },
    });
    await scanner.open();
    const timedOut = scanner.waitForScan({ timeoutMs: 100 });
    await timers.advance(100);
    expect(await timedOut).toMatchObject({ ok: false, error: { code: 'timeOut' } });
    const controller = new AbortController();
    const cancelled = scanner.waitForScan({ timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await scanner.close();
  });

  it('health: internal = connected; interactive = a scan arrives in time', async () => {
    const { sim, scanner, timers } = setup();
    expect(await scanner.checkHealth('internal')).toMatchObject({ ok: false, code: 'closed' });
    await scanner.open();
    expect(await scanner.checkHealth('internal')).toMatchObject({ ok: true, code: 'ok' });
    const check = scanner.checkHealth('interactive', { timeoutMs: 1000 });
    await timers.advance(0);
    await sim.scan('health-check-code', ']Q1');
    await timers.advance(0);
    const report = await check;
    expect(report).toMatchObject({ level: 'interactive', ok: true, code: 'ok' });
    expect(report.description).not.toContain('health-check-code');
    await scanner.close();
  });

  it('sends the wake command on open and the trigger only while a scan is wanted', async () => {
    const wake = Uint8Array.of(0x16, 0x4d, 0x0d);
    const trigger = Uint8Array.of(0x16, 0x54, 0x0d);
    const stop = Uint8Array.of(0x16, 0x55, 0x0d);
    const { scanner, written, timers } = setup({
      wakeCommand: wake,
      triggerCommand: trigger,
      stopCommand: stop,
    });
    await scanner.open();
    await timers.advance(0);
    expect(written).toEqual([wake]);
    scanner.setEnabled(true);
    scanner.setEnabled(false);
    await timers.advance(0);
    expect(written).toEqual([wake, trigger, stop]);
    await scanner.close();
  });

  it('ends suffix-less scans at the idle gap', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair('barcode');
    const sim = new BarcodeSimulator({ baudRate: 0, timers, suffix: 'none' });
    sim.attach(pair.b);
    const scanner = new BarcodeScanner({
      connection: { kind: 'serial', port: 'memory', suffix: 'none' },
      enabled: true,
      idleGapMs: 50,
      timers,
      openTransport: () => Promise.resolve(pair.a),
    });
    const scanned: string[] = [];
    scanner.on('scanned', (scan) => scanned.push(scan.data));
    await scanner.open();
    await sim.scan('no-suffix');
    await timers.advance(0);
    expect(scanned).toEqual([]);
    await timers.advance(50);
    expect(scanned).toEqual(['no-suffix']);
    await scanner.close();
  });
});
