/**
 * The exact part of Electron the shell uses, as plain interfaces. The shell depends only on this;
 * `electron-facade.real.ts` adapts Electron to it and tests pass a fake. Keeping it narrow is the
 * point: every Electron API the shell touches is listed here and nowhere else.
 */

/** An event whose default action can be cancelled (navigation, key press, window close, quit). */
export interface Preventable {
  /** Cancels the default action. */
  preventDefault(): void;
}

/** A rectangle in screen coordinates. */
export interface Rect {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width. */
  width: number;
  /** Height. */
  height: number;
}

/**
 * The renderer settings of the kiosk window. The literal types make an insecure value a compile
 * error, not a review comment.
 */
export interface SecureWebPreferences {
  /** Preload and page run in separate JavaScript worlds. */
  contextIsolation: true;
  /** The renderer runs in Chromium's OS sandbox. */
  sandbox: true;
  /** No Node.js in the page. */
  nodeIntegration: false;
  /** Same-origin policy stays on. */
  webSecurity: true;
  /** No http content inside an https page. */
  allowRunningInsecureContent: false;
  /** No experimental Blink features. */
  experimentalFeatures: false;
  /** No <webview> elements. */
  webviewTag: false;
  /** No spellchecker (it downloads dictionaries and underlines citizens' names). */
  spellcheck: false;
  /** Developer tools; only with KIOSK_DEVTOOLS=1. */
  devTools: boolean;
  /** Absolute path of the bundled preload (CommonJS). */
  preload: string;
  /** Extra argv for the renderer: how the preload learns the WebSocket URL and token. */
  additionalArguments: string[];
}

/** Options of the kiosk BrowserWindow (a subset of BrowserWindowConstructorOptions). */
export interface KioskWindowOptions {
  /** Electron kiosk mode (fullscreen, no way out from the app). */
  kiosk: boolean;
  /** Fullscreen. */
  fullscreen: boolean;
  /** Window frame and title bar. */
  frame: boolean;
  /** Hides the menu bar. */
  autoHideMenuBar: boolean;
  /** Stays above other windows. */
  alwaysOnTop: boolean;
  /** Shown at creation: the background colour covers the desktop while the page loads. */
  show: boolean;
  /** Painted before the page loads. */
  backgroundColor: string;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width. */
  width: number;
  /** Height. */
  height: number;
  /** Renderer settings. */
  webPreferences: SecureWebPreferences;
}

/** A key press as Electron's before-input-event reports it. */
export interface KeyInput {
  /** 'keyDown' or 'keyUp'. */
  type: string;
  /** KeyboardEvent.key. */
  key: string;
  /** KeyboardEvent.code. */
  code: string;
  /** Shift held. */
  shift: boolean;
  /** Control held. */
  control: boolean;
  /** Alt held. */
  alt: boolean;
  /** Meta (Cmd/Win) held. */
  meta: boolean;
}

/** Why a renderer process went away (RenderProcessGoneDetails.reason). */
export type RenderGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** The webContents of the kiosk window. */
export interface WebContentsHandle {
  /** Reloads the current page. */
  reload(): void;
  /** Kills a hung renderer (Electron then emits render-process-gone). */
  forcefullyCrashRenderer(): void;
  /** Limits pinch zoom. */
  setVisualZoomLevelLimits(min: number, max: number): Promise<void>;
  /** Sets the page zoom level (0 = 100 %). */
  setZoomLevel(level: number): void;
  /** Decides about window.open and target=_blank; the kiosk always denies. */
  setWindowOpenHandler(handler: (url: string) => { action: 'deny' }): void;
  /** A page-initiated navigation of the main frame is about to happen. */
  onWillNavigate(listener: (event: Preventable, url: string) => void): void;
  /** A server redirect is about to happen. */
  onWillRedirect(listener: (event: Preventable, url: string) => void): void;
  /** A key is about to reach the page. */
  onBeforeInput(listener: (event: Preventable, input: KeyInput) => void): void;
  /** A page finished loading (zoom limits are per renderer process: set them again). */
  onDidFinishLoad(listener: () => void): void;
  /** The page zoom was changed (Ctrl+wheel). */
  onZoomChanged(listener: () => void): void;
  /** The renderer process is gone. */
  onRenderProcessGone(listener: (reason: RenderGoneReason, exitCode: number) => void): void;
}

/** The kiosk BrowserWindow. */
export interface WindowHandle {
  /** Its webContents. */
  readonly webContents: WebContentsHandle;
  /** Loads a URL (rejects when the load fails). */
  loadURL(url: string): Promise<void>;
  /** Loads a local file. */
  loadFile(path: string): Promise<void>;
  /** Removes the window's menu and its accelerators. */
  removeMenu(): void;
  /** Shows the window. */
  show(): void;
  /** Focuses the window. */
  focus(): void;
  /** Restores the window from minimised. */
  restore(): void;
  /** Whether it is minimised. */
  isMinimized(): boolean;
  /** Whether it was destroyed. */
  isDestroyed(): boolean;
  /** Destroys it without a close event. */
  destroy(): void;
  /** The window is about to close (cancellable). */
  onClose(listener: (event: Preventable) => void): void;
  /** The page stopped responding. */
  onUnresponsive(listener: () => void): void;
  /** The page responds again. */
  onResponsive(listener: () => void): void;
}

