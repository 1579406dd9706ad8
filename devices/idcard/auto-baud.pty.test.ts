import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import { createPtyPair } from '../sim/pty-pair.js';
import type { PtyPair } from '../sim/pty-pair.js';
import { demoCard } from '../sim/sim-card.js';
import { waitFor } from '../testing/wait-for.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { IdCardReader } from './idcard-reader.js';

/*
 * A PTY does not enforce baud rates, so the test plays the wire: when the kiosk opens the port
 * at a rate other than the simulated reader's, the simulator's `baudMismatch` fault turns its
 * replies into noise, as a real UART at the wrong rate would.
 */

describe("baudRate 'auto' against a reader set to 9600, over a socat PTY", () => {
  let pair: PtyPair;
  const sim = new IdCardSimulator({ baudRate: 0, cardMustLeaveAfterRead: false });
  let readerRate = 9_600;
  const opened: number[] = [];
  const wire: OpenTransport = async (port, baudRate) => {
    opened.push(baudRate);
    sim.setFault(baudRate === readerRate ? null : 'baudMismatch');
    return openSerialTransport(port, baudRate);
  };
  let reader: IdCardReader | undefined;

  beforeAll(async () => {
    pair = await createPtyPair();
    sim.attach(await openSerialTransport(pair.b, 9_600));
  });
  afterEach(async () => {
    await reader?.close();
    opened.length = 0;
  });
  afterAll(async () => {
    sim.detach();
    await pair.dispose();
  });

  it('finds 9600 after 115200 stays silent, reads a card, and reports the rate', async () => {
    readerRate = 9_600;
    reader = new IdCardReader({
      port: pair.a,
      baudRate: 'auto',
      openTransport: wire,
      pollIntervalMs: 100,
    });
    await reader.open();
    expect(reader.status.state).toBe('online');
    expect(opened.slice(0, 2)).toEqual([115_200, 9_600]);
    expect(reader.capabilities['baudRate']).toBe(9_600);
    const names: string[] = [];
    reader.on('cardInserted', (card) => names.push(card.masked.maskedName));
    sim.present(demoCard());
    await waitFor(() => names.length > 0, 'a card read at 9600');
    expect(names[0]).toBe('张*');
  });

  it('says no reader answered at any rate, for maintenance, and keeps trying', async () => {
    readerRate = 4_800;
    const errors: Array<{ errorCode: string; action: string }> = [];
    reader = new IdCardReader({
      port: pair.a,
      baudRate: 'auto',
      openTransport: wire,
      reopenInitialDelayMs: 50,
    });
    reader.on('error', (e) => errors.push(e));
    await reader.open();
    expect(reader.status).toMatchObject({ state: 'offline', reason: 'noAnswer' });
    expect(errors[0]).toMatchObject({ errorCode: 'noAnswer', action: 'maintenance' });
    readerRate = 57_600;
    await waitFor(() => reader?.status.state === 'online', 'the reader found at 57600', 20_000);
    expect(reader.capabilities['baudRate']).toBe(57_600);
  }, 30_000);
});
