import { describe, expect, it } from 'vitest';
import { EscPosEncoder } from '../escpos/escpos-encoder.js';
import { jobStats, renderReceipt } from '../escpos/escpos-receipt.js';
import type { ReceiptDocument } from '../escpos/escpos-receipt.js';
import { hex } from '../testing/hex.js';
import { decodeEscPosStream } from './escpos-stream-decoder.js';

const doc: ReceiptDocument = {
  blocks: [
    {
      kind: 'text',
      text: '市民之窗 自助服务',
      align: 'center',
      bold: true,
      size: { width: 2, height: 2 },
    },
    { kind: 'text', text: '業務編號 A-0042\n身份证 1101**********002X' },
    { kind: 'qr', data: 'https://example.gov.cn/q?id=1', moduleSize: 5 },
    { kind: 'barcode', symbology: 'code128', data: '{BA0042', height: 60 },
    { kind: 'image', bitmap: { width: 16, height: 2, bits: new Uint8Array(4) } },
  ],
  cut: 'full',
};
const base = { gb18030: true, nativeQr: true, cut: true, maxWidthDots: 576 } as const;

describe('receipt rendering and decoding round trip', () => {
  it('prints what the document says', () => {
    const { bytes, replacedCharacters } = renderReceipt(doc, base);
    expect(replacedCharacters).toBe(0);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('1b401c26');
    const { receipts, pending } = decodeEscPosStream(bytes, false);
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts;
    expect(receipt?.cut).toBe('full');
    expect(receipt?.complete).toBe(true);
    expect(receipt?.lines.slice(0, 3)).toEqual([
      '市民之窗 自助服务',
      '業務編號 A-0042',
      '身份证 1101**********002X',
    ]);
    expect(receipt?.items[0]).toEqual({
      kind: 'text',
      text: '市民之窗 自助服务',
      align: 'center',
      bold: true,
      underline: false,
      width: 2,
      height: 2,
    });
    expect(receipt?.items).toContainEqual({
      kind: 'qr',
      data: 'https://example.gov.cn/q?id=1',
      moduleSize: 5,
      errorCorrection: 'M',
    });
    expect(receipt?.items).toContainEqual({
      kind: 'barcode',
      symbology: 'code128',
      data: '{BA0042',
    });
    expect(receipt?.items).toContainEqual({ kind: 'image', width: 16, height: 2 });
    expect(pending.items).toEqual([]);
    expect(jobStats(bytes)).toEqual({ lines: 3 + 3 + 4, cuts: 1 });
  });

  it('sends QR as a merged raster image without nativeQr, and ASCII-only text as ?', () => {
    const { bytes, replacedCharacters } = renderReceipt(doc, {
      ...base,
      gb18030: false,
      nativeQr: false,
    });
    expect(replacedCharacters).toBe(8 + 4 + 3);
    const [receipt] = decodeEscPosStream(bytes).receipts;
    expect(receipt?.items.some((i) => i.kind === 'qr')).toBe(false);
    // 37 modules × 5 dots = 185; rows are padded to whole bytes (192 dots).
    expect(receipt?.items).toContainEqual({ kind: 'image', width: 192, height: 185 });
    expect(receipt?.lines[1]).toBe('???? A-0042');
  });

  it('decodes GB18030 only in Chinese mode (code page bytes otherwise)', () => {
    const text = new EscPosEncoder().raw(hex('CA D0')).line().encode();
    expect(decodeEscPosStream(text, true).pending.lines).toEqual(['市']);
    expect(decodeEscPosStream(text, false).pending.lines).toEqual(['ÊÐ']);
  });
});
