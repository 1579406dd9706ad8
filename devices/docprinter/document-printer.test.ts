import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../contract/index.js';
import { waitFor } from '../testing/wait-for.js';
import { DocumentPrinter } from './document-printer.js';
import type { PrintProgress } from './document-printer.js';
import { parsePrinterUri, resolveDocumentPrinterOptions } from './document-printer-options.js';
import { FakeIppServer, jobGroup, printerGroup } from './fake-ipp-server.js';
import { IPP_OPERATIONS } from './ipp-operations.js';
import { testPagePdf } from './test-page.js';

/*
 * DocumentPrinter against a scripted IPP server: printer conditions a private cupsd cannot
 * produce (paper low/out, toner), and job state sequences.
 */

let server: FakeIppServer | undefined;
let printer: DocumentPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  await server?.close();
  printer = undefined;
  server = undefined;
});

/** The printer the fake reports, and the job states it walks a job through. */
const fake = {
  printer: { state: 3, reasons: ['none'] },
  job: [3, ['none']] as [number, string[]],
  submitDelayMs: 0,
};

async function start(): Promise<DocumentPrinter> {
  fake.printer = { state: 3, reasons: ['none'] };
  fake.job = [3, ['none']];
  fake.submitDelayMs = 0;
  server = await FakeIppServer.start((request) => {
    switch (request.code) {
      case IPP_OPERATIONS.getPrinterAttributes:
        return { groups: [printerGroup(fake.printer.state, fake.printer.reasons)] };
      case IPP_OPERATIONS.printJob:
        return { groups: [jobGroup(11, 3)], delayMs: fake.submitDelayMs };
      case IPP_OPERATIONS.cancelJob:
        fake.job = [7, ['job-canceled-by-user']];
        return {};
      case IPP_OPERATIONS.getJobAttributes:
        return { groups: [jobGroup(11, fake.job[0], fake.job[1])] };
      default:
        return { status: 0x0501 };
    }
  });
  printer = new DocumentPrinter({
    port: server.port,
    queue: 'A4',
    pollIntervalMs: 50,
    jobPollMs: 20,
  });
  return printer;
}

describe('DocumentPrinter status from printer-state-reasons', () => {
  it('raises paper low once, before paper out, and clears both', async () => {
    const p = await start();
    const errors: DeviceError[] = [];
    p.on('error', (e) => errors.push(e));
    await p.open();
    expect(p.status).toMatchObject({ state: 'online', paper: 'full', cover: 'closed' });
    fake.printer.reasons = ['media-low-warning'];
    await waitFor(() => p.status.paper === 'low', 'paper low');
    expect(p.status.state).toBe('online');
    fake.printer.reasons = ['media-empty-error', 'media-low-warning'];
    await waitFor(() => p.status.paper === 'out', 'paper out');
    expect(p.status).toMatchObject({ state: 'hardwareError', reason: 'paperOut' });
    fake.printer.reasons = ['none'];
    await waitFor(() => p.status.state === 'online', 'refilled');
    expect(p.status.paper).toBe('full');
    expect(errors.map((e) => [e.errorCode, e.action])).toEqual([
      ['paperLow', 'clear'],
      ['paperOut', 'clear'],
    ]);
    fake.printer.reasons = ['media-low-warning'];
    await waitFor(() => errors.length === 3, 'paper low raised again');
  });

  it('shows an open door as userError with the cover open', async () => {
    const p = await start();
    await p.open();
    fake.printer.reasons = ['door-open-error'];
    await waitFor(() => p.status.state === 'userError', 'door open');
    expect(p.status).toMatchObject({ reason: 'coverOpen', cover: 'open' });
    expect(await p.checkHealth('internal')).toMatchObject({ ok: false, code: 'coverOpen' });
  });
});

