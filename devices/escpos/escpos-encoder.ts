/**
 * Pure ESC/POS receipt builder (device-protocols.md §3.1–3.4): chain calls, then `encode()`.
 * No I/O. Text goes through an injected `encodeText` (default printable ASCII, see escpos-text).
 */
import { ALIGNMENT, CUT_MODE, ESCPOS, UNDERLINE, checkInt } from './escpos-commands.js';
import type { Alignment, CutForm, Symbology, Underline } from './escpos-commands.js';
import { barcodeCommands, qrCommands, rasterCommands } from './escpos-symbols.js';
import type { BarcodeOptions, MonoBitmap, QrOptions, RasterOptions } from './escpos-symbols.js';
import { qrBitmap } from './escpos-qr-raster.js';
import type { RasterQrOptions } from './escpos-qr-raster.js';
import { asciiOnly } from './escpos-text.js';
import type { TextEncodeFn } from './escpos-text.js';

/** Rows per GS v 0 band of a raster QR: small printer buffers take large images in bands (§3.4). */
const RASTER_BAND_ROWS = 128;

/** Options of the builder. */
export interface EscPosEncoderOptions {
  /** Text encoder; default `asciiOnly`. */
  readonly encodeText?: TextEncodeFn;
  /** The printer has GS ( k; when false, `qr()` sends a GS v 0 raster image. Default true. */
  readonly nativeQr?: boolean;
  /** Printable width in dots, bounding a raster QR (384 on 58 mm, 576 on 80 mm). Default 576. */
  readonly maxWidthDots?: number;
}

/** Cut options (§3.1). */
export interface CutOptions {
  /** Which GS V spelling; default binary (00/01). Ignored when `feed` is given. */
  readonly form?: Exclude<CutForm, 'feed'>;
  /** Feed n units first (GS V 41/42 n). */
  readonly feed?: number;
}

/** Chainable ESC/POS builder. */
export class EscPosEncoder {
  private readonly parts: Uint8Array[] = [];
  private readonly encodeText: TextEncodeFn;
  private readonly nativeQr: boolean;
  private readonly maxWidthDots: number;

  constructor(options: EscPosEncoderOptions = {}) {
    this.encodeText = options.encodeText ?? asciiOnly;
    this.nativeQr = options.nativeQr ?? true;
    this.maxWidthDots = options.maxWidthDots ?? 576;
  }

  /** Appends raw bytes (escape hatch for printer-specific commands). */
  raw(...chunks: ArrayLike<number>[]): this {
    for (const c of chunks) this.parts.push(Uint8Array.from(c));
    return this;
  }

  /** ESC @. */
  init(): this {
    return this.raw(ESCPOS.init);
  }

  /** FS & / FS . (two-byte GB text from the built-in font). */
  chineseMode(on: boolean): this {
    return this.raw(on ? ESCPOS.chineseOn : ESCPOS.chineseOff);
  }

  /** Text through the configured encoder, no line feed. */
  text(text: string): this {
    return this.raw(this.encodeText(text));
  }

  /** Text then LF. */
  line(text = ''): this {
    return this.text(text).raw(ESCPOS.lineFeed);
  }

  /** ESC E n. */
  bold(on: boolean): this {
    return this.raw(ESCPOS.bold, [on ? 1 : 0]);
  }

  /** ESC - n. */
  underline(mode: Underline): this {
    return this.raw(ESCPOS.underline, [UNDERLINE[mode]]);
  }

  /** ESC a n. */
  align(alignment: Alignment): this {
    return this.raw(ESCPOS.align, [ALIGNMENT[alignment]]);
  }

  /** GS ! n with width and height multipliers 1–8. */
  size(width: number, height: number): this {
    const w = checkInt('width', width, 1, 8) - 1;
    const h = checkInt('height', height, 1, 8) - 1;
    return this.raw(ESCPOS.charSize, [(w << 4) | h]);
  }

  /** n = 1: LF; otherwise ESC d n (0–255). */
  feed(lines = 1): this {
    checkInt('lines', lines, 0, 255);
    return lines === 1 ? this.raw(ESCPOS.lineFeed) : this.raw(ESCPOS.feedLines, [lines]);
  }

  /** QR: native GS ( k when the printer has it (capability `nativeQr`), else a raster image. */
  qr(data: string | Uint8Array, options: QrOptions = {}): this {
    if (this.nativeQr) return this.raw(qrCommands(data, options));
    return this.rasterQr(data, options);
  }

  /** QR always as a GS v 0 raster image (micro QR is not rendered: a model 2 symbol is sent). */
  rasterQr(data: string | Uint8Array, options: QrOptions & RasterQrOptions = {}): this {
    const { model: _model, ...raster } = options;
    const bitmap = qrBitmap(data, { maxWidthDots: this.maxWidthDots, ...raster });
    return this.raster(bitmap, { bandRows: RASTER_BAND_ROWS });
  }

  /** 1-D barcode (GS k) with optional setup; data is ASCII. */
  barcode(symbology: Symbology, data: string, options: BarcodeOptions = {}): this {
    return this.raw(barcodeCommands(symbology, data, options));
  }

  /** Raster image (GS v 0), optionally in horizontal bands. */
  raster(bitmap: MonoBitmap, options: RasterOptions = {}): this {
    return this.raw(rasterCommands(bitmap, options));
  }

  /** GS V: full or partial cut, optionally after feeding n units. */
  cut(kind: 'full' | 'partial' = 'partial', options: CutOptions = {}): this {
    if (options.feed !== undefined)
      return this.raw(ESCPOS.cut, [CUT_MODE.feed[kind], checkInt('feed', options.feed, 0, 255)]);
    return this.raw(ESCPOS.cut, [CUT_MODE[options.form ?? 'binary'][kind]]);
  }

  /** The bytes built so far. */
  encode(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
