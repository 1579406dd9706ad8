import type { Glyph } from 'fontkit';
import type { PdfFont } from './pdf-font.js';

/**
 * Text as filled outlines (PDF path operators) rather than text: for the watermark and the seal,
 * which are decoration, must not be copyable, and at arbitrary angles would otherwise be mixed
 * into the text `pdftotext` extracts for verification.
 */

/** An affine transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

const num = (v: number) => {
  const rounded = Math.round(v * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/** Appends the glyph's outline as PDF path operators (m, l, c, h) through `m`. */
export function appendGlyphOutline(out: string[], glyph: Glyph, m: Matrix): void {
  const [a, b, c, d, e, f] = m;
  const px = (x: number, y: number) => num(a * x + c * y + e);
  const py = (x: number, y: number) => num(b * x + d * y + f);
  let lastX = 0;
  let lastY = 0;
  for (const { command, args: p } of glyph.path.commands) {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0] = p;
    switch (command) {
      case 'moveTo':
        out.push(`${px(x0, y0)} ${py(x0, y0)} m`);
        [lastX, lastY] = [x0, y0];
        break;
      case 'lineTo':
        out.push(`${px(x0, y0)} ${py(x0, y0)} l`);
        [lastX, lastY] = [x0, y0];
        break;
      case 'bezierCurveTo':
        out.push(
          `${px(x0, y0)} ${py(x0, y0)} ${px(x1, y1)} ${py(x1, y1)} ${px(x2, y2)} ${py(x2, y2)} c`,
        );
        [lastX, lastY] = [x2, y2];
        break;
      case 'quadraticCurveTo': {
        const c1x = lastX + ((x0 - lastX) * 2) / 3;
        const c1y = lastY + ((y0 - lastY) * 2) / 3;
        const c2x = x1 + ((x0 - x1) * 2) / 3;
        const c2y = y1 + ((y0 - y1) * 2) / 3;
        out.push(
          `${px(c1x, c1y)} ${py(c1x, c1y)} ${px(c2x, c2y)} ${py(c2x, c2y)} ${px(x1, y1)} ${py(x1, y1)} c`,
        );
        [lastX, lastY] = [x1, y1];
        break;
      }
      case 'closePath':
        out.push('h');
        break;
    }
  }
}

/** The transform that draws font units at `size` points with the baseline origin at (x, y), y down. */
export function glyphMatrix(
  font: PdfFont,
  size: number,
  x: number,
  y: number,
  angleRad = 0,
): Matrix {
  const s = size / font.unitsPerEm;
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  // Font space is y up, pdfkit's user space y down: flip y, then rotate (clockwise on the page
  // for a positive angle), then move.
  return [s * cos, s * sin, s * sin, -s * cos, x, y];
}

/** Horizontal text as path operators, baseline origin (x, y) in pdfkit coordinates. */
export function textOutline(
  font: PdfFont,
  text: string,
  size: number,
  x: number,
  y: number,
): string {
  const out: string[] = [];
  const run = font.layout(text);
  const s = size / font.unitsPerEm;
  let penX = x;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    const ox = (pos?.xOffset ?? 0) * s;
    const oy = (pos?.yOffset ?? 0) * s;
    appendGlyphOutline(out, glyph, glyphMatrix(font, size, penX + ox, y - oy));
    penX += (pos?.xAdvance ?? 0) * s;
  });
  return out.join('\n');
}

/** Advance width of `text` in points. */
export function textWidth(font: PdfFont, text: string, size: number): number {
  return font.widthOf(text, size);
}
