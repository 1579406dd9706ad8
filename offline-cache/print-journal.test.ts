import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskDatabase, type KioskDatabase } from './database.js';
import { KIOSK_MIGRATIONS } from './migrations/index.js';
import { PrintJournal } from './print-journal.js';
import { tempDbDir } from './test-db.js';

let temp: ReturnType<typeof tempDbDir>;
let db: KioskDatabase;
let journal: PrintJournal;
const note = { technicianId: 'tech-07', reason: 'paper jammed, page 2 torn' };

beforeEach(() => {
  temp = tempDbDir();
  db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
  journal = new PrintJournal(db);
});
afterEach(() => {
  db.close();
  temp.remove();
});

function recorded(document = 'NH-2026-0001'): string {
  const result = journal.record({ kind: 'proof', document, pages: 2 });
  if (!result.ok) throw new Error(result.code);
  return result.jobId;
}

describe('print journal', () => {
  it('never records a second original print of a printed or printing proof', () => {
    const jobId = recorded();
    expect(journal.record({ kind: 'proof', document: 'NH-2026-0001', pages: 2 })).toEqual({
      ok: false,
      code: 'alreadyPrinted',
      jobId,
    });
    journal.submitted(jobId, 17);
    journal.finish(jobId, 'completed');
    expect(journal.record({ kind: 'proof', document: 'NH-2026-0001', pages: 2 }).ok).toBe(false);
  });

  it('lets a citizen try again after a print failed', () => {
    const first = recorded();
    journal.finish(first, 'failed', 'mediaEmpty');
    const second = journal.record({ kind: 'proof', document: 'NH-2026-0001', pages: 2 });
    expect(second.ok).toBe(true);
  });

  it('reprints only explicitly, with the technician and reason in the audit trail', () => {
    const original = recorded();
    journal.finish(original, 'completed');
    const reprint = journal.recordReprint(original, note);
    if (!reprint.ok) throw new Error(reprint.code);
    expect(journal.get(reprint.jobId)).toMatchObject({ reprintOf: original, state: 'recorded' });
    expect(journal.events(reprint.jobId)[0]).toMatchObject({
      event: 'reprint',
      detail: { technicianId: 'tech-07', reason: note.reason, reprintOf: original },
    });
    expect(journal.recordReprint('01J0000000000000000000000Z', note)).toMatchObject({
      code: 'noSuchJob',
    });
  });

  it('keeps which proof a job prints and hands it on to reprints; receipts have none', () => {
    const original = journal.record({
      kind: 'proof',
      document: 'NH-2026-0002',
      pages: 2,
      proofType: 'noHousing',
    });
    if (!original.ok) throw new Error(original.code);
    journal.finish(original.jobId, 'completed');
    const reprint = journal.recordReprint(original.jobId, note);
    if (!reprint.ok) throw new Error(reprint.code);
    const again = journal.recordReprint(reprint.jobId, note);
    if (!again.ok) throw new Error(again.code);
    for (const jobId of [original.jobId, reprint.jobId, again.jobId]) {
      expect(journal.get(jobId)).toMatchObject({
        document: 'NH-2026-0002',
        proofType: 'noHousing',
      });
    }
    const receipt = journal.record({
      kind: 'receipt',
      document: 'acceptance:NH-2026-0002',
      pages: 1,
    });
    if (!receipt.ok) throw new Error(receipt.code);
    expect(journal.get(receipt.jobId)?.proofType).toBeUndefined();
  });

  it('reprints a job recorded before the journal kept proof types, without a type', () => {
    const old = recorded();
    db.prepare('UPDATE print_jobs SET proof_type = NULL WHERE job_id = ?').run(old);
    journal.finish(old, 'completed');
    const reprint = journal.recordReprint(old, note);
    if (!reprint.ok) throw new Error(reprint.code);
    expect(journal.get(reprint.jobId)).toMatchObject({ reprintOf: old, state: 'recorded' });
    expect(journal.get(reprint.jobId)?.proofType).toBeUndefined();
  });

  it('survives closing the file: an interrupted job is still there to recover', () => {
    const jobId = recorded();
    journal.submitted(jobId, 42);
    db.close();
    db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
    journal = new PrintJournal(db);
    expect(journal.interrupted()).toEqual([
      expect.objectContaining({ jobId, state: 'submitted', spoolerJobId: 42 }),
    ]);
  });

  it('does not let a late answer overwrite a finished job', () => {
    const jobId = recorded();
    journal.finish(jobId, 'canceled');
    journal.finish(jobId, 'completed');
    journal.markUnknown(jobId, 'crashed');
    expect(journal.get(jobId)?.state).toBe('canceled');
  });

  it('lists unknown and failed jobs for the technician, and lets them settle unknown ones', () => {
    const a = recorded('A-000001');
    const b = recorded('B-000001');
    const c = recorded('C-000001');
    journal.finish(a, 'completed');
    journal.markUnknown(b, 'crashedWhilePrinting');
    journal.finish(c, 'failed', 'printerStopped');
    expect(journal.list({ attentionOnly: true, limit: 10 }).map((j) => j.jobId)).toEqual([c, b]);
    expect(journal.resolve(a, 'completed', note)).toMatchObject({ code: 'notUnknown' });
    expect(journal.resolve(b, 'failed', note)).toEqual({ ok: true });
    expect(journal.get(b)?.state).toBe('failed');
    expect(journal.events(b).at(-1)).toMatchObject({ event: 'resolved' });
  });
});
