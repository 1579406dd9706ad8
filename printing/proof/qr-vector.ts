import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The verification QR as vector rectangles (no raster image): sharp at any printer resolution and
 * a few kilobytes. Dark modules of a row are merged into runs and the whole symbol is one fill.
 */

/** A QR symbol as PDF path operators in module units (one module = 1×1, origin top left). */
export interface QrPath {
  /** Modules per side (without the quiet zone). */
  readonly size: number;
  /** `x y w h re` operators of the dark runs. */
  readonly ops: string;
}

/** Quiet zone the QR specification asks for, in modules. */
export const QUIET_ZONE_MODULES = 4;

const cache = new Map<string, QrPath>();
const CACHE_LIMIT = 16;

/** The QR symbol of `text` (error correction M), cached for the last few texts. */
export function qrPath(text: string): QrPath {
  let path = cache.get(text);
  if (!path) {
    const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const ops: string[] = [];
    for (let row = 0; row < size; row++) {
      let col = 0;
      while (col < size) {
        if (!data[row * size + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < size && data[row * size + col]) col++;
        ops.push(`${start} ${row} ${col - start} 1 re`);
      }
    }
    path = { size, ops: ops.join('\n') };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(text, path);
  }
  return path;
}

/** Draws the symbol with its quiet zone filling the square box at (x, y). Returns the module size. */
export function drawQr(
  doc: typeof PDFDocument.prototype,
  text: string,
  x: number,
  y: number,
  boxSize: number,
): number {
  const { size, ops } = qrPath(text);
  const module = boxSize / (size + 2 * QUIET_ZONE_MODULES);
  const offset = QUIET_ZONE_MODULES * module;
  doc.save();
  doc.fillColor('#ffffff').rect(x, y, boxSize, boxSize).fill();
  doc.fillColor('#000000');
  doc.transform(module, 0, 0, module, x + offset, y + offset);
  doc.addContent(ops);
  doc.addContent('f');
  doc.restore();
  return module;
}
