import type { DocumentScanner } from '../../devices/index.js';
import { completionFor } from '../device-failure.js';
import { applicationFailure, type ApplicationScanner, type ScanOutcome } from './ports.js';

/** Longest a single flatbed page may take, ms (a slow A4 colour scan at 300 dpi). */
const PAGE_TIMEOUT_MS = 120_000;

/** Failure codes of the scanner that mean "it cannot scan now", not "this scan went wrong". */
const NOT_READY = new Set([
  'scanInProgress',
  'deviceBusy',
  'deviceNotFound',
  'notInstalled',
  'accessDenied',
  'coverOpen',
  'paperJam',
]);

/**
 * The SANE document scanner as the application flow's scanner: one page from the glass, PNG, in
 * memory only (a citizen's documents never touch the disk before they are sealed in the outbox).
 * A failure keeps the device's own action; only its code is the application's.
 */
export function saneApplicationScanner(scanner: DocumentScanner): ApplicationScanner {
  return {
    async scan(onProgress, signal): Promise<ScanOutcome> {
      if (scanner.status.state !== 'online') {
        const state = scanner.status.state;
        return {
          ok: false,
          error: applicationFailure(
            'scannerNotReady',
            `the document scanner is ${state}`,
            'maintenance',
            'deviceNotReady',
          ),
        };
      }
      const unsubscribe = scanner.on('progress', ({ percent }) => onProgress(Math.round(percent)));
      try {
        // No source: scanPage scans from the flatbed, where the citizen laid the page.
        const result = await scanner.scanPage(
          { format: 'png', destination: 'memory' },
          { timeoutMs: PAGE_TIMEOUT_MS, signal },
        );
        if (result.ok) {
          await scanner.discard(result.value.scanId);
          const image = result.value.bytes;
          if (image !== undefined) return { ok: true, image };
          const error = applicationFailure('scanFailed', 'no image', 'reset', 'hardwareError');
          return { ok: false, error };
        }
        const failure = result.error;
        if (failure.code === 'cancelled' || signal.aborted) return { ok: false, canceled: true };
        const message = `${failure.code}: ${failure.description}`;
        const error =
          failure.code === 'noDocuments'
            ? applicationFailure('noDocument', message, failure.action, 'userError')
            : NOT_READY.has(failure.code)
              ? applicationFailure('scannerNotReady', message, failure.action, 'deviceNotReady')
              : applicationFailure('scanFailed', message, failure.action, completionFor(failure));
        return { ok: false, error };
      } finally {
        unsubscribe();
      }
    },
  };
}
