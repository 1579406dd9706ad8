import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BarcodeSimulator } from '../sim/barcode-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { waitFor } from '../testing/wait-for.js';
import { BarcodeScanner } from './barcode-scanner.js';
import { recordEvents } from './testing/record-events.js';
import type { RecordedEvents } from './testing/record-events.js';

/*
 * Integration: the scanner and the simulator talk over a real PTY pair made by socat, through
 * serialport, the simulator pacing at 9600 baud. Every fault: the typed error and its action,
 * what the UI sees, and recovery within 5 s of clearing it, on the same scanner object.
 */

const RECOVERY_MS = 5000;

/**
 * A PTY pair that is "unplugged" when the simulator closes its end: socat is stopped (the
 * kiosk's port dies, as a USB-CDC port does) and the pair comes back at the same path.
 */
function startReplugLink(sim: BarcodeSimulator) {
  return startPtyLink(sim, 9600, () => {}, 'scanner');
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

describe('BarcodeScanner ↔ simulator over a socat PTY pair', () => {
  const sim = new BarcodeSimulator({ baudRate: 9600, slowDelayMs: 1500, runawayBytes: 600 });
  let link: Awaited<ReturnType<typeof startReplugLink>>;
  let scanner: BarcodeScanner;
  let seen: RecordedEvents;

  /** Scans `data` and waits until the scanner delivered it. */
  async function scanThrough(data: string): Promise<void> {
    const before = seen.scanned.length;
    await sim.scan(data, ']Q1');
    await waitFor(() => seen.scanned.length > before, `scan ${data}`, RECOVERY_MS);
    expect(seen.scanned.at(-1)).toEqual({ data, symbology: 'qr', source: 'serial' });
  }

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    link = await startReplugLink(sim);
    // One scanner object for the whole suite: every recovery happens without re-creating it.
    scanner = new BarcodeScanner({
      connection: { kind: 'serial', port: link.port, aimIds: true, maxScanBytes: 256 },
      enabled: true,
      debounceMs: 0,
      errorsBeforeHardwareError: 2,
      reopenInitialDelayMs: 100,
      reopenMaxDelayMs: 500,
    });
    seen = recordEvents(scanner);
    expect((await scanner.open()).state).toBe('online');
  });

  afterEach(() => {
    sim.setFault(null);
  });

  afterAll(async () => {
    await scanner.close();
    await link.stop();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('delivers a QR scan with its symbology, including GB18030-free Chinese UTF-8', async () => {
    await scanThrough('电子证照:1101-TOKEN-42');
    expect(scanner.counters()).toMatchObject({ scans: 1 });
  });

  it('garbage: noise after a scan is a noise error (action reset) and the device stays online', async () => {
    sim.setFault('garbage');
    await scanThrough('with-noise');
    await waitFor(() => seen.scanFailed.length > 0, 'scanFailed');
    expect(seen.scanFailed.at(-1)).toEqual({ errorCode: 'noise', action: 'reset' });
    expect(scanner.status.state).toBe('online');
    sim.setFault(null);
    await scanThrough('after-garbage');
  });

  it.each([
    ['truncated', 'incompleteScan', 'clear'],
    ['badEncoding', 'badEncoding', 'configuration'],
  ] as const)(
    '%s: the damaged scan is a %s error (action %s) and the next scan works',
    async (fault, errorCode, action) => {
      const failures = seen.scanFailed.length;
      sim.setFault(fault);
      await sim.scan(`damaged-${fault}`, ']Q1');
      await waitFor(() => seen.scanFailed.length > failures, 'scanFailed');
      expect(seen.scanFailed.at(-1)).toEqual({ errorCode, action });
      expect(seen.scanned.map((s) => s.data)).not.toContain(`damaged-${fault}`);
      await scanThrough(`after-${fault}`);
    },
  );

  it('noSuffix: a runaway stream is overlongScan; repeated, the status is hardwareError until a good scan', async () => {
    const errors = seen.error.length;
    sim.setFault('noSuffix');
    // Two separate attempts: a quiet line (longer than the idle gap) between them.
    await sim.scan('runaway-1', ']Q1');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const second = sim.scan('runaway-2', ']Q1');
    await waitFor(() => scanner.status.state === 'hardwareError', 'hardwareError');
    expect(scanner.status.reason).toBe('overlongScan');
    expect(seen.scanFailed.at(-1)).toEqual({ errorCode: 'overlongScan', action: 'configuration' });
    expect(seen.error.slice(errors)).toMatchObject([
      { errorCode: 'overlongScan', kind: 'hardware', action: 'configuration' },
    ]);
    sim.setFault(null);
    await second;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await scanThrough('after-runaway');
    expect(scanner.status.state).toBe('online');
  });

  it('slow: a wait shorter than the scanner is a timeOut; the late scan still arrives', async () => {
    sim.setFault('slow');
    const late = sim.scan('late', ']Q1');
    expect(await scanner.waitForScan({ timeoutMs: 300 })).toMatchObject({
      ok: false,
      error: { code: 'timeOut', action: 'reset' },
    });
    await late;
    await waitFor(() => seen.scanned.at(-1)?.data === 'late', 'late scan', RECOVERY_MS);
    sim.setFault(null);
    await scanThrough('after-slow');
  });

  it('disconnect: offline with reason and a DeviceError, back online within 5 s of the replug', async () => {
    const errors = seen.error.length;
    sim.setFault('disconnect');
    await waitFor(() => scanner.status.state === 'offline', 'offline');
    expect(scanner.status.reason).toMatch(/disconnected|portNotFound/);
    expect(seen.error.slice(errors)[0]).toMatchObject({ kind: 'hardware' });
    expect(await scanner.checkHealth('internal')).toMatchObject({ ok: false });
    await waitFor(() => scanner.status.state === 'online', 'online again', RECOVERY_MS);
    // The replugged scanner: the simulator's end may attach just after the kiosk reopened.
    await waitFor(() => sim.state.attached, 'simulator attached', RECOVERY_MS);
    await scanThrough('after-replug');
    expect(await scanner.checkHealth('internal')).toMatchObject({ ok: true });
  });
});
