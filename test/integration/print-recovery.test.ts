import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { cupsSpooler } from '../../core/print/device-adapters.js';
import { recoverInterruptedJobs } from '../../core/print/print-recovery.js';
import { testPrinter } from '../../devices/docprinter/cups-test-support.js';
import { DocumentPrinter, type PrivateCupsd } from '../../devices/index.js';
import { startSinkPrinter } from '../support/private-cups.js';
import { openKioskDatabase, type KioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import { PrintJournal } from '../../offline-cache/print-journal.js';

/**
 * What the kiosk knows after it died mid-print: the journal (a real SQLite file, reopened as a
 * restarted core would) against the job history of a real cupsd.
 */

const dir = mkdtempSync(join(tmpdir(), 'print-recovery-'));
const file = join(dir, 'kiosk.sqlite');
const log = createLogger('silent');
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n% not really rendered: the sink queue is raw\n%%EOF\n',
);
let cups: PrivateCupsd;
let printer: DocumentPrinter;
let db: KioskDatabase;

beforeAll(async () => {
  ({ cups, printer } = await startSinkPrinter());
  db = openKioskDatabase(file, KIOSK_MIGRATIONS);
}, 60_000);

afterAll(async () => {
  await printer.close();
  await cups.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The journal as a core restarted after kill -9 sees it: the same file, opened anew. */
function restartedJournal(): PrintJournal {
  db.close();
  db = openKioskDatabase(file, KIOSK_MIGRATIONS);
  return new PrintJournal(db);
}

function record(journal: PrintJournal, document: string): string {
  const recorded = journal.record({ kind: 'proof', document, pages: 1 });
  if (!recorded.ok) throw new Error(recorded.code);
  return recorded.jobId;
}

const recover = (journal: PrintJournal) =>
  recoverInterruptedJobs(journal, cupsSpooler(printer), log, new AbortController().signal);

describe('print recovery after a crash', () => {
  it('finds a job CUPS printed after the kiosk died, and records it as printed', async () => {
    const jobId = record(new PrintJournal(db), 'NH-20261123-AAAA0001');
    // The crash: CUPS got the job, the kiosk never wrote "submitted" or the outcome.
    const printed = await printer.print(PDF, { jobName: jobId });
    expect(printed.ok).toBe(true);
    const journal = restartedJournal();
    expect(await recover(journal)).toMatchObject({ settled: 1 });
    expect(journal.get(jobId)).toMatchObject({ state: 'completed' });
    expect(journal.record({ kind: 'proof', document: 'NH-20261123-AAAA0001', pages: 1 }).ok).toBe(
      false,
    );
  });

  it('marks a job that never reached CUPS as not printed, so the citizen may print again', async () => {
    const jobId = record(new PrintJournal(db), 'NH-20261123-AAAA0002');
    const journal = restartedJournal();
    expect(await recover(journal)).toMatchObject({ neverSubmitted: 1 });
    expect(journal.get(jobId)).toMatchObject({
      state: 'failed',
      errorCode: 'interruptedBeforeSubmit',
    });
    expect(journal.record({ kind: 'proof', document: 'NH-20261123-AAAA0002', pages: 1 }).ok).toBe(
      true,
    );
  });

  it('follows a job still waiting in CUPS to its end', async () => {
    await cups.disableQueue('PDF');
    const jobId = record(new PrintJournal(db), 'TX-20261123-AAAA0003');
    const abandoned = new AbortController();
    const submitted = new Promise<void>((resolve) => {
      void printer.print(
        PDF,
        { jobName: jobId, onProgress: (p) => p.phase === 'submitted' && resolve() },
        abandoned.signal,
      );
    });
    await submitted;
    await printer.close(); // the crash: nobody follows the job any more
    printer = testPrinter(cups, 'PDF');
    await printer.open();
    const journal = restartedJournal();
    const recovering = recover(journal);
    setTimeout(() => void cups.enableQueue('PDF'), 300);
    expect(await recovering).toMatchObject({ settled: 1 });
    expect(journal.get(jobId)).toMatchObject({ state: 'completed' });
  });

  it('asks a technician about jobs nobody can account for', async () => {
    const journal = new PrintJournal(db);
    const lost = record(journal, 'SI-20261123-AAAA0004');
    journal.submitted(lost, 987_654); // CUPS has no such job (its history was wiped)
    const receipt = journal.record({ kind: 'receipt', document: 'acceptance:X', pages: 1 });
    if (!receipt.ok) throw new Error(receipt.code);
    const restarted = restartedJournal();
    expect(await recover(restarted)).toMatchObject({ unknown: 2 });
    const attention = restarted.list({ attentionOnly: true, limit: 10 }).map((j) => j.jobId);
    expect(attention).toEqual(expect.arrayContaining([lost, receipt.jobId]));
    expect(restarted.get(lost)).toMatchObject({ state: 'unknown', errorCode: 'spoolerLostJob' });
  });

  it('leaves jobs alone while CUPS cannot be asked, and settles them once it answers', async () => {
    const jobId = record(new PrintJournal(db), 'NH-20261123-AAAA0005');
    const dead = new DocumentPrinter({ queue: 'PDF', port: 9, requestTimeoutMs: 500 });
    const journal = restartedJournal();
    const deferred = await recoverInterruptedJobs(
      journal,
      cupsSpooler(dead),
      log,
      new AbortController().signal,
    );
    expect(deferred).toMatchObject({ deferred: 1 });
    expect(journal.get(jobId)?.state).toBe('recorded');
    expect(await recover(journal)).toMatchObject({ neverSubmitted: 1 });
  });
});
