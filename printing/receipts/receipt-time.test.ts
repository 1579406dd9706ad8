import { describe, expect, it } from 'vitest';
import { ReceiptDataError } from './receipt-context.js';
import { formatReceiptTime } from './receipt-time.js';

describe('receipt times in hall time (Asia/Shanghai)', () => {
  it('prints a UTC instant as Beijing time in each locale', () => {
    const iso = '2025-03-05T06:03:07Z';
    expect(formatReceiptTime(iso, 'zh-CN')).toBe('2025年3月5日 14:03:07');
    expect(formatReceiptTime(iso, 'zh-TW')).toBe('2025年3月5日 14:03:07');
    expect(formatReceiptTime(iso, 'en')).toBe('5 Mar 2025, 14:03:07 UTC+8');
  });

  it('honours the offset given and crosses midnight into the hall day', () => {
    expect(formatReceiptTime('2024-12-31T16:30:00Z', 'zh-CN')).toBe('2025年1月1日 00:30:00');
    expect(formatReceiptTime('2025-01-01T00:30:00+08:00', 'en')).toBe('1 Jan 2025, 00:30:00 UTC+8');
    expect(formatReceiptTime('2025-06-30T23:59:59.999-04:00', 'en')).toBe(
      '1 Jul 2025, 11:59:59 UTC+8',
    );
  });

  it.each(['', 'yesterday', '2025-03-05', '2025-03-05T14:03:07', '2025-13-45T99:00:00Z'])(
    'refuses %j with a typed error naming the field',
    (iso) => {
      let error: unknown;
      try {
        formatReceiptTime(iso, 'en', 'acceptedAt');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReceiptDataError);
      expect(error).toMatchObject({
        code: 'invalidTime',
        field: 'acceptedAt',
        action: 'softwareError',
      });
    },
  );
});
