import { describe, expect, it } from 'vitest';
import { SamFrameDecoder, encodeSamCommand, replyFields } from '../idcard/sam-frame.js';
import type { SamDecoded } from '../idcard/sam-frame.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { IdCardSimulator } from './idcard-simulator.js';
import type { IdCardSimulatorOptions } from './idcard-simulator.js';
import { demoCard } from './sim-card.js';

/** A host end that sends raw commands and collects every byte and decoded item. */
function host(options: IdCardSimulatorOptions = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair();
  const sim = new IdCardSimulator({ baudRate: 0, timers, random: () => 0.5, ...options });
  sim.attach(pair.b);
  const decoder = new SamFrameDecoder({ minBodyLength: 3 });
  const got = { bytes: 0, items: [] as SamDecoded[] };
  pair.a.onData((bytes) => {
    got.bytes += bytes.length;
    got.items.push(...decoder.push(bytes));
  });
  const send = async (cmd: number, para: number): Promise<void> => {
    await pair.a.write(encodeSamCommand(cmd, para));
    await timers.advance(0);
  };
  const sw3s = (): number[] =>
    got.items.flatMap((i) => (i.kind === 'frame' ? [replyFields(i.frame)?.sw3 ?? -1] : []));
  return { timers, pair, sim, got, send, sw3s };
}

async function readCard(h: ReturnType<typeof host>): Promise<void> {
  h.sim.present(demoCard());
  await h.send(0x20, 0x01);
  await h.send(0x20, 0x02);
  await h.send(0x30, 0x01);
}

describe('IdCardSimulator', () => {
  it('paces a read reply at the configured baud rate (10 bits per byte)', async () => {
    const h = host({ baudRate: 9600 });
    h.sim.present(demoCard());
    await h.send(0x20, 0x01);
    await h.timers.advance(100);
    await h.send(0x20, 0x02);
    await h.timers.advance(100);
    const before = h.got.bytes;
    await h.send(0x30, 0x01);
    // 1295 bytes at 9600 baud take about 1349 ms of line time.
    await h.timers.advance(600);
    expect(h.got.bytes - before).toBeLessThan(700);
    await h.timers.advance(800);
    expect(h.got.bytes - before).toBe(1295);
    expect(h.sw3s()).toEqual([0x9f, 0x90, 0x90]);
  });

  it('follows the find → select → read order and wants the card presented again after a read', async () => {
    const h = host();
    await h.send(0x30, 0x01); // read before select
    await h.send(0x20, 0x02); // select with nothing found
    await readCard(h);
    await h.send(0x20, 0x01);
    expect(h.sw3s()).toEqual([0x41, 0x81, 0x9f, 0x90, 0x90, 0x80]);
  });

  it('answers 10 to a command with a bad checksum and 21 to an unknown command', async () => {
    const h = host();
    const bad = encodeSamCommand(0x11, 0xff);
    bad[bad.length - 1] = 0;
    await h.pair.a.write(bad);
    await h.send(0x77, 0x01);
    expect(h.sw3s()).toEqual([0x10, 0x21]);
  });

  it('injects faults: garbage before each reply, a one-shot bad checksum, a truncated reply, SAM failure', async () => {
    const h = host();
    h.sim.setFault('garbage');
    await h.send(0x11, 0xff);
    expect(h.got.items[0]).toEqual({ kind: 'error', error: { code: 'garbage', discarded: 9 } });
    h.sim.setFault('badChecksum');
    await h.send(0x11, 0xff);
    await h.send(0x11, 0xff);
    const after = h.got.items.slice(2).map((i) => (i.kind === 'frame' ? 'frame' : i.error.code));
    // The rest of the rejected frame is skipped (as garbage) while resynchronising.
    expect(after).toEqual(['badChecksum', 'garbage', 'frame']);
    expect(h.sim.state.fault).toBeNull();
    h.sim.setFault('truncated');
    await h.send(0x11, 0xff);
    expect(h.got.bytes).toBe(9 + 11 + 11 + 11 + 5); // garbage, 3 status replies, half of one
    h.sim.setFault('samFailure');
    await h.send(0x20, 0x01);
    expect(h.sw3s().at(-1)).toBe(0x60);
  });
});
