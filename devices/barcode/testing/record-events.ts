import type { BarcodeScannerEvents } from '../barcode-events.js';
import type { BarcodeScanner } from '../barcode-scanner.js';

/** Every event a scanner published, by name, in order. */
export type RecordedEvents = { [K in keyof BarcodeScannerEvents]: BarcodeScannerEvents[K][] };

/** Subscribes to all of a scanner's events and collects them, for tests. */
export function recordEvents(scanner: BarcodeScanner): RecordedEvents {
  const seen: RecordedEvents = { scanned: [], scanFailed: [], status: [], error: [] };
  for (const name of Object.keys(seen) as Array<keyof BarcodeScannerEvents>) {
    scanner.on(name, (payload: unknown) => (seen[name] as unknown[]).push(payload));
  }
  return seen;
}
