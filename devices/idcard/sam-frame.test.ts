import { describe, expect, it } from 'vitest';
import { demoCard } from '../sim/sim-card.js';
import {
  SamFrameDecoder,
  commandFields,
  encodeSamCommand,
  encodeSamReply,
  replyFields,
} from './sam-frame.js';
import type { SamDecoded } from './sam-frame.js';
import { hex } from '../testing/hex.js';

/** Worked command frames of device-protocols.md §1.5. */
const COMMANDS: Array<[string, number, number, number[], string]> = [
  ['reset SAM', 0x10, 0xff, [], 'AA AA AA 96 69 00 03 10 FF EC'],
  ['SAM status', 0x11, 0xff, [], 'AA AA AA 96 69 00 03 11 FF ED'],
  ['read SAM ID', 0x12, 0xff, [], 'AA AA AA 96 69 00 03 12 FF EE'],
  ['find card', 0x20, 0x01, [], 'AA AA AA 96 69 00 03 20 01 22'],
  ['select card', 0x20, 0x02, [], 'AA AA AA 96 69 00 03 20 02 21'],
  ['read text+photo', 0x30, 0x01, [], 'AA AA AA 96 69 00 03 30 01 32'],
  ['read text+photo+fp', 0x30, 0x10, [], 'AA AA AA 96 69 00 03 30 10 23'],
  ["add'l address (30 03)", 0x30, 0x03, [], 'AA AA AA 96 69 00 03 30 03 30'],
  ['set max RF bytes = 50', 0x61, 0xff, [0x50], 'AA AA AA 96 69 00 04 61 FF 50 CA'],
];

/** Worked reply frames of §1.5. */
const REPLIES: Array<[string, number, number[], string]> = [
  ['status OK', 0x90, [], 'AA AA AA 96 69 00 04 00 00 90 94'],
  ['find OK', 0x9f, [0, 0, 0, 0], 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'],
  ['find fail', 0x80, [], 'AA AA AA 96 69 00 04 00 00 80 84'],
  [
    'select OK',
    0x90,
    [0, 0, 0, 0, 0, 0, 0, 0],
    'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C',
  ],
  ['select fail', 0x81, [], 'AA AA AA 96 69 00 04 00 00 81 85'],
  ['read failed', 0x41, [], 'AA AA AA 96 69 00 04 00 00 41 45'],
];

const frames = (items: SamDecoded[]): Uint8Array[] =>
  items.flatMap((item) => (item.kind === 'frame' ? [item.frame.body] : []));
const errors = (items: SamDecoded[]): string[] =>
  items.flatMap((item) => (item.kind === 'error' ? [item.error.code] : []));

/** The read reply for the demo card (张三, 11010519491231002X, 1024 zero photo bytes). */
function demoReadReply(): Uint8Array {
  const card = demoCard();
  const data = new Uint8Array(4 + 256 + 1024);
  data.set([0x01, 0x00, 0x04, 0x00], 0);
  data.set(card.text, 4);
  data.set(card.photo, 260);
  return encodeSamReply(0x90, data);
}

describe('SAM frame encoding matches the worked frames of §1.5 byte for byte', () => {
  it.each(COMMANDS)('%s', (_name, cmd, para, data, expected) => {
    expect(encodeSamCommand(cmd, para, Uint8Array.from(data))).toEqual(hex(expected));
  });
  it.each(REPLIES)('%s', (_name, sw3, data, expected) => {
    expect(encodeSamReply(sw3, Uint8Array.from(data))).toEqual(hex(expected));
  });
});

describe('SAM frame decoding of the worked frames', () => {
  it.each(COMMANDS)('%s decodes to its command', (_name, cmd, para, data, bytes) => {
    const items = new SamFrameDecoder().push(hex(bytes));
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.kind === 'frame' && commandFields(item.frame)).toEqual({
      cmd,
      para,
      data: Uint8Array.from(data),
    });
  });
  it.each(REPLIES)('%s decodes to its reply', (_name, sw3, data, bytes) => {
    const [item] = new SamFrameDecoder({ minBodyLength: 3 }).push(hex(bytes));
    expect(item?.kind === 'frame' && replyFields(item.frame)).toEqual({
      sw1: 0,
      sw2: 0,
      sw3,
      data: Uint8Array.from(data),
    });
  });
});

