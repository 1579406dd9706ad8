import { describe, expect, it } from 'vitest';
import { FingerprintSimulator } from '../sim/fingerprint-simulator.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import type { MemoryTransportPair } from '../transport/memory-transport.js';
import type { FingerprintScannerEvents, FingerprintScannerOptions } from './fingerprint-scanner.js';
import { FingerprintScanner } from './fingerprint-scanner.js';

const LIMITS = { timeoutMs: 5000 };

/** A scanner whose every open gets a fresh in-memory cable to one simulator. */
function setup(options: Partial<FingerprintScannerOptions> = {}) {
  const timers = new ManualTimers();
  const cable: { current?: MemoryTransportPair } = {};
  const sim = new FingerprintSimulator({ baudRate: 0, timers, slowDelayMs: 5000 });
  const scanner = new FingerprintScanner({
    port: 'memory',
    timers,
    replyTimeoutMs: 500,
    pollIntervalMs: 100,
    keepAliveIntervalMs: 1000,
    reopenInitialDelayMs: 100,
    reopenMaxDelayMs: 400,
    openTransport: async () => {
      const pair = createMemoryTransportPair('fingerprint');
      cable.current = pair;
      sim.attach(pair.b);
      return pair.a;
    },
    ...options,
  });
  const seen: { [K in keyof FingerprintScannerEvents]: FingerprintScannerEvents[K][] } = {
    status: [],
    error: [],
    presentFinger: [],
    fingerDetected: [],
    liftFinger: [],
    templateCleared: [],
  };
  for (const name of Object.keys(seen) as Array<keyof FingerprintScannerEvents>) {
    scanner.on(name, (payload: unknown) => (seen[name] as unknown[]).push(payload));
  }
  /** Runs a command while fake time passes. */
  async function run<T>(command: Promise<T>, ms = 10_000): Promise<T> {
    let done = false;
    void command.finally(() => (done = true));
    await timers.advanceUntil(() => done, ms);
    return command;
  }
  return { timers, sim, scanner, seen, run, cable };
}

