import { describe, expect, it } from 'vitest';
import { DispenserSimulator } from '../sim/dispenser-simulator.js';
import type { DispenserSimulatorOptions } from '../sim/dispenser-simulator.js';
import { ManualTimers } from '../testing/manual-timers.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { CrtDriver } from './crt-driver.js';
import type { CrtDriverOptions } from './crt-driver.js';
import { ACK, CrtFrameDecoder, NAK } from './crt-frame.js';
import { encodeCrtPositive, parseCrtText } from './crt-replies.js';
import { DEFAULT_CRT_VARIANT, resolveCrtVariant } from './crt-variant.js';

const v = DEFAULT_CRT_VARIANT;
const OK_STATUS = { st0: 0x30, st1: 0x32, st2: 0x30 };

function withSimulator(
  sim: DispenserSimulatorOptions = {},
  driver: Partial<CrtDriverOptions> = {},
) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair();
  const simulator = new DispenserSimulator({ baudRate: 0, timers, ...sim });
  simulator.attach(pair.b);
  const link = new CrtDriver(pair.a, {
    variant: resolveCrtVariant(sim.variant),
    timers,
    ...driver,
  });
  return { timers, pair, sim: simulator, driver: link };
}

/** A fake unit: `answer` gets each command frame's CM PM and returns the bytes to send back. */
function scriptedUnit(transport: ByteTransport, answer: (cm: number, pm: number) => number[][]) {
  const decoder = new CrtFrameDecoder(v);
  const heard: string[] = [];
  transport.onData((bytes) => {
    for (const item of decoder.push(bytes)) {
      if (item.kind === 'control') heard.push(item.control);
      if (item.kind !== 'frame') continue;
      const text = parseCrtText(item.frame.text);
      if (text?.kind !== 'command') continue;
      heard.push(`C ${text.cm.toString(16)} ${text.pm.toString(16)}`);
      for (const chunk of answer(text.cm, text.pm)) void transport.write(Uint8Array.from(chunk));
    }
  });
  return heard;
}

async function settled<T>(timers: ManualTimers, promise: Promise<T>, ms = 30_000): Promise<T> {
  let done = false;
  void promise.then(() => (done = true));
  await timers.advanceUntil(() => done, ms, 10);
  return promise;
}

describe('CrtDriver against the simulator', () => {
  it('reads the status: ACK, reply, status bytes decoded', async () => {
    const { driver, timers } = withSimulator({ cards: 5 });
    const result = await settled(timers, driver.command('status'));
    expect(result.ok && result.value.status).toMatchObject({
      cardPosition: 'none',
      stacker: 'low',
      captureBinFull: false,
    });
    expect(driver.counters).toMatchObject({ commands: 1, retransmits: 0 });
  });

  it('resends a NAKed frame and succeeds within the retransmit budget', async () => {
    const retransmits: number[] = [];
    const { driver, timers, sim } = withSimulator(
      { nakCount: 2 },
      { onRetransmit: () => retransmits.push(1) },
    );
    sim.setFault('nak');
    const result = await settled(timers, driver.command('moveToRf'));
    expect(result.ok).toBe(true);
    expect(driver.counters.retransmits).toBe(2);
    expect(retransmits).toHaveLength(2);
    expect(sim.state.position).toBe('rf');
  });

  it('resends after silence (no ACK) and succeeds', async () => {
    const { driver, timers, sim } = withSimulator();
    sim.setFault('noAck');
    const result = await settled(timers, driver.command('status'));
    expect(result.ok).toBe(true);
    expect(driver.counters.retransmits).toBe(1);
  });

  it('NAKs a reply with a bad BCC; the unit resends it and the command succeeds once', async () => {
    const { driver, timers, sim } = withSimulator();
    sim.setFault('badChecksum');
    const result = await settled(timers, driver.command('moveToGate'));
    expect(result.ok).toBe(true);
    expect(driver.counters).toMatchObject({ badFrames: 1, retransmits: 1 });
    expect(sim.state).toMatchObject({ position: 'gate', cards: 49, commands: 1 });
  });

  it('maps a negative reply to a typed failure with the unit error code', async () => {
    const { driver, timers, sim } = withSimulator();
    sim.setFault('cardJam');
    const result = await settled(timers, driver.command('moveToGate'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cardJam', kind: 'hardware', action: 'maintenance', errorCode: '10' },
    });
  });

  it('fails with replyTimeout on a truncated reply, drops its late bytes, and then works', async () => {
    const { driver, timers, sim } = withSimulator({}, { replyTimeoutMs: 1000 });
    sim.setFault('truncated');
    const first = await settled(timers, driver.command('status'));
    expect(first).toMatchObject({ ok: false, error: { code: 'replyTimeout', action: 'reset' } });
    expect((await settled(timers, driver.command('status'))).ok).toBe(true);
  });

  it('speaks the ENQ variant end to end', async () => {
    const variant = { enq: true, address: 3 };
    const { driver, timers } = withSimulator({ variant });
    expect((await settled(timers, driver.command('status'))).ok).toBe(true);
  });

  it('runs concurrent commands one at a time, in order', async () => {
    const { driver, timers, sim } = withSimulator();
    const all = Promise.all([
      driver.command('moveToRf'),
      driver.command('moveToGate'),
      driver.command('status'),
    ]);
    const results = await settled(timers, all);
    expect(results.map((r) => r.ok && r.value.status?.cardPosition)).toEqual([
      'ready',
      'gate',
      'gate',
    ]);
    expect(sim.state.commands).toBe(3);
  });
});

