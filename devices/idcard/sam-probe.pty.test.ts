import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import { createPtyPair, type PtyPair } from '../sim/pty-pair.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import { probeSamReader } from './sam-probe.js';

describe('probing a port for a SAM reader (real PTY)', () => {
  let pty: PtyPair;
  beforeAll(async () => {
    pty = await createPtyPair();
  });
  afterAll(async () => {
    await pty.dispose();
  });

  it('names the rate a simulated reader answers at, and its SAM id', async () => {
    const simulator = new IdCardSimulator();
    const transport = await openSerialTransport(pty.b, 115_200);
    simulator.attach(transport);
    const result = await probeSamReader(pty.a);
    simulator.detach();
    await transport.close();
    expect(result).toMatchObject({ found: true, baudRate: 115_200, tried: [] });
    expect(result.found && result.samId).toMatch(/^\d+\.\d+-/);
  });

  it('tries every rate, then says nothing answered and calls for maintenance', async () => {
    const result = await probeSamReader(pty.a, { commandTimeoutMs: 150 });
    expect(result).toMatchObject({ found: false, action: 'maintenance' });
    expect(result.tried.map((t) => t.baudRate)).toEqual([115_200, 9_600, 57_600, 38_400, 19_200]);
    expect(result.tried.every((t) => t.code === 'timeout')).toBe(true);
  });

  it('stops at once on a port that does not exist', async () => {
    const result = await probeSamReader('/dev/ttyNOPE99');
    expect(result).toMatchObject({
      found: false,
      action: 'configuration',
      tried: [{ baudRate: 115_200, code: 'portNotFound' }],
    });
  });
});
