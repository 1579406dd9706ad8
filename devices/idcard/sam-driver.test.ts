import { describe, expect, it } from 'vitest';
import { ManualTimers, settle } from '../testing/manual-timers.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { IdCardSimulator } from '../sim/idcard-simulator.js';
import { demoCard, parseSimCard } from '../sim/sim-card.js';
import { SamDriver } from './sam-driver.js';
import { SamFrameDecoder, commandFields, encodeSamReply } from './sam-frame.js';
import { decodeTextBlock } from './text-block.js';

function withSimulator(options: { cardMustLeaveAfterRead?: boolean } = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair();
  const sim = new IdCardSimulator({ baudRate: 0, timers, ...options });
  sim.attach(pair.b);
  const driver = new SamDriver(pair.a, { timers, commandTimeoutMs: 1000 });
  return { timers, pair, sim, driver };
}

/** A fake device answering each command with `answer(cmd, para)`; undefined = stay silent. */
function scriptedDevice(
  transport: ByteTransport,
  answer: (cmd: number, para: number) => Uint8Array | undefined,
) {
  const decoder = new SamFrameDecoder();
  const received: string[] = [];
  transport.onData((bytes) => {
    for (const item of decoder.push(bytes)) {
      const fields = item.kind === 'frame' ? commandFields(item.frame) : undefined;
      if (fields === undefined) continue;
      received.push(`${fields.cmd.toString(16)} ${fields.para.toString(16)}`);
      const reply = answer(fields.cmd, fields.para);
      if (reply !== undefined) void transport.write(reply);
    }
  });
  return received;
}

describe('SamDriver against the simulator', () => {
  it('checks the SAM, reads its ID, and reads a presented card end to end', async () => {
    const { sim, driver } = withSimulator();
    expect(await driver.samStatus()).toEqual({ ok: true, value: undefined });
    const samId = await driver.samId();
    expect(samId.ok && samId.value.formatted).toBe('5.1-20240101-000000001-000000002');
    expect(await driver.findCard()).toEqual({ ok: true, value: false });

    sim.present(demoCard());
    expect(await driver.findCard()).toEqual({ ok: true, value: true });
    expect((await driver.selectCard()).ok).toBe(true);
    const read = await driver.readTextAndPhoto();
    if (!read.ok) throw new Error(read.error.code);
    expect(read.value.text.length).toBe(256);
    expect(read.value.photo.length).toBe(1024);
    expect(decodeTextBlock(read.value.text)?.idNumber).toBe('11010519491231002X');
    // Like a real reader: the card has to leave the field before it is found again.
    expect(await driver.findCard()).toEqual({ ok: true, value: false });
  });

  it('cuts the fingerprint block by its length field, and reads additional addresses', async () => {
    const { sim, driver } = withSimulator();
    const parsed = parseSimCard({
      fingerprint: Buffer.alloc(512, 7).toString('base64'),
      additionalAddresses: ['北京市西城区1号', '北京市海淀区2号'],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    sim.present(parsed.card);
    await driver.findCard();
    await driver.selectCard();
    const read = await driver.readWithFingerprint();
    expect(read.ok && read.value.fingerprint).toEqual(new Uint8Array(512).fill(7));
    expect(await driver.readAdditionalAddress()).toEqual({
      ok: true,
      value: ['北京市西城区1号', '北京市海淀区2号'],
    });
    sim.present(demoCard());
    expect(await driver.readAdditionalAddress()).toEqual({ ok: true, value: [] });
  });

  it('maps failure codes to typed errors with actions', async () => {
    const { sim, driver } = withSimulator();
    sim.setFault('samFailure');
    const status = await driver.samStatus();
    expect(status).toMatchObject({
      ok: false,
      error: { code: 'samSelfTestFailed', sw3: 0x60, kind: 'hardware', action: 'maintenance' },
    });
    sim.setFault(null);
    expect(await driver.selectCard()).toMatchObject({
      ok: false,
      error: { code: 'selectFailed', action: 'clear' },
    });
  });

  it('fails fast on a corrupted reply, then works again', async () => {
    const { sim, driver } = withSimulator();
    sim.setFault('badChecksum');
    expect(await driver.samStatus()).toMatchObject({ ok: false, error: { code: 'badChecksum' } });
    expect((await driver.samStatus()).ok).toBe(true);
    expect(driver.counters.badFrames).toBe(1);
  });

  it('times out on silence and drops the late reply instead of misreading it', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    let silent = true;
    const late: Array<() => void> = [];
    scriptedDevice(pair.b, (cmd) => {
      const reply = encodeSamReply(cmd === 0x20 ? 0x80 : 0x90);
      if (!silent) return reply;
      late.push(() => void pair.b.write(reply));
      return undefined;
    });
    const driver = new SamDriver(pair.a, { timers, commandTimeoutMs: 1000 });
    const status = driver.samStatus();
    await timers.advance(1000);
    expect(await status).toMatchObject({ ok: false, error: { code: 'timeout', action: 'reset' } });
    silent = false;
    const find = driver.findCard();
    late.shift()?.(); // the status reply arrives late, during the quiet period
    await timers.advance(300);
    expect(await find).toEqual({ ok: true, value: false });
  });

  it('runs one command at a time and answers each caller with its own reply', async () => {
    const pair = createMemoryTransportPair();
    const received = scriptedDevice(pair.b, (cmd, para) =>
      encodeSamReply(
        cmd === 0x20 && para === 1 ? 0x9f : 0x90,
        new Uint8Array(cmd === 0x12 ? 16 : 0),
      ),
    );
    const driver = new SamDriver(pair.a, { timers: new ManualTimers() });
    const [status, find, id] = await Promise.all([
      driver.samStatus(),
      driver.findCard(),
      driver.samId(),
    ]);
    expect(received).toEqual(['11 ff', '20 1', '12 ff']);
    expect(status.ok && find.ok && find.value && id.ok).toBe(true);
  });

  it('tries the other additional-address command when the reader rejects the first', async () => {
    const pair = createMemoryTransportPair();
    const received = scriptedDevice(pair.b, (_cmd, para) =>
      encodeSamReply(para === 0x03 ? 0x21 : 0x91),
    );
    const driver = new SamDriver(pair.a, { timers: new ManualTimers() });
    expect(await driver.readAdditionalAddress()).toEqual({ ok: true, value: [] });
    expect(await driver.readAdditionalAddress()).toEqual({ ok: true, value: [] });
    expect(received).toEqual(['30 3', '30 2', '30 2']);
  });

  it('fails a command in flight when the transport closes, and later ones at once', async () => {
    const { pair, driver } = withSimulator();
    pair.b.onData(() => pair.sever());
    const pending = driver.samStatus();
    await settle();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'transportClosed' } });
    expect(await driver.findCard()).toMatchObject({
      ok: false,
      error: { code: 'transportClosed' },
    });
  });
});