describe('CrtDriver against a scripted unit', () => {
  const reply = (cm: number, pm: number) => [...encodeCrtPositive(cm, pm, OK_STATUS, v)];

  it('gives up with nak after 1 + maxRetransmits NAKed attempts', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    const heard = scriptedUnit(pair.b, () => [[NAK]]);
    const driver = new CrtDriver(pair.a, { variant: v, timers, maxRetransmits: 2 });
    const result = await settled(timers, driver.command('status'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'nak', kind: 'hardware', action: 'reset' },
    });
    expect(heard).toEqual(['C 31 30', 'C 31 30', 'C 31 30']);
  });

  it('gives up with noAck when the unit stays silent', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    const heard = scriptedUnit(pair.b, () => []);
    const driver = new CrtDriver(pair.a, {
      variant: v,
      timers,
      maxRetransmits: 3,
      ackTimeoutMs: 200,
    });
    const result = await settled(timers, driver.command('status'));
    expect(result).toMatchObject({ ok: false, error: { code: 'noAck' } });
    expect(heard).toHaveLength(4);
  });

  it('takes a reply that comes without an ACK, ignores a stray reply, and ACKs both', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    const heard = scriptedUnit(pair.b, (cm, pm) => [reply(0x32, 0x33), reply(cm, pm)]);
    const driver = new CrtDriver(pair.a, { variant: v, timers });
    const result = await settled(timers, driver.command('status'));
    expect(result.ok).toBe(true);
    expect(driver.counters.strayReplies).toBe(1);
    expect(heard.filter((h) => h === 'ack')).toHaveLength(2);
  });

  it('fails with badChecksum when every resend of the reply is corrupt', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    const corrupt = (cm: number, pm: number) => {
      const frame = reply(cm, pm);
      frame[frame.length - 1] = (frame.at(-1) ?? 0) ^ 1;
      return frame;
    };
    let last: number[] = [];
    const heard = scriptedUnit(pair.b, (cm, pm) => [[ACK], (last = corrupt(cm, pm))]);
    pair.b.onData((bytes) => {
      if (bytes.includes(NAK)) void pair.b.write(Uint8Array.from(last));
    });
    const driver = new CrtDriver(pair.a, { variant: v, timers, maxRetransmits: 2 });
    const result = await settled(timers, driver.command('status'));
    expect(result).toMatchObject({ ok: false, error: { code: 'badChecksum' } });
    expect(heard.filter((h) => h === 'nak')).toHaveLength(2);
  });

  it('fails at once with transportClosed when the port goes, and never throws', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    scriptedUnit(pair.b, () => [[ACK]]);
    const driver = new CrtDriver(pair.a, { variant: v, timers });
    const pending = driver.command('moveToGate');
    await timers.advance(10);
    pair.sever();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'transportClosed' } });
    expect(await driver.command('status')).toMatchObject({
      ok: false,
      error: { code: 'transportClosed' },
    });
  });
});
