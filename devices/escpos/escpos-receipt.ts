/**
 * A receipt as data (what the kiosk wants printed; the shape is contract/receipt-document.ts) and
 * its rendering to ESC/POS bytes for one printer's capabilities: GB18030 text in Chinese mode,
 * native or raster QR, cut form. Pure.
 */
import type {
  BarcodeHriPosition,
  BarcodeSymbology,
  QrErrorCorrectionLevel,
  ReceiptAlignment,
  ReceiptBlock as ContractReceiptBlock,
  ReceiptDocument as ContractReceiptDocument,
  ReceiptTextBlock as ContractReceiptTextBlock,
} from '../../contract/index.js';
import type {
  Alignment,
  CutForm,
  HriPosition,
  QrErrorCorrection,
  Symbology,
} from './escpos-commands.js';
import { EscPosEncoder } from './escpos-encoder.js';
import type { MonoBitmap } from './escpos-symbols.js';
import { EscPosStreamParser } from './escpos-stream-parser.js';
import { Gb18030TextEncoder } from './gb18030-text.js';
import { asciiOnly } from './escpos-text.js';
import type { TextEncodeFn } from './escpos-text.js';

/** Text style of a line (the contract's text block without its kind and text). */
export type TextStyle = Pick<ContractReceiptTextBlock, 'align' | 'bold' | 'size'>;

/** A 1-bit image: device-internal (a bitmap is not serialisable, so the contract leaves it out). */
export interface ReceiptImageBlock {
  /** Block kind. */
  readonly kind: 'image';
  /** The bitmap. */
  readonly bitmap: MonoBitmap;
  /** Alignment; default center. */
  readonly align?: Alignment;
}

/** One block of a receipt: the contract's blocks (text, qr, barcode, feed) or a device image. */
export type ReceiptBlock = ContractReceiptBlock | ReceiptImageBlock;

/** A receipt to print: the contract's document, whose blocks may also be device images. */
export type ReceiptDocument = Omit<ContractReceiptDocument, 'blocks'> & {
  /** The blocks, top to bottom. */
  readonly blocks: readonly ReceiptBlock[];
};

/** `true` when A and B are the same set of values, else `never`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/*
 * The contract spells alignments, symbologies, HRI positions and QR levels itself (it imports
 * nothing of ours): this fails to compile when its lists drift apart from the command tables.
 */
export const CONTRACT_LISTS_MATCH: [
  Same<Alignment, ReceiptAlignment>,
  Same<Symbology, BarcodeSymbology>,
  Same<HriPosition, BarcodeHriPosition>,
  Same<QrErrorCorrection, QrErrorCorrectionLevel>,
] = [true, true, true, true];

/** What the printer can do, as rendering needs it. */
export interface RenderOptions {
  /** GB18030 text in Chinese mode; false = printable ASCII only (others print as '?'). */
  readonly gb18030: boolean;
  /** GS ( k available; else QR goes as a raster image. */
  readonly nativeQr: boolean;
  /** The printer has a cutter. */
  readonly cut: boolean;
  /** GS V spelling; default binary. */
  readonly cutForm?: Exclude<CutForm, 'feed'>;
  /** Printable width in dots (bounds raster QR). */
  readonly maxWidthDots: number;
  /** Whether four-byte GB18030 characters are in the font. Default true. */
  readonly fourByteGb18030?: boolean;
}

/** A rendered job. */
export interface RenderedReceipt {
  /** The bytes to send. */
  readonly bytes: Uint8Array;
  /** Characters printed as '?' because they could not be encoded. */
  readonly replacedCharacters: number;
}

/** Printable ASCII only; anything else becomes '?' (used when the printer has no GB18030). */
function asciiOrQuestionMark(text: string): { bytes: Uint8Array; replaced: number } {
  let replaced = 0;
  const clean = Array.from(text, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x20 && cp < 0x7f) || cp === 0x0a || cp === 0x09) return ch;
    replaced++;
    return '?';
  }).join('');
  return { bytes: asciiOnly(clean), replaced };
}

/** Renders a receipt for a printer: ESC @, Chinese mode, blocks, feed, cut, leave Chinese mode. */
export function renderReceipt(doc: ReceiptDocument, options: RenderOptions): RenderedReceipt {
  const gb = new Gb18030TextEncoder({ fourByte: options.fourByteGb18030 ?? true });
  let asciiReplaced = 0;
  const ascii: TextEncodeFn = (text) => {
    const result = asciiOrQuestionMark(text);
    asciiReplaced += result.replaced;
    return result.bytes;
  };
  const e = new EscPosEncoder({
    encodeText: options.gb18030 ? gb.encode : ascii,
    nativeQr: options.nativeQr,
    maxWidthDots: options.maxWidthDots,
  });
  e.init();
  if (options.gb18030) e.chineseMode(true);
  for (const block of doc.blocks) renderBlock(e, block);
  const cut = options.cut ? (doc.cut ?? 'partial') : 'none';
  e.feed(doc.feedBeforeCut ?? 4);
  if (cut !== 'none') e.cut(cut, { form: options.cutForm ?? 'binary' });
  if (options.gb18030) e.chineseMode(false);
  return { bytes: e.encode(), replacedCharacters: gb.replaced + asciiReplaced };
}

function renderBlock(e: EscPosEncoder, block: ReceiptBlock): void {
  switch (block.kind) {
    case 'text': {
      e.align(block.align ?? 'left').bold(block.bold ?? false);
      e.size(block.size?.width ?? 1, block.size?.height ?? 1);
      for (const line of block.text.split('\n')) e.line(line);
      if (block.bold) e.bold(false);
      if (block.size !== undefined) e.size(1, 1);
      return;
    }
    case 'qr':
      e.align(block.align ?? 'center').qr(block.data, {
        ...(block.moduleSize !== undefined ? { moduleSize: block.moduleSize } : {}),
        ...(block.errorCorrection !== undefined ? { errorCorrection: block.errorCorrection } : {}),
      });
      e.feed();
      return;
    case 'barcode': {
      const { kind: _k, symbology, data, align, ...options } = block;
      e.align(align ?? 'center')
        .barcode(symbology, data, options)
        .feed();
      return;
    }
    case 'image':
      e.align(block.align ?? 'center')
        .raster(block.bitmap)
        .feed();
      return;
    case 'feed':
      e.feed(block.lines);
  }
}

/** What a job does to the paper, for counters: lines printed or fed, and cuts. */
export interface JobStats {
  /** Line feeds (LF) plus lines fed by ESC d n. */
  readonly lines: number;
  /** Cuts (GS V, ESC i, ESC m). */
  readonly cuts: number;
}

/** Counts lines and cuts in a job's bytes (raw jobs included). */
export function jobStats(bytes: Uint8Array): JobStats {
  let lines = 0;
  let cuts = 0;
  for (const t of new EscPosStreamParser().push(bytes)) {
    if (t.kind === 'control' && t.byte === 0x0a) lines++;
    if (t.kind !== 'command') continue;
    const [prefix, code, p1 = 0] = t.header;
    if (prefix === 0x1b && code === 0x64) lines += p1;
    if ((prefix === 0x1d && code === 0x56) || (prefix === 0x1b && (code === 0x69 || code === 0x6d)))
      cuts++;
  }
  return { lines, cuts };
}
