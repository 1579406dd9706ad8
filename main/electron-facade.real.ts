import {
  app,
  BrowserWindow,
  Menu,
  powerSaveBlocker,
  safeStorage,
  screen,
  session,
  utilityProcess,
} from 'electron';
import type { Session, UtilityProcess, WebContents } from 'electron';
import type {
  ChildProcessHandle,
  ElectronFacade,
  SafeStorageHandle,
  SessionHandle,
  WindowHandle,
  WebContentsHandle,
} from './electron-facade.js';

/*
 * The only module that loads Electron at runtime. Each method forwards to one Electron call; any
 * logic here would escape the unit tests, so there is none beyond argument reshaping.
 */

function adaptWebContents(wc: WebContents): WebContentsHandle {
  return {
    reload: () => wc.reload(),
    forcefullyCrashRenderer: () => wc.forcefullyCrashRenderer(),
    setVisualZoomLevelLimits: (min, max) => wc.setVisualZoomLevelLimits(min, max),
    setZoomLevel: (level) => wc.setZoomLevel(level),
    setWindowOpenHandler: (handler) => wc.setWindowOpenHandler((details) => handler(details.url)),
    onWillNavigate: (listener) => wc.on('will-navigate', (event) => listener(event, event.url)),
    onWillRedirect: (listener) => wc.on('will-redirect', (event) => listener(event, event.url)),
    onBeforeInput: (listener) =>
      wc.on('before-input-event', (event, input) => listener(event, input)),
    onDidFinishLoad: (listener) => wc.on('did-finish-load', () => listener()),
    onZoomChanged: (listener) => wc.on('zoom-changed', () => listener()),
    onRenderProcessGone: (listener) =>
      wc.on('render-process-gone', (_event, details) => listener(details.reason, details.exitCode)),
  };
}

function adaptWindow(win: BrowserWindow): WindowHandle {
  return {
    webContents: adaptWebContents(win.webContents),
    loadURL: (url) => win.loadURL(url),
    loadFile: (path) => win.loadFile(path),
    removeMenu: () => win.removeMenu(),
    show: () => win.show(),
    focus: () => win.focus(),
    restore: () => win.restore(),
    isMinimized: () => win.isMinimized(),
    isDestroyed: () => win.isDestroyed(),
    destroy: () => win.destroy(),
    onClose: (listener) => win.on('close', listener),
    onUnresponsive: (listener) => win.on('unresponsive', listener),
    onResponsive: (listener) => win.on('responsive', listener),
  };
}

function adaptSession(ses: Session): SessionHandle {
  return {
    setPermissionRequestHandler: (handler) =>
      ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
        handler(
          permission,
          {
            requestingUrl: details.requestingUrl,
            isMainFrame: details.isMainFrame,
            ...('mediaTypes' in details && details.mediaTypes
              ? { mediaTypes: details.mediaTypes }
              : {}),
          },
          callback,
        ),
      ),
    setPermissionCheckHandler: (handler) =>
      ses.setPermissionCheckHandler((_wc, permission, origin, details) =>
        handler(permission, origin, {
          isMainFrame: details.isMainFrame,
          ...(details.mediaType ? { mediaType: details.mediaType } : {}),
        }),
      ),
    onHeadersReceived: (listener) =>
      ses.webRequest.onHeadersReceived((details, callback) =>
        listener(details.url, details.responseHeaders ?? {}, (responseHeaders) =>
          callback({ responseHeaders }),
        ),
      ),
  };
}

function adaptChild(child: UtilityProcess): ChildProcessHandle {
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  return {
    get pid() {
      return child.pid;
    },
    onStdout: (listener) => child.stdout?.on('data', (chunk: string) => listener(chunk)),
    onStderr: (listener) => child.stderr?.on('data', (chunk: string) => listener(chunk)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    terminate: () => child.kill(),
    // utilityProcess.kill() only sends SIGTERM; the hard stop goes through the pid.
    forceKill: () => {
      if (child.pid === undefined) return;
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
    postMessage: (message) => child.postMessage(message),
  };
}

function adaptSafeStorage(): SafeStorageHandle {
  return {
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    selectedBackend:
      process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
    encryptString: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptString: async (encrypted) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { text: result, shouldReEncrypt };
    },
  };
}

/** Electron, seen through the facade. */
export function createRealFacade(): ElectronFacade {
  return {
    app: {
      whenReady: () => app.whenReady(),
      requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
      onSecondInstance: (listener) => app.on('second-instance', () => listener()),
      onWindowAllClosed: (listener) => app.on('window-all-closed', listener),
      onBeforeQuit: (listener) => app.on('before-quit', listener),
      quit: () => app.quit(),
      removeApplicationMenu: () => Menu.setApplicationMenu(null),
      getPath: (name) => app.getPath(name),
    },
    createWindow: (options) => adaptWindow(new BrowserWindow(options)),
    defaultSession: () => adaptSession(session.defaultSession),
    preventDisplaySleep: () => powerSaveBlocker.start('prevent-display-sleep'),
    allowDisplaySleep: (id) => powerSaveBlocker.stop(id),
    primaryDisplayBounds: () => screen.getPrimaryDisplay().bounds,
    forkProcess: (modulePath, env) =>
      adaptChild(
        utilityProcess.fork(modulePath, [], { env, stdio: 'pipe', serviceName: 'kiosk-core' }),
      ),
    safeStorage: adaptSafeStorage(),
  };
}
