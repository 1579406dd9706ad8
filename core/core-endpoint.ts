import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a running core can be reached by local tools (the technician CLI). */
export interface CoreEndpoint {
  /** WebSocket URL of the core. */
  readonly wsUrl: string;
  /** The per-boot token. */
  readonly token: string;
  /** The core's process id. */
  readonly pid: number;
}

const FILE = 'core-endpoint.json';

/**
 * Leaves the endpoint in `<dataDir>/core-endpoint.json`, readable by the kiosk user only (0600 in
 * a 0700 folder): local tools of the same user could read the token from the process anyway.
 */
export function writeCoreEndpoint(dataDir: string, endpoint: CoreEndpoint): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, FILE), JSON.stringify(endpoint), { mode: 0o600 });
}

/** Removes the endpoint file at shutdown. */
export function removeCoreEndpoint(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}

/** Reads the endpoint of the core using `dataDir`, or explains why there is none. */
export function readCoreEndpoint(dataDir: string): CoreEndpoint | { problem: string } {
  const file = join(dataDir, FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { problem: `no running kiosk core found (${file} missing or unreadable)` };
  }
  const e = parsed as Partial<CoreEndpoint>;
  if (typeof e.wsUrl !== 'string' || typeof e.token !== 'string' || typeof e.pid !== 'number') {
    return { problem: `${file} is not a core endpoint` };
  }
  return { wsUrl: e.wsUrl, token: e.token, pid: e.pid };
}
