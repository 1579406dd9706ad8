import { isBlockedKey } from './blocked-keys.js';
import type { ElectronFacade, KioskWindowOptions, Rect, WindowHandle } from './electron-facade.js';
import { kioskHostArgs, type KioskHost } from './preload-args.js';
import { isCoreOrigin, type EndpointSource } from './session-policy.js';
import type { ShellLog } from './shell-log.js';

/** Painted before the first frame, so a reload never flashes white. */
export const KIOSK_BACKGROUND = '#102a43';

/** Size of the development window (KIOSK_WINDOWED=1). */
const WINDOWED_SIZE = { width: 1280, height: 800 };

/** How the kiosk window is built. */
export interface KioskWindowConfig {
  /** Absolute path of the bundled preload. */
  preloadPath: string;
  /** Allow developer tools (KIOSK_DEVTOOLS=1). */
  devTools: boolean;
  /** A normal window instead of kiosk mode (KIOSK_WINDOWED=1). */
  windowed: boolean;
  /** The display to cover. */
  display: Rect;
}

/** What the window's guards consult at event time. */
export interface WindowGuardDeps {
  /** The core currently running (its origin is the only one allowed). */
  endpoint: EndpointSource;
  /** Whether closing is allowed (only while the app quits). */
  closeAllowed: () => boolean;
  /** The shell's log. */
  log: ShellLog;
}

/** BrowserWindow options of the kiosk window; `host` undefined gives a page no kioskHost. */
export function kioskWindowOptions(
  config: KioskWindowConfig,
  host: KioskHost | undefined,
): KioskWindowOptions {
  const { display, windowed } = config;
  return {
    kiosk: !windowed,
    fullscreen: !windowed,
    frame: windowed,
    autoHideMenuBar: true,
    alwaysOnTop: !windowed,
    show: true,
    backgroundColor: KIOSK_BACKGROUND,
    x: display.x,
    y: display.y,
    width: windowed ? Math.min(WINDOWED_SIZE.width, display.width) : display.width,
    height: windowed ? Math.min(WINDOWED_SIZE.height, display.height) : display.height,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: config.devTools,
      preload: config.preloadPath,
      additionalArguments: host ? kioskHostArgs(host) : [],
    },
  };
}

function originForLog(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid-url';
  }
}

/**
 * Locks the window down: navigation only within the core's origin, no new windows, no reload /
 * devtools / zoom / print keys, no pinch or Ctrl+wheel zoom, no closing except on quit.
 */
export function guardWindow(win: WindowHandle, config: KioskWindowConfig, deps: WindowGuardDeps) {
  const { webContents: wc } = win;
  const { log } = deps;
  const guardNavigation = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isCoreOrigin(url, deps.endpoint())) return;
    event.preventDefault();
    log.warn('window.navigation.blocked', { kind, origin: originForLog(url) });
  };
  wc.onWillNavigate(guardNavigation('navigate'));
  wc.onWillRedirect(guardNavigation('redirect'));
  wc.setWindowOpenHandler((url) => {
    log.warn('window.open.blocked', { origin: originForLog(url) });
    return { action: 'deny' };
  });
  wc.onBeforeInput((event, input) => {
    if (isBlockedKey(input, config.devTools)) event.preventDefault();
  });
  const limitZoom = () => {
    wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  };
  limitZoom();
  wc.onDidFinishLoad(limitZoom);
  wc.onZoomChanged(() => wc.setZoomLevel(0));
  win.onClose((event) => {
    if (!deps.closeAllowed()) event.preventDefault();
  });
}

/** Creates the kiosk window, locked down, not yet loaded. */
export function createKioskWindow(
  facade: ElectronFacade,
  config: KioskWindowConfig,
  host: KioskHost | undefined,
  deps: WindowGuardDeps,
): WindowHandle {
  const win = facade.createWindow(kioskWindowOptions(config, host));
  win.removeMenu();
  guardWindow(win, config, deps);
  return win;
}
