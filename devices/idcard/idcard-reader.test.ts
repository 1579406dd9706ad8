import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import type { IdCardSimulatorOptions } from '../sim/idcard-simulator.js';
import { demoCard, parseSimCard } from '../sim/sim-card.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import type { MemoryTransportPair } from '../transport/memory-transport.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { IdCardReader } from './idcard-reader.js';
import type { IdCardReaderEvents, IdCardReaderOptions } from './idcard-reader.js';

/** A reader wired to an in-memory simulator, on fake time; `plugged` decides if the port exists. */
function rig(
  readerOptions: Partial<IdCardReaderOptions> = {},
  simOptions: IdCardSimulatorOptions = {},
) {
  const timers = new ManualTimers();
  const sim = new IdCardSimulator({ baudRate: 0, timers, ...simOptions });
  const rig = {
    timers,
    sim,
    plugged: true,
    failWrites: false,
    opens: [] as number[],
    pair: undefined as MemoryTransportPair | undefined,
    events: [] as Array<[keyof IdCardReaderEvents, unknown]>,
  };
  const reader = new IdCardReader({
    port: '/dev/ttyFAKE',
    timers,
    commandTimeoutMs: 1000,
    today: () => new Date(2026, 0, 1),
    openTransport: async () => {
      rig.opens.push(timers.now());
      if (!rig.plugged)
        throw new TransportError('portNotFound', '/dev/ttyFAKE: No such file or directory');
      rig.pair = createMemoryTransportPair();
      sim.attach(rig.pair.b);
      const a = rig.pair.a;
      // A port whose writes fail once `failWrites` is set (an unplugged adapter the OS still lists).
      const port: ByteTransport = {
        description: a.description,
        get isOpen() {
          return a.isOpen;
        },
        write: (bytes) =>
          rig.failWrites
            ? Promise.reject(new TransportError('writeFailed', 'EIO'))
            : a.write(bytes),
        onData: (listener) => a.onData(listener),
        onClose: (listener) => a.onClose(listener),
        close: () => a.close(),
      };
      return port;
    },
    ...readerOptions,
  });
  for (const name of ['cardInserted', 'cardRemoved', 'readFailed', 'status', 'error'] as const) {
    reader.on(name, (payload: unknown) => rig.events.push([name, payload]));
  }
  const named = <K extends keyof IdCardReaderEvents>(name: K): IdCardReaderEvents[K][] =>
    rig.events.filter(([n]) => n === name).map(([, p]) => p as IdCardReaderEvents[K]);
  const until = (condition: () => boolean) => timers.advanceUntil(condition);
  return { ...rig, rig, reader, named, until };
}

