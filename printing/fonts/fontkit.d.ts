/**
 * The part of fontkit 2.0.4 that printing uses (fontkit ships no type declarations). Coordinates
 * are font units, y up.
 */
declare module 'fontkit' {
  /** A bounding box in font units. */
  export interface BBox {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  }

  /** One drawing command of a glyph outline. */
  export interface PathCommand {
    readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    readonly args: readonly number[];
  }

  /** A glyph outline. */
  export interface Path {
    readonly commands: readonly PathCommand[];
  }

  /** One glyph of a font. */
  export interface Glyph {
    readonly id: number;
    readonly codePoints: readonly number[];
    readonly advanceWidth: number;
    readonly path: Path;
  }

  /** Where a laid-out glyph goes, relative to the previous one. */
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  /** The result of laying out a string. */
  export interface GlyphRun {
    readonly glyphs: Glyph[];
    readonly positions: GlyphPosition[];
    readonly advanceWidth: number;
  }

  /** A subset being built for embedding. */
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }

  /** A parsed font. */
  export interface Font {
    readonly type: string;
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    readonly capHeight: number;
    readonly xHeight: number;
    readonly italicAngle: number;
    readonly bbox: BBox;
    readonly numGlyphs: number;
    readonly characterSet: number[];
    readonly head: { readonly macStyle: { readonly italic: boolean } };
    readonly post: { readonly isFixedPitch: unknown };
    readonly 'OS/2'?: { readonly sFamilyClass?: number };
    readonly 'CFF '?: unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    layout(text: string, features?: unknown): GlyphRun;
    createSubset(): Subset;
  }

  /** A font collection (.ttc) before a face is picked. */
  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: Font[];
  }

  /** Parses a font file; with a PostScript name, picks that face of a collection (null if absent). */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection | null;
}
