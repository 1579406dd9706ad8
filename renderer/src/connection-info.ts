/** Where the core's WebSocket is and the per-boot token that opens it. */
export interface ConnectionInfo {
  wsUrl: string;
  token: string;
}

/** The parts of `window` this module reads (a test passes its own). */
export interface HostWindow {
  location: Pick<Location, 'protocol' | 'host' | 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'state' | 'replaceState'>;
  kioskHost?: unknown;
}

const TOKEN = /^[0-9a-fA-F]{1,512}$/;

function fromPreload(host: unknown): ConnectionInfo | undefined {
  if (typeof host !== 'object' || host === null) return undefined;
  const { wsUrl, token } = host as Record<string, unknown>;
  return typeof wsUrl === 'string' && typeof token === 'string' ? { wsUrl, token } : undefined;
}

/**
 * Electron: the preload's `window.kioskHost`. Browser host: `#token=HEX` in the URL, which is
 * then removed from the address bar and history (kept in memory only, so it cannot be read off
 * the screen or the history); the WebSocket is /ws on the page's own host.
 * Undefined when there is no token (e.g. the browser page was reloaded).
 */
export function readConnectionInfo(win: HostWindow): ConnectionInfo | undefined {
  const preload = fromPreload(win.kioskHost);
  if (preload) return preload;
  const { location, history } = win;
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  if (!token || !TOKEN.test(token)) return undefined;
  return { wsUrl: sameHostWsUrl(location), token };
}

/** ws://HOST/ws (wss: under https:) for the page's own host. */
export function sameHostWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
