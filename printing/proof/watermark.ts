import type PDFDocument from 'pdfkit';
import { textOutline, type PdfFont } from '../fonts/index.js';
import { INK, PAGE } from './page-geometry.js';

/**
 * The watermark: kiosk id and printing time, light, diagonal, repeated over the whole page. It is
 * one tiling pattern per document (a few hundred bytes of outline per page reference) drawn as
 * outlines, so it is neither copyable text nor mixed into what `pdftotext` extracts.
 */

const SIZE = 11;
const ANGLE = -30;
const GAP = 90;
const ROW = 84;

const cellCache = new WeakMap<PdfFont, Map<string, { ops: string; width: number }>>();

/** The pattern cell: two staggered copies of the text. Cached per face and text. */
function cell(font: PdfFont, text: string): { ops: string; width: number } {
  let perFont = cellCache.get(font);
  if (!perFont) {
    perFont = new Map();
    cellCache.set(font, perFont);
  }
  let found = perFont.get(text);
  if (!found) {
    const width = font.widthOf(text, SIZE) + GAP;
    const ops = [
      textOutline(font, text, SIZE, 0, ROW / 2),
      textOutline(font, text, SIZE, width / 2, ROW * 1.5),
      textOutline(font, text, SIZE, -width / 2, ROW * 1.5),
    ].join('\n');
    found = { ops: `${ops}\nf`, width };
    if (perFont.size > 16) perFont.clear();
    perFont.set(text, found);
  }
  return found;
}

/** A document's watermark painter: call `draw()` first on every page. */
export function createWatermark(
  doc: typeof PDFDocument.prototype,
  font: PdfFont,
  text: string,
): { draw(): void } {
  const { ops, width } = cell(font, text);
  const pattern = doc.pattern([0, 0, width, ROW * 2], width, ROW * 2, ops);
  return {
    draw() {
      doc.save();
      doc.rotate(ANGLE, { origin: [PAGE.width / 2, PAGE.height / 2] });
      doc
        .rect(-PAGE.width, -PAGE.height, PAGE.width * 3, PAGE.height * 3)
        .fill([pattern, INK.watermark] as never);
      doc.restore();
    },
  };
}
