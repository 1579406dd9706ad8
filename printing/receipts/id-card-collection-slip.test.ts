import { describe, expect, it } from 'vitest';
import { idCardCollectionSlip } from './id-card-collection-slip.js';
import { printedLines } from './testing/receipt-checks.js';
import { SAMPLE_KIOSK, sampleCollection } from './testing/sample-receipts.js';

const lines = (doc: ReturnType<typeof idCardCollectionSlip>) =>
  printedLines(doc).map((l) => l.text);

describe('ID-card collection slip (身份证领取凭条)', () => {
  it('zh-CN: masked holder, card number to its last four, time, kiosk, keep notice, QR', () => {
    const doc = idCardCollectionSlip(sampleCollection(), 'zh-CN', SAMPLE_KIOSK);
    expect(doc.blocks.map((b) => b.kind)).toEqual([...Array<string>(9).fill('text'), 'qr', 'text']);
    expect(lines(doc)).toEqual([
      '佛山市禅城区行政服务中心',
      '身份证领取凭条',
      '-'.repeat(42),
      '持证人：张**',
      '证件号码：**************002X',
      '领取时间：2025年3月5日 14:10:00',
      '终端编号：FS-CHANCHENG-0042',
      '-'.repeat(42),
      '请妥善保管本凭条，作为已领取身份证的凭证。',
      '领取记录：CR-20250305-0042',
    ]);
    expect(doc.blocks[8]).toMatchObject({ bold: true, align: 'center' });
    expect(doc.blocks[9]).toMatchObject({ kind: 'qr', data: 'CR-20250305-0042' });
  });

  it('zh-TW and en print their own labels', () => {
    expect(lines(idCardCollectionSlip(sampleCollection(), 'zh-TW', SAMPLE_KIOSK))).toContain(
      '證件號碼：**************002X',
    );
    const en = lines(idCardCollectionSlip(sampleCollection(), 'en', SAMPLE_KIOSK));
    expect(en).toContain('Card number: **************002X');
    expect(en).toContain('Collected at: 5 Mar 2025, 14:10:00 UTC+8');
    expect(en).toContain('Keep this slip: it shows that you');
  });

  it('prints only the last four characters even when given the whole ID number', () => {
    const data = { ...sampleCollection(), idNumberLast4: '11010519491231002X' };
    const text = lines(idCardCollectionSlip(data, 'en', SAMPLE_KIOSK)).join('\n');
    expect(text).toContain('**************002X');
    expect(text).not.toContain('1101');
  });

  it('refuses a dispensing time without an offset', () => {
    const data = { ...sampleCollection(), dispensedAt: '2025-03-05T14:10:00' };
    expect(() => idCardCollectionSlip(data, 'zh-TW', SAMPLE_KIOSK)).toThrow(
      expect.objectContaining({ code: 'invalidTime', field: 'dispensedAt' }),
    );
  });
});
