import { DocumentPrinter, PrivateCupsd } from '../../devices/index.js';

/** A private cupsd with one in-memory sink queue "PDF", and a DocumentPrinter opened on it. */
export async function startSinkPrinter(): Promise<{
  cups: PrivateCupsd;
  printer: DocumentPrinter;
}> {
  const started = await PrivateCupsd.start({ queues: [{ kind: 'sink', name: 'PDF' }] });
  if (!started.ok) throw new Error(started.error.description);
  const cups = started.value;
  const printer = new DocumentPrinter({ queue: 'PDF', port: cups.port, jobPollMs: 100 });
  await printer.open();
  return { cups, printer };
}
