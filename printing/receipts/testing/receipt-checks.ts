/**
 * Checks the receipt tests make of a document: text the printer would print as '?', lines wider
 * than the paper, characters outside the locale's script. Uses iconv-lite directly, as the
 * printer driver's GB18030 encoder does (printing/ cannot import devices/). Pure.
 */
import iconv from 'iconv-lite';
import type { ReceiptDocument } from '../../../contract/index.js';
import { textWidth } from '../text-width.js';

/** One printed line of a text block, with its width multiplier. */
export interface PrintedLine {
  /** The text. */
  readonly text: string;
  /** Width multiplier (1 unless the block is enlarged). */
  readonly widthMultiplier: number;
}

/** Every line of every text block, top to bottom. */
export function printedLines(doc: ReceiptDocument): PrintedLine[] {
  return doc.blocks.flatMap((b) =>
    b.kind === 'text'
      ? b.text.split('\n').map((text) => ({ text, widthMultiplier: b.size?.width ?? 1 }))
      : [],
  );
}

/** Lines that take more than `columns` columns of font A. */
export function overflowingLines(doc: ReceiptDocument, columns: number): string[] {
  return printedLines(doc)
    .filter((l) => textWidth(l.text) * l.widthMultiplier > columns)
    .map((l) => l.text);
}

/**
 * Characters the driver would print as '?' (controls other than LF, C1 controls, lone
 * surrogates, anything GB18030 does not round-trip), and, when `twoByteOnly`, characters that
 * need GB18030's four-byte form (not in every printer's font).
 */
export function unprintableCharacters(text: string, twoByteOnly = true): string[] {
  return Array.from(text).filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') return false;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return true;
    const bytes = iconv.encode(ch, 'gb18030');
    if (iconv.decode(bytes, 'gb18030') !== ch) return true;
    return twoByteOnly && bytes.length > 2;
  });
}

/** Characters Big5 cannot hold: in a zh-TW text, simplified-only forms (证, 办, 络 …). */
export function notInBig5(text: string): string[] {
  return Array.from(text).filter((ch) => iconv.decode(iconv.encode(ch, 'big5'), 'big5') !== ch);
}

/**
 * Characters outside GB2312 (ASCII plus the two-byte area A1–F7 × A1–FE): in a zh-CN text,
 * traditional-only forms (證, 辦, 絡 …), which GBK/GB18030 hold in their extension areas.
 */
export function notInGb2312(text: string): string[] {
  return Array.from(text).filter((ch) => {
    const bytes = iconv.encode(ch, 'gb18030');
    if (bytes.length === 1) return (bytes[0] ?? 0x80) >= 0x80;
    const [lead = 0, trail = 0] = bytes;
    return bytes.length !== 2 || lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe;
  });
}
