import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderPdfPages, runPoppler } from '../../verification/poppler.js';
import type { PdfToolFailure, PopplerTool } from '../../verification/poppler.js';
import { decodeQrPng } from '../../verification/qr-from-page.js';

/** Test helpers: look at a rendered proof the way a printer, a verifier and a phone do. */

/** The first QR code jsQR finds in a PNG. */
export const decodeQr = decodeQrPng;

/** Runs a poppler tool and returns its standard output; a failure fails the test. */
async function popplerStdout(tool: PopplerTool, args: readonly string[]): Promise<Buffer> {
  const result = await runPoppler(tool, args);
  if (!result.ok) throw toolError(result);
  return result.stdout;
}

function toolError(failure: PdfToolFailure): Error {
  return new Error(`${failure.code}: ${failure.message}`);
}

/** Runs `use` on a PDF written to a private temporary folder, removed afterwards. */
export async function withPdf<T>(
  pdf: Uint8Array,
  use: (file: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'proof-test-'));
  try {
    const file = join(dir, 'proof.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of one page (or all pages), in reading order, as pdftotext extracts it. */
export async function pdfText(pdf: Uint8Array, page?: number): Promise<string> {
  return withPdf(pdf, async (file) => {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const stdout = await popplerStdout('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
    return stdout.toString('utf8');
  });
}

/** The embedded files, by name, as pdfdetach extracts them. */
export async function pdfAttachments(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  return withPdf(pdf, async (file, dir) => {
    const out = join(dir, 'attachments');
    await mkdir(out);
    await popplerStdout('pdfdetach', ['-saveall', '-o', out, file]);
    const found = new Map<string, Buffer>();
    for (const name of await readdir(out)) found.set(name, await readFile(join(out, name)));
    return found;
  });
}

/** Page count as pdfinfo reports it. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdf(pdf, async (file) => {
    const stdout = (await popplerStdout('pdfinfo', [file])).toString('utf8');
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
  });
}

/** Every page rendered by pdftoppm as PNG bytes, in page order. */
export async function renderPages(pdf: Uint8Array, dpi: number): Promise<Buffer[]> {
  const rendered = await renderPdfPages(pdf, dpi);
  if (!rendered.ok) throw toolError(rendered);
  return rendered.pages;
}

/** Share of pixels that differ by more than `threshold` in any channel; 1 when sizes differ. */
export function pngDifference(a: Buffer, b: Buffer, threshold = 24): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differing = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((pa.data[i + c] ?? 0) - (pb.data[i + c] ?? 0)) > threshold) {
        differing++;
        break;
      }
    }
  }
  return differing / (pa.width * pa.height);
}

/** Pixels that are clearly seal-red (strong red, little green/blue) in a band of the page. */
export function redPixels(png: Buffer, fromY = 0, toY = 1): number {
  const image = PNG.sync.read(png);
  let count = 0;
  const y0 = Math.floor(image.height * fromY);
  const y1 = Math.floor(image.height * toY);
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const [r = 0, g = 0, b = 0] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      if (r > 170 && g < 110 && b < 110) count++;
    }
  }
  return count;
}
