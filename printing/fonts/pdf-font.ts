import type { BBox, Font, Glyph, GlyphPosition, GlyphRun, Subset } from 'fontkit';
import { encodeCidCff } from './cff-subset.js';
import { encodeType2Charstring } from './type2-charstring.js';

/**
 * A parsed font as pdfkit sees it (pdfkit 0.20 takes any object with a fontkit-style `layout`
 * in `registerFont`), with two things fontkit does not do and that matter for a kiosk rendering
 * one proof after another in the same process:
 *
 * - layouts are cached across documents (pdfkit caches them per document only, and scales the
 *   positions in place, so each caller gets fresh position objects);
 * - CFF fonts are subset without subroutines (see type2-charstring.ts): ~10× smaller and faster
 *   than fontkit's subset for Noto CJK, with each glyph's charstring encoded once per process.
 *
 * Everything else is the fontkit font's own data.
 */
export class PdfFont {
  /** The parsed fontkit font. */
  readonly font: Font;
  /** True for CFF (OpenType/CFF) outlines, which get the subroutine-free subset. */
  readonly isCff: boolean;
  private readonly layouts = new Map<string, CachedRun>();
  private readonly charstrings = new Map<number, Uint8Array>();
  private readonly coverage = new Map<number, boolean>();
  private readonly cffScale: number;

  constructor(font: Font) {
    this.font = font;
    this.isCff = font['CFF '] !== undefined && font['CFF '] !== null;
    this.cffScale = 1000 / font.unitsPerEm;
  }

  /** PostScript name of the face. */
  get postscriptName(): string {
    return this.font.postscriptName;
  }
  /** Units per em. */
  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }
  /** Ascent in font units. */
  get ascent(): number {
    return this.font.ascent;
  }
  /** Descent in font units (negative). */
  get descent(): number {
    return this.font.descent;
  }
  /** Line gap in font units. */
  get lineGap(): number {
    return this.font.lineGap;
  }
  /** Cap height in font units. */
  get capHeight(): number {
    return this.font.capHeight;
  }
  /** x-height in font units. */
  get xHeight(): number {
    return this.font.xHeight;
  }
  /** Italic angle in degrees. */
  get italicAngle(): number {
    return this.font.italicAngle;
  }
  /** Font bounding box. */
  get bbox(): BBox {
    return this.font.bbox;
  }
  /** The head table (pdfkit reads macStyle). */
  get head(): Font['head'] {
    return this.font.head;
  }
  /** The post table (pdfkit reads isFixedPitch). */
  get post(): Font['post'] {
    return this.font.post;
  }
  /** The OS/2 table (pdfkit reads sFamilyClass). */
  get 'OS/2'(): Font['OS/2'] {
    return this.font['OS/2'];
  }

  /** A glyph by id. */
  getGlyph(id: number, codePoints?: number[]): Glyph {
    return this.font.getGlyph(id, codePoints);
  }

  /** True when the font maps this code point to a glyph (cached). */
  hasGlyph(codePoint: number): boolean {
    let has = this.coverage.get(codePoint);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(codePoint);
      this.coverage.set(codePoint, has);
    }
    return has;
  }

  /** fontkit-compatible layout; plain layouts come from the process-wide cache. */
  layout(text: string, features?: unknown): GlyphRun {
    if (features !== undefined) return this.font.layout(text, features);
    let cached = this.layouts.get(text);
    if (cached === undefined) {
      const run = this.font.layout(text);
      cached = {
        glyphs: withTextCodePoints(run.glyphs, text),
        positions: run.positions.map(
          (p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset] as const,
        ),
      };
      // A bounded cache: labels and recent data stay, a long-running kiosk cannot grow it forever.
      if (this.layouts.size >= MAX_CACHED_LAYOUTS) this.layouts.clear();
      this.layouts.set(text, cached);
    }
    return new FreshRun(cached);
  }

  /** Width of `text` in points at `size` (uses the layout cache). */
  widthOf(text: string, size: number): number {
    return (this.layout(text).advanceWidth * size) / this.font.unitsPerEm;
  }

  /** A subset for one document (pdfkit calls this once per document and font). */
  createSubset(): Subset & { readonly cff: unknown } {
    if (!this.isCff) return Object.assign(this.font.createSubset(), { cff: null });
    return new CharstringSubset(this);
  }

  /** The glyph's subroutine-free charstring in 1000-unit em space (cached). */
  charstring(glyphId: number): Uint8Array {
    let encoded = this.charstrings.get(glyphId);
    if (encoded === undefined) {
      encoded = encodeType2Charstring(this.font.getGlyph(glyphId).path.commands, this.cffScale);
      this.charstrings.set(glyphId, encoded);
    }
    return encoded;
  }

  /** Font bounding box scaled to 1000 units per em. */
  bbox1000(): [number, number, number, number] {
    const { minX, minY, maxX, maxY } = this.font.bbox;
    const s = this.cffScale;
    return [minX * s, minY * s, maxX * s, maxY * s];
  }
}

const MAX_CACHED_LAYOUTS = 20_000;

/**
 * fontkit caches one Glyph per glyph id with the code point it was first looked up by, and pdfkit
 * writes that code point into the PDF's ToUnicode map. Where two code points share a glyph (a
 * compatibility ideograph and its unified form), the text a verifier extracts would depend on
 * what the process laid out before. When glyphs and characters pair one to one, each glyph here
 * carries the code point of this text.
 */
function withTextCodePoints(glyphs: Glyph[], text: string): Glyph[] {
  const codePoints = Array.from(text, (char) => char.codePointAt(0) ?? 0);
  if (codePoints.length !== glyphs.length) return glyphs;
  return glyphs.map((glyph, i) => {
    const cp = codePoints[i] ?? 0;
    if (glyph.codePoints.length === 1 && glyph.codePoints[0] === cp) return glyph;
    return Object.create(glyph, { codePoints: { value: [cp], enumerable: true } }) as Glyph;
  });
}

interface CachedRun {
  readonly glyphs: Glyph[];
  readonly positions: readonly (readonly [number, number, number, number])[];
}

/** A GlyphRun with its own position objects (pdfkit scales them in place). */
class FreshRun implements GlyphRun {
  readonly glyphs: Glyph[];
  readonly positions: GlyphPosition[];

  constructor(cached: CachedRun) {
    this.glyphs = cached.glyphs;
    this.positions = cached.positions.map(([xAdvance, yAdvance, xOffset, yOffset]) => ({
      xAdvance,
      yAdvance,
      xOffset,
      yOffset,
    }));
  }

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** The per-document subset of a CFF font: glyph ids in first-use order, .notdef first. */
class CharstringSubset implements Subset {
  /** pdfkit embeds the program as CIDFontType0C when this is set. */
  readonly cff = true;
  private readonly owner: PdfFont;
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(owner: PdfFont) {
    this.owner = owner;
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | Glyph): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  encode(): Uint8Array {
    return encodeCidCff(
      { postscriptName: this.owner.postscriptName, bbox: this.owner.bbox1000() },
      this.glyphs.map((id) => this.owner.charstring(id)),
    );
  }
}
