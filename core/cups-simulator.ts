import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrivateCupsd } from '../devices/index.js';
import type { Logger } from './log.js';

/** The queue name of the simulated A4 printer. */
export const SIMULATED_A4_QUEUE = 'PDF';

/**
 * The document printer's "simulator" is a real cupsd of the kiosk's own (like SANE's test
 * backend for the scanner) with a raw queue into an in-memory sink: jobs go through real IPP and
 * real CUPS job states, nothing with personal data is written to disk, and no root is needed.
 * The folder is kept, so CUPS's job history — which crash recovery asks — survives a restart.
 * It lives outside the data folder: CUPS's filters run as the unprivileged "lp" user, which must
 * reach the spool, and the data folder stays 0700.
 */
export async function startCupsSimulator(
  dataDir: string,
  log: Logger,
): Promise<PrivateCupsd | undefined> {
  const started = await PrivateCupsd.start({
    dir: join(tmpdir(), `kiosk-cups-simulator-${folderKey(dataDir)}`),
    keepDir: true,
    queues: [{ kind: 'sink', name: SIMULATED_A4_QUEUE }],
  });
  if (!started.ok) {
    const { code, action, description } = started.error;
    log.error({ code, action, description }, 'cupsSimulator.failed');
    return undefined;
  }
  for (const warning of started.value.warnings)
    log.warn({ code: warning.code }, 'cupsSimulator.warning');
  log.info({ port: started.value.port }, 'cupsSimulator.ready');
  return started.value;
}

/** A short stable key of the data folder, so each kiosk data folder has its own CUPS. */
function folderKey(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
}
