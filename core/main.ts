import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type KioskConfig } from './config.js';
import { removeCoreEndpoint, writeCoreEndpoint } from './core-endpoint.js';
import { startKioskCore } from './kiosk-core.js';
import { createLogger } from './log.js';

/**
 * Entry of the kiosk core process (bundled to dist/core/kiosk-core.js). Prints one `core.ready`
 * log line with the port and URL once it serves; supervisors (the Electron shell, the browser-host
 * launcher, tests) wait for it. Exit codes: 0 stopped on request, 78 bad configuration, 70 bug.
 */

const EXIT_CONFIG = 78;
const EXIT_SOFTWARE = 70;

let config: KioskConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  createLogger('info').fatal({ action: error.action }, error.message);
  process.exit(EXIT_CONFIG);
}

const log = createLogger(config.log.level);
const token = process.env.KIOSK_TOKEN ?? writeTokenFile(config.dataDir);

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'core.unhandledRejection'));
process.on('uncaughtException', (error) => {
  // State may be inconsistent after an uncaught exception: stop and let the supervisor restart us.
  log.fatal({ err: error }, 'core.uncaughtException');
  process.exit(EXIT_SOFTWARE);
});

try {
  const core = await startKioskCore(config, { token, log });
  const wsUrl = `${core.url.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`;
  writeCoreEndpoint(config.dataDir, { wsUrl, token, pid: process.pid });
  log.info(
    {
      port: core.port,
      url: core.url,
      simControl: core.simControl,
      platformUrl: core.platformUrl,
      kioskId: config.kioskId,
    },
    'core.ready',
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'core.stopping');
    await core.stop();
    removeCoreEndpoint(config.dataDir);
    log.info('core.stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  log.fatal({ err: error }, 'core.startFailed');
  process.exit(EXIT_SOFTWARE);
}

// Without a token from a supervisor, make one and leave it where local tools (0600) can read it.
function writeTokenFile(dataDir: string): string {
  const fresh = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, 'core-token'), fresh, { mode: 0o600 });
  return fresh;
}
