import { describe, expect, it } from 'vitest';
import { CrtFrameDecoder, ENQ } from '../dispenser/crt-frame.js';
import type { CrtDecoded } from '../dispenser/crt-frame.js';
import { encodeCrtCommand, parseCrtText } from '../dispenser/crt-replies.js';
import { resolveCrtVariant } from '../dispenser/crt-variant.js';
import type { CrtVariant } from '../dispenser/crt-variant.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import {
  DISPENSER_SIM_FAULTS,
  DispenserSimulator,
  isDispenserSimFault,
} from './dispenser-simulator.js';
import type { DispenserSimulatorOptions } from './dispenser-simulator.js';

/** A host that sends raw frames and records what the simulator answers. */
function host(options: DispenserSimulatorOptions = {}) {
  const timers = new ManualTimers();
  const variant: CrtVariant = resolveCrtVariant(options.variant);
  const pair = createMemoryTransportPair();
  const sim = new DispenserSimulator({ baudRate: 0, timers, ...options });
  sim.attach(pair.b);
  const decoder = new CrtFrameDecoder(variant);
  const heard: CrtDecoded[] = [];
  pair.a.onData((bytes) => heard.push(...decoder.push(bytes)));
  const send = async (cm: number, pm: number) => {
    await pair.a.write(encodeCrtCommand(cm, pm, variant));
    await timers.advance(50);
  };
  const replies = () =>
    heard.flatMap((i) => (i.kind === 'frame' ? [parseCrtText(i.frame.text)] : []));
  return { timers, pair, sim, heard, send, replies };
}

describe('DispenserSimulator', () => {
  it('lists its faults and rejects unknown ones', () => {
    expect(Object.keys(DISPENSER_SIM_FAULTS).sort()).toEqual(
      [
        'badChecksum',
        'binFull',
        'cardJam',
        'disconnect',
        'garbage',
        'nak',
        'noAck',
        'slow',
        'stackerEmpty',
        'stackerLow',
        'truncated',
      ].sort(),
    );
    expect(isDispenserSimFault('cardJam')).toBe(true);
    const { sim } = host();
    expect(() => sim.setFault('meltdown' as never)).toThrow(/unknown fault/);
  });

  it('ACKs, then answers with E negatives and inverted st2 in those variants', async () => {
    const { send, heard, replies } = host({ variant: { negativeHeader: 'E', st2Inverted: true } });
    await send(0x31, 0x30);
    await send(0x7f, 0x30);
    expect(heard[0]).toEqual({ kind: 'control', control: 'ack' });
    expect(replies()).toEqual([
      expect.objectContaining({ kind: 'positive', status: { st0: 0x30, st1: 0x32, st2: 0x31 } }),
      { kind: 'negative', header: 'E', cm: 0x7f, pm: 0x30, errorCode: '00' },
    ]);
  });

  it('holds the reply until ENQ in the ENQ variant', async () => {
    const { send, replies, pair, timers } = host({ variant: { enq: true } });
    await send(0x31, 0x30);
    expect(replies()).toHaveLength(0);
    await pair.a.write(Uint8Array.of(ENQ));
    await timers.advance(10);
    expect(replies()).toHaveLength(1);
  });

  it('lets a card at the gate be taken after autoTakeMs', async () => {
    const { send, sim, timers } = host({ autoTakeMs: 1000 });
    await send(0x32, 0x30);
    expect(sim.state).toMatchObject({ position: 'gate', cards: 49 });
    await timers.advance(1000);
    expect(sim.state).toMatchObject({ position: 'none', taken: 1 });
    expect(sim.takeCard()).toBe(false);
  });

  it('initialise-capture puts a leftover card in the bin; a full bin refuses with A1', async () => {
    const { send, sim, replies } = host({ binFullAt: 1 });
    sim.placeCard('rf');
    await send(0x30, 0x31);
    expect(sim.state).toMatchObject({ position: 'none', binCount: 1, binHigh: false });
    await send(0x32, 0x32);
    await send(0x32, 0x33);
    expect(replies().at(-1)).toMatchObject({ kind: 'negative', errorCode: 'A1' });
    sim.emptyBin();
    await send(0x32, 0x33);
    expect(replies().at(-1)).toMatchObject({ kind: 'positive' });
  });

  it('after a cleared jam refuses moves with B0 until initialised', async () => {
    const { send, sim, replies } = host();
    sim.setFault('cardJam');
    await send(0x31, 0x30);
    expect(replies().at(-1)).toMatchObject({ errorCode: '10' });
    sim.setFault(null);
    await send(0x32, 0x32);
    expect(replies().at(-1)).toMatchObject({ errorCode: 'B0' });
    await send(0x30, 0x33);
    await send(0x32, 0x32);
    expect(replies().at(-1)).toMatchObject({ kind: 'positive' });
  });

  it('garbage noise never holds STX or a control byte', async () => {
    const { send, sim, heard } = host();
    sim.setFault('garbage');
    for (let i = 0; i < 20; i++) await send(0x31, 0x30);
    const frames = heard.filter((i) => i.kind === 'frame').length;
    const acks = heard.filter((i) => i.kind === 'control' && i.control === 'ack').length;
    expect([frames, acks]).toEqual([20, 20]);
  });
});
