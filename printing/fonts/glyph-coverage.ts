import type { PdfFont } from './pdf-font.js';

/**
 * Which characters a font can draw. pdfkit prints a character the font lacks as .notdef (blank),
 * so every string of a proof goes through here: characters the primary face lacks are drawn from
 * the fallback face, and a character neither has is reported instead of being printed blank.
 */

/** A piece of text drawn in one face. */
export interface FontRun {
  /** The text of the run. */
  readonly text: string;
  /** The face that draws it. */
  readonly font: PdfFont;
  /** True when this run uses the fallback face. */
  readonly isFallback: boolean;
}

/** A string split into runs by the face that has its glyphs. */
export interface CoverageSplit {
  /** Runs in reading order; adjacent characters of the same face share a run. */
  readonly runs: readonly FontRun[];
  /** Characters drawn from the fallback face. */
  readonly fallbackCount: number;
  /** Code points neither face has (each occurrence once). */
  readonly missing: readonly number[];
}

/** Variation selectors and joiners ride along with the character before them. */
function isModifier(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x200d ||
    cp === 0x200c
  );
}

/** Line breaks and other controls are layout, not glyphs. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/** Code points of `text` the font has no glyph for, in order, without duplicates. */
export function missingCodePoints(text: string, font: PdfFont): number[] {
  const missing = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (isModifier(cp) || isControl(cp)) continue;
    if (!font.hasGlyph(cp)) missing.add(cp);
  }
  return [...missing];
}

/** Splits `text` into runs of the primary face and, where it lacks a glyph, the fallback face. */
export function splitByCoverage(text: string, primary: PdfFont, fallback?: PdfFont): CoverageSplit {
  const runs: FontRun[] = [];
  const missing: number[] = [];
  let fallbackCount = 0;
  let current = '';
  let currentFont = primary;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    let font = currentFont;
    if (!isModifier(cp) && !isControl(cp)) {
      if (primary.hasGlyph(cp)) {
        font = primary;
      } else if (fallback?.hasGlyph(cp)) {
        font = fallback;
        fallbackCount++;
      } else {
        font = primary;
        missing.push(cp);
      }
    }
    if (font !== currentFont && current !== '') {
      runs.push({ text: current, font: currentFont, isFallback: currentFont !== primary });
      current = '';
    }
    currentFont = font;
    current += char;
  }
  if (current !== '')
    runs.push({ text: current, font: currentFont, isFallback: currentFont !== primary });
  return { runs, fallbackCount, missing };
}

/** "U+2A700" style, for messages that must not contain the characters themselves. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
