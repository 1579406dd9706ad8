/**
 * Times on receipts: passed in as ISO 8601 instants, printed in hall time (Asia/Shanghai, UTC+8)
 * in the receipt's locale, spelled out here rather than by ICU's locale data so that every
 * kiosk prints the same characters whatever its ICU version. Pure.
 */
import type { Locale } from '../../contract/index.js';
import { ReceiptDataError } from './receipt-context.js';

/** The time zone of every service hall (mainland China has one, without daylight saving). */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

// An instant: a date, a time and an explicit offset (a time without one would be the kiosk's).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const hallParts = new Intl.DateTimeFormat('en-US', {
  timeZone: HALL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "2025年3月5日 14:03:07" (zh-CN, zh-TW) or "5 Mar 2025, 14:03:07 UTC+8" (en) for an ISO instant
 * such as "2025-03-05T06:03:07Z"; `field` names the data field in the error when it is not one.
 */
export function formatReceiptTime(iso: string, locale: Locale, field = 'time'): string {
  const instant = ISO_INSTANT.test(iso) ? new Date(iso) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime()))
    throw new ReceiptDataError('invalidTime', field, 'must be an ISO 8601 instant with an offset');
  const part: Record<string, string> = {};
  for (const { type, value } of hallParts.formatToParts(instant)) part[type] = value;
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = part;
  const time = `${hour}:${minute}:${second}`;
  if (locale === 'en') return `${day} ${MONTHS[Number(month) - 1] ?? month} ${year}, ${time} UTC+8`;
  return `${year}年${month}月${day}日 ${time}`;
}
