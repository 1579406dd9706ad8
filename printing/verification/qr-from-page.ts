import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { runPoppler } from './poppler.js';
import type { PdfToolFailure, PopplerPaths } from './poppler.js';

/*
 * Reads the verification QR off a proof's first page the way a recipient's phone would: from
 * pixels, not from the PDF's objects, so what is checked is what is printed.
 */

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsQRModule.default;

/** Resolutions tried in turn: 150 dpi reads a ≥ 30 mm QR; 300 dpi rescues dense or small ones. */
export const QR_RENDER_DPI = [150, 300] as const;

/** Longest page side rendered, in millimetres (A3; a proof is A4). */
const MAX_PAGE_MM = 420;

/** The QR text found on page 1, or why none was. */
export type PageQr =
  | { ok: true; text: string; dpi: number }
  | PdfToolFailure
  | { ok: false; code: 'noQr'; message: string; action: 'clear' };

/** Decodes the first QR code in a PNG image, if any. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const found = jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return found?.data;
}

/** Renders page 1 of `pdf` into `workDir` and decodes its QR. */
export async function readPageQr(
  pdf: string,
  workDir: string,
  paths: PopplerPaths = {},
): Promise<PageQr> {
  for (const dpi of QR_RENDER_DPI) {
    const root = join(workDir, `page1-${dpi}`);
    // A hostile PDF may declare a huge page: render at most an A3-sized area from the top left.
    const maxPixels = String(Math.ceil((MAX_PAGE_MM / 25.4) * dpi));
    const crop = ['-x', '0', '-y', '0', '-W', maxPixels, '-H', maxPixels];
    const args = [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      ...crop,
      pdf,
      root,
    ];
    const rendered = await runPoppler('pdftoppm', args, paths);
    if (!rendered.ok) return rendered;
    const text = decodeQrPng(await readFile(`${root}.png`));
    if (text !== undefined) return { ok: true, text, dpi };
  }
  return {
    ok: false,
    code: 'noQr',
    message: `no verification QR could be read on page 1 (tried ${QR_RENDER_DPI.join(' and ')} dpi)`,
    action: 'clear',
  };
}
