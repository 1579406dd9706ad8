import type { ReceiptDocument } from '../../contract/index.js';
import type { PrintJournal } from '../../offline-cache/print-journal.js';
import type { SlipPrinter } from './ports.js';

/**
 * Prints one receipt-printer document through the journal: recorded before the printer gets it,
 * its outcome after, so a technician sees every slip a citizen should have received. `document`
 * names it in the journal (template and reference, e.g. "claim:K7QF2M9D"; no personal data).
 * Returns whether it printed.
 */
export async function printJournaledSlip(
  journal: PrintJournal,
  slips: SlipPrinter,
  receipt: ReceiptDocument,
  document: string,
  signal: AbortSignal,
): Promise<boolean> {
  const recorded = journal.record({ kind: 'receipt', document, pages: 1 });
  if (!recorded.ok) return false;
  journal.submitted(recorded.jobId);
  const printed = await slips.print(receipt, signal);
  if (printed.ok) journal.finish(recorded.jobId, 'completed');
  else journal.finish(recorded.jobId, 'failed', printed.error.code);
  return printed.ok;
}