describe('IdCardReader (in-memory simulator, fake time)', () => {
  it('opens online, reads a presented card once, masks it, and reports it gone', async () => {
    const { reader, sim, named, until } = rig();
    expect((await reader.open()).state).toBe('online');
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 1);
    const [read] = named('cardInserted');
    expect(read?.masked).toEqual({
      cardType: 'residentId',
      maskedName: '张*',
      maskedIdNumber: '1101**********002X',
    });
    expect(read?.identity.address).toBe('北京市东城区景山前街4号');
    expect(named('status').at(-1)).toMatchObject({ state: 'online', cardPresent: true });
    // A real reader answers "no card" to a card it has read: removal is reported, no re-read.
    await until(() => named('cardRemoved').length === 1);
    expect(reader.status.cardPresent).toBe(false);
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 2);
    await reader.close();
  });

  it('with a reader that keeps finding the card, reports removal only when it is taken away', async () => {
    const { reader, sim, named, until, timers } = rig({}, { cardMustLeaveAfterRead: false });
    await reader.open();
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 1);
    await timers.advance(10_000);
    expect(named('cardInserted')).toHaveLength(1);
    expect(named('cardRemoved')).toHaveLength(0);
    sim.remove();
    await until(() => named('cardRemoved').length === 1);
    await reader.close();
  });

  it('rejects a card whose ID number fails its check character', async () => {
    const { reader, sim, named, until, timers } = rig();
    await reader.open();
    const parsed = parseSimCard({ idNumber: '110105194912310021' });
    if (!parsed.ok) throw new Error(parsed.error);
    sim.present(parsed.card);
    await until(() => named('readFailed').length === 1);
    expect(named('readFailed')).toEqual([{ errorCode: 'invalidIdNumber', action: 'clear' }]);
    await timers.advance(5000);
    expect(named('cardInserted')).toHaveLength(0);
    await reader.close();
  });

  it('reports a failed SAM as a hardware error for an engineer, and recovers', async () => {
    const { reader, sim, named, until } = rig();
    await reader.open();
    sim.setFault('samFailure');
    await until(() => reader.status.state === 'hardwareError');
    expect(reader.status.reason).toBe('samSelfTestFailed');
    expect(named('error')).toEqual([
      expect.objectContaining<Partial<DeviceError>>({
        errorCode: 'samSelfTestFailed',
        kind: 'hardware',
        action: 'maintenance',
      }),
    ]);
    sim.setFault(null);
    await until(() => reader.status.state === 'online');
    await reader.close();
  });

  it('tolerates noise but reports a reader that stops answering', async () => {
    const { reader, sim, named, until } = rig({}, { slowDelayMs: 1500 });
    await reader.open();
    sim.setFault('badChecksum');
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 1);
    expect(named('error')).toHaveLength(0);
    sim.setFault('slow');
    await until(() => reader.status.state === 'hardwareError');
    expect(reader.status.reason).toBe('timeout');
    sim.setFault(null);
    await until(() => reader.status.state === 'online');
  });

  it('reports a missing port for configuration and retries with growing delays until it appears', async () => {
    const {
      reader,
      rig: r,
      named,
      until,
      timers,
    } = rig({ reopenInitialDelayMs: 500, reopenMaxDelayMs: 4000 });
    r.plugged = false;
    const status = await reader.open();
    expect(status).toMatchObject({ state: 'offline', reason: 'portNotFound' });
    expect(named('error')).toEqual([
      expect.objectContaining({ errorCode: 'portNotFound', action: 'configuration' }),
    ]);
    await timers.advance(12_000);
    expect(r.opens).toEqual([0, 500, 1500, 3500, 7500, 11500]);
    expect(named('error')).toHaveLength(1);
    r.plugged = true;
    await until(() => reader.status.state === 'online');
    await reader.close();
  });

  it('goes offline when the port disappears mid-session, then reopens', async () => {
    const { reader, sim, rig: r, named, until } = rig({}, { cardMustLeaveAfterRead: false });
    await reader.open();
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 1);
    r.pair?.sever();
    expect(reader.status).toMatchObject({
      state: 'offline',
      reason: 'disconnected',
      cardPresent: false,
    });
    expect(named('cardRemoved')).toHaveLength(1);
    await until(() => reader.status.state === 'online');
    await reader.close();
  });

  it('treats failing writes as a lost port: offline, then reopened', async () => {
    const { reader, rig: r, named, until } = rig();
    await reader.open();
    r.failWrites = true;
    await until(() => reader.status.state === 'offline');
    expect(reader.status.reason).toBe('writeFailed');
    expect(named('error').at(-1)).toMatchObject({ errorCode: 'writeFailed', action: 'reset' });
    r.failWrites = false;
    await until(() => reader.status.state === 'online');
    expect(r.opens.length).toBeGreaterThan(1);
    await reader.close();
  });

  it('keeps polling when a listener throws, and stops cleanly on close', async () => {
    const { reader, sim, named, until, timers } = rig();
    reader.on('cardInserted', () => {
      throw new Error('listener bug');
    });
    await reader.open();
    sim.present(demoCard());
    await until(() => named('cardRemoved').length === 1);
    sim.present(demoCard());
    await until(() => named('cardInserted').length === 2);
    await reader.close();
    expect(reader.status).toEqual<DeviceStatus>({
      id: 'idCardReader',
      deviceClass: 'idCardReader',
      state: 'offline',
      reason: 'closed',
      cardPresent: false,
    });
    expect(timers.pending).toBe(0);
  });
});
