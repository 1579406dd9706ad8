import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from './clock.js';
import { createRealFacade } from './electron-facade.real.js';
import { runShell } from './shell.js';
import { appPaths, findAppRoot, readShellConfig } from './shell-config.js';
import { createShellLog, errorText } from './shell-log.js';

// Entry of the Electron main process (bundled to dist/main/electron-main.js).
const log = createShellLog();
// Without a listener Electron shows a modal error dialog on the kiosk screen and waits for a click.
process.on('uncaughtException', (error) =>
  log.error('shell.uncaught', { error: errorText(error) }),
);
process.on('unhandledRejection', (error) =>
  log.error('shell.unhandled', { error: errorText(error) }),
);

const facade = createRealFacade();
runShell({
  facade,
  config: readShellConfig(process.env),
  paths: appPaths(findAppRoot(dirname(fileURLToPath(import.meta.url)))),
  env: process.env,
  clock: systemClock,
  log,
}).catch((error: unknown) => {
  log.error('shell.failed', { error: errorText(error) });
  facade.app.quit();
});
