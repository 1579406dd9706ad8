import { describe, expect, it } from 'vitest';
import { ReceiptBlock, ReceiptDocument } from './receipt-document.js';

describe('ReceiptDocument schema', () => {
  it('accepts every block kind with its options, and survives JSON', () => {
    const doc = {
      blocks: [
        {
          kind: 'text',
          text: '受理回执\nReceipt',
          align: 'center',
          bold: true,
          size: { width: 2, height: 2 },
        },
        { kind: 'qr', data: 'https://example.gov.cn/t?no=1', moduleSize: 6, errorCorrection: 'M' },
        { kind: 'barcode', symbology: 'code128', data: '{BA0042', height: 60, hri: 'below' },
        { kind: 'feed', lines: 2 },
      ],
      cut: 'partial',
      feedBeforeCut: 3,
    };
    expect(ReceiptDocument.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it.each([
    [{ kind: 'image', width: 8, height: 1 }, 'images are device-internal'],
    [{ kind: 'text', text: 'x', size: { width: 9, height: 1 } }, 'size above 8'],
    [{ kind: 'text', text: 'x', colour: 'red' }, 'unknown field'],
    [{ kind: 'qr', data: '' }, 'empty QR'],
    [{ kind: 'qr', data: '证'.repeat(1000) }, 'QR over 2953 bytes of UTF-8'],
    [{ kind: 'qr', data: 'x', moduleSize: 17 }, 'module size above 16'],
    [{ kind: 'barcode', symbology: 'code128', data: 'A0042' }, 'CODE128 without {A/{B/{C'],
    [{ kind: 'barcode', symbology: 'ean13', data: '条码' }, 'non-ASCII barcode'],
    [{ kind: 'barcode', symbology: 'pdf417', data: '1' }, 'unknown symbology'],
    [{ kind: 'feed', lines: 0 }, 'feed of 0 lines'],
    [{ kind: 'feed', lines: 256 }, 'feed above 255'],
  ])('refuses %j (%s)', (block, _why) => {
    expect(ReceiptBlock.safeParse(block).success).toBe(false);
  });

  it('refuses an unknown cut and a feed before the cut above 255', () => {
    expect(ReceiptDocument.safeParse({ blocks: [], cut: 'half' }).success).toBe(false);
    expect(ReceiptDocument.safeParse({ blocks: [], feedBeforeCut: 256 }).success).toBe(false);
  });
});
