import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../contract/index.js';
import { waitFor } from '../testing/wait-for.js';
import {
  CUPS_PDF_MISSING,
  cupsPdfFile,
  realPdf,
  removeOutput,
  startTestCupsd,
  testPrinter,
} from './cups-test-support.js';
import type { PrintProgress } from './document-printer.js';
import { JOB_STATES } from './ipp-operations.js';
import type { PrivateCupsd } from './private-cupsd.js';

/*
 * DocumentPrinter against a real private cupsd with a cups-pdf queue: a PDF really goes through
 * CUPS's filters and Ghostscript into cups-pdf's output directory. One cupsd for the file.
 */

const skip = CUPS_PDF_MISSING;
const note = skip === undefined ? '' : ` — ${skip}`;
const unique = (what: string): string => `kiosk-${what}-${process.pid}-${Date.now()}`;

describe.skipIf(skip !== undefined)(`DocumentPrinter on a private cupsd${note}`, () => {
  let cupsd: PrivateCupsd;

  beforeAll(async () => {
    cupsd = await startTestCupsd({ queues: [{ kind: 'cups-pdf', name: 'PDF' }] });
  });
  afterAll(async () => {
    await cupsd?.stop();
  });

  it('prints a real PDF and follows it until CUPS reports it completed', async () => {
    const printer = testPrinter(cupsd, 'PDF');
    const progress: PrintProgress[] = [];
    try {
      expect(await printer.open()).toMatchObject({ state: 'online', paper: 'full' });
      expect(printer.capabilities).toMatchObject({ queue: 'PDF', pdf: true, a4: true });
      const jobName = unique('proof');
      const pdf = await realPdf(2, 'Kiosk proof');
      const printed = await printer.print(pdf, {
        jobName,
        title: 'Proof of residence',
        onProgress: (p) => progress.push(p),
      });
      if (!printed.ok) throw new Error(`${printed.error.code}: ${printed.error.description}`);
      expect(printed.value.pages).toBe(2);
      expect(progress[0]).toMatchObject({ phase: 'submitted', jobName });
      expect(progress[0]?.cupsJobId).toBe(printed.value.cupsJobId);
      const job = await printer.client.getJobAttributes(printed.value.cupsJobId);
      expect(job.ok && job.value.state).toBe(JOB_STATES.completed);
      expect(printer.counters()).toMatchObject({ jobs: 1, pagesPrinted: 2, jobsFailed: 0 });
      // cups-pdf re-renders through Ghostscript (no extractable text): assert the file exists.
      const output = await cupsPdfFile(cupsd.cupsPdf?.dir ?? '', jobName);
      try {
        expect(output, `no cups-pdf output in ${cupsd.cupsPdf?.dir}`).toBeDefined();
        const head = (await readFile(output ?? '')).subarray(0, 5).toString('latin1');
        expect(head).toBe('%PDF-');
      } finally {
        await removeOutput(output);
      }
    } finally {
      await printer.close();
    }
    expect(printer.status).toMatchObject({ state: 'offline', reason: 'closed' });
  });

  it('maps a stopped queue, keeps the job pending, and completes it once enabled', async () => {
    const printer = testPrinter(cupsd, 'PDF');
    const errors: DeviceError[] = [];
    printer.on('error', (e) => errors.push(e));
    const progress: PrintProgress[] = [];
    try {
      await printer.open();
      await cupsd.disableQueue('PDF');
      await waitFor(() => printer.status.state !== 'online', 'the paused queue to show', 5000);
      expect(printer.status).toMatchObject({ state: 'offline', reason: 'queuePaused' });
      expect(errors).toContainEqual(
        expect.objectContaining({ errorCode: 'queuePaused', action: 'maintenance' }),
      );
      const jobName = unique('stopped');
      const printing = printer.print(await realPdf(1, 'Waits for the queue'), {
        jobName,
        onProgress: (p) => progress.push(p),
      });
      await waitFor(() => progress.some((p) => p.phase === 'stalled'), 'a stalled job', 5000);
      expect(progress.find((p) => p.phase === 'stalled')).toMatchObject({
        stalledBy: 'queuePaused',
      });
      const id = progress[0]?.cupsJobId ?? 0;
      const waiting = await printer.client.getJobAttributes(id);
      expect(waiting.ok && waiting.value.state).toBe(JOB_STATES.pending);
      await cupsd.enableQueue('PDF');
      const printed = await printing;
      expect(printed).toMatchObject({ ok: true, value: { cupsJobId: id } });
      await waitFor(() => printer.status.state === 'online', 'the queue back online', 5000);
      await removeOutput(await cupsPdfFile(cupsd.cupsPdf?.dir ?? '', jobName, 2000));
    } finally {
      await cupsd.enableQueue('PDF');
      await printer.close();
    }
  });

  it('finds a job an earlier DocumentPrinter submitted, and follows it (crash recovery)', async () => {
    const earlier = testPrinter(cupsd, 'PDF');
    const jobName = unique('recovered');
    let cupsJobId = 0;
    await earlier.open();
    await cupsd.disableQueue('PDF');
    try {
      // The earlier instance submits, then goes away (closed, as by a crash) while the job waits.
      const earlierPrint = earlier.print(await realPdf(1, 'Recovered'), {
        jobName,
        onProgress: (p) => {
          cupsJobId = p.cupsJobId;
        },
      });
      await waitFor(() => cupsJobId > 0, 'the job submitted', 5000);
      await earlier.close();
      expect(await earlierPrint).toMatchObject({
        ok: false,
        error: { code: 'deviceClosed', cupsJobId, mayStillPrint: true },
      });
      const later = testPrinter(cupsd, 'PDF');
      await later.open();
      try {
        expect(await later.findJobByName(jobName)).toEqual({
          ok: true,
          value: { cupsJobId, state: 'pending', jobState: JOB_STATES.pending },
        });
        expect(await later.findJobByName(unique('never-sent'))).toEqual({
          ok: true,
          value: 'notFound',
        });
        await cupsd.enableQueue('PDF');
        const followed = await later.followJob(cupsJobId, { timeoutMs: 20_000 });
        expect(followed).toMatchObject({ ok: true, value: { cupsJobId, end: 'completed' } });
        expect(await later.findJobByName(jobName)).toMatchObject({ value: { state: 'completed' } });
      } finally {
        await later.close();
      }
    } finally {
      await cupsd.enableQueue('PDF');
      await removeOutput(await cupsPdfFile(cupsd.cupsPdf?.dir ?? '', jobName, 2000));
    }
  });

  it('checks its health: internal asks CUPS, external prints a test page', async () => {
    const printer = testPrinter(cupsd, 'PDF');
    try {
      await printer.open();
      expect(await printer.checkHealth('internal')).toMatchObject({ ok: true, code: 'ok' });
      const external = await printer.checkHealth('external', { timeoutMs: 20_000 });
      expect(external).toMatchObject({ ok: true, code: 'ok' });
      expect(printer.counters()).toMatchObject({ jobs: 1, pagesPrinted: 1 });
      await removeOutput(await cupsPdfFile(cupsd.cupsPdf?.dir ?? '', `health-${printer.id}`, 2000));
    } finally {
      await printer.close();
    }
  });

  it('refuses what it cannot print, without sending it', async () => {
    const printer = testPrinter(cupsd, 'PDF');
    const pdf = await realPdf(1, 'x');
    expect(await printer.print(pdf, { jobName: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'deviceNotReady' },
    });
    try {
      await printer.open();
      const notPdf = new TextEncoder().encode('hello');
      expect(await printer.print(notPdf, { jobName: 'bad' })).toMatchObject({
        ok: false,
        error: { code: 'invalidJob', action: 'softwareError' },
      });
      expect(await printer.print(pdf, { jobName: '' })).toMatchObject({
        error: { code: 'invalidJob' },
      });
      expect(await printer.print(pdf, { jobName: 'x', copies: 0 })).toMatchObject({
        error: { code: 'invalidJob' },
      });
      expect(printer.status.state).toBe('online');
    } finally {
      await printer.close();
    }
  });
});
