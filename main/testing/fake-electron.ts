import type {
  AppHandle,
  ChildProcessHandle,
  ElectronFacade,
  KeyInput,
  KioskWindowOptions,
  PermissionCheckInfo,
  PermissionRequestInfo,
  Preventable,
  Rect,
  RenderGoneReason,
  ResponseHeaders,
  SessionHandle,
  WebContentsHandle,
  WindowHandle,
} from '../electron-facade.js';
import { keyInput } from './fixtures.js';
import { FakeSafeStorage } from './fake-safe-storage.js';

/** A list of listeners that a test can fire. */
class Listeners<Args extends unknown[]> {
  private readonly fns: ((...args: Args) => void)[] = [];
  add(fn: (...args: Args) => void): void {
    this.fns.push(fn);
  }
  emit(...args: Args): void {
    for (const fn of [...this.fns]) fn(...args);
  }
}

/** Fires a cancellable event; returns whether a listener cancelled it. */
function firePreventable<Rest extends unknown[]>(
  listeners: Listeners<[Preventable, ...Rest]>,
  ...rest: Rest
): boolean {
  let prevented = false;
  listeners.emit({ preventDefault: () => (prevented = true) }, ...rest);
  return prevented;
}

/** A webContents that records calls and lets tests fire its events. */
export class FakeWebContents implements WebContentsHandle {
  /** reload() calls. */
  reloads = 0;
  /** forcefullyCrashRenderer() calls. */
  crashesForced = 0;
  /** setVisualZoomLevelLimits() arguments. */
  zoomLimits: [number, number][] = [];
  /** setZoomLevel() arguments. */
  zoomLevels: number[] = [];
  /** The installed window-open handler. */
  openHandler: ((url: string) => { action: 'deny' }) | undefined;
  /** will-navigate listeners. */
  readonly willNavigate = new Listeners<[Preventable, string]>();
  /** will-redirect listeners. */
  readonly willRedirect = new Listeners<[Preventable, string]>();
  /** before-input-event listeners. */
  readonly beforeInput = new Listeners<[Preventable, KeyInput]>();
  /** did-finish-load listeners. */
  readonly didFinishLoad = new Listeners<[]>();
  /** zoom-changed listeners. */
  readonly zoomChanged = new Listeners<[]>();
  /** render-process-gone listeners. */
  readonly gone = new Listeners<[RenderGoneReason, number]>();

  reload = () => void this.reloads++;
  forcefullyCrashRenderer = () => void this.crashesForced++;
  setVisualZoomLevelLimits = (min: number, max: number) => {
    this.zoomLimits.push([min, max]);
    return Promise.resolve();
  };
  setZoomLevel = (level: number) => void this.zoomLevels.push(level);
  setWindowOpenHandler = (handler: (url: string) => { action: 'deny' }) =>
    void (this.openHandler = handler);
  onWillNavigate = (l: (e: Preventable, url: string) => void) => this.willNavigate.add(l);
  onWillRedirect = (l: (e: Preventable, url: string) => void) => this.willRedirect.add(l);
  onBeforeInput = (l: (e: Preventable, input: KeyInput) => void) => this.beforeInput.add(l);
  onDidFinishLoad = (l: () => void) => this.didFinishLoad.add(l);
  onZoomChanged = (l: () => void) => this.zoomChanged.add(l);
  onRenderProcessGone = (l: (reason: RenderGoneReason, code: number) => void) => this.gone.add(l);

  /** A page-initiated navigation; true when the shell cancelled it. */
  navigate(url: string): boolean {
    return firePreventable(this.willNavigate, url);
  }
  /** A server redirect; true when the shell cancelled it. */
  redirect(url: string): boolean {
    return firePreventable(this.willRedirect, url);
  }
  /** A key press; true when the shell swallowed it. */
  press(input: Partial<KeyInput> & { key: string }): boolean {
    return firePreventable(this.beforeInput, keyInput(input));
  }
}

/** A BrowserWindow that records calls and lets tests fire its events. */
export class FakeWindow implements WindowHandle {
  /** Its webContents. */
  readonly webContents = new FakeWebContents();
  /** URLs and `file:` paths loaded, in order. */
  loaded: string[] = [];
  /** Whether removeMenu() was called. */
  menuRemoved = false;
  /** show() calls. */
  shown = 0;
  /** focus() calls. */
  focused = 0;
  /** restore() calls. */
  restored = 0;
  /** What isMinimized() answers. */
  minimized = false;
  /** Whether destroy() was called. */
  destroyed = false;
  /** close listeners. */
  readonly close = new Listeners<[Preventable]>();
  /** unresponsive listeners. */
  readonly unresponsive = new Listeners<[]>();
  /** responsive listeners. */
  readonly responsive = new Listeners<[]>();

  constructor(readonly options: KioskWindowOptions) {}

  loadURL = (url: string) => (this.loaded.push(url), Promise.resolve());
  loadFile = (path: string) => (this.loaded.push(`file:${path}`), Promise.resolve());
  removeMenu = () => void (this.menuRemoved = true);
  show = () => void this.shown++;
  focus = () => void this.focused++;
  restore = () => void this.restored++;
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  destroy = () => void (this.destroyed = true);
  onClose = (l: (e: Preventable) => void) => this.close.add(l);
  onUnresponsive = (l: () => void) => this.unresponsive.add(l);
  onResponsive = (l: () => void) => this.responsive.add(l);

  /** Tries to close the window; true when the shell refused. */
  tryClose(): boolean {
    return firePreventable(this.close);
  }
  /** The last thing loaded. */
  get current(): string | undefined {
    return this.loaded[this.loaded.length - 1];
  }
}

