/**
 * QR code as a raster image, for printers without native GS ( k (device-protocols.md §3.2:
 * python-escpos renders QR as an image by default). The qrcode package computes the module
 * matrix; this file turns it into a GS v 0 bitmap. Pure, no I/O.
 */
import QRCode from 'qrcode';
import { checkInt } from './escpos-commands.js';
import type { QrErrorCorrection } from './escpos-commands.js';
import type { MonoBitmap } from './escpos-symbols.js';

/** Options of the raster QR. */
export interface RasterQrOptions {
  /** Dots per module, 1–16; shrunk when the symbol would be wider than `maxWidthDots`. Default 6. */
  readonly moduleSize?: number;
  /** Error-correction level. Default M. */
  readonly errorCorrection?: QrErrorCorrection;
  /** Light modules around the symbol (the standard asks for 4). Default 4. */
  readonly quietZone?: number;
  /** Printable width in dots (384 on 58 mm, 576 on 80 mm heads). Default 576. */
  readonly maxWidthDots?: number;
}

/** The module matrix of a QR symbol: `size`×`size`, true = dark. */
export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** Whether module (x, y) is dark. */
  readonly dark: (x: number, y: number) => boolean;
}

/** Computes the QR module matrix; strings are UTF-8 byte mode like the native command. */
export function qrMatrix(data: string | Uint8Array, errorCorrection: QrErrorCorrection): QrMatrix {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  checkInt('QR data length', bytes.length, 1, 2953);
  const code = QRCode.create([{ mode: 'byte', data: bytes }], {
    errorCorrectionLevel: errorCorrection,
  });
  const { modules } = code;
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** Renders a QR symbol to a 1-bit bitmap with the given module size and quiet zone. */
export function qrBitmap(data: string | Uint8Array, options: RasterQrOptions = {}): MonoBitmap {
  const matrix = qrMatrix(data, options.errorCorrection ?? 'M');
  const quiet = checkInt('quietZone', options.quietZone ?? 4, 0, 16);
  const maxWidth = checkInt('maxWidthDots', options.maxWidthDots ?? 576, 8, 0xffff);
  const modulesWide = matrix.size + 2 * quiet;
  const wanted = checkInt('moduleSize', options.moduleSize ?? 6, 1, 16);
  const dots = Math.min(wanted, Math.floor(maxWidth / modulesWide));
  if (dots < 1) throw new RangeError(`QR of ${modulesWide} modules does not fit ${maxWidth} dots`);
  const width = modulesWide * dots;
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * width);
  for (let y = 0; y < width; y++) {
    const my = Math.floor(y / dots) - quiet;
    for (let x = 0; x < width; x++) {
      const mx = Math.floor(x / dots) - quiet;
      const inside = mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size;
      if (inside && matrix.dark(mx, my)) {
        const at = y * rowBytes + (x >> 3);
        bits[at] = (bits[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return { width, height: width, bits };
}
