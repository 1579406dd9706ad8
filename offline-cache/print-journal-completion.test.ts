import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testOutbox } from './outbox/test-outbox.js';
import { PrintJournal, type CompletedProof } from './print-journal.js';

/**
 * A proof that came out of the printer and the platform's record of it commit together: the
 * journal calls its hook inside the completion's transaction, so what the hook writes to the
 * same database (the outbox row) is rolled back with the completion, and kept with it.
 */
let t: ReturnType<typeof testOutbox>;
let completed: CompletedProof[];
let journal: PrintJournal;

beforeEach(() => {
  t = testOutbox();
  completed = [];
  journal = new PrintJournal(t.db, {
    onProofCompleted: (proof) => {
      completed.push(proof);
      const queued = t.outbox.enqueue({
        kind: 'proofPrinted',
        payload: { proofId: proof.proofId, pages: proof.pages },
      });
      if (!queued.ok) throw new Error(queued.message);
    },
  });
});
afterEach(() => t.remove());

function printed(document: string, pages = 2): string {
  const result = journal.record({ kind: 'proof', document, pages, proofType: 'noHousing' });
  if (!result.ok) throw new Error(result.code);
  journal.submitted(result.jobId, 1);
  return result.jobId;
}

describe('print journal completion', () => {
  it('queues the record with the completion, once, for proofs only', () => {
    const jobId = printed('NH-2026-0001');
    journal.finish(jobId, 'completed');
    journal.finish(jobId, 'completed');
    const receipt = journal.record({ kind: 'receipt', document: 'acceptance:NH', pages: 1 });
    if (receipt.ok) journal.finish(receipt.jobId, 'completed');
    expect(completed).toEqual([
      expect.objectContaining({ jobId, proofId: 'NH-2026-0001', proofType: 'noHousing', pages: 2 }),
    ]);
    expect(t.outbox.stats().queueDepth).toBe(1);
  });

  it('a completion that does not commit leaves no record behind', () => {
    const jobId = printed('NH-2026-0002');
    const crashAfterCompletion = t.db.transaction(() => {
      journal.finish(jobId, 'completed');
      throw new Error('power lost before the commit');
    });
    expect(() => crashAfterCompletion()).toThrow('power lost');
    expect(journal.get(jobId)?.state).toBe('submitted');
    expect(t.outbox.stats().queueDepth).toBe(0);
  });

  it('reports failed and canceled jobs never, and a resolved-as-printed one once', () => {
    const failed = printed('NH-2026-0003');
    journal.finish(failed, 'failed', 'printerStopped');
    const unknown = printed('NH-2026-0004');
    journal.markUnknown(unknown, 'interruptedAfterSubmit');
    journal.resolve(unknown, 'completed', {
      technicianId: 'tech-07',
      reason: 'page was in the tray',
    });
    expect(completed.map((c) => c.proofId)).toEqual(['NH-2026-0004']);
  });
});
