import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import { createPtyPair } from '../sim/pty-pair.js';
import type { PtyPair } from '../sim/pty-pair.js';
import { demoCard, parseSimCard } from '../sim/sim-card.js';
import { waitFor } from '../testing/wait-for.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import { IdCardReader } from './idcard-reader.js';
import type { IdCardReaderEvents } from './idcard-reader.js';

/*
 * Integration: the reader and the simulator talk over a real PTY pair made by socat, through
 * serialport, with the simulator pacing its bytes at 115200 baud. Waits are generous and nothing
 * asserts on durations.
 */

function startReader(port: string) {
  const reader = new IdCardReader({ port, pollIntervalMs: 100, commandTimeoutMs: 1500 });
  const seen: { [K in keyof IdCardReaderEvents]: IdCardReaderEvents[K][] } = {
    cardInserted: [],
    cardRemoved: [],
    readFailed: [],
    status: [],
    error: [],
  };
  for (const name of Object.keys(seen) as Array<keyof IdCardReaderEvents>) {
    reader.on(name, (payload: unknown) => (seen[name] as unknown[]).push(payload));
  }
  return { reader, seen };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

describe('IdCardReader ↔ simulator over a socat PTY pair', () => {
  let pair: PtyPair;
  const sim = new IdCardSimulator({ baudRate: 115_200, cardMustLeaveAfterRead: false });
  let reader: IdCardReader | undefined;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    pair = await createPtyPair();
    sim.attach(await openSerialTransport(pair.b, 115_200));
  });

  afterEach(async () => {
    await reader?.close();
    reader = undefined;
    sim.remove();
    sim.setFault(null);
  });

  afterAll(async () => {
    sim.detach();
    await pair.dispose();
    process.off('unhandledRejection', onUnhandled);
  });

  it('reads a presented card (masked 张*, 1101**********002X) and reports its removal', async () => {
    const started = startReader(pair.a);
    reader = started.reader;
    const { seen } = started;
    expect((await reader.open()).state).toBe('online');
    sim.present(demoCard());
    await waitFor(() => seen.cardInserted.length === 1, 'cardInserted');
    expect(seen.cardInserted[0]?.masked).toEqual({
      cardType: 'residentId',
      maskedName: '张*',
      maskedIdNumber: '1101**********002X',
    });
    expect(reader.status.cardPresent).toBe(true);
    sim.remove();
    await waitFor(() => seen.cardRemoved.length === 1, 'cardRemoved');
    expect(reader.status.cardPresent).toBe(false);
  });

  it('reports an invalid ID check character as readFailed invalidIdNumber', async () => {
    const started = startReader(pair.a);
    reader = started.reader;
    await reader.open();
    const parsed = parseSimCard({ idNumber: '110105194912310021' });
    if (!parsed.ok) throw new Error(parsed.error);
    sim.present(parsed.card);
    await waitFor(() => started.seen.readFailed.length === 1, 'readFailed');
    expect(started.seen.readFailed[0]).toEqual({ errorCode: 'invalidIdNumber', action: 'clear' });
    expect(started.seen.cardInserted).toHaveLength(0);
  });

  it.each(['garbage', 'badChecksum', 'truncated'] as const)(
    'recovers from the %s fault and still reads the card',
    async (fault) => {
      const started = startReader(pair.a);
      reader = started.reader;
      await reader.open();
      sim.setFault(fault);
      sim.present(demoCard());
      await waitFor(() => started.seen.cardInserted.length === 1, 'cardInserted');
      expect(started.seen.cardInserted[0]?.identity.idNumber).toBe('11010519491231002X');
    },
  );

  it('goes offline with a reason when the simulator side dies, without unhandled rejections', async () => {
    const own = await createPtyPair();
    const ownSim = new IdCardSimulator();
    ownSim.attach(await openSerialTransport(own.b, 115_200));
    const started = startReader(own.a);
    reader = started.reader;
    await reader.open();
    await waitFor(() => reader?.status.state === 'online', 'online');
    await own.dispose();
    await waitFor(() => reader?.status.state === 'offline', 'offline');
    expect(reader.status.reason).toMatch(/disconnected|writeFailed|portNotFound/);
    expect(started.seen.error.at(-1)).toMatchObject({ kind: 'hardware' });
    // Give the reopen loop a few rounds against the missing port.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(reader.status.state).toBe('offline');
    expect(unhandled).toEqual([]);
  });
});
