import fc from 'fast-check';
import { describe, it } from 'vitest';
import { textWidth, wrapText } from './text-width.js';

// 100,000 cases in CI, like the device decoders; FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Receipt-like text: ASCII words, hanzi, full-width punctuation, spaces, breaks, junk. */
const piece = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9:./*-]{1,20}$/),
  fc.constantFrom('受', '理', '證', '號', '，', '。', '（', '）', '：', '𠮷', 'é'),
  fc.constantFrom(' ', '  ', '\n', '\t', '\u0000', '\u001b', '\ud800'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

/** C0 (LF included: it never survives inside a line) and C1 controls. */
const isControl = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
};

/** The characters a line shows, without spaces: what wrapping must neither lose nor invent. */
const ink = (s: string): string =>
  Array.from(s)
    .filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp > 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff);
    })
    .join('');

describe('wrapText properties', () => {
  it('every line fits, nothing printable is lost or added, order is kept', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 4, max: 64 }),
        fc.integer({ min: 0, max: 16 }),
        (t, columns, indent) => {
          const lines = wrapText(t, columns, { indent });
          if (!lines.every((l) => textWidth(l) <= columns)) return false;
          if (lines.some((l) => Array.from(l).some(isControl))) return false;
          return ink(lines.join('')) === ink(t);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
