import { describe, expect, it } from 'vitest';
import { ZfmDriver } from '../fingerprint/zfm-driver.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import {
  FINGERPRINT_SIM_FAULTS,
  FingerprintSimulator,
  isFingerprintSimFault,
} from './fingerprint-simulator.js';
import { simulatedFeatures, similarityScore } from './fingerprint-simulator-fingers.js';

function connected(options: { address?: number; password?: number } = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair();
  const sim = new FingerprintSimulator({ baudRate: 0, timers, ...options });
  sim.attach(pair.b);
  const driver = new ZfmDriver(pair.a, {
    timers,
    replyTimeoutMs: 200,
    quietAfterFailureMs: 10,
    ...options,
  });
  const settled = async <T>(promise: Promise<T>): Promise<T> => {
    await timers.advance(1000);
    return promise;
  };
  return { sim, driver, settled };
}

describe('FingerprintSimulator', () => {
  it("makes one finger's template deterministic, close to its other captures and far from others", () => {
    const a1 = simulatedFeatures({ fingerId: 'A', capture: 1 }, 512);
    expect(simulatedFeatures({ fingerId: 'A', capture: 1 }, 512)).toEqual(a1);
    expect(
      similarityScore(a1, simulatedFeatures({ fingerId: 'A', capture: 2 }, 512)),
    ).toBeGreaterThan(150);
    expect(similarityScore(a1, simulatedFeatures({ fingerId: 'B', capture: 1 }, 512))).toBeLessThan(
      20,
    );
  });

  it('answers only its own address and requires its password', async () => {
    const { driver, settled } = connected({ address: 0x12345678, password: 0xffffffff });
    expect(await settled(driver.readSystemParameters())).toMatchObject({
      error: { code: 'passwordRequired' },
    });
    expect(await settled(driver.verifyPassword())).toEqual({ ok: true, value: undefined });
    const parameters = await settled(driver.readSystemParameters());
    expect(parameters.ok && parameters.value.address).toBe(0x12345678);

    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    new FingerprintSimulator({ baudRate: 0, timers, address: 0x12345678 }).attach(pair.b);
    const stranger = new ZfmDriver(pair.a, { timers, replyTimeoutMs: 200 });
    const unanswered = stranger.verifyPassword();
    await timers.advance(1000);
    expect(await unanswered).toMatchObject({ error: { code: 'timeout' } });
  });

  it('reports its state without template bytes and knows its faults', async () => {
    const { sim, driver, settled } = connected();
    sim.placeFinger('A');
    await settled(driver.verifyPassword());
    sim.setFault('garbage');
    expect(sim.state).toMatchObject({
      finger: 'A',
      enrolledTemplates: 0,
      passwordVerified: true,
      address: 'FFFFFFFF',
      fault: 'garbage',
      attached: true,
      commands: 1,
    });
    expect(Object.keys(FINGERPRINT_SIM_FAULTS)).toEqual([
      'noFinger',
      'fingerMismatch',
      'wrongPassword',
      'badChecksum',
      'garbage',
      'slow',
      'truncated',
      'disconnect',
    ]);
    expect(isFingerprintSimFault('slow')).toBe(true);
    expect(isFingerprintSimFault('melted')).toBe(false);
    expect(() => sim.setFault('melted' as never)).toThrow(/unknown fault/);
  });

  it('goes silent after half a reply under disconnect, and answers again once cleared', async () => {
    const { sim, driver, settled } = connected();
    sim.setFault('disconnect');
    expect(await settled(driver.verifyPassword())).toMatchObject({ error: { code: 'timeout' } });
    expect(await settled(driver.verifyPassword())).toMatchObject({ error: { code: 'timeout' } });
    sim.setFault(null);
    expect(await settled(driver.verifyPassword())).toEqual({ ok: true, value: undefined });
  });
});
