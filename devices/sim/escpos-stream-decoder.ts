/**
 * Turns the host → printer ESC/POS stream back into a structured receipt, as a printer would
 * print it: text lines (GB18030 in Chinese mode) with alignment, bold, underline and size, QR
 * payloads (GS ( k), 1-D barcodes, raster images and cuts. For the simulator and its tests.
 * Pure, no I/O; any bytes give typed results, never a throw, with bounded memory.
 */
import { BARCODE } from '../escpos/escpos-commands.js';
import type { Alignment, Symbology } from '../escpos/escpos-commands.js';
import { EscPosStreamParser } from '../escpos/escpos-stream-parser.js';
import type { EscPosToken } from '../escpos/escpos-stream-parser.js';
import { decodeGb18030 } from '../escpos/gb18030-text.js';

/** One printed thing on a receipt. */
export type ReceiptItem =
  | {
      /** A printed line of text. */
      kind: 'text';
      /** The decoded text. */
      text: string;
      /** Alignment when the line started. */
      align: Alignment;
      /** Emphasis (ESC E or ESC ! bit 3) when the line started. */
      bold: boolean;
      /** Underline (ESC - n, ESC ! bit 7) when the line started. */
      underline: boolean;
      /** Width multiplier 1–8. */
      width: number;
      /** Height multiplier 1–8. */
      height: number;
    }
  | {
      /** A QR symbol printed from GS ( k. */
      kind: 'qr';
      /** The stored data, decoded as UTF-8. */
      data: string;
      /** Module size in dots. */
      moduleSize: number;
      /** Error-correction level. */
      errorCorrection: 'L' | 'M' | 'Q' | 'H';
    }
  | {
      /** A 1-D barcode (GS k). */
      kind: 'barcode';
      /** Symbology, or 'unknown' for an m outside the table. */
      symbology: Symbology | 'unknown';
      /** The data as sent (Latin-1). */
      data: string;
    }
  | {
      /** A raster image (GS v 0); consecutive bands are merged. */
      kind: 'image';
      /** Width in dots. */
      width: number;
      /** Height in dots. */
      height: number;
    }
  | {
      /** Paper fed by ESC d n / ESC J (beyond the line feeds of text). */
      kind: 'feed';
      /** Lines (ESC d) fed. */
      lines: number;
    };

/** How a receipt ended. */
export type ReceiptCut = 'full' | 'partial' | 'failed' | 'none';

/** A receipt as the simulated printer printed it. */
export interface DecodedReceipt {
  /** Everything printed, in order. */
  readonly items: readonly ReceiptItem[];
  /** The text lines only (convenience for tests). */
  readonly lines: readonly string[];
  /** The cut that ended it ('failed' when the cutter jammed, 'none' if not cut yet). */
  readonly cut: ReceiptCut;
  /** False when printing stopped during it (paper out, cover open, jam) and content was lost. */
  readonly complete: boolean;
}

const MAX_ITEMS = 10_000;
const MAX_LINE_BYTES = 4096;
const EC_LEVELS = ['L', 'M', 'Q', 'H'] as const;
const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right'];
const FULL_CUTS = new Set([0x00, 0x30, 0x41, 0x61, 0x67]);

interface Style {
  align: Alignment;
  bold: boolean;
  underline: boolean;
  width: number;
  height: number;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Builds receipts from ESC/POS tokens; a cut ends a receipt. */
export class EscPosReceiptDecoder {
  private style: Style = defaultStyle();
  private chinese: boolean;
  private line: Array<{ bytes: Uint8Array; chinese: boolean }> = [];
  private lineBytes = 0;
  private lineStyle: Style | undefined;
  private items: ReceiptItem[] = [];
  private complete = true;
  private qr = { moduleSize: 3, ec: 0, data: new Uint8Array() };

  constructor(private readonly chineseAtPowerUp = true) {
    this.chinese = chineseAtPowerUp;
  }

  /** The receipt being printed (not cut yet). */
  get pending(): DecodedReceipt {
    return this.snapshot('none', true);
  }

  /** Text lines printed in the pending receipt so far. */
  get pendingLines(): number {
    return this.items.filter((i) => i.kind === 'text').length;
  }

  /** Marks the pending receipt as missing content (printing stopped). */
  markIncomplete(): void {
    this.complete = false;
  }

  /** Ends the pending receipt with `cut`, returns it and starts a new one. */
  endReceipt(cut: ReceiptCut): DecodedReceipt {
    const receipt = this.snapshot(cut, false);
    this.items = [];
    this.complete = true;
    return receipt;
  }

  /** Applies one token; returns the cut it is, if any (the caller ends the receipt). */
  apply(token: EscPosToken): 'full' | 'partial' | undefined {
    if (token.kind === 'text') return this.text(token.bytes);
    if (token.kind === 'control') {
      if (token.byte === 0x0a) this.flushLine(true);
      return undefined;
    }
    const [prefix = 0, code = 0, p1 = 0] = token.header;
    if (prefix === 0x1b) return this.esc(code, p1);
    if (prefix === 0x1c) {
      if (code === 0x26) this.chinese = true;
      if (code === 0x2e) this.chinese = false;
      return undefined;
    }
    if (prefix !== 0x1d) return undefined;
    if (code === 0x56) return this.cut(FULL_CUTS.has(p1) ? 'full' : 'partial');
    if (code === 0x21) this.sizeOf(p1);
    if (code === 0x28 && p1 === 0x6b) this.qrFunction(token.data);
    if (code === 0x6b) this.barcode(p1, token.data);
    if (code === 0x76 && p1 === 0x30) this.raster(token.header);
    return undefined;
  }

