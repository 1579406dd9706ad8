/**
 * Reading the core's stdout: chunks → lines → the readiness line. Pure, so the supervisor's tests
 * and these can feed it any byte pattern.
 */

/** Where the running core can be reached. */
export interface CoreEndpoint {
  /** TCP port on the loopback interface. */
  port: number;
  /** The renderer's URL, e.g. http://127.0.0.1:8787/. */
  url: string;
  /** Origin of that URL; the only origin the kiosk window may show. */
  origin: string;
  /** The WebSocket URL, ws://127.0.0.1:PORT/ws (same host as `url`). */
  wsUrl: string;
}

/** What one stdout line turned out to be. */
export type CoreLine =
  | { kind: 'ready'; endpoint: CoreEndpoint }
  | { kind: 'badReady'; reason: string }
  | { kind: 'log' }
  | { kind: 'text' };

/** Splits a stream of text chunks into lines; a line longer than `maxLength` is cut there. */
export class LineSplitter {
  private pending = '';

  constructor(private readonly maxLength = 64 * 1024) {}

  /** Adds a chunk; returns the lines it completed. */
  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    // A runaway line without newline must not grow without bound.
    if (this.pending.length > this.maxLength) {
      parts.push(this.pending.slice(0, this.maxLength));
      this.pending = '';
    }
    return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  }

  /** Returns what is left without a final newline. */
  flush(): string | undefined {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? undefined : rest;
  }
}

/** Classifies one stdout line of the core. */
export function classifyCoreLine(line: string): CoreLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'text' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'text' };
  const record = value as Record<string, unknown>;
  if (record.msg !== 'core.ready') return { kind: 'log' };
  return readyEndpoint(record.port, record.url);
}

/** Loopback host names, as the core's own config allows them (URL.hostname spelling). */
const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/;

function readyEndpoint(port: unknown, url: unknown): CoreLine {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535)
    return { kind: 'badReady', reason: 'port is not a TCP port number' };
  if (typeof url !== 'string') return { kind: 'badReady', reason: 'url is missing' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'badReady', reason: 'url is not a URL' };
  }
  // The window will trust this origin with the camera: only the loopback server we started.
  if (parsed.protocol !== 'http:' || !LOOPBACK_HOST.test(parsed.hostname))
    return { kind: 'badReady', reason: 'url is not http on a loopback address' };
  if (Number(parsed.port) !== port) return { kind: 'badReady', reason: 'url and port disagree' };
  return {
    kind: 'ready',
    endpoint: { port, url: parsed.href, origin: parsed.origin, wsUrl: `ws://${parsed.host}/ws` },
  };
}
