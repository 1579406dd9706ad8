import { describe, expect, it } from 'vitest';
import { EscPosEncoder } from './escpos-encoder.js';
import { qrBitmap, qrMatrix } from './escpos-qr-raster.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const isDot = (bits: Uint8Array, rowBytes: number, x: number, y: number): boolean =>
  (((bits[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;

describe('raster QR fallback (§3.2, §3.4)', () => {
  it('scales each module to moduleSize dots inside a quiet zone', () => {
    const matrix = qrMatrix('https://example.gov.cn/q?id=1', 'M');
    expect(matrix.size).toBe(29); // version 3: 29 bytes at level M
    const bitmap = qrBitmap('https://example.gov.cn/q?id=1', { moduleSize: 4, quietZone: 4 });
    expect(bitmap.width).toBe((29 + 8) * 4);
    expect(bitmap.height).toBe(bitmap.width);
    const rowBytes = Math.ceil(bitmap.width / 8);
    for (let my = 0; my < matrix.size; my++)
      for (let mx = 0; mx < matrix.size; mx++) {
        const x = (mx + 4) * 4 + 1;
        const y = (my + 4) * 4 + 2;
        expect(isDot(bitmap.bits, rowBytes, x, y)).toBe(matrix.dark(mx, my));
      }
    expect(isDot(bitmap.bits, rowBytes, 0, 0)).toBe(false);
    expect(isDot(bitmap.bits, rowBytes, 16, 16)).toBe(true); // finder pattern corner
  });

  it('shrinks the module size to fit the paper width', () => {
    const bitmap = qrBitmap('x'.repeat(300), { moduleSize: 8, maxWidthDots: 384 });
    expect(bitmap.width).toBeLessThanOrEqual(384);
    expect(() => qrBitmap('x'.repeat(2000), { maxWidthDots: 64 })).toThrow(RangeError);
  });

  it('is chosen by the nativeQr capability', () => {
    const native = new EscPosEncoder().qr('A').encode();
    expect(hex(native.subarray(0, 3))).toBe('1D286B');
    const raster = new EscPosEncoder({ nativeQr: false }).qr('A', { moduleSize: 3 }).encode();
    const side = (21 + 8) * 3; // version 1, 87 dots
    const rowBytes = Math.ceil(side / 8);
    expect(hex(raster.subarray(0, 8))).toBe(
      `1D763000${hex(Uint8Array.of(rowBytes, 0))}${hex(Uint8Array.of(side, 0))}`,
    );
    expect(raster.length).toBe(8 + rowBytes * side);
  });
});
