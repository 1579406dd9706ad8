import { describe, expect, it } from 'vitest';
import { decodeRealtimeStatus } from '../escpos/escpos-status.js';
import { encodeRealtimeStatus } from '../escpos/escpos-status-encode.js';
import { hex } from '../testing/hex.js';
import { settle } from '../testing/manual-timers.js';
import { openTcpTransport } from '../transport/tcp-transport.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { waitFor } from '../testing/wait-for.js';
import { ESCPOS_FAULTS, EscPosSimulator } from './escpos-simulator.js';
import { serveSimulatorOverTcp } from './tcp-sim-server.js';

function rig() {
  const sim = new EscPosSimulator({ baudRate: 0, random: () => 0.5 });
  const pair = createMemoryTransportPair('sim');
  sim.attach(pair.b);
  const got: number[] = [];
  pair.a.onData((bytes) => got.push(...bytes));
  const send = async (text: string): Promise<number[]> => {
    const from = got.length;
    await pair.a.write(hex(text));
    await settle();
    return got.slice(from);
  };
  return { sim, pair, send, got };
}

describe('EscPosSimulator', () => {
  it('answers DLE EOT with §3.5 bytes for its state', async () => {
    const { sim, send } = rig();
    expect(await send('10 04 01 10 04 02 10 04 03 10 04 04')).toEqual([0x12, 0x12, 0x12, 0x12]);
    sim.setPaper('low');
    expect(await send('10 04 04')).toEqual([0x1e]);
    sim.setPaper('out');
    expect(await send('10 04 01 10 04 02 10 04 04')).toEqual([0x1a, 0x32, 0x7e]);
    sim.setPaper('full');
    sim.openCover();
    expect(await send('10 04 02')).toEqual([0x16]);
  });

  it('encodes what the decoders read back, for every state', () => {
    for (const paper of ['full', 'low', 'out'] as const)
      for (const coverOpen of [false, true])
        for (const cutterError of [false, true]) {
          const s = { paper, coverOpen, cutterError };
          const flags = decodeRealtimeStatus(2, encodeRealtimeStatus(2, s));
          expect(flags.coverOpen).toBe(coverOpen);
          expect(decodeRealtimeStatus(4, encodeRealtimeStatus(4, s)).paperOut).toBe(
            paper === 'out',
          );
          expect(decodeRealtimeStatus(3, encodeRealtimeStatus(3, s)).cutterError).toBe(cutterError);
        }
  });

  it('sends an ASB block on enabling and on each change', async () => {
    const { sim, send, got } = rig();
    expect(await send('1D 61 0E')).toEqual([0x10, 0, 0, 0]);
    sim.openCover();
    sim.setPaper('low');
    sim.setPaper('low');
    await settle();
    expect(got).toEqual([0x10, 0, 0, 0, 0x38, 0, 0, 0, 0x38, 0, 0x03, 0]);
    expect(sim.state).toMatchObject({ cover: 'open', paper: 'low', asbMask: 0x0e });
  });

  it('prints receipts, keeps what a stopped printer loses, and jams the cutter on request', async () => {
    const { sim, send } = rig();
    await send('1B 40 48 69 0A 1D 56 01');
    expect(sim.lastReceipt).toMatchObject({ lines: ['Hi'], cut: 'partial', complete: true });
    sim.openCover();
    await send('1B 40 48 69 0A 1D 56 01');
    expect(sim.lastReceipt).toMatchObject({ lines: [], cut: 'none', complete: false });
    sim.closeCover();
    sim.setFault('cutterJam');
    expect(await send('41 0A 1D 56 00 10 04 03')).toEqual([0x1a]);
    expect(sim.lastReceipt).toMatchObject({ lines: ['A'], cut: 'failed' });
    sim.setFault(null);
    expect(await send('10 04 03 10 05 02 10 04 03')).toEqual([0x1a, 0x12]);
    expect(sim.receipts).toHaveLength(3);
  });

  it('injects noise, broken status bytes and silence', async () => {
    const { sim, send } = rig();
    sim.setFault('garbage');
    const noisy = await send('10 04 01');
    expect(noisy.at(-1)).toBe(0x12);
    expect(noisy.slice(0, -1).every((b) => (b & 0x10) === 0)).toBe(true);
    sim.setFault('badStatus');
    expect(await send('10 04 01')).toEqual([0x02]);
    sim.setFault('offline');
    expect(await send('10 04 01 41 0A 1D 56 00')).toEqual([]);
    expect(Object.keys(ESCPOS_FAULTS)).toContain('paperOutMidJob');
    expect(() => sim.setFault('nope' as never)).toThrow();
  });

  it('runs out of paper in the middle of a job', async () => {
    const { sim, send } = rig();
    sim.setFault('paperOutMidJob');
    await send('31 0A 32 0A 33 0A 34 0A 1D 56 00');
    expect(sim.lastReceipt).toMatchObject({ lines: ['1', '2'], complete: false });
    expect(await send('10 04 04')).toEqual([0x7e]);
  });

  it('works over TCP, where disconnect closes the socket mid-job (CUPS socket:// path)', async () => {
    const sim = new EscPosSimulator({ baudRate: 0 });
    const server = await serveSimulatorOverTcp(sim, '127.0.0.1', 0);
    const client = await openTcpTransport('127.0.0.1', server.port);
    await client.write(hex('1B 40 1C 26 CA D0 C3 F1 0A 1D 56 00'));
    await waitFor(() => sim.receipts.length === 1, 'receipt over TCP');
    expect(sim.lastReceipt?.lines).toEqual(['市民']);
    sim.setFault('disconnect');
    const closed = new Promise((resolve) => client.onClose(resolve));
    await client.write(hex('1B 40 41 42 0A'));
    expect(await closed).toMatchObject({ code: 'disconnected' });
    await server.close();
  });
});
