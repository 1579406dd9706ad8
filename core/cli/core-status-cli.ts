import WebSocket from 'ws';
import { KioskClient } from '../../contract/index.js';
import type { DeviceStatus, HealthLevel } from '../../contract/index.js';
import { loadConfig } from '../config.js';
import { readCoreEndpoint } from '../core-endpoint.js';

/*
 * The technician CLI's commands that ask the running kiosk core (which owns the ports): `status`
 * and `test <device>`. Exit codes: 0 ok, 1 a device is not ok, 2 usage, 3 no core reachable.
 */

/** Usage lines of these commands. */
export const CORE_TOOLS_USAGE = `  status                      every device's state, reason and counters, from the running core
  test <device> [level]       health check of one device: internal (default), external, interactive`;

const LEVELS: readonly HealthLevel[] = ['internal', 'external', 'interactive'];

/** Connects to the running core named by its endpoint file; undefined (exit code 3) when none answers. */
export async function connect(): Promise<KioskClient | undefined> {
  const endpoint = readCoreEndpoint(loadConfig().dataDir);
  if ('problem' in endpoint) {
    console.error(`${endpoint.problem}; start it with npm start, or use "probe <port>"`);
    process.exitCode = 3;
    return undefined;
  }
  const client = new KioskClient({
    url: endpoint.wsUrl,
    token: endpoint.token,
    createSocket: (url, protocols) => new WebSocket(url, protocols),
  });
  client.start();
  const opened = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 3_000);
    client.onConnection((state) => {
      if (state !== 'open') return;
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (opened) return client;
  client.stop();
  console.error(`the kiosk core at ${endpoint.wsUrl} (pid ${endpoint.pid}) does not answer`);
  process.exitCode = 3;
  return undefined;
}

/** One line per device: id, class, state, reason and class fields. */
export function formatStatus(device: DeviceStatus, counters: Record<string, number>): string {
  const { id, deviceClass, state, reason, ...fields } = device;
  const extra = Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`);
  const counts = Object.entries(counters).map(([k, v]) => `${k}=${v}`);
  return [
    id.padEnd(20),
    deviceClass.padEnd(20),
    (state + (reason ? ` (${reason})` : '')).padEnd(34),
    extra.join(' '),
    counts.length > 0 ? `[${counts.join(' ')}]` : '',
  ]
    .join(' ')
    .trimEnd();
}

/** Prints every device's status and counters. */
export async function status(): Promise<void> {
  const client = await connect();
  if (client === undefined) return;
  try {
    const state = await client.execute('Kiosk.GetState', {});
    const counters = await client.execute('Device.GetCounters', {});
    if (state.kind !== 'completed' || state.completionCode !== 'success') {
      console.error('the core did not answer Kiosk.GetState');
      process.exitCode = 3;
      return;
    }
    const byId = new Map(
      counters.kind === 'completed' && counters.completionCode === 'success'
        ? counters.payload.devices.map((d) => [d.id, d.counters])
        : [],
    );
    console.log(`kiosk ${state.payload.kioskId}`);
    for (const device of state.payload.devices) {
      console.log(formatStatus(device, byId.get(device.id) ?? {}));
    }
    for (const service of state.payload.services) {
      const why = service.available ? 'available' : `unavailable (${service.reason ?? '?'})`;
      console.log(`service ${service.service}: ${why}`);
    }
    if (state.payload.devices.some((d) => d.state !== 'online')) process.exitCode = 1;
  } finally {
    client.stop();
  }
}

/** Runs a health check of one device through the core. */
export async function test(id: string | undefined, level = 'internal'): Promise<void> {
  if (id === undefined || !LEVELS.includes(level as HealthLevel)) {
    console.error(`usage:\n${CORE_TOOLS_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const client = await connect();
  if (client === undefined) return;
  try {
    const result = await client.execute('Device.CheckHealth', {
      id,
      level: level as HealthLevel,
    });
    if (result.kind !== 'completed' || result.completionCode !== 'success') {
      const why = result.kind === 'completed' ? result.errorDescription : result.kind;
      console.error(`${id}: ${why ?? 'no answer'}`);
      process.exitCode = 1;
      return;
    }
    const report = result.payload;
    console.log(
      `${id} ${report.level}: ${report.ok ? 'OK' : 'FAILED'} ${report.code} — ${report.description}`,
    );
    if (!report.ok) process.exitCode = 1;
  } finally {
    client.stop();
  }
}
