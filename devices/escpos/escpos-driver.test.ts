import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../testing/manual-timers.js';
import { hex } from '../testing/hex.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { EscPosDriver } from './escpos-driver.js';
import type { EscPosFlags } from './escpos-status.js';

function rig() {
  const pair = createMemoryTransportPair('printer');
  const timers = new ManualTimers();
  const asb: EscPosFlags[] = [];
  const driver = new EscPosDriver(pair.a, {
    timers,
    statusTimeoutMs: 500,
    quietAfterTimeoutMs: 100,
    writeChunkBytes: 4,
    onAsb: (flags) => asb.push(flags),
  });
  const sent: Uint8Array[] = [];
  pair.b.onData((bytes) => sent.push(bytes));
  const reply = (text: string): Promise<void> => pair.b.write(hex(text));
  return { pair, timers, driver, sent, reply, asb };
}

describe('EscPosDriver', () => {
  it('asks DLE EOT 1–4 in turn and merges the flags; ASB blocks in between go to onAsb', async () => {
    const { driver, sent, reply, timers, asb } = rig();
    const status = driver.readStatus();
    await timers.advance(0);
    expect(sent.map((b) => Buffer.from(b).toString('hex'))).toEqual(['100401']);
    await reply('12 10 00 03 00'); // reply to 1, then an ASB block: paper near end
    await timers.advance(0);
    await reply('16');
    await timers.advance(0);
    await reply('12');
    await timers.advance(0);
    await reply('1E');
    const result = await status;
    expect(result).toMatchObject({
      ok: true,
      value: { offline: false, coverOpen: true, cutterError: false, paperNearEnd: true },
    });
    expect(asb).toHaveLength(1);
    expect(asb[0]?.paperNearEnd).toBe(true);
  });

  it('times out as statusTimeout, or badStatusReply when only malformed bytes came', async () => {
    const { driver, reply, timers } = rig();
    const silent = driver.query(1);
    await timers.advance(500);
    expect(await silent).toMatchObject({
      ok: false,
      error: { code: 'statusTimeout', action: 'reset' },
    });
    const noisy = driver.query(2);
    await timers.advance(100); // quiet period after a timeout
    await reply('02 00');
    await timers.advance(500);
    expect(await noisy).toMatchObject({
      ok: false,
      error: { code: 'badStatusReply', action: 'configuration' },
    });
  });

  it('writes jobs in chunks, stops on cancel, and fails typed when the link is gone', async () => {
    const { driver, sent, pair, timers } = rig();
    expect(await driver.write(hex('1B 40 41 42 43 44 0A'))).toEqual({ ok: true, value: undefined });
    await timers.advance(0);
    expect(sent.map((b) => b.length)).toEqual([4, 3]);
    const aborted = new AbortController();
    aborted.abort();
    expect(await driver.write(hex('41'), aborted.signal)).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    const pending = driver.query(4);
    pair.sever();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'transportClosed' } });
    expect(await driver.write(hex('41'))).toMatchObject({
      ok: false,
      error: { code: 'transportClosed' },
    });
    expect(await driver.enableAsb(0x0e)).toMatchObject({ ok: false });
  });
});
