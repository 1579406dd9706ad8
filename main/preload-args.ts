/*
 * How the preload learns where the core is. The main process appends two switches to the
 * renderer's argv (webPreferences.additionalArguments); a sandboxed preload can read process.argv
 * but nothing else of Node, and must not ask the main process over IPC (no IPC surface at all).
 * Dependency-free: the preload bundle must not pull anything in.
 */

/** What the page gets as `window.kioskHost`: nothing else. */
export interface KioskHost {
  /** The core's WebSocket on loopback, e.g. ws://127.0.0.1:8787/ws. */
  readonly wsUrl: string;
  /** The per-boot token the WebSocket handshake presents. */
  readonly token: string;
}

/** The subset of Electron's contextBridge the preload uses. */
export interface ContextBridgeLike {
  /** Copies `api` into the page's world as `window[key]`. */
  exposeInMainWorld(key: string, api: unknown): void;
}

const WS_URL_SWITCH = '--kiosk-ws-url=';
const TOKEN_SWITCH = '--kiosk-token=';
const LOOPBACK_WS = /^ws:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost):\d{1,5}\/ws$/;
const TOKEN = /^[0-9a-f]{64}$/;

/** The renderer switches that carry `host`. */
export function kioskHostArgs(host: KioskHost): string[] {
  return [WS_URL_SWITCH + host.wsUrl, TOKEN_SWITCH + host.token];
}

/** Reads the host info from argv; undefined when absent or malformed. */
export function parseKioskHostArgs(argv: readonly string[]): KioskHost | undefined {
  const value = (prefix: string) =>
    argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const wsUrl = value(WS_URL_SWITCH);
  const token = value(TOKEN_SWITCH);
  if (wsUrl === undefined || token === undefined) return undefined;
  if (!LOOPBACK_WS.test(wsUrl) || !TOKEN.test(token)) return undefined;
  return Object.freeze({ wsUrl, token });
}

/**
 * Exposes `window.kioskHost` = { wsUrl, token } and nothing else. Without valid switches nothing is
 * exposed (the out-of-service page needs none; the app shows its own connection error).
 */
export function exposeKioskHost(bridge: ContextBridgeLike, argv: readonly string[]): boolean {
  const host = parseKioskHostArgs(argv);
  if (!host) return false;
  bridge.exposeInMainWorld('kioskHost', host);
  return true;
}
