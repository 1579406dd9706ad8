import { z } from 'zod';

/**
 * A receipt as data: what the kiosk wants printed on the ESC/POS receipt printer. Templates
 * (printing/) build it, the printer driver (devices/) renders it for one printer's capabilities,
 * so the shape lives here, between them. Images are not part of it: a bitmap is device-internal
 * (devices/escpos adds its own image block on top of this one).
 */

/** Horizontal alignment of a block. */
export const ReceiptAlignment = z.enum(['left', 'center', 'right']);
export type ReceiptAlignment = z.infer<typeof ReceiptAlignment>;

/** Character width and height multipliers (GS ! n). */
export const ReceiptTextSize = z.strictObject({
  /** Width multiplier, 1–8. */
  width: z.int().min(1).max(8),
  /** Height multiplier, 1–8. */
  height: z.int().min(1).max(8),
});
export type ReceiptTextSize = z.infer<typeof ReceiptTextSize>;

/** QR error-correction level (L 7 %, M 15 %, Q 25 %, H 30 % of the symbol recoverable). */
export const QrErrorCorrectionLevel = z.enum(['L', 'M', 'Q', 'H']);
export type QrErrorCorrectionLevel = z.infer<typeof QrErrorCorrectionLevel>;

/** 1-D barcode symbologies the printer driver can send (GS k). */
export const BarcodeSymbology = z.enum([
  'upcA',
  'upcE',
  'ean13',
  'ean8',
  'code39',
  'itf',
  'codabar',
  'code93',
  'code128',
  'gs1_128',
  'gs1DataBarOmni',
  'gs1DataBarTruncated',
  'gs1DataBarLimited',
  'gs1DataBarExpanded',
]);
export type BarcodeSymbology = z.infer<typeof BarcodeSymbology>;

/** Where the human-readable digits of a barcode go. */
export const BarcodeHriPosition = z.enum(['none', 'above', 'below', 'both']);
export type BarcodeHriPosition = z.infer<typeof BarcodeHriPosition>;

/** Most bytes a QR symbol holds (version 40, level L, byte mode). */
export const QR_MAX_BYTES = 2953;

/** Lines of text in one style. */
export const ReceiptTextBlock = z.strictObject({
  /** Block kind. */
  kind: z.literal('text'),
  /** The text; "\n" starts a new line (characters the printer cannot encode print as '?'). */
  text: z.string().max(4096),
  /** Alignment; default left. */
  align: ReceiptAlignment.optional(),
  /** Bold; default false. */
  bold: z.boolean().optional(),
  /** Width and height multipliers; default 1×1. */
  size: ReceiptTextSize.optional(),
});
export type ReceiptTextBlock = z.infer<typeof ReceiptTextBlock>;

/** A QR symbol: native GS ( k, or a raster image on printers without it. */
export const ReceiptQrBlock = z.strictObject({
  /** Block kind. */
  kind: z.literal('qr'),
  /** The payload, encoded as UTF-8 in byte mode. */
  data: z
    .string()
    .min(1)
    .refine((s) => new TextEncoder().encode(s).length <= QR_MAX_BYTES, {
      message: `QR data must be at most ${QR_MAX_BYTES} bytes of UTF-8`,
    }),
  /** Alignment; default center. */
  align: ReceiptAlignment.optional(),
  /** Module size in dots, 1–16; default 6 (a raster QR shrinks it to fit the paper). */
  moduleSize: z.int().min(1).max(16).optional(),
  /** Error-correction level; default M. */
  errorCorrection: QrErrorCorrectionLevel.optional(),
});
export type ReceiptQrBlock = z.infer<typeof ReceiptQrBlock>;

/** A 1-D barcode. */
export const ReceiptBarcodeBlock = z
  .strictObject({
    /** Block kind. */
    kind: z.literal('barcode'),
    /** Symbology. */
    symbology: BarcodeSymbology,
    /** Printable ASCII data, 1–255 characters (CODE128 data starts with {A, {B or {C). */
    data: z.string().regex(/^[\x20-\x7e]{1,255}$/, 'barcode data must be 1–255 printable ASCII'),
    /** Alignment; default center. */
    align: ReceiptAlignment.optional(),
    /** Bar height in dots, 1–255; default the printer's. */
    height: z.int().min(1).max(255).optional(),
    /** Module (narrow bar) width, 2–6; default the printer's. */
    moduleWidth: z.int().min(2).max(6).optional(),
    /** Where the human-readable digits go; default the printer's. */
    hri: BarcodeHriPosition.optional(),
  })
  .refine((b) => b.symbology !== 'code128' || /^\{[ABC]/.test(b.data), {
    message: 'CODE128 data must start with {A, {B or {C',
    path: ['data'],
  });
export type ReceiptBarcodeBlock = z.infer<typeof ReceiptBarcodeBlock>;

/** Blank paper. */
export const ReceiptFeedBlock = z.strictObject({
  /** Block kind. */
  kind: z.literal('feed'),
  /** Lines fed, 1–255. */
  lines: z.int().min(1).max(255),
});
export type ReceiptFeedBlock = z.infer<typeof ReceiptFeedBlock>;

/** One block of a receipt. */
export const ReceiptBlock = z.discriminatedUnion('kind', [
  ReceiptTextBlock,
  ReceiptQrBlock,
  ReceiptBarcodeBlock,
  ReceiptFeedBlock,
]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;

/** How a receipt leaves the printer. */
export const ReceiptCutMode = z.enum(['full', 'partial', 'none']);
export type ReceiptCutMode = z.infer<typeof ReceiptCutMode>;

/** A receipt to print. */
export const ReceiptDocument = z.strictObject({
  /** The blocks, top to bottom. */
  blocks: z.array(ReceiptBlock).max(500),
  /** Cut at the end; default 'partial' (many printers only cut partially). */
  cut: ReceiptCutMode.optional(),
  /** Lines fed before the cut so the last line clears the cutter, 0–255; default 4. */
  feedBeforeCut: z.int().min(0).max(255).optional(),
});
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;
