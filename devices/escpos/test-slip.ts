import type { ReceiptDocument } from './escpos-receipt.js';

/** The short slip printed by checkHealth('external'): title, a rule the paper width, a QR. */
export function testSlip(columns: number): ReceiptDocument {
  return {
    blocks: [
      { kind: 'text', text: '打印机自检 Printer self-test', align: 'center', bold: true },
      { kind: 'text', text: '-'.repeat(Math.max(1, columns)) },
      { kind: 'text', text: '中文 繁體 ASCII 0123456789' },
      { kind: 'qr', data: 'selftest', moduleSize: 4 },
    ],
    cut: 'partial',
    feedBeforeCut: 3,
  };
}
