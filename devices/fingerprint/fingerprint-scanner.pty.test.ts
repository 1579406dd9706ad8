import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintSimulator } from '../sim/fingerprint-simulator.js';
import type { FingerprintSimFault } from '../sim/fingerprint-simulator.js';
import { startPtyLink } from '../sim/pty-link.js';
import { createPtyPair } from '../sim/pty-pair.js';
import type { PtyPair } from '../sim/pty-pair.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import type { PtyLink } from '../sim/pty-link.js';
import { waitFor } from '../testing/wait-for.js';
import { FingerprintScanner } from './fingerprint-scanner.js';
import type { FingerprintScannerEvents, FingerprintScannerOptions } from './fingerprint-scanner.js';

/*
 * Integration: scanner and simulator over a real PTY pair made by socat, through serialport, the
 * simulator pacing its bytes at 57600 baud. For every fault: the typed error and action, the
 * status the UI sees, and recovery within 5 s of clearing the fault on the same device object.
 * Waits are generous and nothing asserts on durations.
 */

const BAUD = 57_600;
const RECOVERY_MS = 5000;
const LIMITS = { timeoutMs: 4000 };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

describe('FingerprintScanner ↔ simulator over a socat PTY pair', () => {
  const sim = new FingerprintSimulator({ baudRate: BAUD, slowDelayMs: 2500 });
  let link: PtyLink;
  let scanner: FingerprintScanner | undefined;
  let errors: FingerprintScannerEvents['error'][] = [];

  function start(options: Partial<FingerprintScannerOptions> = {}): FingerprintScanner {
    scanner = new FingerprintScanner({
      port: link.port,
      replyTimeoutMs: 500,
      pollIntervalMs: 100,
      keepAliveIntervalMs: 500,
      reopenInitialDelayMs: 200,
      reopenMaxDelayMs: 1000,
      ...options,
    });
    errors = [];
    scanner.on('error', (error) => errors.push(error));
    return scanner;
  }

  async function openOnline(options: Partial<FingerprintScannerOptions> = {}) {
    const started = start(options);
    await started.open();
    await waitFor(() => started.status.state === 'online', 'online');
    return started;
  }

  async function onlineWithFingerAndFault(fault: FingerprintSimFault) {
    const device = await openOnline();
    sim.placeFinger('A');
    sim.setFault(fault);
    return device;
  }

  /** Clears the fault; within 5 s a capture must succeed with the device online again. */
  async function recovers(device: FingerprintScanner, fault: FingerprintSimFault): Promise<void> {
    sim.setFault(null);
    sim.placeFinger('A');
    const deadline = Date.now() + RECOVERY_MS;
    let captured = await device.capture({ timeoutMs: 1500 });
    while ((!captured.ok || device.status.state !== 'online') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      captured = await device.capture({ timeoutMs: 1500 });
    }
    expect(captured, `capture after ${fault}`).toEqual({ ok: true, value: undefined });
    expect(device.status.state).toBe('online');
  }

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    link = await startPtyLink(sim, BAUD, () => {}, 'fingerprint');
  });

  afterEach(async () => {
    await scanner?.close();
    scanner = undefined;
    sim.setFault(null);
    sim.liftFinger();
  });

  afterAll(async () => {
    await link.stop();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('enrols finger A, matches A and rejects B over the real port', async () => {
    const device = await openOnline();
    expect(device.capabilities).toMatchObject({ packetSize: 128, libraryCapacity: 200 });
    const finger = { current: 'A' };
    device.on('presentFinger', () => sim.placeFinger(finger.current));
    device.on('liftFinger', () => sim.liftFinger());
    const enrolled = await device.enrol({ timeoutMs: 10_000 });
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const template = enrolled.value.slice();
    const same = await device.verifyAgainst(template.slice(), LIMITS);
    expect(same.ok && same.value.matched).toBe(true);
    finger.current = 'B';
    sim.liftFinger();
    const other = await device.verifyAgainst(template.slice(), LIMITS);
    expect(other).toEqual({ ok: true, value: { matched: false, score: 0 } });
  });

  it('noFinger: a typed user failure, status online without a finger, then a capture works', async () => {
    const device = await onlineWithFingerAndFault('noFinger');
    expect(await device.capture({ timeoutMs: 1500 })).toMatchObject({
      ok: false,
      error: { code: 'noFinger', kind: 'user', action: 'clear' },
    });
    expect(device.status).toMatchObject({ state: 'online', fingerPresent: false });
    await recovers(device, 'noFinger');
  });

  it('fingerMismatch: verify answers matched false, status stays online, then matches again', async () => {
    const device = await openOnline();
    sim.placeFinger('A');
    expect((await device.capture(LIMITS)).ok).toBe(true);
    const template = await device.uploadTemplate(LIMITS);
    if (!template.ok) throw new Error(template.error.code);
    sim.setFault('fingerMismatch');
    expect(await device.verifyAgainst(template.value, LIMITS)).toEqual({
      ok: true,
      value: { matched: false, score: 0 },
    });
    expect(device.status.state).toBe('online');
    await recovers(device, 'fingerMismatch');
    const again = await device.verifyAgainst(template.value, LIMITS);
    expect(again.ok && again.value.matched).toBe(true);
  });

  it('wrongPassword: hardwareError wrongPassword with action configuration, then online', async () => {
    const device = await openOnline();
    sim.setFault('wrongPassword');
    await waitFor(() => device.status.state === 'hardwareError', 'hardwareError');
    expect(device.status.reason).toBe('wrongPassword');
    expect(errors.at(-1)).toMatchObject({ errorCode: 'wrongPassword', action: 'configuration' });
    await recovers(device, 'wrongPassword');
  });

  it.each([
    ['badChecksum', 'badChecksum'],
    ['truncated', 'timeout'],
  ] as const)(
    '%s (once): a typed link failure with action reset, then the next command works',
    async (fault, code) => {
      // No retries and a long keep-alive, so that the command (not the keep-alive) meets the fault.
      const device = await openOnline({
        linkRetries: 0,
        failuresBeforeHardwareError: 1,
        keepAliveIntervalMs: 60_000,
      });
      sim.placeFinger('A');
      sim.setFault(fault);
      expect(await device.capture(LIMITS)).toMatchObject({
        ok: false,
        error: { code, kind: 'hardware', action: 'reset' },
      });
      expect(device.status).toMatchObject({ state: 'hardwareError', reason: code });
      await recovers(device, fault);
    },
  );

  it('garbage: noise before every reply is skipped, commands succeed, status stays online', async () => {
    const device = await onlineWithFingerAndFault('garbage');
    expect(await device.capture(LIMITS)).toEqual({ ok: true, value: undefined });
    expect((await device.uploadTemplate(LIMITS)).ok).toBe(true);
    expect(device.status.state).toBe('online');
    await recovers(device, 'garbage');
  });

  it('slow: replies later than the timeout are a typed timeout and hardwareError, then online', async () => {
    const device = await onlineWithFingerAndFault('slow');
    expect(await device.capture({ timeoutMs: 8000 })).toMatchObject({
      ok: false,
      error: { code: 'timeout', kind: 'hardware', action: 'reset' },
    });
    await waitFor(() => device.status.state === 'hardwareError', 'hardwareError');
    expect(device.status.reason).toBe('timeout');
    await recovers(device, 'slow');
  });

  it('disconnect: the module goes silent mid-reply, hardwareError timeout, then online again', async () => {
    const device = await openOnline();
    sim.setFault('disconnect');
    await waitFor(() => device.status.state === 'hardwareError', 'hardwareError');
    expect(device.status.reason).toMatch(/timeout|badChecksum|badLength/);
    expect(errors.at(-1)).toMatchObject({ kind: 'hardware', action: 'reset' });
    await recovers(device, 'disconnect');
  });

  it('goes offline when the port disappears, and the same object reconnects when it is back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-fp-'));
    const names = ['fp-kiosk', 'fp-device'] as const;
    const own = new FingerprintSimulator({ baudRate: BAUD });
    const plug = async (): Promise<PtyPair> => {
      const pair = await createPtyPair({ dir, names });
      own.attach(await openSerialTransport(pair.b, BAUD));
      return pair;
    };
    let pair = await plug();
    try {
      const device = start({ port: pair.a });
      await device.open();
      await waitFor(() => device.status.state === 'online', 'online');
      await pair.dispose();
      await waitFor(() => device.status.state === 'offline', 'offline');
      expect(device.status.reason).toMatch(/disconnected|portNotFound|writeFailed/);
      expect(errors.at(-1)).toMatchObject({ kind: 'hardware' });
      pair = await plug();
      own.placeFinger('A');
      await waitFor(() => device.status.state === 'online', 'online again', RECOVERY_MS);
      expect(await device.capture(LIMITS)).toEqual({ ok: true, value: undefined });
    } finally {
      await scanner?.close();
      scanner = undefined;
      await pair.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
