import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from './clock.js';
import { CoreSupervisor, type CoreState, type SupervisorTiming } from './core-supervisor.js';
import type { ElectronFacade } from './electron-facade.js';
import { KioskScreen } from './kiosk-screen.js';
import { handOverOutboxKey, obtainOutboxKeyMessage } from './outbox-key-handover.js';
import type { RecoveryTiming } from './renderer-recovery.js';
import { installSessionPolicy } from './session-policy.js';
import { coreDataDir, coreEnvironment, type AppPaths, type ShellConfig } from './shell-config.js';
import type { ShellLog } from './shell-log.js';
import { fleetManagedUpdates, type UpdateService } from './updates.js';

/** Everything the shell is composed from. */
export interface ShellDeps {
  /** Electron. */
  facade: ElectronFacade;
  /** KIOSK_DEVTOOLS / KIOSK_WINDOWED. */
  config: ShellConfig;
  /** Built files. */
  paths: AppPaths;
  /** The shell's environment (passed on to the core). */
  env: NodeJS.ProcessEnv;
  /** Time source. */
  clock: Clock;
  /** The shell's log. */
  log: ShellLog;
  /** Makes the per-boot token (default: 32 random bytes, hex). */
  newToken?: () => string;
  /** Update seam (default: updates come through the OS package channel). */
  updates?: UpdateService;
  /** Overrides of the supervisor timings. */
  supervisorTiming?: Partial<SupervisorTiming>;
  /** Overrides of the renderer-recovery thresholds. */
  recoveryTiming?: Partial<RecoveryTiming>;
  /** Longest wait for the OS secret store to give the outbox key (default 20 s). */
  outboxKeyTimeoutMs?: number;
}

/** The parts of a running shell (for tests and diagnostics). */
export interface RunningShell {
  /** The core's supervisor. */
  supervisor: CoreSupervisor;
  /** The kiosk window's owner. */
  screen: KioskScreen;
}

const randomToken = () => randomBytes(32).toString('hex');

/**
 * Composition root of the Electron shell. Returns undefined when another instance already runs
 * (that one is focused; this one quits).
 */
export async function runShell(deps: ShellDeps): Promise<RunningShell | undefined> {
  const { facade, config, paths, clock, log } = deps;
  const { app } = facade;
  const updates = deps.updates ?? fleetManagedUpdates;
  if (!app.requestSingleInstanceLock()) {
    log.warn('shell.alreadyRunning');
    app.quit();
    return undefined;
  }
  await app.whenReady();
  app.removeApplicationMenu();
  let quitting = false;
  let readyToQuit = false;
  const token = (deps.newToken ?? randomToken)();
  const coreEnv = coreEnvironment(deps.env, token, join(app.getPath('userData'), 'kiosk-data'));
  // Unwrapped once (the secret store may be slow or prompt), posted to every core started.
  const outboxKey = await obtainOutboxKeyMessage({
    safeStorage: facade.safeStorage,
    dataDir: coreDataDir(coreEnv),
    clock,
    log,
    ...(deps.outboxKeyTimeoutMs !== undefined ? { timeoutMs: deps.outboxKeyTimeoutMs } : {}),
  });
  const kioskScreen = new KioskScreen({
    facade,
    config: { ...config, preloadPath: paths.preload, display: facade.primaryDisplayBounds() },
    recoveryPage: paths.recoveryPage,
    token,
    clock,
    log,
    closeAllowed: () => quitting,
    ...(deps.recoveryTiming ? { recoveryTiming: deps.recoveryTiming } : {}),
  });
  app.onSecondInstance(() => kioskScreen.focus());
  installSessionPolicy(facade.defaultSession(), kioskScreen.currentEndpoint);
  const sleepBlocker = facade.preventDisplaySleep();

  let updatesStarted = false;
  const onCoreState = (state: CoreState) => {
    if (state.kind === 'ready') {
      kioskScreen.showApp(state.endpoint);
      if (!updatesStarted) updates.start();
      updatesStarted = true;
    } else if (state.kind === 'crashLoop') {
      kioskScreen.showOutOfService();
    } else if (state.kind === 'starting' || state.kind === 'restarting') {
      kioskScreen.coreUnavailable();
    } else if (state.kind === 'stopped' && state.reason === 'coreExitedCleanly') {
      // The core exits 0 only when asked to stop (OS shutdown): the shell follows.
      app.quit();
    }
  };
  const supervisor = new CoreSupervisor({
    spawn: () => {
      const child = facade.forkProcess(paths.coreEntry, coreEnv);
      handOverOutboxKey(child, outboxKey, log);
      return child;
    },
    clock,
    log,
    onState: onCoreState,
    ...(deps.supervisorTiming ? { timing: deps.supervisorTiming } : {}),
  });

  app.onWindowAllClosed(() => app.quit());
  // Quit waits for the core to stop, so it never outlives the shell holding the devices.
  app.onBeforeQuit((event) => {
    if (readyToQuit) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    log.info('shell.quitting');
    updates.stop();
    kioskScreen.dispose();
    void supervisor.stop().then(() => {
      facade.allowDisplaySleep(sleepBlocker);
      readyToQuit = true;
      app.quit();
    });
  });

  log.info('shell.started', { devTools: config.devTools, windowed: config.windowed });
  supervisor.start();
  return { supervisor, screen: kioskScreen };
}
