import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex.js';
import { readU16BE, sum16, writeU16BE, xorChecksum } from './checksum.js';

describe('xorChecksum', () => {
  it('gives the CHK of a worked SAM frame (find card) over Len1 .. last body byte', () => {
    const frame = hex('AA AA AA 96 69 00 03 20 01 22');
    expect(xorChecksum(frame, 5, frame.length - 1)).toBe(0x22);
  });

  it('gives the BCC of a worked CRT-591 frame (status) over STX .. ETX', () => {
    const frame = hex('F2 00 00 03 43 31 30 03 B0');
    expect(xorChecksum(frame, 0, frame.length - 1)).toBe(0xb0);
  });

  it('is 0 for an empty range and covers the whole array by default', () => {
    expect(xorChecksum(Uint8Array.of(1, 2, 3), 2, 2)).toBe(0);
    expect(xorChecksum(Uint8Array.of(0x0f, 0xf0, 0x01))).toBe(0xfe);
  });
});

describe('sum16', () => {
  it('gives the SUM16 of a worked ZFM packet (GenImg) over PID .. payload', () => {
    const packet = hex('EF 01 FF FF FF FF 01 00 03 01 00 05');
    expect(sum16(packet, 6, packet.length - 2)).toBe(0x0005);
  });

  it('wraps at 16 bits', () => {
    expect(sum16(new Uint8Array(300).fill(0xff))).toBe((300 * 0xff) & 0xffff);
  });
});

describe('big-endian u16', () => {
  it('reads and writes the high byte first', () => {
    const bytes = new Uint8Array(4);
    writeU16BE(bytes, 1, 0x1234);
    expect([...bytes]).toEqual([0, 0x12, 0x34, 0]);
    expect(readU16BE(bytes, 1)).toBe(0x1234);
  });

  it('keeps the low 16 bits and reads missing bytes as 0', () => {
    const bytes = new Uint8Array(2);
    writeU16BE(bytes, 0, 0x12345);
    expect(readU16BE(bytes, 0)).toBe(0x2345);
    expect(readU16BE(bytes, 1)).toBe(0x4500);
    expect(readU16BE(bytes, 2)).toBe(0);
  });
});
