import { IdCardReader } from '../devices/index.js';
import type { KioskDevice } from '../devices/index.js';
import type { CounterStore } from './counter-store.js';
import type { DevicesConfig } from './device-config.js';
import { SIMULATED_PORT } from './device-config.js';
import type { Logger } from './log.js';
import { RendererCamera } from './renderer-camera.js';

/** Where each simulated device is reachable, from sim-host's ready line. */
export type SimulatorPorts = Readonly<Record<string, string>>;

/** What device construction needs besides the configuration. */
export interface DeviceContext {
  /** Ports of the embedded simulators, for devices configured as "simulator". */
  readonly simulatorPorts: SimulatorPorts;
  /** Persisted counters. */
  readonly counters: CounterStore;
  /** Core log; devices log through it without personal data. */
  readonly log: Logger;
}

/** The devices the kiosk core owns, built from configuration. */
export interface BuiltDevices {
  /** The ID-card reader (every kiosk has one). */
  readonly idCardReader: IdCardReader;
  /** The camera, owned by the renderer, if installed. */
  readonly camera: RendererCamera | undefined;
  /** All of them, for the device manager. */
  readonly all: KioskDevice[];
}

/** Resolves "simulator" to the embedded simulator's port for `device`. */
export function resolvePort(port: string, device: string, ports: SimulatorPorts): string {
  if (port !== SIMULATED_PORT) return port;
  const simulated = ports[device];
  if (simulated === undefined) throw new Error(`no simulator port for ${device}`);
  return simulated;
}

/** Builds every configured device. */
export function buildDevices(config: DevicesConfig, ctx: DeviceContext): BuiltDevices {
  const deviceLog =
    (device: string) => (entry: { event: string; detail?: Readonly<Record<string, unknown>> }) =>
      ctx.log.info({ device, ...entry.detail }, entry.event);
  const reader = config.idCardReader;
  const idCardReader = new IdCardReader({
    port: resolvePort(reader.port, 'idCardReader', ctx.simulatorPorts),
    baudRate: reader.baud,
    pollIntervalMs: reader.pollIntervalMs,
    counters: ctx.counters.countersFor('idCardReader'),
    log: deviceLog('idCardReader'),
  });
  const camera = config.camera.installed
    ? new RendererCamera('camera', ctx.counters.countersFor('camera'))
    : undefined;
  const all: KioskDevice[] = [idCardReader, ...(camera ? [camera] : [])];
  return { idCardReader, camera, all };
}

/** True when any configured device runs against the embedded simulators. */
export function usesSimulators(config: DevicesConfig): boolean {
  return config.idCardReader.port === SIMULATED_PORT;
}
