import { describe, expect, it } from 'vitest';
import { zfmPayload } from './zfm-instructions.js';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import { ZFM_PID, encodeZfmCommand, encodeZfmPacket } from './zfm-packet.js';
import type { ZfmDecoded } from './zfm-packet.js';
import { hex } from '../testing/hex.js';

const prefix = 'EF 01 FF FF FF FF';

const packets = (items: ZfmDecoded[]): Uint8Array[] =>
  items.flatMap((item) => (item.kind === 'packet' ? [item.packet.payload] : []));
const errors = (items: ZfmDecoded[]): string[] =>
  items.flatMap((item) => (item.kind === 'error' ? [item.error.code] : []));

/** The §2.5 data packet: 128 bytes, length 0x82. */
const data128 = Uint8Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff);
const dataPacket = encodeZfmPacket(ZFM_PID.data, data128);

describe('resynchronisation', () => {
  const genImg = encodeZfmCommand(zfmPayload.genImg());
  const match = encodeZfmCommand(zfmPayload.match());

  it('skips garbage before and between packets and reports how much', () => {
    const stream = Uint8Array.of(1, 2, 0xef, 3, ...genImg, 0x55, 0xef, 0xef, ...match);
    const items = new ZfmPacketDecoder().push(stream);
    expect(items.map((i) => (i.kind === 'packet' ? 'packet' : i.error.code))).toEqual([
      'garbage',
      'packet',
      'garbage',
      'packet',
    ]);
    expect(items[0]).toEqual({ kind: 'error', error: { code: 'garbage', discarded: 4 } });
    expect(items[2]).toEqual({ kind: 'error', error: { code: 'garbage', discarded: 3 } });
  });

  it('keeps a trailing EF across pushes', () => {
    const decoder = new ZfmPacketDecoder();
    expect(decoder.push(Uint8Array.of(0x55, 0xef))).toEqual([
      { kind: 'error', error: { code: 'garbage', discarded: 1 } },
    ]);
    expect(decoder.pendingBytes).toBe(1);
    expect(packets(decoder.push(genImg.subarray(1)))).toEqual([Uint8Array.of(0x01)]);
  });

  it('reports a bad checksum, then still decodes the next good packet', () => {
    const bad = genImg.slice();
    bad[bad.length - 1] = 0x06;
    const items = new ZfmPacketDecoder().push(Uint8Array.of(...bad, ...match));
    expect(items[0]).toEqual({
      kind: 'error',
      error: { code: 'badChecksum', expected: 0x0005, actual: 0x0006 },
    });
    expect(errors(items)).toEqual(['badChecksum', 'garbage']);
    expect(packets(items)).toEqual([Uint8Array.of(0x03)]);
  });

  it('rejects an unknown PID as soon as it arrives', () => {
    const decoder = new ZfmPacketDecoder();
    expect(decoder.push(hex(`${prefix} 05`))).toEqual([
      { kind: 'error', error: { code: 'badPid', pid: 5 } },
      { kind: 'error', error: { code: 'garbage', discarded: 5 } },
    ]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('rejects an absurd or empty length at once instead of waiting for it', () => {
    const decoder = new ZfmPacketDecoder();
    const items = decoder.push(Uint8Array.of(...hex(`${prefix} 02 FF FF`), ...genImg));
    expect(errors(items)).toEqual(['badLength', 'garbage']);
    expect(items[0]).toEqual({ kind: 'error', error: { code: 'badLength', length: 0xffff } });
    expect(packets(items)).toEqual([Uint8Array.of(0x01)]);
    expect(errors(decoder.push(hex(`${prefix} 07 00 02 00 09`)))).toEqual(['badLength', 'garbage']);
    expect(errors(new ZfmPacketDecoder({ maxPayloadLength: 64 }).push(dataPacket))).toEqual([
      'badLength',
      'garbage',
    ]);
  });

  it('drops a well-formed packet for another address whole', () => {
    const other = encodeZfmCommand(zfmPayload.genImg(), 0x00000001);
    const items = new ZfmPacketDecoder().push(Uint8Array.of(...other, ...match));
    expect(items).toEqual([
      { kind: 'error', error: { code: 'wrongAddress', expected: 0xffffffff, actual: 1 } },
      { kind: 'packet', packet: { address: 0xffffffff, pid: 1, payload: Uint8Array.of(3) } },
    ]);
    const any = new ZfmPacketDecoder({ address: 'any' }).push(other);
    expect(any).toEqual([
      { kind: 'packet', packet: { address: 1, pid: 1, payload: Uint8Array.of(1) } },
    ]);
    expect(packets(new ZfmPacketDecoder({ address: 1 }).push(other))).toHaveLength(1);
  });

  it('finds a good packet that starts inside a truncated one', () => {
    const items = new ZfmPacketDecoder().push(
      Uint8Array.of(...dataPacket.subarray(0, 60), ...match, ...new Uint8Array(200)),
    );
    expect(errors(items)[0]).toBe('badChecksum');
    expect(packets(items)).toEqual([Uint8Array.of(0x03)]);
  });

  it('reset() drops a partial packet', () => {
    const decoder = new ZfmPacketDecoder();
    decoder.push(dataPacket.subarray(0, 20));
    expect(decoder.pendingBytes).toBe(20);
    decoder.reset();
    expect(packets(decoder.push(match))).toEqual([Uint8Array.of(0x03)]);
  });
});
