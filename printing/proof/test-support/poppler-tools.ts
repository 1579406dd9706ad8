import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/** Test helpers: look at a rendered proof the way a printer, a verifier and a phone do. */

const run = promisify(execFile);
// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsQRModule.default;

/** A PDF written to a private temporary folder, removed by dispose(). */
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
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], {
      maxBuffer: 1 << 24,
    });
    return stdout;
  });
}

/** The embedded files, by name, as pdfdetach extracts them. */
export async function pdfAttachments(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  return withPdf(pdf, async (file, dir) => {
    const out = join(dir, 'attachments');
    await run('mkdir', [out]);
    await run('pdfdetach', ['-saveall', '-o', out, file]);
    const found = new Map<string, Buffer>();
    for (const name of await readdir(out)) found.set(name, await readFile(join(out, name)));
    return found;
  });
}

/** Page count as pdfinfo reports it. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
  });
}

/** Every page rendered by pdftoppm as PNG bytes, in page order. */
export async function renderPages(pdf: Uint8Array, dpi: number): Promise<Buffer[]> {
  return withPdf(pdf, async (file, dir) => {
    await run('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
    const names = (await readdir(dir))
      .filter((n) => n.startsWith('page') && n.endsWith('.png'))
      .sort();
    return Promise.all(names.map((name) => readFile(join(dir, name))));
  });
}

/** The first QR code jsQR finds in a PNG. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
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
