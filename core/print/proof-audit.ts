import type { CompletedProof } from '../../offline-cache/print-journal.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import type { Logger } from '../log.js';

/**
 * The platform's audit record of a proof that came out of the printer (`proofPrinted`), queued
 * in the outbox from inside the journal's completion transaction, so a completed print and its
 * record commit together: neither a crash nor recovery can print one without the other. Jobs
 * recorded before the journal kept proof types cannot be described and are logged instead.
 */
export function proofAuditRecorder(
  submit: (request: NewRequest) => boolean,
  log: Logger,
): (proof: CompletedProof) => void {
  return (proof) => {
    try {
      if (proof.proofType === undefined) {
        log.warn({ jobId: proof.jobId }, 'print.proof.unreported: the job predates proof types');
        return;
      }
      submit({
        kind: 'proofPrinted',
        payload: {
          proofId: proof.proofId,
          proofType: proof.proofType,
          pages: proof.pages,
          printedAt: proof.completedAt,
          ...(proof.reprint ? { reprint: true } : {}),
        },
      });
    } catch (error) {
      // Never undo the completion: the print happened whatever the outbox says.
      log.error(
        { jobId: proof.jobId, err: error, action: 'softwareError' },
        'print.proof.unqueued',
      );
    }
  };
}
