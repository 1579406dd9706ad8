import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShell } from './shell.js';
import { FakeClock } from './testing/fake-clock.js';
import { FakeChild, FakeElectron } from './testing/fake-electron.js';
import { FakeLog } from './testing/fake-log.js';

const userDataDirs: string[] = [];
afterEach(() => {
  for (const dir of userDataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const paths = {
  coreEntry: '/app/dist/core/kiosk-core.js',
  preload: '/app/dist/main/preload.cjs',
  recoveryPage: '/app/dist/main/recovery.html',
};
const camera = (port: number) => ({
  requestingUrl: `http://127.0.0.1:${port}/`,
  isMainFrame: true,
  mediaTypes: ['video'] as const,
});

async function boot(options: { lock?: boolean; electron?: FakeElectron } = {}) {
  const electron = options.electron ?? new FakeElectron();
  electron.app.lockAvailable = options.lock ?? true;
  // The wrapped outbox key is written under userData: a fresh folder per shell.
  electron.app.userData = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
  userDataDirs.push(electron.app.userData);
  const clock = new FakeClock();
  const log = new FakeLog();
  let updatesStarted = 0;
  const shell = await runShell({
    facade: electron,
    config: { devTools: false, windowed: false },
    paths,
    env: { PATH: '/usr/bin' },
    clock,
    log,
    updates: { start: () => void updatesStarted++, stop: () => undefined },
  });
  const child = () => {
    const current = electron.child;
    if (!current) throw new Error('no core started');
    return current;
  };
  const win = () => {
    const current = electron.window;
    if (!current) throw new Error('no window');
    return current;
  };
  return { electron, clock, log, shell, child, win, updates: () => updatesStarted };
}

describe('shell', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { electron, shell } = await boot({ lock: false });
    expect(shell).toBeUndefined();
    expect(electron.app.quits).toBe(1);
    expect(electron.children).toHaveLength(0);
    expect(electron.windows).toHaveLength(0);
  });

  it('brings the running kiosk to the front when a second instance starts', async () => {
    const { electron, child, win } = await boot();
    child().ready(8787);
    win().minimized = true;
    electron.app.secondInstance.emit();
    expect(win()).toMatchObject({ restored: 1, shown: 1, focused: 1 });
  });

  it('boots: no menu, display kept awake, core started with a fresh token', async () => {
    const { electron, log } = await boot();
    expect(electron.app.menuRemoved).toBe(true);
    expect(electron.blockers).toHaveLength(1);
    expect(electron.session.requestHandler).toBeDefined();
    expect(electron.session.headersListener).toBeDefined();
    expect(electron.forks).toHaveLength(1);
    const fork = electron.forks[0];
    expect(fork?.modulePath).toBe(paths.coreEntry);
    expect(fork?.env.KIOSK_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(fork?.env.KIOSK_DATA_DIR).toBe(join(electron.app.userData, 'kiosk-data'));
    expect(fork?.env.PATH).toBe('/usr/bin');
    expect(electron.windows).toHaveLength(0);
    expect(JSON.stringify(log.entries)).not.toContain(fork?.env.KIOSK_TOKEN);
  });

  it('opens the kiosk window on the core URL once the core is ready', async () => {
    const { electron, child, win, updates } = await boot();
    child().ready(8787);
    const token = electron.forks[0]?.env.KIOSK_TOKEN;
    expect(win().loaded).toEqual(['http://127.0.0.1:8787/']);
    expect(win().options.kiosk).toBe(true);
    expect(win().options.webPreferences.preload).toBe(paths.preload);
    expect(win().options.webPreferences.additionalArguments).toEqual([
      '--kiosk-ws-url=ws://127.0.0.1:8787/ws',
      `--kiosk-token=${token}`,
    ]);
    expect(electron.session.request('media', camera(8787))).toBe(true);
    expect(updates()).toBe(1);
  });

  it('moves to a new window when the restarted core listens on another port', async () => {
    const { electron, child, clock } = await boot();
    child().ready(40001);
    const first = electron.window;
    child().exit(1);
    expect(electron.session.request('media', camera(40001))).toBe(false);
    expect(first?.webContents.navigate('http://127.0.0.1:40001/')).toBe(true);
    clock.advance(500);
    child().ready(40002);
    expect(electron.windows).toHaveLength(2);
    expect(first?.destroyed).toBe(true);
    const second = electron.window;
    expect(second?.loaded).toEqual(['http://127.0.0.1:40002/']);
    expect(second?.options.webPreferences.additionalArguments[0]).toBe(
      '--kiosk-ws-url=ws://127.0.0.1:40002/ws',
    );
    expect(electron.session.request('media', camera(40002))).toBe(true);
    expect(electron.forks[1]?.env.KIOSK_TOKEN).toBe(electron.forks[0]?.env.KIOSK_TOKEN);
  });

  it('reloads the same window when the restarted core keeps its port', async () => {
    const { electron, child, clock, win } = await boot();
    child().ready(8787);
    child().exit(1);
    clock.advance(500);
    child().ready(8787);
    expect(electron.windows).toHaveLength(1);
    expect(win().loaded).toEqual(['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/']);
  });

  it('shows the out-of-service page when the core crash-loops, even before any window', async () => {
    const { electron, child, clock, win } = await boot();
    for (let i = 0; i < 5; i++) {
      child().exit(1);
      clock.advance(5_000);
    }
    expect(win().current).toBe(`file:${paths.recoveryPage}`);
    expect(win().options.webPreferences.additionalArguments).toEqual([]);
    expect(electron.session.request('media', camera(8787))).toBe(false);
  });

  it('reloads a crashed renderer and replaces the window after out-of-memory', async () => {
    const { electron, child, win } = await boot();
    child().ready(8787);
    const first = win();
    first.webContents.gone.emit('crashed', 1);
    expect(first.webContents.reloads).toBe(1);
    first.webContents.gone.emit('oom', 1);
    expect(electron.windows).toHaveLength(2);
    expect(win().loaded).toEqual(['http://127.0.0.1:8787/']);
    // The replaced window's renderer going away is not another crash.
    first.webContents.gone.emit('clean-exit', 0);
    expect(win().webContents.reloads).toBe(0);
    expect(electron.windows).toHaveLength(2);
  });

  it('kills a hung renderer after the grace period', async () => {
    const { child, clock, win } = await boot();
    child().ready(8787);
    win().unresponsive.emit();
    clock.advance(15_000);
    expect(win().webContents.crashesForced).toBe(1);
  });

  it('goes out of service after repeated renderer crashes', async () => {
    const { child, win } = await boot();
    child().ready(8787);
    for (let i = 0; i < 3; i++) win().webContents.gone.emit('crashed', 1);
    expect(win().current).toBe(`file:${paths.recoveryPage}`);
  });

  it('quits only after the core has stopped, then releases the display', async () => {
    const { electron, child, win } = await boot();
    child().ready(8787);
    expect(win().tryClose()).toBe(true);
    electron.app.quit();
    expect(child().terminated).toBe(1);
    expect(electron.blockers).toHaveLength(1);
    expect(win().tryClose()).toBe(false);
    child().exit(0);
    await Promise.resolve();
    expect(electron.blockers).toHaveLength(0);
    expect(electron.app.quits).toBe(2);
  });

  it('quits when the core stops by itself with exit code 0', async () => {
    const { electron, child } = await boot();
    child().ready(8787);
    child().exit(0);
    await Promise.resolve();
    expect(electron.app.quits).toBe(2);
    expect(electron.children).toHaveLength(1);
  });

  it('hands every core it starts the same outbox key, over the port only', async () => {
    const { electron, child, clock, log } = await boot();
    child().ready(8787);
    child().exit(1);
    clock.advance(500);
    child().exit(1);
    clock.advance(1_000);
    expect(electron.children).toHaveLength(3);
    const posted = electron.children.map((c) => c.posted);
    const first = posted[0]?.[0] as { type: string; key: string };
    expect(first).toEqual({
      type: 'outboxKey',
      key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    });
    expect(posted).toEqual([[first], [first], [first]]);
    // Not in the environment, not in the log.
    for (const fork of electron.forks) expect(JSON.stringify(fork.env)).not.toContain(first.key);
    expect(JSON.stringify(log.entries)).not.toContain(first.key);
    expect(log.messages().filter((m) => m === 'outboxKey.handedOver')).toHaveLength(3);
  });

  it('keeps the key across shell restarts (same kiosk user, same data folder)', async () => {
    const first = await boot();
    const key = first.child().posted[0];
    const electron = new FakeElectron();
    electron.safeStorage = first.electron.safeStorage;
    const dataDir = join(first.electron.app.userData, 'kiosk-data');
    const second = await runShell({
      facade: electron,
      config: { devTools: false, windowed: false },
      paths,
      env: { KIOSK_DATA_DIR: dataDir },
      clock: new FakeClock(),
      log: new FakeLog(),
      updates: { start: () => undefined, stop: () => undefined },
    });
    expect(second).toBeDefined();
    expect(electron.child?.posted).toEqual([key]);
  });

  it('still starts the core without a key, telling it why, when the OS has no secret store', async () => {
    const electron = new FakeElectron();
    electron.safeStorage.backend = 'basic_text';
    const { child, log } = await boot({ electron });
    expect(child().posted).toEqual([
      {
        type: 'outboxKey',
        error: { code: 'encryptionUnavailable', message: expect.stringContaining('basic_text') },
      },
    ]);
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'outboxKey.unavailable',
        fields: expect.objectContaining({ code: 'encryptionUnavailable', action: 'configuration' }),
      }),
    );
    child().ready(8787);
    expect(electron.window?.loaded).toEqual(['http://127.0.0.1:8787/']);
  });

  it('gives up on a secret store that never answers and starts the core without a key', async () => {
    const electron = new FakeElectron();
    electron.safeStorage.hang = true;
    electron.app.userData = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
    userDataDirs.push(electron.app.userData);
    const clock = new FakeClock();
    const started = runShell({
      facade: electron,
      config: { devTools: false, windowed: false },
      paths,
      env: {},
      clock,
      log: new FakeLog(),
      updates: { start: () => undefined, stop: () => undefined },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.children).toHaveLength(0);
    clock.advance(20_000);
    await started;
    expect(electron.child?.posted).toEqual([
      { type: 'outboxKey', error: { code: 'encryptionUnavailable', message: expect.any(String) } },
    ]);
  });

  it('logs a key that could not be posted and keeps supervising the core', async () => {
    const { electron, child, clock, log } = await boot();
    child().exit(1);
    electron.forkProcess = (modulePath, env) => {
      electron.forks.push({ modulePath, env });
      const next = new FakeChild(2000);
      next.postError = new Error('process is gone');
      electron.children.push(next);
      return next;
    };
    clock.advance(500);
    expect(log.messages()).toContain('outboxKey.handOverFailed');
    child().ready(8787);
    expect(electron.window?.loaded).toEqual(['http://127.0.0.1:8787/']);
  });
});
