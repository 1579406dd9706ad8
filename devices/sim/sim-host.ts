import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError, intFlag, parseArgs } from './args.js';
import { startControlServer } from './control-server.js';
import { idCardSimDevice } from './idcard-sim-device.js';
import { startPtyLink } from './pty-link.js';
import { readSimCardFile } from './sim-card.js';
import { SIMULATED_DEVICES } from './simulated-devices.js';
import type { SimulatedDevice } from './simulated-device.js';
import { serveSimulatorOverTcp } from './tcp-sim-server.js';

const USAGE = `usage: sim-host [--control-port 0] [--transport pty|tcp] [--tcp-port 0] [--baud 115200] [--card card.json] [--fault name]
Starts every device simulator (${Object.keys(SIMULATED_DEVICES).join(', ')}) and a control API on
127.0.0.1, then prints one JSON line:
{"event":"sim.ready","control":"http://127.0.0.1:PORT","ports":{"idCardReader":"<pty path or tcp:127.0.0.1:PORT>",…}}
--baud, --card and --fault apply to the ID-card reader; --tcp-port to its TCP port (others: any free port).`;

/** Options of the simulator host. */
export interface SimHostOptions {
  /** Control API port on 127.0.0.1; 0 = any free port. */
  readonly controlPort: number;
  /** How the kiosk reaches the simulated reader: a PTY pair (socat) or a TCP port. */
  readonly transport: 'pty' | 'tcp';
  /** TCP port of the ID-card reader for `transport: 'tcp'`; 0 = any free port. */
  readonly tcpPort: number;
  /** Baud rate the ID-card reader simulator paces its output at. */
  readonly baudRate: number;
  /** JSON file of the card presented at start; default none (the reader starts empty). */
  readonly cardFile?: string;
  /** Fault of the ID-card reader active from the start. */
  readonly fault?: string;
  /** Receives diagnostics (one line each). Default stderr. */
  readonly log?: (line: string) => void;
}

/** A running simulator host. */
export interface SimHost {
  /** The ready message: control URL and the port each device is reachable at. */
  readonly ready: { event: 'sim.ready'; control: string; ports: Record<string, string> };
  /** Stops everything (socat included). */
  stop(): Promise<void>;
}

/** Starts the simulators and the control API. */
export async function startSimHost(options: SimHostOptions): Promise<SimHost> {
  const log = options.log ?? ((line: string) => console.error(line));
  const card = options.cardFile !== undefined ? await readSimCardFile(options.cardFile) : undefined;
  const reader = idCardSimDevice(options.baudRate, card);
  if (options.fault !== undefined) {
    if (!Object.hasOwn(reader.sim.faults, options.fault))
      throw new UsageError(`unknown fault ${options.fault}`);
    reader.sim.setFault(options.fault);
  }
  const others = Object.entries(SIMULATED_DEVICES)
    .filter(([key]) => key !== reader.key)
    .map(([, create]) => create(undefined));
  const devices: SimulatedDevice[] = [reader, ...others];
  const links: Array<{ port: string; stop: () => Promise<void> }> = [];
  const stopLinks = () => Promise.all(links.map((l) => l.stop()));
  try {
    for (const device of devices) {
      const tcpPort = device === reader ? options.tcpPort : 0;
      links.push(
        options.transport === 'tcp'
          ? await serveSimulatorOverTcp(device.sim, '127.0.0.1', tcpPort).then((s) => ({
              port: s.spec,
              stop: () => s.close(),
            }))
          : await startPtyLink(
              device.sim,
              device.baudRate,
              (message) =>
                log(JSON.stringify({ event: 'sim.warning', device: device.key, message })),
              device.key,
            ),
      );
    }
  } catch (error) {
    await stopLinks();
    throw error;
  }
  const ports = Object.fromEntries(devices.map((d, i) => [d.deviceId, links[i]?.port ?? '']));
  const control = await startControlServer(devices, options.controlPort, () => ({
    transport: options.transport,
    ports,
  })).catch(async (error: unknown) => {
    await stopLinks();
    throw error;
  });
  return {
    ready: { event: 'sim.ready', control: control.url, ports },
    async stop() {
      await control.close();
      await stopLinks();
    },
  };
}

/** Parses the command line of the sim-host process. */
export function simHostOptions(argv: readonly string[]): SimHostOptions {
  const args = parseArgs(argv, ['control-port', 'transport', 'tcp-port', 'baud', 'card', 'fault']);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const transport = args.flags.get('transport') ?? 'pty';
  if (transport !== 'pty' && transport !== 'tcp')
    throw new UsageError('--transport must be pty or tcp');
  const cardFile = args.flags.get('card');
  const fault = args.flags.get('fault');
  return {
    controlPort: intFlag(args, 'control-port', 0, 0, 65535),
    transport,
    tcpPort: intFlag(args, 'tcp-port', 0, 0, 65535),
    baudRate: intFlag(args, 'baud', 115_200, 0, 4_000_000),
    ...(cardFile !== undefined ? { cardFile } : {}),
    ...(fault !== undefined ? { fault } : {}),
  };
}

async function main(): Promise<void> {
  let host: SimHost;
  try {
    host = await startSimHost(simHostOptions(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : String(error));
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(host.ready)}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void main();
