import { describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, imageComplete, imageSize, pnmHeader, sampleOf } from './image-header.js';

function png(width: number, height: number, withEnd: boolean): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  const end = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Buffer.concat([PNG_SIGNATURE, ihdr, Buffer.alloc(40), withEnd ? end : Buffer.alloc(0)]);
}

function tiff(littleEndian: boolean, width: number, height: number): Buffer {
  const data = Buffer.alloc(8 + 2 + 2 * 12);
  const u16 = (v: number, at: number) =>
    littleEndian ? data.writeUInt16LE(v, at) : data.writeUInt16BE(v, at);
  const u32 = (v: number, at: number) =>
    littleEndian ? data.writeUInt32LE(v, at) : data.writeUInt32BE(v, at);
  data.write(littleEndian ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(2, 8);
  u16(256, 10);
  u16(3, 12);
  u32(1, 14);
  u16(width, 18); // SHORT value, left-justified
  u16(257, 22);
  u16(4, 24);
  u32(1, 26);
  u32(height, 30); // LONG value
  return data; // prettier-ignore
}

describe('image headers', () => {
  it('reads PNG size and requires IEND for completeness', () => {
    expect(imageSize('png', png(944, 1181, true))).toEqual({ width: 944, height: 1181 });
    expect(imageComplete('png', sampleOf(png(944, 1181, true)))).toBe(true);
    expect(imageComplete('png', sampleOf(png(944, 1181, false)))).toBe(false);
    expect(imageSize('png', Buffer.from('not a png at all, not at all'))).toBeUndefined();
  });

  it('reads PNM headers with comments and checks the pixel byte count', () => {
    const header = Buffer.from('P6\n# SANE data follows\n4 2\n255\n', 'latin1');
    expect(pnmHeader(header)).toMatchObject({ width: 4, height: 2, dataLength: 24 });
    expect(imageComplete('pnm', sampleOf(Buffer.concat([header, Buffer.alloc(24)])))).toBe(true);
    // What the test backend's SANE_STATUS_EOF produces: a header and no pixels.
    expect(imageComplete('pnm', sampleOf(header))).toBe(false);
    const bitmap = Buffer.from('P4\n9 2\n', 'latin1');
    expect(pnmHeader(bitmap)).toMatchObject({ width: 9, height: 2, dataLength: 4 });
    const gray16 = Buffer.from('P5\n3 1\n65535\n', 'latin1');
    expect(pnmHeader(gray16)).toMatchObject({ dataLength: 6 });
  });

  it('reads TIFF sizes in both byte orders', () => {
    expect(imageSize('tiff', tiff(false, 157, 196))).toEqual({ width: 157, height: 196 });
    expect(imageSize('tiff', tiff(true, 300, 70000))).toEqual({ width: 300, height: 70000 });
  });

  it('reads the JPEG frame size and requires EOI', () => {
    const sof = Buffer.from([
      0xff,
      0xc0,
      0,
      17,
      8,
      0,
      196,
      0,
      157,
      3,
      ...new Array<number>(9).fill(0),
    ]);
    const app0 = Buffer.from([0xff, 0xe0, 0, 4, 0, 0]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
    expect(imageSize('jpeg', jpeg)).toEqual({ width: 157, height: 196 });
    expect(imageComplete('jpeg', sampleOf(jpeg))).toBe(true);
    expect(imageComplete('jpeg', sampleOf(jpeg.subarray(0, -2)))).toBe(false);
  });
});
