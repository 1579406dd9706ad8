/**
 * Pure builders for the graphic ESC/POS commands (§3.2 QR, §3.3 1-D barcode, §3.4 raster).
 * Each returns the command bytes; the encoder only concatenates them.
 */
import {
  BARCODE,
  ESCPOS,
  HRI_POSITION,
  QR_CN,
  QR_ERROR_CORRECTION,
  QR_FN,
  QR_MODEL,
  RASTER_MODE,
  checkInt,
  le16,
} from './escpos-commands.js';
import type {
  HriPosition,
  QrErrorCorrection,
  QrModel,
  RasterMode,
  Symbology,
} from './escpos-commands.js';
import { asciiOnly } from './escpos-text.js';

/** QR options (§3.2). */
export interface QrOptions {
  /** Symbol model; default model2. */
  readonly model?: QrModel;
  /** Module size in dots, 1–16; default 6. */
  readonly moduleSize?: number;
  /** Error-correction level; default M. */
  readonly errorCorrection?: QrErrorCorrection;
}

/** 1-D barcode options (§3.3); setup commands are sent only for fields given. */
export interface BarcodeOptions {
  /** GS k function: 'A' (NUL-terminated, m 0–6) or 'B' (length-prefixed); default 'B'. */
  readonly fn?: 'A' | 'B';
  /** Height in dots, 1–255. */
  readonly height?: number;
  /** Module width, 2–6. */
  readonly moduleWidth?: number;
  /** HRI position. */
  readonly hri?: HriPosition;
  /** HRI font number. */
  readonly hriFont?: number;
}

/** A 1-bit bitmap in GS v 0 layout: rows of ceil(width/8) bytes, MSB = leftmost, 1 = black. */
export interface MonoBitmap {
  /** Width in dots. */
  readonly width: number;
  /** Height in dots (rows). */
  readonly height: number;
  /** Packed rows, ceil(width/8) · height bytes. */
  readonly bits: Uint8Array;
}

/** Raster options (§3.4). */
export interface RasterOptions {
  /** Scaling mode; default normal. */
  readonly mode?: RasterMode;
  /** Rows per GS v 0 band; default all rows in one command. */
  readonly bandRows?: number;
}

const join = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(Array.from(p), at);
    at += p.length;
  }
  return out;
};

/** GS ( k, cn 0x31, one function with its parameters. */
const qrFunction = (fn: number, ...params: ArrayLike<number>[]): Uint8Array => {
  const body = join([QR_CN, fn], ...params);
  return join(ESCPOS.qr, le16(body.length), body);
};

/** Native QR: model, module size, EC level, store, print. Strings are sent as UTF-8. */
export function qrCommands(data: string | Uint8Array, options: QrOptions = {}): Uint8Array {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  checkInt('QR data length', bytes.length, 1, 0xffff - 3);
  return join(
    qrFunction(QR_FN.model, [QR_MODEL[options.model ?? 'model2'], 0]),
    qrFunction(QR_FN.moduleSize, [checkInt('moduleSize', options.moduleSize ?? 6, 1, 16)]),
    qrFunction(QR_FN.errorCorrection, [QR_ERROR_CORRECTION[options.errorCorrection ?? 'M']]),
    qrFunction(QR_FN.store, [0x30], bytes),
    qrFunction(QR_FN.print, [0x30]),
  );
}

/** 1-D barcode (GS k) preceded by the setup commands for the options given; data is ASCII. */
export function barcodeCommands(
  symbology: Symbology,
  data: string,
  options: BarcodeOptions = {},
): Uint8Array {
  const bytes = asciiOnly(data);
  checkInt('barcode data length', bytes.length, 1, 255);
  if (symbology === 'code128' && !/^\{[ABC]/.test(data))
    throw new RangeError('CODE128 data must start with {A, {B or {C');
  const setup: number[][] = [];
  if (options.height !== undefined)
    setup.push([...ESCPOS.barcodeHeight, checkInt('height', options.height, 1, 255)]);
  if (options.moduleWidth !== undefined)
    setup.push([...ESCPOS.barcodeWidth, checkInt('moduleWidth', options.moduleWidth, 2, 6)]);
  if (options.hri !== undefined) setup.push([...ESCPOS.hriPosition, HRI_POSITION[options.hri]]);
  if (options.hriFont !== undefined)
    setup.push([...ESCPOS.hriFont, checkInt('hriFont', options.hriFont, 0, 255)]);
  const m = BARCODE[symbology];
  if (options.fn !== 'A') return join(...setup, ESCPOS.barcode, [m.b, bytes.length], bytes);
  if (m.a === undefined) throw new RangeError(`${symbology} needs GS k function B`);
  if (bytes.includes(0)) throw new RangeError('function A data cannot contain NUL');
  return join(...setup, ESCPOS.barcode, [m.a], bytes, [0]);
}

/** Raster image (GS v 0), optionally in horizontal bands of `bandRows` rows. */
export function rasterCommands(bitmap: MonoBitmap, options: RasterOptions = {}): Uint8Array {
  const rowBytes = checkInt('bytes per row', Math.ceil(bitmap.width / 8), 1, 0xffff);
  checkInt('height', bitmap.height, 1, 0xffff);
  if (bitmap.bits.length !== rowBytes * bitmap.height)
    throw new RangeError(`bitmap needs ${rowBytes * bitmap.height} bytes`);
  const band = checkInt('bandRows', options.bandRows ?? bitmap.height, 1, 0xffff);
  const m = RASTER_MODE[options.mode ?? 'normal'];
  const bands: Uint8Array[] = [];
  for (let y = 0; y < bitmap.height; y += band) {
    const rows = Math.min(band, bitmap.height - y);
    const data = bitmap.bits.subarray(y * rowBytes, (y + rows) * rowBytes);
    bands.push(join(ESCPOS.raster, [m], le16(rowBytes), le16(rows), data));
  }
  return join(...bands);
}