describe('the 1295-byte read reply (§1.5, §1.6)', () => {
  const frame = demoReadReply();

  it('has the documented length, header and block offsets', () => {
    expect(frame.length).toBe(1295);
    expect(frame.subarray(0, 14)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'));
    // §1.7: the first 52 bytes of the synthetic block (name 张三, gender 1, nation 01, birth 19491231).
    const spaces = '20 00 '.repeat(13).trim();
    expect(frame.subarray(14, 14 + 52)).toEqual(
      hex(
        `20 5F 09 4E ${spaces} 31 00 30 00 31 00 31 00 39 00 34 00 39 00 31 00 32 00 33 00 31 00`,
      ),
    );
    expect(frame.subarray(270, 1294).every((b) => b === 0)).toBe(true);
  });

  it('ends with the XOR of Len1..last data byte', () => {
    // Recomputed here independently of the encoder. The spec quotes CHK 96 for its own synthetic
    // card, whose address starts with 广 (7F 5E) and whose other fields it does not list; the
    // demo card (address 北京市东城区景山前街4号) gives 7E.
    const chk = Array.from(frame.subarray(5, 1294)).reduce((a, b) => a ^ b, 0);
    expect(frame[1294]).toBe(chk);
    expect(frame[1294]).toBe(0x7e);
  });

  it('decodes whole, and split at every byte boundary', () => {
    const [whole] = frames(new SamFrameDecoder({ minBodyLength: 3 }).push(frame));
    expect(whole).toEqual(frame.subarray(7, 1294));
    const failedCuts: number[] = [];
    for (let cut = 1; cut < frame.length; cut++) {
      const decoder = new SamFrameDecoder({ minBodyLength: 3 });
      const first = decoder.push(frame.subarray(0, cut));
      const [body, ...rest] = frames(decoder.push(frame.subarray(cut)));
      const ok = first.length === 0 && rest.length === 0 && body !== undefined;
      if (!ok || !Buffer.from(body).equals(Buffer.from(whole ?? []))) failedCuts.push(cut);
    }
    expect(failedCuts).toEqual([]);
  });
});

describe('resynchronisation', () => {
  const find = hex('AA AA AA 96 69 00 03 20 01 22');
  const select = hex('AA AA AA 96 69 00 03 20 02 21');

  it('skips garbage before and between frames and reports how much', () => {
    const stream = Uint8Array.of(1, 2, 0xaa, 3, ...find, 0xaa, 0xaa, 0x96, ...select);
    const items = new SamFrameDecoder().push(stream);
    expect(items.map((i) => (i.kind === 'frame' ? 'frame' : `${i.error.code}`))).toEqual([
      'garbage',
      'frame',
      'garbage',
      'frame',
    ]);
    expect(items[0]).toEqual({ kind: 'error', error: { code: 'garbage', discarded: 4 } });
    expect(items[2]).toEqual({ kind: 'error', error: { code: 'garbage', discarded: 3 } });
  });

  it('keeps a possible preamble start across pushes', () => {
    const decoder = new SamFrameDecoder();
    expect(decoder.push(Uint8Array.of(7, 0xaa, 0xaa))).toEqual([
      { kind: 'error', error: { code: 'garbage', discarded: 1 } },
    ]);
    expect(frames(decoder.push(find.subarray(2)))).toHaveLength(1);
  });

  it('reports a bad checksum, then still decodes the next good frame', () => {
    const bad = find.slice();
    bad[bad.length - 1] = 0x23;
    const items = new SamFrameDecoder().push(Uint8Array.of(...bad, ...select));
    expect(items[0]).toEqual({
      kind: 'error',
      error: { code: 'badChecksum', expected: 0x22, actual: 0x23 },
    });
    expect(frames(items)).toEqual([Uint8Array.of(0x20, 0x02)]);
  });

  it('rejects an absurd length at once instead of waiting for it', () => {
    const decoder = new SamFrameDecoder();
    const items = decoder.push(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...find));
    expect(errors(items)).toEqual(['badLength', 'garbage']);
    expect(frames(items)).toEqual([Uint8Array.of(0x20, 0x01)]);
    // Len 1 cannot even hold CMD PARA CHK; the bytes after the rejected preamble are noise.
    expect(errors(decoder.push(hex('AA AA AA 96 69 00 01 00')))).toEqual(['badLength', 'garbage']);
  });

  it('finds a good frame that starts inside a truncated one', () => {
    const truncated = demoReadReply().subarray(0, 600);
    const items = new SamFrameDecoder({ minBodyLength: 3 }).push(
      Uint8Array.of(...truncated, ...hex(REPLIES[0]![3]), ...new Uint8Array(700)),
    );
    expect(errors(items)[0]).toBe('badChecksum');
    expect(frames(items)).toEqual([Uint8Array.of(0, 0, 0x90)]);
  });

  it('reset() drops a partial frame', () => {
    const decoder = new SamFrameDecoder();
    decoder.push(find.subarray(0, 8));
    expect(decoder.pendingBytes).toBe(8);
    decoder.reset();
    expect(frames(decoder.push(select))).toEqual([Uint8Array.of(0x20, 0x02)]);
  });
});
