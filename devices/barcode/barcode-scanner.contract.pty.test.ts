import { afterEach, expect, it } from 'vitest';
import { BarcodeSimulator } from '../sim/barcode-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { describeDeviceContract } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import { BarcodeScanner } from './barcode-scanner.js';
import type { ScannedEvent } from './barcode-scanner.js';

/*
 * The barcode scanner's contract, against the simulator over a PTY and, with
 * KIOSK_TEST_PORT_BARCODE_SCANNER=/dev/ttyACM0, against a real serial/USB-CDC scanner (CR or
 * CR LF suffix, 9600 baud). Tests that need a scan run only on the simulator.
 */

let sim: BarcodeSimulator | undefined;
let scanner: BarcodeScanner | undefined;

afterEach(async () => {
  await scanner?.close();
  scanner = undefined;
});

function start(port: string): BarcodeScanner {
  scanner = new BarcodeScanner({
    connection: { kind: 'serial', port, aimIds: true },
    reopenInitialDelayMs: 100,
    reopenMaxDelayMs: 500,
  });
  return scanner;
}

describeDeviceContract(
  'barcode scanner',
  'KIOSK_TEST_PORT_BARCODE_SCANNER',
  async () => {
    sim = new BarcodeSimulator({ baudRate: 9600 });
    const link = await startPtyLink(sim, 9600, () => {}, 'barcode');
    return { port: link.port, simulated: true, stop: () => link.stop() };
  },
  (target) => {
    it('opens online and declares its class, capabilities and counters', async () => {
      const device = start(target().port);
      expect((await device.open()).state).toBe('online');
      expect(device.deviceClass).toBe('barcodeScanner');
      expect(device.status).toMatchObject({ id: 'barcodeScanner', deviceClass: 'barcodeScanner' });
      expect(device.capabilities).toMatchObject({ connection: 'serial', symbology: true });
      expect(device.counters()).toEqual({});
      expect(await device.checkHealth('internal')).toMatchObject({ ok: true, code: 'ok' });
    });

    it('waitForScan ends with cancelled when aborted and timeOut when nobody scans', async () => {
      const device = start(target().port);
      await device.open();
      const controller = new AbortController();
      const waiting = device.waitForScan({ timeoutMs: 10_000, signal: controller.signal });
      controller.abort();
      expect(await waiting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(await device.waitForScan({ timeoutMs: 200 })).toMatchObject({
        ok: false,
        error: { code: 'timeOut' },
      });
    });

    it('closes to offline/closed, and waits then fail with deviceNotReady', async () => {
      const device = start(target().port);
      await device.open();
      await device.close();
      expect(device.status).toMatchObject({ state: 'offline', reason: 'closed' });
      expect(await device.waitForScan({ timeoutMs: 200 })).toMatchObject({
        ok: false,
        error: { code: 'deviceNotReady' },
      });
    });

    it('delivers a scan only while enabled, and passes an interactive health check', async (ctx) => {
      if (!target().simulated || sim === undefined) ctx.skip();
      const device = start(target().port);
      const scanned: ScannedEvent[] = [];
      device.on('scanned', (scan) => scanned.push(scan));
      await device.open();
      await sim?.scan('ignored', ']Q1');
      await waitFor(() => device.counters().ignoredScans === 1, 'ignored scan');
      device.setEnabled(true);
      await sim?.scan('wanted', ']Q1');
      await waitFor(() => scanned.length > 0, 'scanned');
      expect(scanned).toEqual([{ data: 'wanted', symbology: 'qr', source: 'serial' }]);
      expect(device.counters()).toMatchObject({ scans: 2, ignoredScans: 1 });
      // The wait is registered synchronously, before the scan is sent.
      const health = device.checkHealth('interactive', { timeoutMs: 5000 });
      await sim?.scan('health', ']Q1');
      expect(await health).toMatchObject({ level: 'interactive', ok: true });
    });
  },
);
