import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { BARCODE_SIM_FAULTS, BarcodeSimulator, isBarcodeSimFault } from './barcode-simulator.js';
import type { BarcodeSimulatorOptions } from './barcode-simulator.js';

function setup(options: BarcodeSimulatorOptions = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair('sim');
  const sim = new BarcodeSimulator({ baudRate: 0, timers, random: () => 0.5, ...options });
  sim.attach(pair.b);
  const received: number[] = [];
  pair.a.onData((bytes) => received.push(...bytes));
  const text = (): string => Buffer.from(received).toString('latin1');
  return { timers, pair, sim, received, text };
}

describe('BarcodeSimulator', () => {
  it('sends prefix, AIM identifier, data and suffix', async () => {
    const { sim, timers, text } = setup({ prefix: Uint8Array.of(0x02), suffix: 'crlf' });
    await sim.scan('abc', ']Q1');
    await timers.advance(0);
    expect(text()).toBe('\x02]Q1abc\r\n');
    expect(sim.state).toEqual({ attached: true, fault: null, scans: 1 });
  });

  it('encodes GB18030 when configured', async () => {
    const { sim, timers, received } = setup({ encoding: 'gb18030' });
    await sim.scan('证');
    await timers.advance(0);
    expect(received).toEqual([0xd6, 0xa4, 0x0d]);
  });

  it('paces its output like a UART at the configured baud rate', async () => {
    const { sim, timers, received } = setup({ baudRate: 9600 });
    const sending = sim.scan('x'.repeat(95));
    await timers.advance(50);
    expect(received.length).toBeLessThan(96);
    await timers.advance(100);
    await sending;
    expect(received).toHaveLength(96);
  });

  it('truncated and badEncoding act once', async () => {
    const { sim, timers, received } = setup();
    sim.setFault('truncated');
    await sim.scan('A');
    sim.setFault('badEncoding');
    await sim.scan('B');
    await sim.scan('C');
    await timers.advance(0);
    expect(received).toEqual([0x41, 0x42, 0xff, 0xfe, 0x0d, 0x43, 0x0d]);
    expect(sim.state.fault).toBeNull();
  });

  it('garbage adds control-byte noise after each scan; noSuffix runs on without a suffix', async () => {
    const { sim, timers, received } = setup({ runawayBytes: 20 });
    sim.setFault('garbage');
    await sim.scan('A');
    await timers.advance(0);
    expect(received.slice(0, 2)).toEqual([0x41, 0x0d]);
    expect(received.length).toBeGreaterThan(2);
    expect(received.slice(2).every((b) => b < 0x09)).toBe(true);
    received.length = 0;
    sim.setFault('noSuffix');
    await sim.scan('B');
    await timers.advance(0);
    expect(received).toHaveLength(21);
    expect(received).not.toContain(0x0d);
  });

  it('slow delays each scan', async () => {
    const { sim, timers, received } = setup({ slowDelayMs: 500 });
    sim.setFault('slow');
    const sending = sim.scan('A');
    await timers.advance(400);
    expect(received).toEqual([]);
    await timers.advance(100);
    await sending;
    expect(received).toEqual([0x41, 0x0d]);
  });

  it('disconnect closes the transport and detaches', async () => {
    const { sim, pair, timers } = setup();
    const closed: unknown[] = [];
    pair.a.onClose((cause) => closed.push(cause));
    sim.setFault('disconnect');
    await timers.advance(0);
    expect(closed).toMatchObject([{ code: 'disconnected' }]);
    expect(sim.state.attached).toBe(false);
    await sim.scan('lost');
    expect(sim.state.scans).toBe(0);
  });

  it('names its faults', () => {
    expect(Object.keys(BARCODE_SIM_FAULTS)).toEqual([
      'garbage',
      'truncated',
      'noSuffix',
      'slow',
      'disconnect',
      'badEncoding',
    ]);
    expect(isBarcodeSimFault('garbage')).toBe(true);
    expect(isBarcodeSimFault('noCard')).toBe(false);
  });
});
