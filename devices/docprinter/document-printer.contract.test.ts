import { expect, it } from 'vitest';
import { describeDeviceContract } from '../testing/contract-suite.js';
import type { ContractTarget } from '../testing/contract-suite.js';
import { waitFor } from '../testing/wait-for.js';
import {
  CUPS_PDF_MISSING,
  CUPSD_MISSING,
  cupsPdfFile,
  removeOutput,
  startTestCupsd,
} from './cups-test-support.js';
import { DocumentPrinter } from './document-printer.js';
import { parsePrinterUri } from './document-printer-options.js';
import type { PrivateCupsd } from './private-cupsd.js';
import { testPagePdf } from './test-page.js';

/*
 * The DocumentPrinter contract. The contract suite's "port" is the printer URI
 * (ipp://HOST:PORT/printers/QUEUE). The simulated target is a private cupsd with a cups-pdf
 * queue named PDF (as root; otherwise a sink queue: raw into a TCP listener, which also completes jobs).
 * Real printers: KIOSK_TEST_PORT_DOCUMENTPRINTER=ipp://127.0.0.1:631/printers/<queue> — this
 * prints one test page. Tests that stop the queue need the private cupsd.
 */

let cupsd: PrivateCupsd | undefined;

async function startPrivateCupsd(): Promise<ContractTarget> {
  if (CUPS_PDF_MISSING === undefined) {
    cupsd = await startTestCupsd({ queues: [{ kind: 'cups-pdf', name: 'PDF' }] });
    const started = cupsd;
    return { port: started.printerUri('PDF'), simulated: true, stop: () => started.stop() };
  }
  cupsd = await startTestCupsd({ queues: [{ kind: 'sink', name: 'PDF' }] });
  const started = cupsd;
  return { port: started.printerUri('PDF'), simulated: true, stop: () => started.stop() };
}

const skipNote = CUPSD_MISSING === undefined ? '' : ` — ${CUPSD_MISSING}`;
const needsCupsd = CUPSD_MISSING !== undefined;

describeDeviceContract(
  'document printer',
  'KIOSK_TEST_PORT_DOCUMENTPRINTER',
  startPrivateCupsd,
  (target) => {
    const make = (): DocumentPrinter => {
      const address = parsePrinterUri(target().port);
      if (!address.ok) throw new Error(address.error.description);
      return new DocumentPrinter({ ...address.value, pollIntervalMs: 200, jobPollMs: 200 });
    };

    it.skipIf(needsCupsd)(
      `opens online with its class, capabilities and counters${skipNote}`,
      async () => {
        const printer = make();
        try {
          const status = await printer.open();
          expect(status).toMatchObject({ deviceClass: 'documentPrinter', state: 'online' });
          expect(Object.keys(printer.capabilities)).toEqual(
            expect.arrayContaining(['queue', 'pdf', 'raw', 'color', 'duplex', 'a4']),
          );
          expect(Object.values(printer.counters()).every(Number.isFinite)).toBe(true);
          expect(await printer.checkHealth('internal')).toMatchObject({ ok: true });
        } finally {
          await printer.close();
        }
        expect(printer.status).toMatchObject({ state: 'offline', reason: 'closed' });
      },
    );

    it.skipIf(needsCupsd)(`prints a test page and follows it to completed${skipNote}`, async () => {
      const printer = make();
      try {
        await printer.open();
        const health = await printer.checkHealth('external', { timeoutMs: 120_000 });
        expect(health).toMatchObject({ ok: true, code: 'ok' });
        expect(printer.counters()).toMatchObject({ jobs: 1, jobsFailed: 0 });
        expect(printer.status.state).toBe('online');
      } finally {
        await printer.close();
        if (target().simulated && cupsd?.cupsPdf !== undefined)
          await removeOutput(await cupsPdfFile(cupsd.cupsPdf.dir, `health-${printer.id}`, 2000));
      }
    });

    it.skipIf(needsCupsd)(
      `answers an already-cancelled print with "cancelled" and sends nothing${skipNote}`,
      async () => {
        const printer = make();
        try {
          await printer.open();
          const page = testPagePdf(['never printed']);
          const printed = await printer.print(
            page,
            { jobName: 'contract-never' },
            AbortSignal.abort(),
          );
          expect(printed).toMatchObject({ ok: false, error: { code: 'cancelled' } });
          expect(await printer.findJobByName('contract-never')).toEqual({
            ok: true,
            value: 'notFound',
          });
          expect(printer.counters()).toMatchObject({ jobs: 0 });
        } finally {
          await printer.close();
        }
      },
    );

    it.skipIf(needsCupsd)(
      `reports a stopped queue with an action and recovers${skipNote}`,
      async ({ skip }) => {
        // Stopping the queue needs the private cupsd.
        if (!target().simulated || cupsd === undefined) skip('needs the private cupsd');
        const printer = make();
        try {
          await printer.open();
          await cupsd?.disableQueue('PDF');
          await waitFor(() => printer.status.state === 'offline', 'the stopped queue', 5000);
          expect(printer.status.reason).toBe('queuePaused');
          await cupsd?.enableQueue('PDF');
          await waitFor(() => printer.status.state === 'online', 'the queue back', 5000);
        } finally {
          await cupsd?.enableQueue('PDF');
          await printer.close();
        }
      },
    );
  },
  { simulated: 'private cupsd (cups-pdf queue)', portExample: 'ipp://127.0.0.1:631/printers/A4' },
);