type RequestHandler = (p: string, i: PermissionRequestInfo, grant: (ok: boolean) => void) => void;
type CheckHandler = (p: string, origin: string, i: PermissionCheckInfo) => boolean;
type HeadersListener = (
  url: string,
  h: ResponseHeaders,
  respond: (h: ResponseHeaders) => void,
) => void;

/** A session that keeps the handlers the shell installs. */
export class FakeSession implements SessionHandle {
  /** The permission request handler. */
  requestHandler: RequestHandler | undefined;
  /** The permission check handler. */
  checkHandler: CheckHandler | undefined;
  /** The onHeadersReceived listener. */
  headersListener: HeadersListener | undefined;
  setPermissionRequestHandler = (h: RequestHandler) => void (this.requestHandler = h);
  setPermissionCheckHandler = (h: CheckHandler) => void (this.checkHandler = h);
  onHeadersReceived = (l: HeadersListener) => void (this.headersListener = l);

  /** Asks for a permission the way Chromium does; resolves with the answer. */
  request(permission: string, info: PermissionRequestInfo): boolean | undefined {
    let answer: boolean | undefined;
    this.requestHandler?.(permission, info, (ok) => (answer = ok));
    return answer;
  }
}

/** A core process a test drives: stdout lines, exit codes. */
export class FakeChild implements ChildProcessHandle {
  /** terminate() (SIGTERM) calls. */
  terminated = 0;
  /** forceKill() (SIGKILL) calls. */
  killed = 0;
  /** Messages posted to it, in order. */
  readonly posted: unknown[] = [];
  /** When set, postMessage() throws it (the process is already gone). */
  postError: Error | undefined;
  private readonly out = new Listeners<[string]>();
  private readonly err = new Listeners<[string]>();
  private readonly exited = new Listeners<[number | null]>();

  constructor(readonly pid: number) {}

  onStdout = (l: (chunk: string) => void) => this.out.add(l);
  onStderr = (l: (chunk: string) => void) => this.err.add(l);
  onExit = (l: (code: number | null) => void) => this.exited.add(l);
  terminate = () => void this.terminated++;
  forceKill = () => void this.killed++;
  postMessage = (message: unknown) => {
    if (this.postError) throw this.postError;
    this.posted.push(message);
  };

  /** The core writes to stdout. */
  stdout(text: string): void {
    this.out.emit(text);
  }
  /** The core writes to stderr. */
  stderr(text: string): void {
    this.err.emit(text);
  }
  /** The core announces readiness on `port`. */
  ready(port: number): void {
    this.stdout(
      JSON.stringify({ level: 30, msg: 'core.ready', port, url: `http://127.0.0.1:${port}/` }) +
        '\n',
    );
  }
  /** The core ends. */
  exit(code: number | null): void {
    this.exited.emit(code);
  }
}

/** The app object: lock, lifecycle events, quit. */
export class FakeApp implements AppHandle {
  /** What requestSingleInstanceLock() answers. */
  lockAvailable = true;
  /** quit() calls. */
  quits = 0;
  /** Whether removeApplicationMenu() was called. */
  menuRemoved = false;
  /** second-instance listeners. */
  readonly secondInstance = new Listeners<[]>();
  /** window-all-closed listeners. */
  readonly windowAllClosed = new Listeners<[]>();
  /** before-quit listeners. */
  readonly beforeQuit = new Listeners<[Preventable]>();

  whenReady = () => Promise.resolve();
  requestSingleInstanceLock = () => this.lockAvailable;
  onSecondInstance = (l: () => void) => this.secondInstance.add(l);
  onWindowAllClosed = (l: () => void) => this.windowAllClosed.add(l);
  onBeforeQuit = (l: (e: Preventable) => void) => this.beforeQuit.add(l);
  quit = () => {
    this.quits++;
    firePreventable(this.beforeQuit);
  };
  removeApplicationMenu = () => void (this.menuRemoved = true);
  /** What getPath('userData') answers. */
  userData = '/home/kiosk/.config/kiosk/userData';
  getPath = (_name: 'userData') => this.userData;
}

/** An in-memory Electron that records what the shell did. */
export class FakeElectron implements ElectronFacade {
  /** The app. */
  readonly app = new FakeApp();
  /** The default session. */
  readonly session = new FakeSession();
  /** Windows created, oldest first. */
  readonly windows: FakeWindow[] = [];
  /** Core processes started, oldest first. */
  readonly children: FakeChild[] = [];
  /** Arguments of every forkProcess() call. */
  readonly forks: { modulePath: string; env: Record<string, string> }[] = [];
  /** Active powerSaveBlocker ids. */
  blockers: number[] = [];
  /** What primaryDisplayBounds() answers. */
  display: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
  /** The OS secret store (replace it to share one "keyring" between two shells). */
  safeStorage = new FakeSafeStorage();

  createWindow = (options: KioskWindowOptions) => {
    const win = new FakeWindow(options);
    this.windows.push(win);
    return win;
  };
  defaultSession = () => this.session;
  preventDisplaySleep = () => (this.blockers.push(7), 7);
  allowDisplaySleep = (id: number) => void (this.blockers = this.blockers.filter((b) => b !== id));
  primaryDisplayBounds = () => this.display;
  forkProcess = (modulePath: string, env: Record<string, string>) => {
    const child = new FakeChild(1000 + this.children.length);
    this.forks.push({ modulePath, env });
    this.children.push(child);
    return child;
  };

  /** The newest window. */
  get window(): FakeWindow | undefined {
    return this.windows[this.windows.length - 1];
  }
  /** The newest core process. */
  get child(): FakeChild | undefined {
    return this.children[this.children.length - 1];
  }
}
