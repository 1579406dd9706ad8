import { beforeAll, describe, expect, it } from 'vitest';
import { missingCodePoints, splitByCoverage, formatCodePoint } from './glyph-coverage.js';
import type { PdfFont } from './pdf-font.js';
import { loadProofFonts } from './proof-fonts.js';

let regular: PdfFont;
let fallback: PdfFont;
beforeAll(async () => {
  const fonts = await loadProofFonts();
  if (!fonts.ok || !fonts.value.fallback) throw new Error('fonts missing');
  regular = fonts.value.sc.regular;
  fallback = fonts.value.fallback;
});

describe('PdfFont', () => {
  it('hands out fresh glyph positions from its layout cache (pdfkit scales them in place)', () => {
    const first = regular.layout('佛山市 Foshan');
    const width = first.advanceWidth;
    for (const p of first.positions) p.xAdvance *= 3;
    const second = regular.layout('佛山市 Foshan');
    expect(second.advanceWidth).toBe(width);
    expect(second.glyphs.map((g) => g.id)).toEqual(first.glyphs.map((g) => g.id));
    expect(regular.widthOf('佛山市', 10)).toBeCloseTo(30, 5);
  });

  it('maps each glyph to the character of this text, also where two characters share a glyph', () => {
    // U+F900 (a compatibility ideograph) is drawn with the glyph of U+8C48.
    const unified = regular.layout('\u8C48').glyphs[0];
    const compatibility = regular.layout('\uF900').glyphs[0];
    expect(compatibility?.id).toBe(unified?.id);
    expect(unified?.codePoints).toEqual([0x8c48]);
    expect(compatibility?.codePoints).toEqual([0xf900]);
  });

  it('subsets Noto CJK without its subroutines: a fraction of fontkit’s size', () => {
    const text = '经查询陈嘉欣在佛山市范围内无登记住房特此证明0123456789';
    const ours = regular.createSubset();
    const fontkits = regular.font.createSubset();
    for (const glyph of regular.layout(text).glyphs) {
      ours.includeGlyph(glyph.id);
      fontkits.includeGlyph(glyph.id);
    }
    const ourBytes = ours.encode();
    expect(ourBytes[0]).toBe(1); // CFF major version
    expect(ourBytes.length * 5).toBeLessThan(fontkits.encode().length);
  });
});

describe('glyph coverage', () => {
  it('takes characters the primary face lacks from the fallback face, keeping runs in order', () => {
    const split = splitByCoverage('林\u{2F8E2}珍', regular, fallback);
    expect(split.runs.map((r) => [r.text, r.isFallback])).toEqual([
      ['林', false],
      ['\u{2F8E2}', true],
      ['珍', false],
    ]);
    expect(split.fallbackCount).toBe(1);
    expect(split.missing).toEqual([]);
  });

  it('reports characters no face has, once each, as code points', () => {
    const split = splitByCoverage('李\u{2A700}\u{2A700}', regular, fallback);
    expect(split.missing.map(formatCodePoint)).toEqual(['U+2A700', 'U+2A700']);
    expect(missingCodePoints('李\u{2A700}\u{2A700}', regular).map(formatCodePoint)).toEqual([
      'U+2A700',
    ]);
  });

  it('lets a variation selector ride with its character and ignores line breaks', () => {
    const split = splitByCoverage('葛\u{E0100}\n', regular, fallback);
    expect(split.missing).toEqual([]);
    expect(split.runs).toHaveLength(1);
  });
});