describe('FingerprintScanner', () => {
  it('opens with the handshake, declares capabilities and passes the internal health check', async () => {
    const { scanner, run } = setup();
    expect(await run(scanner.open())).toMatchObject({ state: 'online', fingerPresent: false });
    expect(scanner.deviceClass).toBe('fingerprintScanner');
    expect(scanner.capabilities).toMatchObject({
      libraryCapacity: 200,
      packetSize: 128,
      securityLevel: 3,
      cardTemplateVerification: false,
    });
    const health = await run(scanner.checkHealth('internal'));
    expect(health).toMatchObject({ level: 'internal', ok: true, code: 'ok' });
    expect(health.description).toContain('library 200');
    await scanner.close();
    expect(scanner.status).toMatchObject({ state: 'offline', reason: 'closed' });
  });

  it('reports a wrong password as hardwareError/configuration and recovers once it is right', async () => {
    const { sim, scanner, seen, timers, run } = setup();
    sim.setFault('wrongPassword');
    expect(await run(scanner.open())).toMatchObject({
      state: 'hardwareError',
      reason: 'wrongPassword',
    });
    expect(seen.error.at(-1)).toMatchObject({
      errorCode: 'wrongPassword',
      action: 'configuration',
    });
    sim.setFault(null);
    await timers.advanceUntil(() => scanner.status.state === 'online', 5000);
    await scanner.close();
  });

  it('asks for a finger and fails with a typed noFinger when none comes before the timeout', async () => {
    const { scanner, seen, run } = setup();
    await run(scanner.open());
    const result = await run(scanner.capture({ timeoutMs: 2000 }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'noFinger', kind: 'user', action: 'clear' },
    });
    expect(seen.presentFinger).toEqual([{ purpose: 'capture', attempt: 1, attempts: 1 }]);
    expect(scanner.counters()).toMatchObject({ noFinger: 1 });
    expect(scanner.status).toMatchObject({ state: 'online', fingerPresent: false });
    await scanner.close();
  });

  it('captures a finger placed while polling, shows it present, then notices the lift', async () => {
    const { sim, scanner, seen, timers, run } = setup();
    await run(scanner.open());
    scanner.on('presentFinger', () => sim.placeFinger('A'));
    expect(await run(scanner.capture(LIMITS))).toEqual({ ok: true, value: undefined });
    expect(seen.fingerDetected).toHaveLength(1);
    expect(scanner.status.fingerPresent).toBe(true);
    expect(scanner.counters()).toMatchObject({ captures: 1 });
    sim.liftFinger();
    await timers.advanceUntil(() => scanner.status.fingerPresent === false, 2000);
    await scanner.close();
  });

  it('enrols with two placements and a lift, then verifies the same finger and rejects another', async () => {
    const { sim, scanner, seen, run } = setup();
    await run(scanner.open());
    const finger = { current: 'A' };
    scanner.on('presentFinger', () => sim.placeFinger(finger.current));
    scanner.on('liftFinger', () => sim.liftFinger());
    const enrolled = await run(scanner.enrol(LIMITS));
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    expect(seen.presentFinger.map((p) => `${p.purpose} ${p.attempt}/${p.attempts}`)).toEqual([
      'enrol 1/2',
      'enrol 2/2',
    ]);
    expect(seen.liftFinger).toHaveLength(1);
    const template = enrolled.value.slice();

    sim.liftFinger();
    const same = await run(scanner.verifyAgainst(template.slice(), LIMITS));
    expect(same.ok && same.value.matched).toBe(true);
    finger.current = 'B';
    sim.liftFinger();
    expect(await run(scanner.verifyAgainst(template.slice(), LIMITS))).toEqual({
      ok: true,
      value: { matched: false, score: 0 },
    });
    expect(scanner.counters()).toMatchObject({ matches: 1, mismatches: 1, enrolments: 1 });
    await scanner.close();
  });

  it('applies the configured match threshold on top of the module decision', async () => {
    const { sim, scanner, run } = setup({ matchThreshold: 201 });
    await run(scanner.open());
    scanner.on('presentFinger', () => sim.placeFinger('A'));
    await run(scanner.capture(LIMITS));
    const template = await run(scanner.uploadTemplate(LIMITS));
    if (!template.ok) throw new Error(template.error.code);
    const result = await run(scanner.verifyAgainst(template.value, LIMITS));
    expect(result.ok && result.value.matched).toBe(false);
    expect(result.ok && result.value.score).toBeGreaterThan(0);
    await scanner.close();
  });

  it('zero-fills held templates and emits templateCleared', async () => {
    const { sim, scanner, seen, run } = setup();
    await run(scanner.open());
    sim.placeFinger('A');
    await run(scanner.capture(LIMITS));
    const uploaded = await run(scanner.uploadTemplate(LIMITS));
    if (!uploaded.ok) throw new Error(uploaded.error.code);
    expect(uploaded.value.some((byte) => byte !== 0)).toBe(true);
    scanner.clearBiometrics();
    expect(uploaded.value.every((byte) => byte === 0)).toBe(true);
    expect(seen.templateCleared).toEqual([{ count: 1 }]);
    await scanner.close();
  });

  it('stops polling at once when the caller aborts', async () => {
    const { sim, scanner, timers, run } = setup();
    await run(scanner.open());
    const controller = new AbortController();
    const capture = scanner.capture({ timeoutMs: 60_000, signal: controller.signal });
    await timers.advance(1000);
    controller.abort();
    expect(await capture).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await timers.advance(200);
    const commands = sim.state.commands;
    await timers.advance(900);
    // Only the idle keep-alive (VfyPwd + ReadSysPara) may talk now, not GenImg polling.
    expect(sim.state.commands - commands).toBeLessThanOrEqual(2);
    await scanner.close();
  });

  it('turns repeated link timeouts into hardwareError and recovers when replies are back', async () => {
    const { sim, scanner, seen, timers, run } = setup();
    await run(scanner.open());
    sim.setFault('slow');
    const result = await run(scanner.capture({ timeoutMs: 20_000 }), 30_000);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'timeout', kind: 'hardware', action: 'reset' },
    });
    await timers.advanceUntil(() => scanner.status.state === 'hardwareError', 20_000);
    expect(seen.error.at(-1)).toMatchObject({ errorCode: 'timeout', action: 'reset' });
    sim.setFault(null);
    await timers.advanceUntil(() => scanner.status.state === 'online', 10_000);
    await scanner.close();
  });

  it('goes offline when the cable is pulled and reconnects by itself', async () => {
    const { scanner, timers, run, cable } = setup();
    await run(scanner.open());
    cable.current?.sever();
    await timers.advance(0);
    expect(scanner.status).toMatchObject({ state: 'offline', reason: 'disconnected' });
    await timers.advanceUntil(() => scanner.status.state === 'online', 5000);
    await scanner.close();
  });

  it('fails commands with deviceNotReady while not connected', async () => {
    const { scanner, run } = setup();
    expect(await run(scanner.capture(LIMITS))).toMatchObject({
      ok: false,
      error: { code: 'deviceNotReady' },
    });
  });
});
