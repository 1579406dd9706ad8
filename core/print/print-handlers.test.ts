import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskDatabase, type KioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { PrintJournal } from '../../offline-cache/print-journal.js';
import { SAMPLE_TAX_PAID } from '../../printing/proof/sample-proofs.js';
import { createLogger } from '../log.js';
import { PreviewStore } from '../preview-store.js';
import type { A4Spooler } from './ports.js';
import { PreparedProofs } from './prepared-proofs.js';
import { printHandlers } from './print-handlers.js';
import { proofAuditRecorder } from './proof-audit.js';
import { SpoolStore } from './spool-store.js';

/**
 * What the platform hears about prints: every proof that came out of the printer — the citizen's
 * print, a technician's reprint, a job a technician settles as printed — is queued once as a
 * `proofPrinted` record, from inside the journal's completion. The journal and the spool folder
 * are real; the A4 printer is a stand-in that completes or fails jobs on request.
 */

interface Printed {
  proofId: string;
  proofType: string;
  pages: number;
  reprint: boolean;
}

const PROOF = SAMPLE_TAX_PAID.content;
const PDF = new TextEncoder().encode('%PDF-1.7 stand-in for a laid-out proof');
const note = { technicianId: 'tech-07', reason: 'page 2 torn in the tray' };
const person = {
  name: PROOF.subject.name,
  idNumber: PROOF.subject.idNumber,
  masked: {
    cardType: 'residentId' as const,
    maskedName: '李*',
    maskedIdNumber: '4406**********1234',
  },
};

let dir: string;
let db: KioskDatabase;
let journal: PrintJournal;
let printed: Printed[];
let logLines: string[];
let printerFails: boolean;
let spooled: string[];
let handlers: ReturnType<typeof printHandlers>;

const spooler: A4Spooler = {
  print: async (_pdf, job, events) => {
    spooled.push(job.jobName);
    events.submitted(spooled.length);
    if (printerFails) {
      return {
        ok: false,
        error: {
          code: 'printerStopped',
          message: 'the printer stopped',
          action: 'maintenance',
          completionCode: 'hardwareError',
        },
      };
    }
    return { ok: true, value: { spoolerJobId: spooled.length } };
  },
  find: () => Promise.reject(new Error('not used')),
  follow: () => Promise.reject(new Error('not used')),
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'print-handlers-'));
  db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
  printed = [];
  logLines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('info', sink);
  const queue = (request: NewRequest) => {
    const { proofId, proofType, pages, reprint } = request.payload as unknown as Printed;
    printed.push({ proofId, proofType, pages, reprint: reprint ?? false });
    return true;
  };
  journal = new PrintJournal(db, { onProofCompleted: proofAuditRecorder(queue, log) });
  printerFails = false;
  spooled = [];
  const prepared = new PreparedProofs();
  prepared.add({
    proof: SAMPLE_TAX_PAID,
    pdf: PDF,
    pageCount: 3,
    locale: 'zh-CN',
    holder: person.masked,
  });
  const unused = () => {
    throw new Error('not used by printing');
  };
  handlers = printHandlers({
    source: { fetch: unused },
    layout: { render: unused },
    journal,
    prepared,
    previews: new PreviewStore(),
    kioskId: 'FS-TEST-0001',
    now: () => new Date(),
    spool: new SpoolStore(join(dir, 'spool'), 3_600_000),
    spooler,
    slips: undefined,
    receiptFor: unused,
    log,
    person: () => person,
    attentionChanged: () => {},
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = <P>(payload: P) => ({
  payload,
  signal: new AbortController().signal,
  emit: () => {},
});

async function printOriginal(): Promise<string> {
  const outcome = await handlers['Proof.Print'](ctx({ proofId: PROOF.proofId }));
  if (outcome.completionCode !== 'success') throw new Error(outcome.errorDescription);
  return outcome.payload.jobId;
}

describe('reporting printed proofs to the platform', () => {
  it("reports the citizen's print, then a technician's reprint marked as one", async () => {
    const original = await printOriginal();
    const reprint = await handlers['Print.Reprint'](ctx({ jobId: original, ...note }));
    if (reprint.completionCode !== 'success') throw new Error(reprint.errorDescription);
    expect(reprint.payload).toEqual({ jobId: expect.not.stringMatching(original) });
    expect(spooled).toEqual([original, reprint.payload.jobId]);
    expect(printed).toEqual([
      { proofId: PROOF.proofId, proofType: 'taxPaid', pages: 3, reprint: false },
      { proofId: PROOF.proofId, proofType: 'taxPaid', pages: 3, reprint: true },
    ]);
  });

  it('reports a reprint of a reprint too', async () => {
    const original = await printOriginal();
    const first = await handlers['Print.Reprint'](ctx({ jobId: original, ...note }));
    if (first.completionCode !== 'success') throw new Error(first.errorDescription);
    await handlers['Print.Reprint'](ctx({ jobId: first.payload.jobId, ...note }));
    expect(printed.map((p) => [p.proofType, p.reprint])).toEqual([
      ['taxPaid', false],
      ['taxPaid', true],
      ['taxPaid', true],
    ]);
  });

  it('reports nothing when the reprint did not come out of the printer', async () => {
    const original = await printOriginal();
    printerFails = true;
    const reprint = await handlers['Print.Reprint'](ctx({ jobId: original, ...note }));
    expect(reprint).toMatchObject({
      completionCode: 'hardwareError',
      payload: { errorCode: 'printerStopped' },
    });
    expect(printed.map((p) => p.reprint)).toEqual([false]);
  });

  it('reports a job a technician settles as printed after a crash left it unknown', async () => {
    const original = await printOriginal();
    const reprinted = journal.recordReprint(original, note);
    if (!reprinted.ok) throw new Error(reprinted.code);
    journal.markUnknown(reprinted.jobId, 'interruptedAfterSubmit');
    const resolved = await handlers['Print.ResolveJob'](
      ctx({ jobId: reprinted.jobId, outcome: 'completed', ...note }),
    );
    expect(resolved.completionCode).toBe('success');
    expect(printed.map((p) => p.reprint)).toEqual([false, true]);
  });

  it('reprints a job recorded before the journal kept proof types, unreported but logged', async () => {
    const original = await printOriginal();
    db.prepare('UPDATE print_jobs SET proof_type = NULL WHERE job_id = ?').run(original);
    const reprint = await handlers['Print.Reprint'](ctx({ jobId: original, ...note }));
    if (reprint.completionCode !== 'success') throw new Error(reprint.errorDescription);
    expect(spooled).toHaveLength(2);
    expect(printed.map((p) => p.reprint)).toEqual([false]);
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'print.proof.unreported: the job predates proof types',
        jobId: reprint.payload.jobId,
      }),
    );
    expect(logLines.join('')).not.toContain(PROOF.subject.idNumber);
  });

  it("keeps the proof type out of the technician console's job list", async () => {
    await printOriginal();
    const listed = await handlers['Print.ListJobs'](ctx({ attentionOnly: false, limit: 10 }));
    if (listed.completionCode !== 'success') throw new Error(listed.errorDescription);
    expect(listed.payload.jobs).toHaveLength(1);
    expect(listed.payload.jobs[0]).not.toHaveProperty('proofType');
  });
});
