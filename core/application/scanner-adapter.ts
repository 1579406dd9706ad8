import type { DocumentScanner } from '../../devices/index.js';
import { applicationFailure, type ApplicationScanner, type ScanOutcome } from './ports.js';

/** Longest a single flatbed page may take, ms (a slow A4 colour scan at 300 dpi). */
const PAGE_TIMEOUT_MS = 120_000;

/** Failure codes of the scanner that mean "it cannot scan now", not "this scan went wrong". */
const NOT_READY = new Set([
  'scanInProgress',
  'deviceNotFound',
  'notInstalled',
  'accessDenied',
  'coverOpen',
  'paperJam',
  'notOpen',
]);

/**
 * The SANE document scanner as the application flow's scanner: one page from the glass, PNG, in
 * memory only (a citizen's documents never touch the disk before they are sealed in the outbox).
 */
export function saneApplicationScanner(scanner: DocumentScanner): ApplicationScanner {
  return {
    async scan(onProgress, signal): Promise<ScanOutcome> {
      if (scanner.status.state !== 'online') {
        return {
          ok: false,
          error: applicationFailure(
            'scannerNotReady',
            `the document scanner is ${scanner.status.state}`,
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
          if (image === undefined) {
            return {
              ok: false,
              error: applicationFailure(
                'scanFailed',
                'the scan gave no image',
                'reset',
                'hardwareError',
              ),
            };
          }
          return { ok: true, image };
        }
        const { code, description } = result.error;
        if (code === 'cancelled' || signal.aborted) return { ok: false, canceled: true };
        if (code === 'noDocuments') {
          return {
            ok: false,
            error: applicationFailure('noDocument', description, 'clear', 'userError'),
          };
        }
        if (NOT_READY.has(code)) {
          return {
            ok: false,
            error: applicationFailure(
              'scannerNotReady',
              `${code}: ${description}`,
              'maintenance',
              'deviceNotReady',
            ),
          };
        }
        return {
          ok: false,
          error: applicationFailure(
            'scanFailed',
            `${code}: ${description}`,
            'reset',
            'hardwareError',
          ),
        };
      } finally {
        unsubscribe();
      }
    },
  };
}
