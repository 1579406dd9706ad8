import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { waitFor } from '../testing/wait-for.js';
import { CUPSD_MISSING, startTestCupsd, testPrinter } from './cups-test-support.js';
import type { PrintProgress } from './document-printer.js';
import { JOB_STATES } from './ipp-operations.js';
import type { PrivateCupsd } from './private-cupsd.js';

/*
 * Faults on a real private cupsd, with raw queues only (no cups-pdf, so no root needed): a
 * printer that does not answer, a job that runs out of time, and cupsd itself dying and coming
 * back. One cupsd for the file.
 */

const note = CUPSD_MISSING === undefined ? '' : ` — ${CUPSD_MISSING}`;
const bytes = new TextEncoder().encode('\x1b@RECEIPT\n\x1dV\x00');

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 9;
}

describe.skipIf(CUPSD_MISSING !== undefined)(
  `DocumentPrinter faults on a private cupsd${note}`,
  () => {
    let cupsd: PrivateCupsd;

    beforeAll(async () => {
      const deviceUri = `socket://127.0.0.1:${await closedPort()}`;
      cupsd = await startTestCupsd({
        queues: [
          { kind: 'raw', name: 'DEAD', deviceUri },
          // The socket backend gives up after contimeout; ErrorPolicy abort-job aborts the job.
          { kind: 'raw', name: 'GIVEUP', deviceUri: `${deviceUri}/?contimeout=1` },
        ],
      });
    });
    afterAll(async () => {
      await cupsd?.stop();
    });

    it('maps a printer that does not answer, and cancels the waiting job', async () => {
      const printer = testPrinter(cupsd, 'DEAD');
      const progress: PrintProgress[] = [];
      const errors: DeviceError[] = [];
      printer.on('error', (e) => errors.push(e));
      try {
        expect(await printer.open()).toMatchObject({ state: 'online' });
        const printing = printer.print(bytes, {
          jobName: 'unreachable-1',
          format: 'application/vnd.cups-raw',
          onProgress: (p) => progress.push(p),
        });
        // CUPS's socket backend retries every few seconds and says so in printer-state-message.
        await waitFor(
          () => printer.status.state === 'offline',
          'the printer to show offline',
          8000,
        );
        expect(printer.status).toMatchObject({ state: 'offline', reason: 'printerUnreachable' });
        expect(errors).toContainEqual(
          expect.objectContaining({ errorCode: 'printerUnreachable', action: 'maintenance' }),
        );
        await waitFor(() => progress.some((p) => p.phase === 'stalled'), 'a stalled job', 5000);
        const id = progress[0]?.cupsJobId ?? 0;
        expect(progress.find((p) => p.phase === 'stalled')).toMatchObject({
          cupsJobId: id,
          stalledBy: 'printerUnreachable',
        });
        expect(await printer.cancel(id)).toEqual({ ok: true, value: undefined });
        expect(await printing).toMatchObject({
          ok: false,
          error: { code: 'canceled', cupsJobId: id, jobStateReasons: ['job-canceled-by-user'] },
        });
        expect(await printer.cancel(id)).toMatchObject({ error: { code: 'jobAlreadyFinished' } });
        await waitFor(() => printer.status.state === 'online', 'the queue idle again', 5000);
        expect(printer.counters()).toMatchObject({ jobs: 1, jobsCanceled: 1, pagesPrinted: 0 });
      } finally {
        await printer.close();
      }
    });

    it('cancels a job that runs out of time, so that it cannot print later', async () => {
      const printer = testPrinter(cupsd, 'DEAD');
      try {
        await printer.open();
        const printed = await printer.print(bytes, {
          jobName: 'too-slow-1',
          format: 'application/vnd.cups-raw',
          timeoutMs: 800,
        });
        expect(printed).toMatchObject({
          ok: false,
          error: { code: 'timeOut', mayStillPrint: false },
        });
        const id = printed.ok ? 0 : (printed.error.cupsJobId ?? 0);
        const job = await printer.client.getJobAttributes(id);
        expect(job.ok && job.value.state).toBe(JOB_STATES.canceled);
      } finally {
        await printer.close();
      }
    });

    it('fails a job CUPS aborts, with its job-state-reasons, and stays usable', async () => {
      const printer = testPrinter(cupsd, 'GIVEUP');
      try {
        await printer.open();
        const printed = await printer.print(bytes, {
          jobName: 'aborted-1',
          format: 'application/vnd.cups-raw',
        });
        // CUPS 2.4 leaves only "processing-to-stop-point": the code falls back to aborted-by-system.
        expect(printed).toMatchObject({
          ok: false,
          error: { code: 'aborted-by-system', kind: 'hardware', action: 'maintenance' },
        });
        if (printed.ok) return;
        expect(printed.error.jobStateReasons).toEqual(['processing-to-stop-point']);
        expect(printed.error.description).toContain('not responding');
        const job = await printer.client.getJobAttributes(printed.error.cupsJobId ?? 0);
        expect(job.ok && job.value.state).toBe(JOB_STATES.aborted);
        expect(printer.counters()).toMatchObject({ jobs: 1, jobsFailed: 1 });
        await waitFor(() => printer.status.state === 'online', 'the idle queue online', 5000);
      } finally {
        await printer.close();
      }
    });

    it('goes offline when cupsd dies and comes back when it restarts on the same port', async () => {
      const printer = testPrinter(cupsd, 'DEAD', { pollIntervalMs: 100 });
      const statuses: DeviceStatus[] = [];
      const errors: DeviceError[] = [];
      printer.on('status', (s) => statuses.push(s));
      printer.on('error', (e) => errors.push(e));
      try {
        await printer.open();
        await waitFor(() => printer.status.state === 'online', 'online', 5000);
        await cupsd.kill();
        await waitFor(() => printer.status.state === 'offline', 'offline after the kill', 5000);
        expect(printer.status).toMatchObject({ reason: 'connectionRefused' });
        expect(errors.at(-1)).toMatchObject({
          errorCode: 'connectionRefused',
          action: 'maintenance',
        });
        const refused = await printer.print(bytes, {
          jobName: 'down-1',
          format: 'application/vnd.cups-raw',
        });
        expect(refused).toMatchObject({ ok: false, error: { code: 'connectionRefused' } });
        const restarted = await cupsd.restart();
        expect(restarted.ok).toBe(true);
        const back = Date.now();
        // Retries back off up to 3 s: back online within that, as other devices promise.
        await waitFor(() => printer.status.state === 'online', 'online after the restart', 5000);
        expect(Date.now() - back).toBeLessThan(3500);
        expect(printer.capabilities).toMatchObject({ queue: 'DEAD', raw: true });
      } finally {
        await printer.close();
      }
    });
  },
);
