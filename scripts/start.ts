import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findElectronBinary } from './electron-binary.js';

/**
 * `npm start`: the Electron shell when an Electron binary is installed; otherwise the browser
 * host — the core (with simulators and the reference platform by default) plus a Chromium
 * app/kiosk window when a display and Chromium exist, else the local URL to open.
 */

const electron = findElectronBinary();
const electronBinary = electron.found ? electron.path : undefined;
if (electronBinary) {
  console.log(`Starting the Electron kiosk shell (${electronBinary})`);
  const shell = spawn(electronBinary, ['dist/main/electron-main.js'], { stdio: 'inherit' });
  shell.on('exit', (code) => process.exit(code ?? 0));
} else {
  startBrowserHost();
}

function startBrowserHost(): void {
  const token = randomBytes(32).toString('hex');
  const core = spawn(process.execPath, ['dist/core/kiosk-core.js'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KIOSK_TOKEN: token },
  });
  let browser: ReturnType<typeof spawn> | undefined;
  createInterface({ input: core.stdout! }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    const ready = parse(line);
    if (ready?.msg !== 'core.ready' || typeof ready.url !== 'string') return;
    const url = `${ready.url}#token=${token}`;
    const chromium = findChromium();
    const display = process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY;
    if (chromium && display) {
      console.log(`\nKiosk ready. Opening ${chromium} in kiosk mode.`);
      browser = spawn(chromium, [...chromiumKioskArgs(), `--app=${url}`], { stdio: 'ignore' });
    } else {
      console.log(
        `\nKiosk ready (no Electron binary${display ? '' : ', no display'}). Open in Chromium:\n  ${url}`,
      );
      if (typeof ready.simControl === 'string')
        console.log(`Device simulators' control API: ${ready.simControl}`);
    }
  });
  core.on('exit', (code) => {
    browser?.kill();
    process.exit(code ?? 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => core.kill('SIGTERM'));
  }
}

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  return undefined;
}

/** Chromium flags of a kiosk window (see docs/architecture.md). */
function chromiumKioskArgs(): string[] {
  return [
    '--kiosk',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'kiosk-chromium-'))}`,
  ];
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
