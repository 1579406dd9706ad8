import { join } from 'node:path';
import type { KioskConfig } from './config.js';
import { usesSimulators } from './device-factories.js';
import type { Logger } from './log.js';
import { spawnReady, type ReadyChild } from './ready-child.js';

interface SimReady {
  control: string;
  ports: Record<string, string>;
}

/** The helper processes a core runs beside itself, and where they listen. */
export interface EmbeddedProcesses {
  /** Every child started (stopped with the core). */
  children: ReadyChild<unknown>[];
  /** Device → simulator port (PTY path or tcp:PORT), when simulators run. */
  simulatorPorts: Record<string, string>;
  /** Control API of the simulators, when they run. */
  simControl: string | undefined;
  /** The central platform's base URL: configured, or the embedded reference platform's. */
  platformUrl: string;
}

/**
 * Starts what the configuration says is simulated: the device simulators (any device on
 * "simulator") and the reference platform (`platform.url` "embedded"), each a child process that
 * reports ready with its ports. On a failure the children already started are stopped.
 */
export async function startEmbeddedProcesses(
  config: KioskConfig,
  distDir: string,
  log: Logger,
): Promise<EmbeddedProcesses> {
  const started: EmbeddedProcesses = {
    children: [],
    simulatorPorts: {},
    simControl: undefined,
    platformUrl: config.platform.url,
  };
  try {
    if (usesSimulators(config.devices)) {
      const sims = await spawnReady<SimReady>(
        process.execPath,
        [`${distDir}/sim/sim-host.js`, '--baud', String(simulatorBaud(config))],
        'sim.ready',
        log,
      );
      started.children.push(sims);
      started.simulatorPorts = sims.ready.ports;
      started.simControl = sims.ready.control;
      log.info(
        { simControl: started.simControl, ports: started.simulatorPorts },
        'simulators.ready',
      );
    }
    if (config.platform.url === 'embedded') {
      const platform = await spawnReady<{ url: string }>(
        process.execPath,
        [
          `${distDir}/platform-sim/platform-sim.js`,
          '--data-dir',
          join(config.dataDir, 'platform-sim'),
        ],
        'platform.ready',
        log,
      );
      started.children.push(platform);
      started.platformUrl = platform.ready.url;
    }
    return started;
  } catch (error) {
    await Promise.all(started.children.map((child) => child.stop()));
    throw error;
  }
}

/** The rate the embedded reader simulator runs at: the configured one, 115200 under "auto". */
function simulatorBaud(config: KioskConfig): number {
  const baud = config.devices.idCardReader.baud;
  return baud === 'auto' ? 115_200 : baud;
}
