import { describe, expect, it } from 'vitest';
import { zfmPayload } from './zfm-instructions.js';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import {
  ZFM_PID,
  ackFields,
  encodeZfmAck,
  encodeZfmCommand,
  encodeZfmDataPackets,
  encodeZfmPacket,
} from './zfm-packet.js';
import type { ZfmDecoded } from './zfm-packet.js';
import { hex } from '../testing/hex.js';

const prefix = 'EF 01 FF FF FF FF';

/** Worked command frames of device-protocols.md §2.5, built with the payload builders. */
const COMMANDS: Array<[string, Uint8Array, string]> = [
  ['VfyPwd(0)', zfmPayload.vfyPwd(0), '01 00 07 13 00 00 00 00 00 1B'],
  ['GenImg', zfmPayload.genImg(), '01 00 03 01 00 05'],
  ['Img2Tz buf1', zfmPayload.img2Tz(1), '01 00 04 02 01 00 08'],
  ['DownChar buf2', zfmPayload.downChar(2), '01 00 04 09 02 00 10'],
  ['Match', zfmPayload.match(), '01 00 03 03 00 07'],
  ['Search b1 0..300', zfmPayload.search(1, 0, 300), '01 00 08 04 01 00 00 01 2C 00 3B'],
  ['UpChar buf1', zfmPayload.upChar(1), '01 00 04 08 01 00 0E'],
  ['ReadSysPara', zfmPayload.readSysPara(), '01 00 03 0F 00 13'],
  ['TemplateNum', zfmPayload.templateNum(), '01 00 03 1D 00 21'],
];

/** Worked acknowledge frames of §2.5: confirmation, return values, bytes after the address. */
const ACKS: Array<[string, number, number[], string]> = [
  ['ack OK', 0x00, [], '07 00 03 00 00 0A'],
  ['ack no finger', 0x02, [], '07 00 03 02 00 0C'],
  ['ack score 100', 0x00, [0x00, 0x64], '07 00 05 00 00 64 00 70'],
  ['ack no match', 0x08, [0x00, 0x00], '07 00 05 08 00 00 00 14'],
  ['ack id5 score 80', 0x00, [0x00, 0x05, 0x00, 0x50], '07 00 07 00 00 05 00 50 00 63'],
];

const packets = (items: ZfmDecoded[]): Uint8Array[] =>
  items.flatMap((item) => (item.kind === 'packet' ? [item.packet.payload] : []));

/** The §2.5 data packet: 128 bytes, length 0x82. */
const data128 = Uint8Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff);
const dataPacket = encodeZfmPacket(ZFM_PID.data, data128);

describe('ZFM packet encoding matches the worked frames of §2.5 byte for byte', () => {
  it.each(COMMANDS)('%s', (_name, payload, expected) => {
    expect(encodeZfmCommand(payload)).toEqual(hex(`${prefix} ${expected}`));
  });
  it.each(ACKS)('%s', (_name, confirmation, data, expected) => {
    expect(encodeZfmAck(confirmation, Uint8Array.from(data))).toEqual(hex(`${prefix} ${expected}`));
  });
  it('data packet: length 0x82 and SUM16 of PID + length + 128 bytes', () => {
    expect(dataPacket.subarray(0, 9)).toEqual(hex(`${prefix} 02 00 82`));
    const sum = (0x02 + 0x82 + data128.reduce((a, b) => a + b, 0)) & 0xffff;
    expect(dataPacket.subarray(137)).toEqual(Uint8Array.of(sum >> 8, sum & 0xff));
  });
  it('uses a configured address and keeps it out of the checksum', () => {
    expect(encodeZfmCommand(zfmPayload.genImg(), 0x12345678)).toEqual(
      hex('EF 01 12 34 56 78 01 00 03 01 00 05'),
    );
  });
});

describe('ZFM packet decoding of the worked frames', () => {
  it.each(COMMANDS)('%s decodes to its command', (_name, payload, bytes) => {
    const items = new ZfmPacketDecoder().push(hex(`${prefix} ${bytes}`));
    expect(items).toEqual([
      { kind: 'packet', packet: { address: 0xffffffff, pid: ZFM_PID.command, payload } },
    ]);
  });
  it.each(ACKS)('%s decodes to its ack', (_name, confirmation, data, bytes) => {
    const [item] = new ZfmPacketDecoder().push(hex(`${prefix} ${bytes}`));
    expect(item?.kind === 'packet' && ackFields(item.packet)).toEqual({
      confirmation,
      data: Uint8Array.from(data),
    });
  });
  it('every worked frame survives a split at every byte boundary', () => {
    const frames = [...COMMANDS.map((c) => c[2]), ...ACKS.map((a) => a[3])].map((b) =>
      hex(`${prefix} ${b}`),
    );
    const failed: string[] = [];
    for (const frame of [...frames, dataPacket]) {
      const whole = new ZfmPacketDecoder().push(frame);
      for (let cut = 1; cut < frame.length; cut++) {
        const decoder = new ZfmPacketDecoder();
        const first = decoder.push(frame.subarray(0, cut));
        const second = decoder.push(frame.subarray(cut));
        if (first.length !== 0 || JSON.stringify(second) !== JSON.stringify(whole))
          failed.push(`${frame.length}@${cut}`);
      }
    }
    expect(failed).toEqual([]);
  });
  it('decodes one byte at a time', () => {
    const decoder = new ZfmPacketDecoder();
    const items = [...dataPacket].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(packets(items)).toEqual([data128]);
    expect(decoder.pendingBytes).toBe(0);
  });
});

describe('bulk data packets', () => {
  it('splits into packet-size chunks, the last one PID 08, and decodes back in order', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const parts = encodeZfmDataPackets(data, 128);
    expect(parts.map((p) => [p[6], (p[7]! << 8) | p[8]!])).toEqual([
      [0x02, 130],
      [0x02, 130],
      [0x08, 46],
    ]);
    const decoder = new ZfmPacketDecoder();
    const items = parts.flatMap((p) => decoder.push(p));
    expect(Uint8Array.from(packets(items).flatMap((p) => [...p]))).toEqual(data);
  });
  it('rejects bad encoder arguments', () => {
    expect(() => encodeZfmDataPackets(data128, 0)).toThrow(RangeError);
    expect(() => encodeZfmCommand(Uint8Array.of(1), 2 ** 32)).toThrow(RangeError);
    expect(() => encodeZfmPacket(0x100, Uint8Array.of(1))).toThrow(RangeError);
  });
  it('ackFields refuses non-ack packets', () => {
    const [item] = new ZfmPacketDecoder().push(encodeZfmCommand(zfmPayload.genImg()));
    expect(item?.kind === 'packet' && ackFields(item.packet)).toBeUndefined();
  });
});
