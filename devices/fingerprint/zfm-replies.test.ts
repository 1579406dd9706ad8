import { describe, expect, it } from 'vitest';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import { ackFields } from './zfm-packet.js';
import type { ZfmAckFields } from './zfm-packet.js';
import {
  parseMatchAck,
  parseSearchAck,
  parseSystemParameters,
  parseTemplateCount,
} from './zfm-replies.js';
import { hex } from '../testing/hex.js';

function ack(frame: string): ZfmAckFields {
  const [item] = new ZfmPacketDecoder().push(hex(frame));
  const fields = item?.kind === 'packet' ? ackFields(item.packet) : undefined;
  if (!fields) throw new Error('not an ack');
  return fields;
}

describe('ack return values of the §2.5 worked frames', () => {
  it('Match: score 100, and 0 on no match (also from a 1-byte ack)', () => {
    expect(parseMatchAck(ack('EF 01 FF FF FF FF 07 00 05 00 00 64 00 70').data)).toEqual({
      score: 100,
    });
    const noMatch = ack('EF 01 FF FF FF FF 07 00 05 08 00 00 00 14');
    expect(noMatch.confirmation).toBe(0x08);
    expect(parseMatchAck(noMatch.data)).toEqual({ score: 0 });
    expect(parseMatchAck(new Uint8Array(0))).toEqual({ score: 0 });
  });

  it('Search: PageID 5, score 80', () => {
    const found = ack('EF 01 FF FF FF FF 07 00 07 00 00 05 00 50 00 63');
    expect(parseSearchAck(found.data)).toEqual({ pageId: 5, score: 80 });
  });

  it('TemplateNum count', () => {
    expect(parseTemplateCount(Uint8Array.of(0x01, 0x2c))).toBe(300);
  });
});

describe('ReadSysPara block (§2.4)', () => {
  const block = hex('00 04 00 09 03 E8 00 03 FF FF FF FF 00 02 00 06');

  it('reads every field', () => {
    expect(parseSystemParameters(block)).toEqual({
      status: 4,
      systemId: 9,
      libraryCapacity: 1000,
      securityLevel: 3,
      address: 0xffffffff,
      packetSize: 128,
      baudRate: 57_600,
    });
  });

  it('refuses a short block or an unknown packet-size code', () => {
    expect(parseSystemParameters(block.subarray(0, 15))).toBeUndefined();
    const bad = block.slice();
    bad[13] = 4;
    expect(parseSystemParameters(bad)).toBeUndefined();
  });
});
