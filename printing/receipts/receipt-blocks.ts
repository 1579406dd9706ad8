/**
 * The building blocks every receipt template is laid out from, each already wrapped to the
 * paper's columns so the printer never wraps a line itself. Pure.
 */
import type { ReceiptQrBlock, ReceiptTextBlock } from '../../contract/index.js';
import { maskIdNumbersInText } from '../../contract/index.js';
import { ReceiptDataError } from './receipt-context.js';
import { textWidth, wrapText } from './text-width.js';

/**
 * Most UTF-8 bytes of a receipt QR: version 8 at level M (49 modules plus the quiet zone, 6 dots
 * each) still fits the 384 dots of 58 mm paper, and short payloads scan faster.
 */
export const RECEIPT_QR_MAX_BYTES = 150;

/** A centred, bold line in double height, and double width when it fits (titles, codes). */
export function emphasised(text: string, columns: number): ReceiptTextBlock {
  const width = textWidth(text) * 2 <= columns ? 2 : 1;
  return {
    kind: 'text',
    text: wrapText(text, Math.floor(columns / width)).join('\n'),
    align: 'center',
    bold: true,
    size: { width, height: 2 },
  };
}

/** Centred plain text (hall name, hints under a QR). */
export function centred(text: string, columns: number): ReceiptTextBlock {
  return { kind: 'text', text: wrapText(text, columns).join('\n'), align: 'center' };
}

/** Left-aligned paragraph. */
export function paragraph(text: string, columns: number): ReceiptTextBlock {
  return { kind: 'text', text: wrapText(text, columns).join('\n') };
}

/** A dashed line across the paper. */
export function rule(columns: number): ReceiptTextBlock {
  return { kind: 'text', text: '-'.repeat(columns) };
}

/**
 * "label：value", continued lines indented under the value (or by two columns when the label
 * takes more than half the line). `colon` is the locale's ("：" or ": ").
 */
export function row(
  label: string,
  value: string,
  colon: string,
  columns: number,
): ReceiptTextBlock {
  const head = label + colon;
  const indent = textWidth(head) <= columns / 2 ? textWidth(head) : 2;
  return { kind: 'text', text: wrapText(head + value, columns, { indent }).join('\n') };
}

/** A heading line followed by "- item" lines, continued lines indented under the item. */
export function list(heading: string, items: readonly string[], columns: number): ReceiptTextBlock {
  const lines = [
    ...wrapText(heading, columns),
    ...items.flatMap((item) => wrapText(`- ${item}`, columns, { indent: 2 })),
  ];
  return { kind: 'text', text: lines.join('\n') };
}

/** A centred QR symbol at level M; `field` names the data field when the payload is refused. */
export function qr(data: string, field: string): ReceiptQrBlock {
  const bytes = new TextEncoder().encode(data).length;
  if (bytes < 1 || bytes > RECEIPT_QR_MAX_BYTES)
    throw new ReceiptDataError(
      'invalidQrPayload',
      field,
      `QR payload must be 1–${RECEIPT_QR_MAX_BYTES} bytes of UTF-8, got ${bytes}`,
    );
  return { kind: 'qr', data, align: 'center', moduleSize: 6, errorCorrection: 'M' };
}

/** Top of every receipt: the hall's name when known, the title, a rule. */
export function heading(
  title: string,
  hallName: string | undefined,
  columns: number,
): ReceiptTextBlock[] {
  const hall = hallName?.trim() ? [centred(maskIdNumbersInText(hallName.trim()), columns)] : [];
  return [...hall, emphasised(title, columns), rule(columns)];
}
