/**
 * ESC/POS command bytes as data (device-protocols.md §3). Pure, no I/O. Builders append
 * parameters to these prefixes; nothing else in the printer layer spells command bytes.
 */

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** Command prefixes; the parameter bytes that follow are noted per entry. */
export const ESCPOS = {
  /** ESC @: clears buffer and modes. */
  init: [ESC, 0x40],
  /** LF: print and feed one line. */
  lineFeed: [0x0a],
  /** ESC d n: print and feed n lines. */
  feedLines: [ESC, 0x64],
  /** ESC E n: bold, 1 on / 0 off. */
  bold: [ESC, 0x45],
  /** ESC - n: underline 0 off, 1 one-dot, 2 two-dot. */
  underline: [ESC, 0x2d],
  /** ESC a n: 0 left, 1 centre, 2 right. */
  align: [ESC, 0x61],
  /** GS ! n: high nibble width − 1, low nibble height − 1. */
  charSize: [GS, 0x21],
  /** FS &: Chinese (two-byte GB) mode on. */
  chineseOn: [FS, 0x26],
  /** FS .: Chinese mode off. */
  chineseOff: [FS, 0x2e],
  /** GS V m [n]: cut; m per `CUT_MODE`. */
  cut: [GS, 0x56],
  /** GS ( k pL pH cn fn …: 2-D symbol, cn 0x31 = QR. */
  qr: [GS, 0x28, 0x6b],
  /** GS h n: barcode height in dots. */
  barcodeHeight: [GS, 0x68],
  /** GS w n: barcode module width. */
  barcodeWidth: [GS, 0x77],
  /** GS H n: HRI position. */
  hriPosition: [GS, 0x48],
  /** GS f n: HRI font. */
  hriFont: [GS, 0x66],
  /** GS k m …: print a 1-D barcode. */
  barcode: [GS, 0x6b],
  /** GS v 0 m xL xH yL yH d…: raster image. */
  raster: [GS, 0x76, 0x30],
  /** DLE EOT n: real-time status query, n 1–4. */
  realtimeStatus: [DLE, 0x04],
  /** DLE ENQ n: recover from a recoverable error, n 1–2. */
  realtimeRecover: [DLE, 0x05],
  /** GS a n: Automatic Status Back enable mask (0 disables). */
  autoStatusBack: [GS, 0x61],
} as const satisfies Record<string, readonly number[]>;

/** ESC a parameter. */
export const ALIGNMENT = { left: 0, center: 1, right: 2 } as const;
/** A text alignment. */
export type Alignment = keyof typeof ALIGNMENT;

/** ESC - parameter. */
export const UNDERLINE = { off: 0, single: 1, double: 2 } as const;
/** An underline mode. */
export type Underline = keyof typeof UNDERLINE;

/** QR function codes (fn) after cn = 0x31. */
export const QR_FN = {
  model: 0x41,
  moduleSize: 0x43,
  errorCorrection: 0x45,
  store: 0x50,
  print: 0x51,
} as const;
/** QR symbol-type byte (cn). */
export const QR_CN = 0x31;
/** QR model n1 for fn 0x41. */
export const QR_MODEL = { model1: 0x31, model2: 0x32, micro: 0x33 } as const;
/** A QR model. */
export type QrModel = keyof typeof QR_MODEL;
/** QR error-correction n for fn 0x45. */
export const QR_ERROR_CORRECTION = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 } as const;
/** A QR error-correction level. */
export type QrErrorCorrection = keyof typeof QR_ERROR_CORRECTION;

/** GS k symbology: m for function A (undefined = function B only) and for function B. */
export const BARCODE = {
  upcA: { a: 0, b: 65 },
  upcE: { a: 1, b: 66 },
  ean13: { a: 2, b: 67 },
  ean8: { a: 3, b: 68 },
  code39: { a: 4, b: 69 },
  itf: { a: 5, b: 70 },
  codabar: { a: 6, b: 71 },
  code93: { a: undefined, b: 72 },
  code128: { a: undefined, b: 73 },
  gs1_128: { a: undefined, b: 74 },
  gs1DataBarOmni: { a: undefined, b: 75 },
  gs1DataBarTruncated: { a: undefined, b: 76 },
  gs1DataBarLimited: { a: undefined, b: 77 },
  gs1DataBarExpanded: { a: undefined, b: 78 },
} as const satisfies Record<string, { a: number | undefined; b: number }>;
/** A 1-D symbology. */
export type Symbology = keyof typeof BARCODE;

/** GS H parameter. */
export const HRI_POSITION = { none: 0, above: 1, below: 2, both: 3 } as const;
/** Where the human-readable interpretation is printed. */
export type HriPosition = keyof typeof HRI_POSITION;

/** GS v 0 m parameter. */
export const RASTER_MODE = { normal: 0, doubleWidth: 1, doubleHeight: 2, quadruple: 3 } as const;
/** A raster scaling mode. */
export type RasterMode = keyof typeof RASTER_MODE;

/**
 * GS V m. Printers disagree on 0/1 versus '0'/'1' (and some treat full as partial), so both
 * spellings are kept; `feed*` forms take a feed amount n before cutting.
 */
export const CUT_MODE = {
  binary: { full: 0x00, partial: 0x01 },
  ascii: { full: 0x30, partial: 0x31 },
  feed: { full: 0x41, partial: 0x42 },
} as const;
/** Which GS V spelling a printer understands. */
export type CutForm = keyof typeof CUT_MODE;

/** Validates an integer command parameter; throws RangeError outside `min..max`. */
export function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  return value;
}

/** Little-endian 16-bit parameter pair (pL pH, xL xH …). */
export const le16 = (n: number): [number, number] => [n & 0xff, (n >> 8) & 0xff];

/** A DLE EOT query number. */
export type RealtimeQuery = 1 | 2 | 3 | 4;

/** DLE EOT n. */
export const realtimeStatusQuery = (query: RealtimeQuery): Uint8Array =>
  Uint8Array.of(...ESCPOS.realtimeStatus, query);

/** GS a n: enable ASB for the mask (bit 0 drawer, 1 online, 2 error, 3 paper); 0 disables. */
export const autoStatusBack = (mask: number): Uint8Array =>
  Uint8Array.of(...ESCPOS.autoStatusBack, checkInt('ASB mask', mask, 0, 255));

/** DLE ENQ n (1 restart from the failed line, 2 clear buffers — n 2 unverified). */
export const realtimeRecover = (n: 1 | 2): Uint8Array =>
  Uint8Array.of(...ESCPOS.realtimeRecover, n);
