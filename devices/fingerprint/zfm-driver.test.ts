import { describe, expect, it } from 'vitest';
import { FingerprintSimulator } from '../sim/fingerprint-simulator.js';
import { hex } from '../testing/hex.js';
import { ManualTimers } from '../testing/manual-timers.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { createMemoryTransportPair } from '../transport/memory-transport.js';
import { ZfmDriver } from './zfm-driver.js';
import type { ZfmDriverOptions } from './zfm-driver.js';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import { ZFM_PID, encodeZfmAck, encodeZfmDataPackets } from './zfm-packet.js';

function withSimulator(options: ZfmDriverOptions = {}) {
  const timers = new ManualTimers();
  const pair = createMemoryTransportPair();
  const sim = new FingerprintSimulator({ baudRate: 0, timers });
  sim.attach(pair.b);
  const driver = new ZfmDriver(pair.a, { timers, replyTimeoutMs: 1000, ...options });
  return { timers, pair, sim, driver };
}

/** Logs in and captures finger A into CharBuffers 1 and 2. */
async function fingerInBothBuffers(sim: FingerprintSimulator, driver: ZfmDriver): Promise<void> {
  await driver.verifyPassword();
  sim.placeFinger('A');
  for (const buffer of [1, 2]) {
    await driver.captureImage();
    await driver.extractFeatures(buffer);
  }
}

/** A fake module answering each command packet with `answer(payload)`; undefined = silent. */
function scriptedModule(
  transport: ByteTransport,
  answer: (payload: Uint8Array) => Uint8Array | undefined,
) {
  const decoder = new ZfmPacketDecoder();
  const received: Uint8Array[] = [];
  transport.onData((bytes) => {
    for (const item of decoder.push(bytes)) {
      if (item.kind !== 'packet') continue;
      received.push(item.packet.payload);
      if (item.packet.pid !== ZFM_PID.command) continue;
      const reply = answer(item.packet.payload);
      if (reply !== undefined) void transport.write(reply);
    }
  });
  return received;
}

describe('ZfmDriver against the simulator', () => {
  it('verifies the password and reads the system parameters', async () => {
    const { driver } = withSimulator();
    expect(await driver.verifyPassword()).toEqual({ ok: true, value: undefined });
    const parameters = await driver.readSystemParameters();
    expect(parameters).toMatchObject({
      ok: true,
      value: { libraryCapacity: 200, securityLevel: 3, packetSize: 128, baudRate: 57_600 },
    });
  });

  it('maps a wrong password to a typed configuration failure with its confirmation code', async () => {
    const { sim, driver } = withSimulator();
    sim.setFault('wrongPassword');
    expect(await driver.verifyPassword()).toMatchObject({
      ok: false,
      error: {
        code: 'wrongPassword',
        kind: 'software',
        action: 'configuration',
        confirmation: 0x13,
      },
    });
    expect(await driver.readSystemParameters()).toMatchObject({
      ok: false,
      error: { code: 'passwordRequired', confirmation: 0x21 },
    });
  });

  it('captures, uploads a template, downloads it back and matches it', async () => {
    const { sim, driver } = withSimulator({ packetSize: 64 });
    await driver.verifyPassword();
    expect(await driver.captureImage()).toEqual({ ok: true, value: false });
    sim.placeFinger('A');
    expect(await driver.captureImage()).toEqual({ ok: true, value: true });
    expect((await driver.extractFeatures(1)).ok).toBe(true);
    const template = await driver.uploadTemplate(1);
    if (!template.ok) throw new Error(template.error.code);
    expect(template.value).toHaveLength(512);

    expect((await driver.downloadTemplate(2, template.value)).ok).toBe(true);
    await driver.captureImage();
    await driver.extractFeatures(1);
    const same = await driver.match();
    expect(same.ok && same.value.matched).toBe(true);
    expect(same.ok && same.value.score).toBeGreaterThan(150);

    sim.placeFinger('B');
    await driver.captureImage();
    await driver.extractFeatures(1);
    expect(await driver.match()).toEqual({ ok: true, value: { matched: false, score: 0 } });
  });

  it('enrols into the library, searches it, counts, deletes and empties it', async () => {
    const { sim, driver } = withSimulator();
    await fingerInBothBuffers(sim, driver);
    expect((await driver.createModel()).ok).toBe(true);
    expect((await driver.store(1, 5)).ok).toBe(true);
    expect((await driver.store(1, 6)).ok).toBe(true);
    expect(await driver.templateCount()).toEqual({ ok: true, value: 2 });
    await driver.captureImage();
    await driver.extractFeatures(1);
    const found = await driver.search(1, 0, 200);
    expect(found.ok && found.value.found && found.value.pageId).toBe(5);
    expect((await driver.loadTemplate(2, 6)).ok).toBe(true);
    expect((await driver.match()).ok).toBe(true);
    expect((await driver.deleteTemplates(5, 1)).ok).toBe(true);
    expect(await driver.templateCount()).toEqual({ ok: true, value: 1 });
    expect((await driver.emptyLibrary()).ok).toBe(true);
    expect(await driver.search(1, 0, 200)).toEqual({
      ok: true,
      value: { found: false, pageId: 0, score: 0 },
    });
    expect(await driver.store(1, 999)).toMatchObject({
      ok: false,
      error: { code: 'pageIdOutOfRange' },
    });
  });

  it('reports a Match the simulator forces to fail as matched: false', async () => {
    const { sim, driver } = withSimulator();
    await fingerInBothBuffers(sim, driver);
    sim.setFault('fingerMismatch');
    expect(await driver.match()).toEqual({ ok: true, value: { matched: false, score: 0 } });
  });
});

