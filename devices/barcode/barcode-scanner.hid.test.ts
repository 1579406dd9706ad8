import { describe, expect, it } from 'vitest';
import { ManualTimers, settle } from '../testing/manual-timers.js';
import { BarcodeScanner } from './barcode-scanner.js';
import type { BarcodeScannerOptions } from './barcode-scanner.js';
import { HONEYWELL_HID_POS_LAYOUT, encodeHidPosReports } from './hid-pos-report.js';
import { FakeHidFactory } from './testing/fake-hid.js';
import { recordEvents } from './testing/record-events.js';

const PATH = '/dev/hidraw3';
const SCANNER = { path: PATH, vendorId: 0x0c2e, productId: 0x0b6a, usagePage: 0x8c, usage: 2 };
const KEYBOARD = { path: '/dev/hidraw0', vendorId: 0x0c2e, productId: 0x0b6a, usagePage: 1 };

function reports(text: string, aim = ']Q1'): Uint8Array[] {
  return encodeHidPosReports(new TextEncoder().encode(text), HONEYWELL_HID_POS_LAYOUT, aim);
}

function setup(options: Partial<BarcodeScannerOptions> = {}) {
  const timers = new ManualTimers();
  const hid = new FakeHidFactory();
  const logs: string[] = [];
  const scanner = new BarcodeScanner({
    connection: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b6a },
    enabled: true,
    timers,
    hidFactory: hid,
    reopenInitialDelayMs: 100,
    reopenMaxDelayMs: 1000,
    log: (entry) => logs.push(JSON.stringify(entry)),
    ...options,
  });
  return { timers, hid, scanner, seen: recordEvents(scanner), logs };
}

describe('BarcodeScanner over HID POS (fake node-hid factory)', () => {
  it('reports noDevice while no HID POS scanner is attached, then connects when one is plugged in', async () => {
    const { hid, scanner, timers, seen } = setup();
    hid.plug(KEYBOARD);
    expect((await scanner.open()).state).toBe('noDevice');
    expect(scanner.status.reason).toBe('scannerNotFound');
    expect(seen.error).toMatchObject([{ errorCode: 'scannerNotFound', action: 'maintenance' }]);
    hid.plug(SCANNER);
    await timers.advanceUntil(() => scanner.status.state === 'online');
    expect(hid.handle(PATH)).toBeDefined();
    expect(hid.handle(KEYBOARD.path)).toBeUndefined();
    await scanner.close();
  });

  it('assembles a multi-report QR scan and never logs the data', async () => {
    const { hid, scanner, seen, logs } = setup();
    hid.plug(SCANNER);
    await scanner.open();
    const token = `EL:${'7'.repeat(120)}`;
    hid.send(PATH, ...reports(token));
    await settle();
    expect(seen.scanned).toEqual([{ data: token, symbology: 'qr', source: 'hid' }]);
    expect(scanner.counters()).toMatchObject({ scans: 1 });
    expect(logs.join('\n')).not.toContain('7777');
    expect(logs.join('\n')).toContain('"length":123');
    await scanner.close();
  });

  it('goes offline on unplug, noDevice while absent, and online again on replug', async () => {
    const { hid, scanner, timers, seen } = setup();
    hid.plug(SCANNER);
    await scanner.open();
    hid.unplug(PATH);
    await timers.advance(0);
    expect(seen.status.map((s) => s.state)).toContain('offline');
    expect(seen.error.map((e) => e.errorCode)).toContain('disconnected');
    await timers.advanceUntil(() => scanner.status.state === 'noDevice');
    hid.plug(SCANNER);
    await timers.advanceUntil(() => scanner.status.state === 'online');
    hid.send(PATH, ...reports('after replug'));
    await settle();
    expect(seen.scanned.at(-1)?.data).toBe('after replug');
    await scanner.close();
  });

  it('reports an open failure with its classified reason and keeps retrying', async () => {
    const { hid, scanner, timers } = setup();
    hid.plug(SCANNER);
    hid.openError = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    expect((await scanner.open()).state).toBe('offline');
    expect(scanner.status.reason).toBe('permissionDenied');
    hid.openError = undefined;
    await timers.advanceUntil(() => scanner.status.state === 'online');
    await scanner.close();
  });

  it('counts malformed reports as decodeErrors and reports hardwareError after a run of them', async () => {
    const { hid, scanner, seen } = setup({ errorsBeforeHardwareError: 2 });
    hid.plug(SCANNER);
    await scanner.open();
    const bad = reports('x')[0] ?? new Uint8Array(0);
    bad[1] = 60;
    hid.send(PATH, bad);
    await settle();
    expect(seen.scanFailed).toEqual([{ errorCode: 'badLength', action: 'configuration' }]);
    expect(scanner.status.state).toBe('online');
    hid.send(PATH, bad);
    await settle();
    expect(scanner.status).toMatchObject({ state: 'hardwareError', reason: 'badLength' });
    hid.send(PATH, ...reports('good'));
    await settle();
    expect(scanner.status.state).toBe('online');
    expect(scanner.counters()).toMatchObject({ scans: 1, decodeErrors: 2 });
    await scanner.close();
  });

  it('drops a continued scan that never finished after the idle gap', async () => {
    const { hid, scanner, timers, seen } = setup();
    hid.plug(SCANNER);
    await scanner.open();
    const [first] = reports('y'.repeat(100));
    hid.send(PATH, first ?? new Uint8Array(0));
    await settle();
    await timers.advance(200);
    expect(seen.scanFailed).toEqual([{ errorCode: 'incompleteScan', action: 'clear' }]);
    await scanner.close();
  });

  it('sends the trigger report while a scan is wanted and the stop report after', async () => {
    const trigger = Uint8Array.of(0xfd, 0x03, 0x16, 0x54, 0x0d);
    const stop = Uint8Array.of(0xfd, 0x03, 0x16, 0x55, 0x0d);
    const { hid, scanner, timers } = setup({
      enabled: false,
      triggerCommand: trigger,
      stopCommand: stop,
    });
    hid.plug(SCANNER);
    await scanner.open();
    expect(scanner.capabilities).toMatchObject({
      connection: 'hid',
      trigger: true,
      symbology: true,
    });
    const waiting = scanner.waitForScan({ timeoutMs: 5000 });
    await timers.advance(0);
    hid.send(PATH, ...reports('abc'));
    await settle();
    expect(await waiting).toEqual({
      ok: true,
      value: { data: 'abc', symbology: 'qr', source: 'hid' },
    });
    await timers.advance(0);
    expect(hid.handle(PATH)?.written).toEqual([trigger, stop]);
    await scanner.close();
  });
});