describe('DocumentPrinter.print', () => {
  it('reports submitted, stalled and printing, then the completed job', async () => {
    const p = await start();
    await p.open();
    fake.printer.reasons = ['media-empty-error'];
    await waitFor(() => p.status.state === 'hardwareError', 'paper out');
    const progress: PrintProgress[] = [];
    const printing = p.print(testPagePdf(['x']), {
      jobName: 'J-1',
      onProgress: (x) => progress.push(x),
    });
    await waitFor(() => progress.some((x) => x.phase === 'stalled'), 'stalled by paper out');
    fake.printer.reasons = ['none'];
    await p.refresh();
    fake.job = [5, ['job-printing']];
    await waitFor(() => progress.some((x) => x.phase === 'printing'), 'printing');
    fake.job = [9, ['job-completed-successfully']];
    expect(await printing).toEqual({ ok: true, value: { cupsJobId: 11, pages: undefined } });
    expect(progress.map((x) => x.phase)).toEqual(['submitted', 'stalled', 'printing']);
    expect(progress[1]).toMatchObject({ stalledBy: 'paperOut', jobName: 'J-1', cupsJobId: 11 });
    expect(p.counters()).toMatchObject({ jobs: 1, jobsFailed: 0, pagesPrinted: 0 });
  });

  it('fails an aborted job with its reason and counts it', async () => {
    const p = await start();
    await p.open();
    fake.job = [8, ['job-completed-with-errors', 'document-unprintable-error']];
    const printed = await p.print(testPagePdf(['x']), { jobName: 'J-2' });
    expect(printed).toMatchObject({
      ok: false,
      error: {
        code: 'document-unprintable-error',
        action: 'softwareError',
        cupsJobId: 11,
        jobStateReasons: ['job-completed-with-errors', 'document-unprintable-error'],
      },
    });
    expect(p.counters()).toMatchObject({ jobs: 1, jobsFailed: 1 });
  });
});

describe('DocumentPrinter.print cancelled', () => {
  it('sends nothing when cancelled before, and cancels the job when cancelled during submit', async () => {
    const p = await start();
    await p.open();
    const page = testPagePdf(['x']);
    const before = await p.print(page, { jobName: 'J-3' }, AbortSignal.abort());
    expect(before).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    fake.submitDelayMs = 150;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 30);
    const during = await p.print(page, { jobName: 'J-4' }, abort.signal);
    expect(during).toMatchObject({
      ok: false,
      error: { code: 'canceled', cupsJobId: 11, mayStillPrint: false },
    });
    const operations = server?.requests.map((r) => r.code) ?? [];
    expect(operations.filter((c) => c !== IPP_OPERATIONS.getPrinterAttributes)).toEqual([
      IPP_OPERATIONS.printJob,
      IPP_OPERATIONS.cancelJob,
    ]);
    expect(p.counters()).toMatchObject({ jobs: 1, jobsCanceled: 1 });
  });
});

describe('document printer options', () => {
  it.each([
    ['ipp://127.0.0.1:631/printers/PDF', { host: '127.0.0.1', port: 631, queue: 'PDF' }],
    [
      'ipp://printhost/printers/A4%20Kyocera/',
      { host: 'printhost', port: 631, queue: 'A4 Kyocera' },
    ],
    ['http://[::1]:8631/printers/Q', { host: '::1', port: 8631, queue: 'Q' }],
  ])('parses %s', (uri, address) => {
    expect(parsePrinterUri(uri)).toEqual({ ok: true, value: address });
  });

  it.each(['PDF', 'socket://h:9100', 'ipp://h/classes/A', 'ipp://h/printers/'])(
    'refuses %s as a configuration failure',
    (uri) => {
      expect(parsePrinterUri(uri)).toMatchObject({
        ok: false,
        error: { code: 'badPrinterUri', action: 'configuration' },
      });
    },
  );

  it('defaults to 127.0.0.1:631, A4 media, user kiosk; media null means the queue default', () => {
    expect(resolveDocumentPrinterOptions({ queue: 'Q' })).toMatchObject({
      host: '127.0.0.1',
      port: 631,
      media: 'iso_a4_210x297mm',
      requestingUserName: 'kiosk',
      pollIntervalMs: 2000,
    });
    expect(resolveDocumentPrinterOptions({ queue: 'Q', media: null }).media).toBeNull();
  });
});
