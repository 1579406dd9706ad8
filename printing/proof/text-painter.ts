import type PDFDocument from 'pdfkit';
import {
  splitByCoverage,
  type CoverageSplit,
  type FontFamily,
  type PdfFont,
} from '../fonts/index.js';

/** Regular or bold. */
export type Weight = 'regular' | 'bold';

/** How a string is drawn. */
export interface TextStyle {
  /** Font size in points. */
  readonly size: number;
  /** Regular (default) or bold. */
  readonly weight?: Weight;
  /** Fill colour. */
  readonly color?: string;
  /** Alignment relative to x: left edge (default), centre, or right edge. */
  readonly align?: 'left' | 'center' | 'right';
}

/**
 * Draws single-line strings with pdfkit at a baseline, taking each character the locale's face
 * lacks from the fallback face; counts fallback characters and records code points no face has.
 * Every string of a proof is drawn through here, so none can come out blank.
 */
export class TextPainter {
  /** Characters drawn from the fallback face. */
  fallbackChars = 0;
  /** Code points no face has (the proof must not be printed). */
  readonly missing = new Set<number>();
  private readonly doc: PDFKit.PDFDocument;
  private readonly family: FontFamily;
  private readonly fallback: PdfFont | undefined;
  private readonly splits = new Map<string, CoverageSplit>();
  private readonly fontKeys = new Map<PdfFont, string>();

  constructor(doc: typeof PDFDocument.prototype, family: FontFamily, fallback?: PdfFont) {
    this.doc = doc;
    this.family = family;
    this.fallback = fallback;
    this.register('regular', family.regular);
    this.register('bold', family.bold);
    if (fallback) this.register('fallback', fallback);
  }

  private register(key: string, font: PdfFont): void {
    if (this.fontKeys.has(font)) return;
    // pdfkit 0.20 accepts a parsed font object (anything with a fontkit-style layout()).
    this.doc.registerFont(key, font as unknown as string);
    this.fontKeys.set(font, key);
  }

  /** The face of a weight. */
  font(weight: Weight = 'regular'): PdfFont {
    return weight === 'bold' ? this.family.bold : this.family.regular;
  }

  /** `text` split by the face that has each character (cached per painter). */
  split(text: string, weight: Weight = 'regular'): CoverageSplit {
    const key = `${weight}\u0000${text}`;
    let split = this.splits.get(key);
    if (!split) {
      split = splitByCoverage(text, this.font(weight), this.fallback);
      for (const cp of split.missing) this.missing.add(cp);
      this.splits.set(key, split);
    }
    return split;
  }

  /** Width of `text` in points. */
  width(text: string, size: number, weight: Weight = 'regular'): number {
    let width = 0;
    for (const run of this.split(text, weight).runs) width += run.font.widthOf(run.text, size);
    return width;
  }

  /** The largest size ≤ `size` (down to `minSize`) at which `text` fits in `maxWidth`. */
  fit(
    text: string,
    maxWidth: number,
    size: number,
    minSize: number,
    weight: Weight = 'regular',
  ): number {
    const width = this.width(text, size, weight);
    if (width <= maxWidth) return size;
    return Math.max(minSize, Math.floor(((size * maxWidth) / width) * 10) / 10);
  }

  /** Draws `text` with its baseline at y. Returns the width drawn. */
  draw(text: string, x: number, baseline: number, style: TextStyle): number {
    const weight = style.weight ?? 'regular';
    const split = this.split(text, weight);
    const width = this.width(text, style.size, weight);
    let penX = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of split.runs) {
      this.doc
        .font(this.fontKeys.get(run.font) ?? 'regular')
        .fontSize(style.size)
        .text(run.text, penX, baseline, { lineBreak: false, baseline: 'alphabetic' });
      penX += run.font.widthOf(run.text, style.size);
    }
    this.fallbackChars += split.fallbackCount;
    return width;
  }
}
