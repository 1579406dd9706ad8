import { createRequire } from 'node:module';
import type JsQrModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../contract/index.js';
import type { Locale } from '../../contract/index.js';
import { renderReceipt } from '../../devices/escpos/escpos-receipt.js';
import type { RenderOptions } from '../../devices/escpos/escpos-receipt.js';
import { EscPosStreamParser } from '../../devices/escpos/escpos-stream-parser.js';
import { decodeEscPosStream } from '../../devices/sim/escpos-stream-decoder.js';
import { printedLines } from '../../printing/receipts/testing/receipt-checks.js';
import { sampleReceipts } from '../../printing/receipts/testing/sample-receipts.js';

/*
 * Templates (printing/) → renderReceipt (devices/) → ESC/POS bytes → the simulator's decoder:
 * what the paper would show, for every template in every locale, on an 80 mm printer with
 * native QR and on a 58 mm printer that gets the QR as a raster image, scanned back with jsQR.
 */

// jsqr is CommonJS with `exports.default`; NodeNext types its default import as the module.
const jsQR = (createRequire(import.meta.url)('jsqr') as typeof JsQrModule).default;

const PRINTER_80MM: RenderOptions = { gb18030: true, nativeQr: true, cut: true, maxWidthDots: 576 };
const PRINTER_58MM: RenderOptions = {
  gb18030: true,
  nativeQr: false,
  cut: true,
  maxWidthDots: 384,
};

const CASES = LOCALES.flatMap((locale: Locale) =>
  sampleReceipts(locale).map((r) => ({ locale, template: r.template })),
);

function sample(locale: Locale, template: string, columns: number) {
  const found = sampleReceipts(locale, { columns }).find((r) => r.template === template);
  if (found === undefined) throw new Error(`no sample ${template}`);
  return found;
}

/** The raster images (GS v 0, bands joined) of a job as 1-bit rows. */
function rasterImages(bytes: Uint8Array): { width: number; height: number; bits: number[] }[] {
  const images: { width: number; height: number; bits: number[] }[] = [];
  let last: { width: number; height: number; bits: number[] } | undefined;
  for (const t of new EscPosStreamParser().push(bytes)) {
    const raster = t.kind === 'command' && t.header[0] === 0x1d && t.header[1] === 0x76;
    if (!raster || t.data === undefined) {
      last = undefined;
      continue;
    }
    const width = ((t.header[4] ?? 0) + 256 * (t.header[5] ?? 0)) * 8;
    const rows = (t.header[6] ?? 0) + 256 * (t.header[7] ?? 0);
    if (last?.width === width) {
      last.height += rows;
      last.bits.push(...t.data);
    } else {
      last = { width, height: rows, bits: [...t.data] };
      images.push(last);
    }
  }
  return images;
}

/** What jsQR reads from a 1-bit image (dots black on white). */
function scan(image: { width: number; height: number; bits: number[] }): string | undefined {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  const rowBytes = image.width / 8;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const dot = (((image.bits[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;
      rgba.fill(dot ? 0 : 255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
      rgba[(y * image.width + x) * 4 + 3] = 255;
    }
  return jsQR(rgba, image.width, image.height)?.data;
}

describe.each(CASES)('$template in $locale, rendered and decoded', ({ locale, template }) => {
  it('80 mm, native QR: every line as laid out, the code, the QR payload, a partial cut', () => {
    const { doc, code, qr } = sample(locale, template, 48);
    const { bytes, replacedCharacters } = renderReceipt(doc, PRINTER_80MM);
    expect(replacedCharacters).toBe(0);
    const { receipts, pending } = decodeEscPosStream(bytes, false);
    expect(receipts).toHaveLength(1);
    expect(pending.items).toEqual([]);
    const [receipt] = receipts;
    expect(receipt?.cut).toBe('partial');
    expect(receipt?.complete).toBe(true);
    const nonEmpty = (lines: readonly string[]) => lines.filter((l) => l !== '');
    expect(nonEmpty(receipt?.lines ?? [])).toEqual(nonEmpty(printedLines(doc).map((l) => l.text)));
    expect(receipt?.lines.some((l) => l.includes(code))).toBe(true);
    const qrs = receipt?.items.filter((i) => i.kind === 'qr');
    expect(qrs).toEqual([{ kind: 'qr', data: qr, moduleSize: 6, errorCorrection: 'M' }]);
  });

  it('58 mm, raster QR: the printed symbol scans back to the payload', () => {
    const { doc, code, qr } = sample(locale, template, 32);
    const { bytes, replacedCharacters } = renderReceipt(doc, PRINTER_58MM);
    expect(replacedCharacters).toBe(0);
    const [receipt] = decodeEscPosStream(bytes, false).receipts;
    expect(receipt?.cut).toBe('partial');
    expect(receipt?.lines.some((l) => l.includes(code))).toBe(true);
    const images = rasterImages(bytes);
    expect(images).toHaveLength(1);
    const [image] = images;
    if (image === undefined) return;
    expect(image.width).toBeLessThanOrEqual(384);
    expect(scan(image)).toBe(qr);
  });
});

describe('the code printed large', () => {
  it.each(LOCALES)(
    '%s: tracking number and claim code are bold, double width and height',
    (locale) => {
      for (const template of ['acceptanceReceipt', 'claimTicket']) {
        const { doc, code } = sample(locale, template, 42);
        const [receipt] = decodeEscPosStream(
          renderReceipt(doc, PRINTER_80MM).bytes,
          false,
        ).receipts;
        expect(receipt?.items).toContainEqual({
          kind: 'text',
          text: code,
          align: 'center',
          bold: true,
          underline: false,
          width: 2,
          height: 2,
        });
      }
    },
  );
});
