import type { Clock } from './clock.js';
import type { CoreEndpoint } from './core-output.js';
import type { ElectronFacade, WindowHandle } from './electron-facade.js';
import { createKioskWindow, type KioskWindowConfig } from './kiosk-window.js';
import type { KioskHost } from './preload-args.js';
import { RendererRecovery, type RecoveryTiming } from './renderer-recovery.js';
import { errorText, type ShellLog } from './shell-log.js';

/** What the kiosk screen needs. */
export interface KioskScreenDeps {
  /** Electron. */
  facade: ElectronFacade;
  /** How windows are built. */
  config: KioskWindowConfig;
  /** Absolute path of the static out-of-service page. */
  recoveryPage: string;
  /** The per-boot token handed to the page. */
  token: string;
  /** Time source. */
  clock: Clock;
  /** The shell's log. */
  log: ShellLog;
  /** Whether windows may close (only while quitting). */
  closeAllowed: () => boolean;
  /** Overrides of the renderer-recovery thresholds. */
  recoveryTiming?: Partial<RecoveryTiming>;
}

/**
 * Owns the one kiosk window: shows the app of the current core or the out-of-service page, and
 * performs what renderer recovery decides. The WebSocket URL reaches the preload as a launch
 * argument, which cannot change later, so a core on a new port means a new window.
 */
export class KioskScreen {
  private window: WindowHandle | undefined;
  private windowHost: KioskHost | undefined;
  private endpoint: CoreEndpoint | undefined;
  private readonly recovery: RendererRecovery;

  constructor(private readonly deps: KioskScreenDeps) {
    this.recovery = new RendererRecovery(
      {
        reload: () => this.window?.webContents.reload(),
        recreate: () => this.openCurrent(true),
        killRenderer: () => this.window?.webContents.forcefullyCrashRenderer(),
        showOutOfService: () => this.loadOutOfService(),
        retryApp: () => this.openCurrent(true),
      },
      deps.clock,
      deps.log,
      deps.recoveryTiming,
    );
  }

  /** The core the window trusts right now, if any. */
  readonly currentEndpoint = (): CoreEndpoint | undefined => this.endpoint;

  /** Shows the app served by the core at `endpoint`. */
  showApp(endpoint: CoreEndpoint): void {
    this.endpoint = endpoint;
    this.openCurrent(false);
  }

  /** The core went away: its origin is no longer trusted; the page shows its own reconnecting state. */
  coreUnavailable(): void {
    this.endpoint = undefined;
  }

  /** Shows the static out-of-service page (core crash loop). */
  showOutOfService(): void {
    this.endpoint = undefined;
    if (!this.window) this.replaceWindow(undefined);
    this.loadOutOfService();
  }

  /** Brings the window to the front (a second instance was started). */
  focus(): void {
    const win = this.window;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Cancels recovery timers (on quit). */
  dispose(): void {
    this.recovery.dispose();
  }

  private openCurrent(forceNewWindow: boolean): void {
    const endpoint = this.endpoint;
    if (!endpoint) {
      if (forceNewWindow) this.replaceWindow(undefined);
      this.loadOutOfService();
      return;
    }
    const host = { wsUrl: endpoint.wsUrl, token: this.deps.token };
    if (forceNewWindow || !this.window || this.windowHost?.wsUrl !== host.wsUrl)
      this.replaceWindow(host);
    this.window?.loadURL(endpoint.url).catch((error: unknown) => {
      this.deps.log.warn('window.load.failed', { url: endpoint.url, error: errorText(error) });
    });
  }

  private loadOutOfService(): void {
    this.window?.loadFile(this.deps.recoveryPage).catch((error: unknown) => {
      this.deps.log.error('window.recoveryPage.failed', { error: errorText(error) });
    });
  }

  private replaceWindow(host: KioskHost | undefined): void {
    const { facade, config, log, closeAllowed } = this.deps;
    const old = this.window;
    const win = createKioskWindow(facade, config, host, {
      endpoint: this.currentEndpoint,
      closeAllowed,
      log,
    });
    // Events of a window being replaced (its renderer exits as it goes) are not crashes.
    const current = (fn: () => void) => () => {
      if (this.window === win) fn();
    };
    win.webContents.onRenderProcessGone((reason, exitCode) =>
      current(() => this.recovery.onGone(reason, exitCode))(),
    );
    win.onUnresponsive(current(() => this.recovery.onUnresponsive()));
    win.onResponsive(current(() => this.recovery.onResponsive()));
    this.window = win;
    this.windowHost = host;
    // The new window covers the screen before the old one goes, so the desktop never shows.
    if (old && !old.isDestroyed()) old.destroy();
    log.info('window.created', { withHost: host !== undefined });
  }
}
