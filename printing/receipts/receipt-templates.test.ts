import { describe, expect, it } from 'vitest';
import { LOCALES, ReceiptDocument } from '../../contract/index.js';
import { overflowingLines, printedLines, unprintableCharacters } from './testing/receipt-checks.js';
import { sampleReceipts } from './testing/sample-receipts.js';

/*
 * What holds for every template in every locale: the document is valid contract data, every
 * character prints (no '?'), no line is wider than the paper, and the QR carries its payload.
 */
const CASES = LOCALES.flatMap((locale) =>
  sampleReceipts(locale).map((r) => ({ locale, template: r.template })),
);

describe.each(CASES)('$template in $locale', ({ locale, template }) => {
  const at = (columns: number) => {
    const found = sampleReceipts(locale, { columns }).find((r) => r.template === template);
    if (found === undefined) throw new Error(`no sample ${template}`);
    return found;
  };

  it('is a valid contract ReceiptDocument, cut partially at the end', () => {
    const { doc } = at(42);
    expect(ReceiptDocument.safeParse(doc).success).toBe(true);
    expect(doc.cut).toBe('partial');
  });

  it('prints every character in GB18030 two-byte mode (no "?" on the paper)', () => {
    for (const line of printedLines(at(42).doc))
      expect(unprintableCharacters(line.text), line.text).toEqual([]);
  });

  it.each([32, 42, 48])('fits %i columns: no line is wider than the paper', (columns) => {
    expect(overflowingLines(at(columns).doc, columns)).toEqual([]);
  });

  it('shows its code on one line in every width, and has one QR with the payload', () => {
    for (const columns of [32, 42, 48]) {
      const { doc, code, qr } = at(columns);
      expect(printedLines(doc).some((l) => l.text.includes(code))).toBe(true);
      const qrs = doc.blocks.filter((b) => b.kind === 'qr');
      expect(qrs).toEqual([
        { kind: 'qr', data: qr, align: 'center', moduleSize: 6, errorCorrection: 'M' },
      ]);
    }
  });

  it('prints no full name or full ID number, only masked ones', () => {
    const text = printedLines(at(42).doc)
      .map((l) => l.text)
      .join('\n');
    expect(text).not.toContain('三丰');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    if (template !== 'claimTicket') expect(text).toMatch(/\*{2}/);
  });

  it('prints the kiosk id and the hall name', () => {
    const lines = printedLines(at(42).doc).map((l) => l.text);
    expect(lines[0]).toBe('佛山市禅城区行政服务中心');
    expect(lines.some((l) => l.endsWith('FS-CHANCHENG-0042'))).toBe(true);
  });
});
