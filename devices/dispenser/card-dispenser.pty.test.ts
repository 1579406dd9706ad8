import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../contract/index.js';
import { DispenserSimulator } from '../sim/dispenser-simulator.js';
import type { DispenserSimFault } from '../sim/dispenser-simulator.js';
import { createPtyPair } from '../sim/pty-pair.js';
import type { PtyPair } from '../sim/pty-pair.js';
import { waitFor } from '../testing/wait-for.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import { CardDispenser } from './card-dispenser.js';

/*
 * Integration: the dispenser class and the simulator over a real socat PTY pair through
 * serialport, the simulator pacing its bytes at 9600 baud. Each fault: the typed command
 * failure and action, what the UI sees in the status, and recovery within 5 s of clearing the
 * fault — on the same device object. Nothing asserts on durations except that bound.
 */

const LIMITS = { timeoutMs: 10_000 };
const RECOVERY_MS = 5000;

describe('CardDispenser ↔ simulator over a socat PTY pair', () => {
  let pair: PtyPair;
  const sim = new DispenserSimulator({ baudRate: 9600, slowDelayMs: 1500, nakCount: 10 });
  let dispenser: CardDispenser;
  const errors: DeviceError[] = [];
  const options = {
    pollIntervalMs: 200,
    takePollIntervalMs: 100,
    ackTimeoutMs: 300,
    maxRetransmits: 2,
    replyTimeoutMs: 1000,
    failuresBeforeHardwareError: 2,
    reopenMaxDelayMs: 1000,
  };

  beforeAll(async () => {
    pair = await createPtyPair();
    sim.attach(await openSerialTransport(pair.b, 9600));
    dispenser = new CardDispenser({ ...options, port: pair.a });
    dispenser.on('error', (e) => errors.push(e));
    expect((await dispenser.open()).state).toBe('online');
  });

  afterEach(async () => {
    sim.setFault(null);
    await waitFor(() => dispenser.status.state === 'online', 'online again', RECOVERY_MS);
    const capture = await dispenser.capture(LIMITS);
    expect(capture.ok).toBe(true);
  });

  afterAll(async () => {
    await dispenser.close();
    sim.detach();
    await pair.dispose();
  });

  /** Clears the fault and waits for online within the recovery bound. */
  async function recovers(): Promise<void> {
    sim.setFault(null);
    await waitFor(() => dispenser.status.state === 'online', 'recovery', RECOVERY_MS);
  }

  it('dispenses: read position, gate, taken by the citizen', async () => {
    expect((await dispenser.moveToReadPosition(LIMITS)).ok).toBe(true);
    expect(dispenser.status.cardPosition).toBe('ready');
    const presented = dispenser.presentAndWaitForTake({ ...LIMITS, takeTimeoutMs: 5000 });
    await waitFor(() => dispenser.status.cardPosition === 'gate', 'card at the gate');
    sim.takeCard();
    expect(await presented).toEqual({ ok: true, value: 'taken' });
  });

  it('captures a card nobody takes', async () => {
    const result = await dispenser.presentAndWaitForTake({ ...LIMITS, takeTimeoutMs: 500 });
    expect(result).toEqual({ ok: true, value: 'captured' });
    expect(dispenser.status.cardPosition).toBe('none');
  });

  it.each([
    ['stackerEmpty', 'stackerEmpty', 'clear', { stacker: 'empty' }],
    ['binFull', 'captureBinFull', 'clear', { captureBin: 'full' }],
    ['cardJam', 'cardJam', 'maintenance', {}],
  ] as const)('%s: typed failure, UI status, recovery', async (fault, code, action, fields) => {
    expect((await dispenser.moveToReadPosition(LIMITS)).ok).toBe(true);
    sim.setFault(fault);
    const command = fault === 'binFull' ? dispenser.capture(LIMITS) : dispenser.ejectToGate(LIMITS);
    const moved = fault === 'stackerEmpty' ? await dispenser.queryStatus(LIMITS) : await command;
    if (fault !== 'stackerEmpty')
      expect(moved).toMatchObject({ ok: false, error: { code, action } });
    await waitFor(() => dispenser.status.reason === code, `status ${code}`);
    expect(dispenser.status).toMatchObject({ state: 'hardwareError', ...fields });
    expect(errors.at(-1)).toMatchObject({ errorCode: code, action });
    await recovers();
  });

  it('stackerLow: a notice with action clear while the dispenser stays online', async () => {
    sim.setFault('stackerLow');
    await waitFor(() => dispenser.status.stacker === 'low', 'stacker low');
    expect(dispenser.status.state).toBe('online');
    expect(errors.at(-1)).toMatchObject({ errorCode: 'stackerLow', action: 'clear' });
    await recovers();
    await waitFor(() => dispenser.status.stacker === 'ok', 'stacker ok');
  });

  it.each(['nak', 'disconnect'] as const)(
    '%s: link failure after retransmits → hardwareError/reset, then recovery',
    async (fault) => {
      sim.setFault(fault);
      const result = await dispenser.queryStatus(LIMITS);
      expect(result).toMatchObject({
        ok: false,
        error: { code: fault === 'nak' ? 'nak' : 'noAck', action: 'reset' },
      });
      await waitFor(() => dispenser.status.state === 'hardwareError', 'hardwareError');
      expect(errors.at(-1)).toMatchObject({ action: 'reset' });
      await recovers();
    },
  );

  it.each(['noAck', 'badChecksum'] as const)(
    '%s (once): absorbed by one retransmission, the command succeeds',
    async (fault: DispenserSimFault) => {
      const before = dispenser.counters().retransmits ?? 0;
      sim.setFault(fault);
      expect((await dispenser.queryStatus(LIMITS)).ok).toBe(true);
      expect(dispenser.counters().retransmits).toBeGreaterThan(before);
      expect(dispenser.status.state).toBe('online');
    },
  );

  it.each(['truncated', 'slow'] as const)(
    '%s: replyTimeout/reset, late bytes dropped, recovery',
    async (fault) => {
      sim.setFault(fault);
      const result = await dispenser.queryStatus(LIMITS);
      expect(result).toMatchObject({ ok: false, error: { code: 'replyTimeout', action: 'reset' } });
      await recovers();
      expect((await dispenser.queryStatus(LIMITS)).ok).toBe(true);
    },
  );

  it('garbage: noise before every message is skipped, commands succeed', async () => {
    sim.setFault('garbage');
    expect((await dispenser.moveToReadPosition(LIMITS)).ok).toBe(true);
    expect((await dispenser.queryStatus(LIMITS)).ok).toBe(true);
    expect(dispenser.status).toMatchObject({ state: 'online', cardPosition: 'ready' });
  });
});
