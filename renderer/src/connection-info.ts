/** Where the core's WebSocket is and the per-boot token that opens it. */
export interface ConnectionInfo {
  wsUrl: string;
  token: string;
}

/** The parts of `window` this module reads (a test passes its own). */
export interface HostWindow {
  location: Pick<Location, 'protocol' | 'host' | 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'state' | 'replaceState'>;
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  kioskHost?: unknown;
}

const STORAGE_KEY = 'kiosk.token';

const TOKEN = /^[0-9a-fA-F]{1,512}$/;

function fromPreload(host: unknown): ConnectionInfo | undefined {
  if (typeof host !== 'object' || host === null) return undefined;
  const { wsUrl, token } = host as Record<string, unknown>;
  return typeof wsUrl === 'string' && typeof token === 'string' ? { wsUrl, token } : undefined;
}

/**
 * Electron: the preload's `window.kioskHost`. Browser host: `#token=HEX` in the URL, which is
 * then removed from the address bar and history, and kept in this tab's sessionStorage so a
 * reload (F5, crash recovery) reconnects; the WebSocket is /ws on the page's own host.
 * Undefined when there is no token.
 */
export function readConnectionInfo(win: HostWindow): ConnectionInfo | undefined {
  const preload = fromPreload(win.kioskHost);
  if (preload) return preload;
  const { location, history } = win;
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  const token = fromHash ?? win.sessionStorage?.getItem(STORAGE_KEY) ?? null;
  if (!token || !TOKEN.test(token)) return undefined;
  if (fromHash) win.sessionStorage?.setItem(STORAGE_KEY, token);
  return { wsUrl: sameHostWsUrl(location), token };
}

/** ws://HOST/ws (wss: under https:) for the page's own host. */
export function sameHostWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
