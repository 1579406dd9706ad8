import { describe, expect, it } from 'vitest';
import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { DispenserSimulator } from '../sim/dispenser-simulator.js';
import type { DispenserSimulatorOptions } from '../sim/dispenser-simulator.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { CardDispenser } from './card-dispenser.js';
import type { CardDispenserEvents, CardDispenserOptions } from './card-dispenser.js';

const LIMITS = { timeoutMs: 60_000 };

function setup(sim: DispenserSimulatorOptions = {}, options: Partial<CardDispenserOptions> = {}) {
  const timers = new ManualTimers();
  const simulator = new DispenserSimulator({ baudRate: 0, timers, ...sim });
  const dispenser = new CardDispenser({
    port: 'memory',
    timers,
    pollIntervalMs: 100,
    takePollIntervalMs: 50,
    takeTimeoutMs: 2000,
    reopenMaxDelayMs: 1000,
    openTransport: async () => {
      const pair = createMemoryTransportPair();
      simulator.attach(pair.b);
      return pair.a;
    },
    ...options,
  });
  const seen = { status: [] as DeviceStatus[], error: [] as DeviceError[], flow: [] as string[] };
  dispenser.on('status', (s) => seen.status.push(s));
  dispenser.on('error', (e) => seen.error.push(e));
  for (const name of ['takeCard', 'cardTaken', 'cardCaptured'] as const) {
    dispenser.on(name, (payload: CardDispenserEvents[typeof name]) =>
      seen.flow.push(payload === undefined ? name : `${name} ${JSON.stringify(payload)}`),
    );
  }
  /** Runs `promise` while moving fake time forward. */
  const settled = async <T>(promise: Promise<T>, ms = 120_000): Promise<T> => {
    let done = false;
    void promise.then(() => (done = true));
    await timers.advanceUntil(() => done, ms, 10);
    return promise;
  };
  return { timers, sim: simulator, dispenser, seen, settled };
}

