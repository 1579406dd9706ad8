import { startTestCupsd, testPrinter } from '../../devices/docprinter/cups-test-support.js';
import type { DocumentPrinter, PrivateCupsd } from '../../devices/index.js';

/** A private cupsd with one in-memory sink queue "PDF", and a DocumentPrinter opened on it. */
export async function startSinkPrinter(): Promise<{
  cups: PrivateCupsd;
  printer: DocumentPrinter;
}> {
  const cups = await startTestCupsd({ queues: [{ kind: 'sink', name: 'PDF' }] });
  const printer = testPrinter(cups, 'PDF');
  await printer.open();
  return { cups, printer };
}