  private esc(code: number, p: number): 'full' | 'partial' | undefined {
    switch (code) {
      case 0x40:
        this.flushLine(false);
        this.style = defaultStyle();
        this.chinese = this.chineseAtPowerUp;
        return undefined;
      case 0x45:
        this.style.bold = (p & 1) === 1;
        return undefined;
      case 0x2d:
        this.style.underline = (p & 3) !== 0 && p !== 0x30;
        return undefined;
      case 0x61:
        this.style.align = ALIGNMENTS[p % 0x30] ?? 'left';
        return undefined;
      case 0x21:
        this.style.bold = (p & 0x08) !== 0;
        this.style.underline = (p & 0x80) !== 0;
        this.style.height = p & 0x10 ? 2 : 1;
        this.style.width = p & 0x20 ? 2 : 1;
        return undefined;
      case 0x64:
        this.flushLine(false);
        this.push({ kind: 'feed', lines: p });
        return undefined;
      case 0x69:
        return this.cut('full');
      case 0x6d:
        return this.cut('partial');
      default:
        return undefined;
    }
  }

  private text(bytes: Uint8Array): undefined {
    if (this.lineBytes === 0) this.lineStyle = { ...this.style };
    if (this.lineBytes + bytes.length > MAX_LINE_BYTES) {
      this.complete = false;
      return undefined;
    }
    this.line.push({ bytes, chinese: this.chinese });
    this.lineBytes += bytes.length;
    return undefined;
  }

  private sizeOf(n: number): void {
    this.style.width = ((n >> 4) & 7) + 1;
    this.style.height = (n & 7) + 1;
  }

  private cut(kind: 'full' | 'partial'): 'full' | 'partial' {
    this.flushLine(false);
    return kind;
  }

  /** Prints the line buffer; `always` prints an empty line too (LF on an empty buffer). */
  private flushLine(always: boolean): void {
    if (this.lineBytes === 0 && !always) return;
    const style = this.lineStyle ?? this.style;
    const text = this.line.map((s) => (s.chinese ? decodeGb18030 : latinText)(s.bytes)).join('');
    this.push({ kind: 'text', text, ...style });
    this.line = [];
    this.lineBytes = 0;
    this.lineStyle = undefined;
  }

  private qrFunction(data: Uint8Array | undefined): void {
    if (data === undefined || data[0] !== 0x31) return;
    const fn = data[1];
    if (fn === 0x43) this.qr.moduleSize = data[2] ?? 3;
    if (fn === 0x45) this.qr.ec = ((data[2] ?? 0x30) - 0x30) & 3;
    if (fn === 0x50) this.qr.data = data.slice(3);
    if (fn === 0x51) {
      this.flushLine(false);
      this.push({
        kind: 'qr',
        data: utf8.decode(this.qr.data),
        moduleSize: this.qr.moduleSize,
        errorCorrection: EC_LEVELS[this.qr.ec] ?? 'L',
      });
    }
  }

  private barcode(m: number, data: Uint8Array | undefined): void {
    this.flushLine(false);
    const entry = Object.entries(BARCODE).find(([, v]) => v.a === m || v.b === m);
    const bytes = data ?? new Uint8Array();
    const symbology = (entry?.[0] ?? 'unknown') as Symbology | 'unknown';
    this.push({ kind: 'barcode', symbology, data: latin1.decode(bytes) });
  }

  private raster(header: Uint8Array): void {
    this.flushLine(false);
    const width = ((header[4] ?? 0) + 256 * (header[5] ?? 0)) * 8;
    const height = (header[6] ?? 0) + 256 * (header[7] ?? 0);
    const last = this.items[this.items.length - 1];
    if (last?.kind === 'image' && last.width === width) last.height += height;
    else this.push({ kind: 'image', width, height });
  }

  private push(item: ReceiptItem): void {
    if (this.items.length < MAX_ITEMS) this.items.push(item);
    else this.complete = false;
  }

  private snapshot(cut: ReceiptCut, withLine: boolean): DecodedReceipt {
    const items = this.items.map((i) => ({ ...i }));
    if (withLine && this.lineBytes > 0) {
      const text = this.line.map((s) => (s.chinese ? decodeGb18030 : latinText)(s.bytes)).join('');
      items.push({ kind: 'text', text, ...(this.lineStyle ?? this.style) });
    }
    const lines = items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));
    return { items, lines, cut, complete: this.complete };
  }
}

function latinText(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}

function defaultStyle(): Style {
  return { align: 'left', bold: false, underline: false, width: 1, height: 1 };
}

/** Decodes a whole stream: the receipts ended by cuts, and what is left after the last cut. */
export function decodeEscPosStream(
  bytes: Uint8Array,
  chineseAtPowerUp = true,
): { receipts: DecodedReceipt[]; pending: DecodedReceipt } {
  const parser = new EscPosStreamParser();
  const decoder = new EscPosReceiptDecoder(chineseAtPowerUp);
  const receipts: DecodedReceipt[] = [];
  for (const token of parser.push(bytes)) {
    const cut = decoder.apply(token);
    if (cut !== undefined) receipts.push(decoder.endReceipt(cut));
  }
  return { receipts, pending: decoder.pending };
}