describe('CardDispenser (simulator over an in-memory link, fake time)', () => {
  it('opens: initialises, reads the status, declares its capabilities', async () => {
    const { dispenser, settled } = setup();
    const status = await settled(dispenser.open());
    expect(status).toMatchObject({
      state: 'online',
      stacker: 'ok',
      captureBin: 'ok',
      cardPosition: 'none',
    });
    expect(dispenser.capabilities).toMatchObject({
      rfPosition: true,
      captureBin: true,
      stackerLowSensor: true,
      captureBinHighSensor: false,
    });
    await dispenser.close();
    expect(dispenser.status).toMatchObject({ state: 'offline', reason: 'closed' });
  });

  it('moves a card to the read position, presents it, and sees it taken', async () => {
    const { dispenser, sim, seen, settled, timers } = setup();
    await settled(dispenser.open());
    const moved = await settled(dispenser.moveToReadPosition(LIMITS));
    expect(moved).toEqual({
      ok: true,
      value: { stacker: 'ok', captureBin: 'ok', cardPosition: 'ready' },
    });
    const presented = dispenser.presentAndWaitForTake(LIMITS);
    await timers.advanceUntil(() => seen.flow.length > 0, 5000, 10);
    expect(dispenser.status.cardPosition).toBe('gate');
    expect(sim.takeCard()).toBe(true);
    expect(await settled(presented)).toEqual({ ok: true, value: 'taken' });
    expect(seen.flow).toEqual(['takeCard {"takeTimeoutMs":2000}', 'cardTaken']);
    expect(dispenser.counters()).toMatchObject({ dispensed: 1, taken: 1, captured: 0 });
    expect(dispenser.status.cardPosition).toBe('none');
    await dispenser.close();
  });

  it('captures an untaken card after the take timeout', async () => {
    const { dispenser, sim, seen, settled } = setup();
    await settled(dispenser.open());
    expect(await settled(dispenser.presentAndWaitForTake(LIMITS))).toEqual({
      ok: true,
      value: 'captured',
    });
    expect(seen.flow).toEqual([
      'takeCard {"takeTimeoutMs":2000}',
      'cardCaptured {"reason":"timeout"}',
    ]);
    expect(sim.state).toMatchObject({ binCount: 1, position: 'none', cards: 49 });
    expect(dispenser.counters()).toMatchObject({ dispensed: 1, captured: 1, taken: 0 });
    await dispenser.close();
  });

  it('captures the card when the wait is cancelled, and reports cancelled', async () => {
    const { dispenser, sim, seen, settled, timers } = setup();
    await settled(dispenser.open());
    const abort = new AbortController();
    const presented = dispenser.presentAndWaitForTake({ ...LIMITS, signal: abort.signal });
    await timers.advanceUntil(() => seen.flow.length > 0, 5000, 10);
    abort.abort();
    expect(await settled(presented)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await timers.advanceUntil(() => sim.state.binCount === 1, 5000, 10);
    expect(seen.flow).toContain('cardCaptured {"reason":"cancelled"}');
    await dispenser.close();
  });

  it('raises stacker low as a notice before empty, empty as hardwareError/clear, and recovers', async () => {
    const { dispenser, sim, seen, settled, timers } = setup({ cards: 12, stackerLowAt: 10 });
    await settled(dispenser.open());
    for (let i = 0; i < 2; i++) await settled(dispenser.capture(LIMITS));
    await settled(dispenser.moveToReadPosition(LIMITS));
    await settled(dispenser.capture(LIMITS));
    await settled(dispenser.moveToReadPosition(LIMITS));
    await settled(dispenser.capture(LIMITS));
    expect(dispenser.status).toMatchObject({ state: 'online', stacker: 'low' });
    expect(seen.error.map((e) => [e.errorCode, e.action])).toEqual([['stackerLow', 'clear']]);
    sim.setFault('stackerEmpty');
    const refused = await settled(dispenser.moveToReadPosition(LIMITS));
    expect(refused).toMatchObject({ ok: false, error: { code: 'stackerEmpty', action: 'clear' } });
    expect(dispenser.status).toMatchObject({
      state: 'hardwareError',
      reason: 'stackerEmpty',
      stacker: 'empty',
    });
    sim.setFault(null);
    sim.loadCards(100);
    await timers.advanceUntil(() => dispenser.status.state === 'online', 5000, 10);
    expect(dispenser.status.stacker).toBe('ok');
  });

  it('reports a jam once as hardwareError/maintenance and recovers with an initialise', async () => {
    const { dispenser, sim, seen, settled, timers } = setup();
    await settled(dispenser.open());
    sim.setFault('cardJam');
    const moved = await settled(dispenser.ejectToGate(LIMITS));
    expect(moved).toMatchObject({ ok: false, error: { code: 'cardJam', action: 'maintenance' } });
    await timers.advance(1000);
    expect(dispenser.status).toMatchObject({ state: 'hardwareError', reason: 'cardJam' });
    expect(seen.error.filter((e) => e.errorCode === 'cardJam')).toHaveLength(1);
    expect(dispenser.counters().jams).toBe(1);
    sim.setFault(null);
    expect(sim.state.needsInit).toBe(true);
    await timers.advanceUntil(() => dispenser.status.state === 'online', 5000, 10);
    expect(sim.state.needsInit).toBe(false);
  });

  it('turns a silent unit into hardwareError after the failure budget, and recovers', async () => {
    const { dispenser, sim, settled, timers } = setup({}, { failuresBeforeHardwareError: 2 });
    await settled(dispenser.open());
    sim.setFault('disconnect');
    await timers.advanceUntil(() => dispenser.status.state === 'hardwareError', 30_000, 50);
    expect(dispenser.status.reason).toBe('noAck');
    expect(dispenser.counters().retransmits).toBeGreaterThanOrEqual(6);
    sim.setFault(null);
    await timers.advanceUntil(() => dispenser.status.state === 'online', 30_000, 50);
    await dispenser.close();
  });

  it('estimates bin high from captures and forgets it when staff empty the bin', async () => {
    const { dispenser, seen, settled, sim } = setup({}, { captureBinHighAt: 1 });
    await settled(dispenser.open());
    await settled(dispenser.moveToReadPosition(LIMITS));
    await settled(dispenser.capture(LIMITS));
    await settled(dispenser.queryStatus(LIMITS));
    expect(dispenser.status).toMatchObject({ state: 'online', captureBin: 'high' });
    expect(seen.error.map((e) => e.errorCode)).toEqual(['captureBinHigh']);
    sim.emptyBin();
    dispenser.captureBinEmptied();
    await settled(dispenser.queryStatus(LIMITS));
    expect(dispenser.status.captureBin).toBe('ok');
    await dispenser.close();
  });

  it('records intent before and result after every card move; a failing journal stops the move', async () => {
    const records: string[] = [];
    let broken = false;
    const { dispenser, sim, settled } = setup(
      {},
      {
        recordStep: (r) => {
          if (broken) throw new Error('disk full');
          records.push(`${r.step}:${r.phase}${r.outcome ? `:${r.outcome}` : ''}`);
        },
      },
    );
    await settled(dispenser.open());
    await settled(dispenser.ejectToGate(LIMITS));
    expect(records).toEqual(['ejectToGate:intent', 'ejectToGate:result:ok']);
    broken = true;
    const refused = await settled(dispenser.capture(LIMITS));
    expect(refused).toMatchObject({ ok: false, error: { code: 'journalFailed' } });
    expect(sim.state.position).toBe('gate');
    await dispenser.close();
  });

  it('checks health: internal reads status, external uses exactly one card', async () => {
    const { dispenser, sim, settled } = setup();
    await settled(dispenser.open());
    expect(await settled(dispenser.checkHealth('internal'))).toMatchObject({
      ok: true,
      code: 'ok',
    });
    expect(await settled(dispenser.checkHealth('external'))).toMatchObject({ ok: true });
    expect(sim.state).toMatchObject({ cards: 49, binCount: 1 });
    sim.setFault('cardJam');
    expect(await settled(dispenser.checkHealth('internal'))).toMatchObject({
      ok: false,
      code: 'cardJam',
    });
    await dispenser.close();
  });

  it('fails commands with deviceNotReady while closed, never throwing', async () => {
    const { dispenser } = setup();
    expect(await dispenser.queryStatus(LIMITS)).toMatchObject({
      ok: false,
      error: { code: 'deviceNotReady' },
    });
  });
});