/** What a permission request carries (PermissionRequest + MediaAccessPermissionRequest). */
export interface PermissionRequestInfo {
  /** URL of the requesting frame. */
  requestingUrl: string;
  /** Whether the main frame asked. */
  isMainFrame: boolean;
  /** For 'media': which devices ('video' = camera, 'audio' = microphone). */
  mediaTypes?: ReadonlyArray<'video' | 'audio'>;
}

/** What a permission check carries (PermissionCheckHandlerHandlerDetails). */
export interface PermissionCheckInfo {
  /** Whether the main frame asked. */
  isMainFrame: boolean;
  /** For 'media': the device kind. */
  mediaType?: 'video' | 'audio' | 'unknown';
}

/** Response headers by name, as Electron's webRequest gives them. */
export type ResponseHeaders = Record<string, string[]>;

/** The default session of the kiosk window. */
export interface SessionHandle {
  /** Answers permission requests (getUserMedia, notifications, geolocation …). */
  setPermissionRequestHandler(
    handler: (
      permission: string,
      info: PermissionRequestInfo,
      grant: (ok: boolean) => void,
    ) => void,
  ): void;
  /** Answers synchronous permission checks. */
  setPermissionCheckHandler(
    handler: (permission: string, requestingOrigin: string, info: PermissionCheckInfo) => boolean,
  ): void;
  /** Rewrites response headers of every request. */
  onHeadersReceived(
    listener: (
      url: string,
      headers: ResponseHeaders,
      respond: (headers: ResponseHeaders) => void,
    ) => void,
  ): void;
}

/** The core process as the shell sees it. */
export interface ChildProcessHandle {
  /** OS process id, once spawned. */
  readonly pid: number | undefined;
  /** Text the process wrote to stdout. */
  onStdout(listener: (chunk: string) => void): void;
  /** Text the process wrote to stderr. */
  onStderr(listener: (chunk: string) => void): void;
  /** The process ended; `code` is null when a signal ended it. */
  onExit(listener: (code: number | null) => void): void;
  /** Asks it to stop (SIGTERM on POSIX). */
  terminate(): void;
  /** Kills it (SIGKILL on POSIX). */
  forceKill(): void;
  /**
   * Sends a structured-clone message to the process's `process.parentPort` (utilityProcess
   * postMessage). Messages sent right after the fork are queued until the child listens.
   */
  postMessage(message: unknown): void;
}

/** The app object: lifecycle and single instance. */
export interface AppHandle {
  /** Resolves when Electron is ready. */
  whenReady(): Promise<void>;
  /** Takes the single-instance lock; false when another instance holds it. */
  requestSingleInstanceLock(): boolean;
  /** Another instance was started (and will quit). */
  onSecondInstance(listener: () => void): void;
  /** Every window closed. */
  onWindowAllClosed(listener: () => void): void;
  /** The app is about to quit (cancellable, to stop the core first). */
  onBeforeQuit(listener: (event: Preventable) => void): void;
  /** Quits (emits before-quit). */
  quit(): void;
  /** Removes the application menu and with it the default reload/devtools/zoom accelerators. */
  removeApplicationMenu(): void;
  /** A well-known directory ('userData' holds the kiosk's data by default). */
  getPath(name: 'userData'): string;
}

/** What `decryptString` gives back. */
export interface UnwrappedString {
  /** The plain text. */
  text: string;
  /** The OS rotated its key: wrap the text again and store the new bytes. */
  shouldReEncrypt: boolean;
}

/**
 * Electron's safeStorage (its asynchronous API; the synchronous one is deprecated): strings
 * wrapped by the OS secret store — DPAPI on Windows, the Keychain on macOS, the keyring (libsecret
 * or kwallet) on Linux. Only valid once the app is ready.
 */
export interface SafeStorageHandle {
  /** Whether the OS offers encryption (isAsyncEncryptionAvailable). */
  isEncryptionAvailable(): Promise<boolean>;
  /**
   * Linux only (undefined elsewhere): which secret store Electron selected (getSelectedStorageBackend).
   * 'basic_text' means none: strings are "wrapped" with a password hard-coded in Chromium.
   */
  readonly selectedBackend: (() => string) | undefined;
  /** Wraps a string (encryptStringAsync); rejects when the secret store fails. */
  encryptString(plainText: string): Promise<Buffer>;
  /** Unwraps what encryptString produced (decryptStringAsync); rejects when it cannot. */
  decryptString(encrypted: Buffer): Promise<UnwrappedString>;
}

/** Everything the shell needs from Electron. */
export interface ElectronFacade {
  /** App lifecycle. */
  readonly app: AppHandle;
  /** Creates a BrowserWindow. */
  createWindow(options: KioskWindowOptions): WindowHandle;
  /** The default session (only valid once the app is ready). */
  defaultSession(): SessionHandle;
  /** powerSaveBlocker.start('prevent-display-sleep'); returns its id. */
  preventDisplaySleep(): number;
  /** powerSaveBlocker.stop(id). */
  allowDisplaySleep(id: number): void;
  /** Bounds of the primary display (only valid once the app is ready). */
  primaryDisplayBounds(): Rect;
  /** Starts a Node module as a child process with piped stdout/stderr (utilityProcess.fork). */
  forkProcess(modulePath: string, env: Record<string, string>): ChildProcessHandle;
  /** The OS secret store (only valid once the app is ready). */
  readonly safeStorage: SafeStorageHandle;
}
