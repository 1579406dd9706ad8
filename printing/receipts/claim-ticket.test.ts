import { describe, expect, it } from 'vitest';
import { claimTicket } from './claim-ticket.js';
import { printedLines } from './testing/receipt-checks.js';
import { SAMPLE_KIOSK, sampleClaim } from './testing/sample-receipts.js';

const lines = (doc: ReturnType<typeof claimTicket>) => printedLines(doc).map((l) => l.text);

describe('offline claim ticket (离线受理凭证)', () => {
  it('zh-CN: large claim code, request, applicant, time, kiosk, queued notice, QR', () => {
    const doc = claimTicket(sampleClaim('zh-CN'), 'zh-CN', SAMPLE_KIOSK);
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      ...Array<string>(11).fill('text'),
      'qr',
      'text',
    ]);
    expect(lines(doc)).toEqual([
      '佛山市禅城区行政服务中心',
      '离线受理凭证',
      '-'.repeat(42),
      '凭证号',
      'K7QF-2M9D',
      '申请事项：无房证明 1份',
      '申请人：张**',
      '申请时间：2025年3月5日 16:30:00',
      '终端编号：FS-CHANCHENG-0042',
      '-'.repeat(42),
      '网络暂时中断。您的申请已保存并排队，网络恢',
      '复后将自动提交；如24小时内未收到确认，请携',
      '带本凭证到服务窗口办理。',
      '窗口工作人员扫码查询',
    ]);
    expect(doc.blocks[4]).toMatchObject({ bold: true, size: { width: 2, height: 2 } });
    expect(doc.blocks[11]).toMatchObject({ kind: 'qr', data: `${SAMPLE_KIOSK.kioskId}/K7QF-2M9D` });
  });

  it('states the deadline in hours in every locale', () => {
    const data = { ...sampleClaim('en'), confirmWithinHours: 48 };
    expect(lines(claimTicket(data, 'zh-TW', SAMPLE_KIOSK)).join('')).toContain(
      '如48小時內未收到確認，請攜帶本憑證到服務櫃檯辦理。',
    );
    expect(lines(claimTicket(data, 'en', SAMPLE_KIOSK)).join(' ')).toContain(
      'If it is not confirmed within 48 hours, bring this ticket to the counter.',
    );
  });

  it('leaves the applicant out when no card was read', () => {
    const { maskedName: _name, ...data } = sampleClaim('en');
    const printed = lines(claimTicket(data, 'en', SAMPLE_KIOSK));
    expect(printed.some((l) => l.startsWith('Applicant'))).toBe(false);
    expect(printed).toContain('Requested: No-housing proof, 1 copy');
  });

  it('refuses an empty claim code', () => {
    expect(() => claimTicket({ ...sampleClaim('en'), claimCode: '' }, 'en', SAMPLE_KIOSK)).toThrow(
      expect.objectContaining({ code: 'missingValue', field: 'claimCode' }),
    );
  });

  it.each([0, -1, 2.5])('refuses %d hours with a typed error', (hours) => {
    const data = { ...sampleClaim('en'), confirmWithinHours: hours };
    expect(() => claimTicket(data, 'en', SAMPLE_KIOSK)).toThrow(
      expect.objectContaining({ code: 'invalidCount', field: 'confirmWithinHours' }),
    );
  });
});
