import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../contract/index.js';
import type { Locale } from '../../contract/index.js';
import { ACCEPTANCE_RECEIPT_LABELS } from './acceptance-receipt-labels.js';
import { CLAIM_TICKET_LABELS } from './claim-ticket-labels.js';
import { COMMON_LABELS } from './common-labels.js';
import { ID_CARD_COLLECTION_SLIP_LABELS } from './id-card-collection-slip-labels.js';
import { notInBig5, notInGb2312, unprintableCharacters } from './testing/receipt-checks.js';
import { textWidth, wrapText } from './text-width.js';

/** Every string of a label table, functions called with typical and edge arguments. */
function strings(table: object): string[] {
  return Object.values(table).flatMap((value: unknown) => {
    if (typeof value === 'string') return [value];
    if (typeof value !== 'function') return [];
    const call = value as (...args: unknown[]) => string;
    return [call('NH-2025-000123', 1), call('NH-2025-000123', 12), call(3, undefined), call(1, 24)];
  });
}

const tables = (locale: Locale) => ({
  common: COMMON_LABELS[locale],
  acceptance: ACCEPTANCE_RECEIPT_LABELS[locale],
  collection: ID_CARD_COLLECTION_SLIP_LABELS[locale],
  claim: CLAIM_TICKET_LABELS[locale],
});

/** Labels printed before a value with the locale's colon. */
const ROW_LABELS = [
  'kiosk',
  'applicant',
  'idNumber',
  'service',
  'acceptedAt',
  'holder',
  'cardNumber',
  'dispensedAt',
  'record',
  'requested',
  'requestedAt',
];
/** Labels printed alone on their line(s): titles, the labels above a large code, QR hints. */
const LINE_LABELS = ['title', 'trackingNumber', 'claimCode', 'items', 'qrHint'];

// Simplified forms a zh-TW label must never contain; Big5 happens to hold a few (网, 户).
const SIMPLIFIED_ONLY = '网户号证办条凭时间终编请码询进扫页领记录络复后将动确认携带务员为无执处';
// Traditional forms a zh-CN label must never contain.
const TRADITIONAL_ONLY = '網戶號證辦條憑時間終編請碼詢進掃頁領記錄絡復後將動確認攜帶務員為無執處';

describe('receipt label tables', () => {
  it.each(LOCALES)('%s: every label prints in GB18030 two-byte mode, no "?"', (locale) => {
    for (const [name, table] of Object.entries(tables(locale)))
      for (const text of strings(table))
        expect(unprintableCharacters(text), `${name}: ${text}`).toEqual([]);
  });

  it('zh-TW labels are Traditional: all in Big5, none of the simplified-only forms', () => {
    for (const text of Object.values(tables('zh-TW')).flatMap(strings)) {
      expect(notInBig5(text), text).toEqual([]);
      expect(
        Array.from(text).filter((ch) => SIMPLIFIED_ONLY.includes(ch)),
        text,
      ).toEqual([]);
    }
  });

  it('zh-CN labels are Simplified: all in GB2312, none of the traditional-only forms', () => {
    for (const text of Object.values(tables('zh-CN')).flatMap(strings)) {
      expect(notInGb2312(text), text).toEqual([]);
      expect(
        Array.from(text).filter((ch) => TRADITIONAL_ONLY.includes(ch)),
        text,
      ).toEqual([]);
    }
  });

  it('English labels are printable ASCII (a 58 mm printer without GB18030 prints them too)', () => {
    for (const text of Object.values(tables('en')).flatMap(strings))
      expect(text, text).toMatch(/^[\x20-\x7e]*$/);
  });

  it('row labels take at most a third of 42 columns, so values sit beside them', () => {
    for (const locale of LOCALES) {
      const { colon } = COMMON_LABELS[locale];
      for (const table of Object.values(tables(locale)))
        for (const [name, value] of Object.entries(table))
          if (ROW_LABELS.includes(name) && typeof value === 'string')
            expect(textWidth(value + colon), `${locale} ${name}`).toBeLessThanOrEqual(14);
    }
  });

  it('titles, headings and QR hints fit one line of 42 columns', () => {
    for (const locale of LOCALES)
      for (const table of Object.values(tables(locale)))
        for (const [name, value] of Object.entries(table))
          if (LINE_LABELS.includes(name) && typeof value === 'string')
            expect(textWidth(value), `${locale} ${name}`).toBeLessThanOrEqual(42);
  });

  it('the sentences wrap into at most four lines of 42 columns', () => {
    for (const locale of LOCALES) {
      const sentences = [
        ACCEPTANCE_RECEIPT_LABELS[locale].nextSteps('0757-83000000'),
        CLAIM_TICKET_LABELS[locale].queued(72),
        ID_CARD_COLLECTION_SLIP_LABELS[locale].keepSlip,
      ];
      for (const text of sentences) expect(wrapText(text, 42).length, text).toBeLessThanOrEqual(4);
    }
  });

  it('the English plurals agree with their numbers', () => {
    expect(COMMON_LABELS.en.pages(1)).toBe('1 page');
    expect(COMMON_LABELS.en.pages(2)).toBe('2 pages');
    expect(ACCEPTANCE_RECEIPT_LABELS.en.scanItem(1, undefined)).toBe('1 document scanned');
    expect(ACCEPTANCE_RECEIPT_LABELS.en.scanItem(3, 5)).toBe('3 documents scanned, 5 pages');
    expect(CLAIM_TICKET_LABELS.en.queued(1)).toContain('within 1 hour,');
    expect(CLAIM_TICKET_LABELS.en.queued(24)).toContain('within 24 hours,');
  });
});
