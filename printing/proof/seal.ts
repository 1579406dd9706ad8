import type PDFDocument from 'pdfkit';
import { appendGlyphOutline, splitByCoverage, type Matrix, type PdfFont } from '../fonts/index.js';
import { mm } from './page-geometry.js';

/** How an authority's electronic seal looks (configured per authority). */
export interface SealStyle {
  /** Text along the upper arc; default: the issuing authority's name. */
  readonly text?: string;
  /** Text under the star; default "电子证明专用章". */
  readonly label?: string;
  /** Ink colour; default #d40000. */
  readonly color?: string;
  /** Diameter in millimetres; default 40. */
  readonly diameterMm?: number;
}

/** Default seal ink. */
export const DEFAULT_SEAL_COLOR = '#d40000';
/** Default text under the star. */
export const DEFAULT_SEAL_LABEL = '电子证明专用章';
/** Default diameter. */
export const DEFAULT_SEAL_DIAMETER_MM = 40;

/** A seal style with every field decided. */
export type ResolvedSealStyle = Required<SealStyle>;

/** Fills in the defaults; the arc text defaults to the issuer's name. */
export function resolveSealStyle(issuerName: string, style: SealStyle = {}): ResolvedSealStyle {
  return {
    text: style.text ?? issuerName,
    label: style.label ?? DEFAULT_SEAL_LABEL,
    color: style.color ?? DEFAULT_SEAL_COLOR,
    diameterMm: style.diameterMm ?? DEFAULT_SEAL_DIAMETER_MM,
  };
}

/** The seal's filled shapes (star, arc text, label) as path operators around (0, 0). */
export interface SealOutline {
  /** Path operators, y down, centred on the seal. */
  readonly ops: string;
  /** Characters taken from the fallback face. */
  readonly fallbackChars: number;
  /** Code points no face has. */
  readonly missing: readonly number[];
}

const cache = new WeakMap<PdfFont, Map<string, SealOutline>>();

/** The seal outline for a style, computed once per face and style. */
export function sealOutline(
  font: PdfFont,
  fallback: PdfFont | undefined,
  style: ResolvedSealStyle,
): SealOutline {
  let perFont = cache.get(font);
  if (!perFont) {
    perFont = new Map();
    cache.set(font, perFont);
  }
  const key = `${style.text}\u0000${style.label}\u0000${style.diameterMm}\u0000${fallback ? 1 : 0}`;
  let outline = perFont.get(key);
  if (!outline) {
    outline = buildSealOutline(font, fallback, style);
    if (perFont.size > 64) perFont.clear();
    perFont.set(key, outline);
  }
  return outline;
}

/** Each character with the face that has it. */
function glyphsOf(text: string, font: PdfFont, fallback: PdfFont | undefined) {
  const split = splitByCoverage(text, font, fallback);
  const chars = split.runs.flatMap((run) =>
    Array.from(run.text, (char) => ({ char, font: run.font })),
  );
  return { chars, fallbackChars: split.fallbackCount, missing: split.missing };
}

/** Places one glyph centred at (cx, cy), rotated by `angle` (clockwise), squeezed by xScale. */
function placeGlyph(
  out: string[],
  font: PdfFont,
  char: string,
  size: number,
  cx: number,
  cy: number,
  angle: number,
  xScale: number,
): void {
  const glyph = font.font.glyphForCodePoint(char.codePointAt(0) ?? 0);
  const s = size / font.unitsPerEm;
  const halfWidth = (glyph.advanceWidth * s * xScale) / 2;
  // An ideograph's em box spans −0.12…0.88 em around the baseline: its centre is 0.38 em up.
  const drop = size * 0.38;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const m: Matrix = [
    s * xScale * cos,
    s * xScale * sin,
    s * sin,
    -s * cos,
    cx - cos * halfWidth - sin * drop,
    cy - sin * halfWidth + cos * drop,
  ];
  appendGlyphOutline(out, glyph, m);
}

function buildSealOutline(
  font: PdfFont,
  fallback: PdfFont | undefined,
  style: ResolvedSealStyle,
): SealOutline {
  const r = mm(style.diameterMm) / 2;
  const out: string[] = [];

  // Five-pointed star, point up.
  const outer = r * 0.27;
  const inner = outer * 0.382;
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const a = (i * Math.PI) / 5;
    const x = radius * Math.sin(a);
    const y = -radius * Math.cos(a) - r * 0.02;
    out.push(`${x.toFixed(2)} ${y.toFixed(2)} ${i === 0 ? 'm' : 'l'}`);
  }
  out.push('h');

  // Authority name along the upper arc, each character upright towards the rim.
  const arc = glyphsOf(style.text, font, fallback);
  const n = arc.chars.length;
  const span = Math.min((230 * Math.PI) / 180, Math.max(Math.PI, n * 0.34));
  const step = span / Math.max(1, n);
  const charSize = Math.min(r * 0.25, r * 0.72 * step);
  const textRadius = r * 0.9 - charSize * 0.55;
  const xScale = n > 12 ? 0.8 : 0.88;
  arc.chars.forEach(({ char, font: face }, i) => {
    const angle = -span / 2 + step * (i + 0.5);
    placeGlyph(
      out,
      face,
      char,
      charSize,
      textRadius * Math.sin(angle),
      -textRadius * Math.cos(angle),
      angle,
      xScale,
    );
  });

  // The label, straight, under the star.
  const label = glyphsOf(style.label, font, fallback);
  const labelSize = r * 0.16;
  const labelWidth = label.chars.length * labelSize;
  label.chars.forEach(({ char, font: face }, i) => {
    placeGlyph(out, face, char, labelSize, -labelWidth / 2 + labelSize * (i + 0.5), r * 0.5, 0, 1);
  });

  return {
    ops: out.join('\n'),
    fallbackChars: arc.fallbackChars + label.fallbackChars,
    missing: [...arc.missing, ...label.missing],
  };
}

/** Draws the seal centred at (cx, cy): ring, then star and text, slightly translucent like ink. */
export function drawSeal(
  doc: typeof PDFDocument.prototype,
  outline: SealOutline,
  style: ResolvedSealStyle,
  cx: number,
  cy: number,
): void {
  const r = mm(style.diameterMm) / 2;
  const ring = r * 0.055;
  doc.save();
  doc.translate(cx, cy);
  doc.fillColor(style.color, 0.88).strokeColor(style.color, 0.88);
  doc
    .lineWidth(ring)
    .circle(0, 0, r - ring / 2)
    .stroke();
  doc.addContent(outline.ops);
  doc.addContent('f');
  doc.restore();
}