describe('ZfmDriver framing', () => {
  it('sends the worked frames of §2.5', async () => {
    const pair = createMemoryTransportPair();
    const sent: string[] = [];
    pair.b.onData((bytes) => sent.push(Buffer.from(bytes).toString('hex')));
    const timers = new ManualTimers();
    const driver = new ZfmDriver(pair.a, { timers, replyTimeoutMs: 100 });
    void driver.verifyPassword();
    void driver.captureImage();
    void driver.extractFeatures(1);
    await timers.advance(1000);
    const frames = [
      'EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B',
      'EF 01 FF FF FF FF 01 00 03 01 00 05',
    ];
    frames.push('EF 01 FF FF FF FF 01 00 04 02 01 00 08');
    expect(sent).toEqual(frames.map((frame) => Buffer.from(hex(frame)).toString('hex')));
  });

  it('sends DownChar data in packets of the configured size, the last one with PID 08', async () => {
    const pair = createMemoryTransportPair();
    const received = scriptedModule(pair.b, () => encodeZfmAck(0));
    const driver = new ZfmDriver(pair.a, { packetSize: 32, timers: new ManualTimers() });
    const template = Uint8Array.from({ length: 100 }, (_, i) => i);
    expect((await driver.downloadTemplate(2, template)).ok).toBe(true);
    expect(received.map((payload) => payload.length)).toEqual([2, 32, 32, 32, 4]);
    expect(Buffer.concat(received.slice(1))).toEqual(Buffer.from(template));
  });

  it('times out, drops the late reply, and answers the next command correctly', async () => {
    const timers = new ManualTimers();
    const pair = createMemoryTransportPair();
    let silent = true;
    scriptedModule(pair.b, (payload) => {
      if (!silent) return encodeZfmAck(payload[0] === 0x01 ? 0x02 : 0x00);
      silent = false;
      // The late reply to the first command: "finger imaged" — it must not answer the second.
      timers.setTimeout(() => void pair.b.write(encodeZfmAck(0x00)), 1500);
      return undefined;
    });
    const driver = new ZfmDriver(pair.a, {
      timers,
      replyTimeoutMs: 1000,
      quietAfterFailureMs: 800,
    });
    const first = driver.captureImage();
    const second = driver.captureImage();
    await timers.advance(5000);
    expect(await first).toMatchObject({ ok: false, error: { code: 'timeout', action: 'reset' } });
    expect(await second).toEqual({ ok: true, value: false });
    expect(driver.counters.timeouts).toBe(1);
  });

  it('fails on a bad checksum, skips garbage, and ignores packets for other addresses', async () => {
    const pair = createMemoryTransportPair();
    let replies = 0;
    scriptedModule(pair.b, () => {
      replies++;
      if (replies === 1) {
        const bad = encodeZfmAck(0);
        bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
        return bad;
      }
      return Buffer.concat([
        hex('00 11 22'),
        encodeZfmAck(0x02, new Uint8Array(0), 7),
        encodeZfmAck(0),
      ]);
    });
    const timers = new ManualTimers();
    const driver = new ZfmDriver(pair.a, { timers, quietAfterFailureMs: 10 });
    const first = driver.verifyPassword();
    await timers.advance(100);
    expect(await first).toMatchObject({
      ok: false,
      error: { code: 'badChecksum', kind: 'hardware' },
    });
    const second = driver.verifyPassword();
    await timers.advance(100);
    expect(await second).toEqual({ ok: true, value: undefined });
    // The rest of the rejected packet and the three noise bytes are skipped as garbage.
    expect(driver.counters).toMatchObject({ badPackets: 1, garbageBytes: 13 });
  });

  it('rejects an UpChar transfer over the cap and a non-data packet inside a transfer', async () => {
    const pair = createMemoryTransportPair();
    let call = 0;
    scriptedModule(pair.b, () => {
      call++;
      const data = encodeZfmDataPackets(new Uint8Array(call === 1 ? 300 : 10), 128);
      return Buffer.concat([encodeZfmAck(0), ...(call === 1 ? data : [encodeZfmAck(0)])]);
    });
    const timers = new ManualTimers();
    const driver = new ZfmDriver(pair.a, { timers, maxTransferBytes: 200, quietAfterFailureMs: 1 });
    const tooLong = driver.uploadTemplate(1);
    await timers.advance(100);
    expect(await tooLong).toMatchObject({ ok: false, error: { code: 'badTransfer' } });
    const wrongPid = driver.uploadTemplate(1);
    await timers.advance(100);
    expect(await wrongPid).toMatchObject({ ok: false, error: { code: 'badTransfer' } });
  });

  it('fails the exchange in flight when the transport closes, and later ones at once', async () => {
    const pair = createMemoryTransportPair();
    const driver = new ZfmDriver(pair.a, { timers: new ManualTimers() });
    const pending = driver.captureImage();
    pair.sever();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'transportClosed' } });
    expect(await driver.verifyPassword()).toMatchObject({
      ok: false,
      error: { code: 'transportClosed' },
    });
  });
});
