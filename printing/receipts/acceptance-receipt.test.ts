import { describe, expect, it } from 'vitest';
import { acceptanceReceipt } from './acceptance-receipt.js';
import { ReceiptDataError } from './receipt-context.js';
import { printedLines } from './testing/receipt-checks.js';
import { SAMPLE_KIOSK, sampleAcceptance } from './testing/sample-receipts.js';

const lines = (doc: ReturnType<typeof acceptanceReceipt>) => printedLines(doc).map((l) => l.text);

describe('acceptance receipt (受理回执)', () => {
  it('zh-CN: hall, title, service, large tracking number, masked applicant, items, QR, next steps', () => {
    const doc = acceptanceReceipt(sampleAcceptance('zh-CN'), 'zh-CN', SAMPLE_KIOSK);
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      ...Array<string>(12).fill('text'),
      'qr',
      'text',
      'text',
    ]);
    expect(lines(doc)).toEqual([
      '佛山市禅城区行政服务中心',
      '受理回执',
      '-'.repeat(42),
      '办理事项：港澳通行证再次签注',
      '受理编号',
      'FS2025030500042',
      '申请人：张**',
      '证件号码：1101**********002X',
      '收取材料',
      '- 证明 NH-2025-000123，2页',
      '- 户口簿，1页',
      '- 扫描材料3份，共5页',
      '受理时间：2025年3月5日 14:03:07',
      '终端编号：FS-CHANCHENG-0042',
      '-'.repeat(42),
      '扫码查询办理进度',
      '请妥善保管本回执，凭受理编号查询办理进度。',
      '咨询电话：0757-83000000',
    ]);
    expect(doc.blocks[5]).toEqual({
      kind: 'text',
      text: 'FS2025030500042',
      align: 'center',
      bold: true,
      size: { width: 2, height: 2 },
    });
    expect(doc.blocks[12]).toMatchObject({
      kind: 'qr',
      data: 'https://zwfw.example.gov.cn/track?no=FS2025030500042',
    });
  });

  it('zh-TW prints Traditional labels; en wraps a long service name under its value', () => {
    const tw = lines(acceptanceReceipt(sampleAcceptance('zh-TW'), 'zh-TW', SAMPLE_KIOSK));
    expect(tw).toContain('證件號碼：1101**********002X');
    expect(tw).toContain('- 掃描材料3份，共5頁');
    const en = lines(acceptanceReceipt(sampleAcceptance('en'), 'en', SAMPLE_KIOSK));
    expect(en.slice(3, 5)).toEqual([
      'Service: Hong Kong and Macao travel permit',
      '         endorsement',
    ]);
    expect(en).toContain('Accepted at: 5 Mar 2025, 14:03:07 UTC+8');
    expect(en).toContain('- 3 documents scanned, 5 pages');
  });

  it('encodes the tracking number when there is no URL; leaves out what is not given', () => {
    const { trackingUrl: _url, ...data } = sampleAcceptance('en');
    const doc = acceptanceReceipt({ ...data, items: [] }, 'en', { kioskId: 'K-1' });
    expect(doc.blocks.find((b) => b.kind === 'qr')).toMatchObject({ data: 'FS2025030500042' });
    const printed = lines(doc);
    expect(printed[0]).toBe('Acceptance Receipt');
    expect(printed).not.toContain('Received');
    expect(printed.join(' ')).not.toContain('Enquiries');
  });

  it('masks a full name or ID number passed by mistake, and ID numbers in free text', () => {
    const doc = acceptanceReceipt(
      {
        ...sampleAcceptance('zh-CN'),
        maskedName: '张三丰',
        maskedIdNumber: '11010519491231002X',
        serviceName: '代办 11010519491231002X 的签注',
      },
      'zh-CN',
      SAMPLE_KIOSK,
    );
    const text = lines(doc).join('\n');
    expect(text).toContain('申请人：张**');
    expect(text).toContain('证件号码：1101**********002X');
    expect(text).not.toContain('11010519491231002X');
  });

  it('uses 1×2 for a tracking number too wide for double width', () => {
    const data = { ...sampleAcceptance('zh-CN'), trackingNumber: 'FS-2025-0305-000000042' };
    const doc = acceptanceReceipt(data, 'zh-CN', SAMPLE_KIOSK, { columns: 32 });
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({ text: 'FS-2025-0305-000000042', size: { width: 1, height: 2 } }),
    );
  });

  it.each([
    [{ acceptedAt: '2025-03-05 14:03' }, 'invalidTime', 'acceptedAt'],
    [{ items: [{ kind: 'proof', proofId: 'P-1', pages: 0 }] }, 'invalidCount', 'items.pages'],
    [{ items: [{ kind: 'scan', documents: 1.5 }] }, 'invalidCount', 'items.documents'],
    [{ trackingUrl: `https://x.cn/${'a'.repeat(200)}` }, 'invalidQrPayload', 'trackingUrl'],
    [{ trackingUrl: '' }, 'invalidQrPayload', 'trackingUrl'],
    [{ trackingNumber: ' ' }, 'missingValue', 'trackingNumber'],
    [{ maskedIdNumber: '' }, 'missingValue', 'maskedIdNumber'],
  ] as const)('refuses bad data with a typed error: %j', (change, code, field) => {
    const data = { ...sampleAcceptance('en'), ...change };
    expect(() => acceptanceReceipt(data, 'en', SAMPLE_KIOSK)).toThrow(ReceiptDataError);
    expect(() => acceptanceReceipt(data, 'en', SAMPLE_KIOSK)).toThrow(
      expect.objectContaining({ code, field, action: 'softwareError' }),
    );
  });

  it('refuses a paper narrower than 32 columns', () => {
    expect(() =>
      acceptanceReceipt(sampleAcceptance('en'), 'en', SAMPLE_KIOSK, { columns: 24 }),
    ).toThrow(expect.objectContaining({ code: 'invalidColumns' }));
  });
});
