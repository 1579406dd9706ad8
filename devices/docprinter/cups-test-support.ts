import { accessSync, constants } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { DocumentPrinter } from './document-printer.js';
import type { DocumentPrinterOptions } from './document-printer.js';
import { PrivateCupsd } from './private-cupsd.js';
import type { PrivateCupsdOptions } from './private-cupsd.js';

/*
 * Test support for the private-cupsd tests: whether they can run here, a started instance, a
 * printer on it with short poll intervals, a real PDF, and cups-pdf's output file of a job.
 */

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why the cupsd tests cannot run here, or undefined when they can. */
export const CUPSD_MISSING = executable('/usr/sbin/cupsd')
  ? undefined
  : 'SKIPPED: /usr/sbin/cupsd missing (apt-get install cups)';

/** Why the cups-pdf tests cannot run here (they need root and the backend), or undefined. */
export const CUPS_PDF_MISSING =
  CUPSD_MISSING ??
  (process.getuid?.() !== 0
    ? 'SKIPPED: cups-pdf needs cupsd as root'
    : executable('/usr/lib/cups/backend/cups-pdf')
      ? undefined
      : 'SKIPPED: cups-pdf missing (apt-get install printer-driver-cups-pdf)');

/** Starts a private cupsd or throws with its typed failure (tests only). */
export async function startTestCupsd(options: PrivateCupsdOptions = {}): Promise<PrivateCupsd> {
  const started = await PrivateCupsd.start(options);
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.description}`);
  return started.value;
}

/** A DocumentPrinter on a private cupsd's queue, polling fast. */
export function testPrinter(
  cupsd: PrivateCupsd,
  queue: string,
  options: Partial<DocumentPrinterOptions> = {},
): DocumentPrinter {
  return new DocumentPrinter({
    host: cupsd.host,
    port: cupsd.port,
    queue,
    pollIntervalMs: 200,
    jobPollMs: 100,
    jobTimeoutMs: 20_000,
    requestTimeoutMs: 3000,
    ...options,
  });
}

/** A real multi-page A4 PDF made with pdfkit (Helvetica: nothing to embed). */
export async function realPdf(pages: number, heading: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let page = 1; page <= pages; page++) {
    doc.addPage();
    doc.fontSize(20).text(heading).fontSize(12).text(`page ${page} of ${pages}`);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The file cups-pdf wrote for a job named `jobName` (it names files after the job title) in
 * `dir`, if one appeared within `timeoutMs` (cups-pdf finishes writing just before the job
 * completes). Deleted by `removeOutput`.
 */
export async function cupsPdfFile(
  dir: string,
  jobName: string,
  timeoutMs = 5000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  do {
    const names = await readdir(dir).catch(() => [] as string[]);
    const name = names.find((n) => n.startsWith(jobName) && n.endsWith('.pdf'));
    if (name !== undefined) {
      const path = join(dir, name);
      if (((await stat(path).catch(() => undefined))?.size ?? 0) > 0) return path;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return undefined;
}

/** Deletes a cups-pdf output file (shared directory: leave nothing behind). */
export async function removeOutput(path: string | undefined): Promise<void> {
  if (path !== undefined) await rm(path, { force: true });
}
